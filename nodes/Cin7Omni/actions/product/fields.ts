import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/items';
import { compact, pairsToObject } from '../../../shared/params';
import { customFieldsProperty } from '../../helpers/fields';

/** A text field sent as the product or option field `name`; an empty one is not sent. */
const text = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description: `${description} (sent as ${name}; left empty, it is not sent)`,
});

// Prices are text fields so that an empty one is left out instead of writing 0 over a price.
const PRICE_FIELDS = ['retailPrice', 'wholesalePrice', 'vipPrice', 'specialPrice'];

const price = (displayName: string, name: string, what: string) =>
	text(displayName, name, `${what}, a number in the account currency (e.g. 19.95)`);

/** Product (style) statuses; Inactive is how Omni retires a product (it never deletes one). */
export const productStatusOptions = [
	{ name: 'Inactive', value: 'Inactive' },
	{ name: 'Internal', value: 'Internal' },
	{ name: 'Public', value: 'Public' },
	{ name: 'Show in B2B', value: 'ShowInB2B' },
];

export const productFieldOptions: INodeProperties[] = [
	text('Brand', 'brand', 'Brand name'),
	text('Category', 'category', 'Category name, as set up in Cin7 Omni'),
	customFieldsProperty,
	text('Description', 'description', 'Product description (HTML allowed, as in Cin7 Omni)'),
	text('Name', 'name', 'Product name (at most 250 characters)'),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: productStatusOptions,
		default: 'Public',
		description: 'Product status (sent as status): Public, Show in B2B, Internal, or Inactive to retire the product',
	},
	text('Style Code', 'styleCode', 'Unique product code'),
	text('Sub Category', 'subCategory', 'Sub-category name, as set up in Cin7 Omni'),
	text('Supplier ID', 'supplierId', 'Cin7 Omni contact ID of the supplier, a whole number'),
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
				text('Barcode', 'productOptionBarcode', 'Option barcode (at most 13 characters)'),
				text('Option 1', 'option1', 'First option value, e.g. the size (labelled by the product\'s Option Label 1)'),
				text('Option 2', 'option2', 'Second option value, e.g. the colour'),
				text('Option 3', 'option3', 'Third option value'),
				text('Option ID', 'id', 'Existing option ID (updates only)'),
				text('Price Columns', 'priceColumns', 'Extra price columns as Name=Price pairs, e.g. "EUR=12.5, Trade=9"'),
				price('Retail Price', 'retailPrice', 'Retail price'),
				text('SKU', 'productOptionCode', 'Product option code (at most 20 characters)'),
				price('Special Price', 'specialPrice', 'Special (sale) price'),
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
					description: 'Option status (sent as status): Primary, Active, or Disabled to retire the option; Keep Current sends nothing',
				},
				text('Supplier Code', 'supplierCode', "The supplier's code for this option"),
				price('VIP Price', 'vipPrice', 'VIP price'),
				price('Wholesale Price', 'wholesalePrice', 'Wholesale price'),
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
