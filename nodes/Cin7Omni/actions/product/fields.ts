import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/items';
import { compact, pairsToObject } from '../../../shared/params';
import { customFieldsProperty } from '../../helpers/fields';

const text = (displayName: string, name: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...(description ? { description } : {}),
});

// Prices are text fields so that an empty one is left out instead of writing 0 over a price.
const PRICE_FIELDS = ['retailPrice', 'wholesalePrice', 'vipPrice', 'specialPrice'];

export const productFieldOptions: INodeProperties[] = [
	text('Brand', 'brand'),
	text('Category', 'category'),
	customFieldsProperty,
	text('Description', 'description'),
	text('Name', 'name'),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Inactive', value: 'Inactive' },
			{ name: 'Internal', value: 'Internal' },
			{ name: 'Public', value: 'Public' },
			{ name: 'Show in B2B', value: 'ShowInB2B' },
		],
		default: 'Public',
	},
	text('Style Code', 'styleCode', 'Unique product code'),
	text('Sub Category', 'subCategory'),
	text('Supplier ID', 'supplierId'),
	text('Tags', 'tags', 'Comma-separated tags'),
];

export const productOptionsProperty: INodeProperties = {
	displayName: 'Product Options (SKUs)',
	name: 'productOptions',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Option',
			name: 'option',
			values: [
				text('Barcode', 'productOptionBarcode'),
				text('Option 1', 'option1'),
				text('Option 2', 'option2'),
				text('Option 3', 'option3'),
				text('Option ID', 'id', 'Existing option ID (updates only)'),
				text('Price Columns', 'priceColumns', 'Extra price columns as Name=Price pairs, e.g. "EUR=12.5, Trade=9"'),
				text('Retail Price', 'retailPrice'),
				text('SKU', 'productOptionCode', 'Product option code (at most 20 characters)'),
				text('Special Price', 'specialPrice'),
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: [
						{ name: 'Active', value: 'Active' },
						{ name: 'Disabled', value: 'Disabled' },
						{ name: 'Keep Current', value: '' },
						{ name: 'Primary', value: 'Primary' },
					],
					default: '',
				},
				text('Supplier Code', 'supplierCode'),
				text('VIP Price', 'vipPrice'),
				text('Wholesale Price', 'wholesalePrice'),
			],
		},
	],
};

function toNumber(ctx: IExecuteFunctions, i: number, value: unknown, field: string): number | undefined {
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	const n = Number(String(value).trim());
	if (!Number.isFinite(n)) throw inputError(ctx, i, field, `is not a number ("${String(value)}")`);
	return n;
}

function parsePriceColumns(ctx: IExecuteFunctions, i: number, value: unknown, field: string): IDataObject | undefined {
	const textValue = String(value ?? '').trim();
	if (!textValue) return undefined;
	const out: IDataObject = {};
	for (const part of textValue.split(',')) {
		const at = part.lastIndexOf('=');
		const name = part.slice(0, at).trim();
		if (at <= 0 || !name) throw inputError(ctx, i, field, `must be Name=Price pairs ("${part.trim()}")`);
		out[name] = toNumber(ctx, i, part.slice(at + 1), field) as number;
	}
	return out;
}

export function buildProductOptions(ctx: IExecuteFunctions, i: number, collection: IDataObject | undefined): IDataObject[] {
	return ((collection?.option as IDataObject[]) ?? []).map((option, n) => {
		const label = `Product Options (SKUs) #${n + 1}`;
		const record: IDataObject = { ...option };
		for (const field of PRICE_FIELDS) record[field] = toNumber(ctx, i, option[field], `${label} → ${field}`);
		record.id = toNumber(ctx, i, option.id, `${label} → Option ID`);
		record.priceColumns = parsePriceColumns(ctx, i, option.priceColumns, `${label} → Price Columns`);
		return compact(record, 'deep');
	});
}

export function buildProduct(ctx: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const { customFields, supplierId, ...plain } = fields;
	const custom = pairsToObject(customFields as IDataObject);
	return compact(
		{
			...plain,
			supplierId: toNumber(ctx, i, supplierId, 'Supplier ID'),
			...(Object.keys(custom).length ? { customFields: custom } : {}),
		},
		'deep',
	);
}
