import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildRecords } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import type { ItemOutcomes } from '../../../shared/operation';
import { readJson, requiredText } from '../../../shared/params';
import { csvNumber, toCsv } from '../../helpers/csv';

const properties: INodeProperties[] = [
	{
		displayName: 'Item',
		name: 'item',
		type: 'string',
		default: '',
		required: true,
		description: 'The product\'s unique ID (e.g. the SKU); sales data must use the same value',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
		description: 'The product name shown in recommendations; line breaks become spaces',
	},
	{
		displayName: 'Link',
		name: 'link',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://shop.example.com/products/sku-1',
		description: 'The product page on the shop (http or https)',
	},
	{
		displayName: 'Additional Columns',
		name: 'additionalColumns',
		type: 'collection',
		placeholder: 'Add Column',
		default: {},
		options: [
			{ displayName: 'Available', name: 'available', type: 'boolean', default: true, description: 'Whether the product can be bought (map it from available to sell, not on hand)' },
			{ displayName: 'Brand', name: 'brand', type: 'string', default: '', description: 'The product\'s brand' },
			{ displayName: 'Category', name: 'category', type: 'string', default: '', description: 'Levels separated by >, several categories by |, e.g. Women > Shoes|Sale' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Line breaks become spaces (Emarsys files cannot carry them)' },
			{ displayName: 'Image', name: 'image', type: 'string', default: '', description: 'Image URL (JPEG, PNG or GIF; Emarsys does not support WEBP)' },
			{ displayName: 'MSRP', name: 'msrp', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'Recommended retail price' },
			{ displayName: 'Price', name: 'price', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'The selling price' },
			{ displayName: 'Zoom Image', name: 'zoom_image', type: 'string', default: '', description: 'Large image URL (not WEBP)' },
		],
	},
	{
		displayName: 'Custom Columns (JSON)',
		name: 'customColumns',
		type: 'json',
		default: '{}',
		description: 'Extra columns, each named c_…, e.g. {"c_stock": 12, "c_color": "red"}',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: 'emarsys-catalog.csv',
		description: 'Name given to the file in the output',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['catalog'], operation: ['build'] } }, properties);

/** The order Emarsys documents its columns in; item, title and link are required. */
const KNOWN = ['item', 'title', 'link', 'available', 'image', 'zoom_image', 'category', 'price', 'msrp', 'brand', 'description'];
const TEXT_FLATTENED = ['title', 'category', 'description', 'brand'];
const URLS = ['link', 'image', 'zoom_image'];
const CUSTOM = /^c_[A-Za-z0-9_]+$/;

function readRow(ctx: IExecuteFunctions, i: number): Record<string, unknown> {
	const extra = ctx.getNodeParameter('additionalColumns', i, {}) as IDataObject;
	const custom = readJson<IDataObject>(ctx, i, 'Custom Columns (JSON)', ctx.getNodeParameter('customColumns', i, '{}'), 'object', '{"c_stock": 12}') ?? {};
	const row: Record<string, unknown> = {
		item: requiredText(ctx, i, 'Item', ctx.getNodeParameter('item', i)),
		title: requiredText(ctx, i, 'Title', ctx.getNodeParameter('title', i)),
		link: requiredText(ctx, i, 'Link', ctx.getNodeParameter('link', i)),
	};
	for (const [name, value] of Object.entries(extra)) {
		if (value === undefined || value === null || value === '') continue;
		if (name === 'available') row.available = value === true || value === 'true' ? 'true' : 'false';
		else if (name === 'price' || name === 'msrp') {
			const n = Number(value);
			if (!Number.isFinite(n) || n < 0) throw inputError(ctx, i, `Additional Columns ${name}`, `is not a price ("${String(value)}")`);
			row[name] = csvNumber(n);
		} else row[name] = String(value);
	}
	for (const [name, value] of Object.entries(custom)) {
		if (!CUSTOM.test(name)) throw inputError(ctx, i, 'Custom Columns (JSON)', `has "${name}": custom column names start with c_`);
		row[name] = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
	}
	for (const [name, value] of Object.entries(row)) {
		const text = String(value);
		if (!/[\r\n]/.test(text)) continue;
		if (TEXT_FLATTENED.includes(name)) row[name] = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
		else throw inputError(ctx, i, name === 'item' ? 'Item' : name, 'holds a line break, which Emarsys product files cannot carry');
	}
	for (const name of URLS) {
		if (row[name] === undefined) continue;
		const url = String(row[name]);
		if (!/^https?:\/\/\S+$/i.test(url)) throw inputError(ctx, i, name === 'link' ? 'Link' : `Additional Columns ${name}`, `is not an http(s) URL ("${url}")`);
		if (name !== 'link' && /\.webp(?:$|[?#])/i.test(url)) {
			throw inputError(ctx, i, `Additional Columns ${name}`, `is a WEBP image, which Emarsys does not support ("${url}")`);
		}
	}
	return row;
}

/**
 * Turns the input items (one per product) into an Emarsys product CSV: one output item with the
 * file as text (`csv`, ready for a Respond to Webhook node) and as binary `data` (Emarsys fetches the file from a URL
 * and each import replaces the whole catalog). Every row is checked the way Emarsys checks a file:
 * item, title and link present, item unique, http(s) links, no WEBP images, no line breaks.
 * A product that fails is its item's error; with "continue on fail" the file holds the others.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const outcomes: ItemOutcomes = new Map();
	const seen = new Map<string, number>();
	const rows = buildRecords(this, (i) => {
		const row = readRow(this, i);
		const item = String(row.item);
		const first = seen.get(item);
		if (first !== undefined) throw inputError(this, i, 'Item', `"${item}" repeats item ${first}: each product must appear once`);
		seen.set(item, i);
		return { record: row, key: item };
	}, outcomes);

	if (!rows.length) return outcomes;
	const present = new Set(rows.flatMap((r) => Object.keys(r.record)));
	const columns = [
		...KNOWN.filter((c) => present.has(c)),
		...[...present].filter((c) => CUSTOM.test(c)).sort(),
	];
	const csv = toCsv(columns, rows.map((r) => r.record));
	const fileName = String(this.getNodeParameter('fileName', 0, 'emarsys-catalog.csv') || 'emarsys-catalog.csv');
	// One file for all products: it rides on the first product's item, as text (`csv`, for Respond to
	// Webhook) and as a file (binary `data`, for Write File, FTP, e-mail or n8n's own file responses).
	const binary = { data: await this.helpers.prepareBinaryData(Buffer.from(csv, 'utf8'), fileName, 'text/csv') };
	outcomes.set(rows[0].itemIndex, { ok: true, json: { fileName, mimeType: 'text/csv', rows: rows.length, columns, csv }, binary });
	return outcomes;
}
