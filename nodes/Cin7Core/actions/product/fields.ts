import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/items';
import { coreList } from '../../transport';
import { compact, parseJsonField, same } from '../common';

/** Optional product fields, named as Cin7 Core names them so they pass straight through. */
export const productFieldOptions: INodeProperties[] = [
	{ displayName: 'Barcode', name: 'Barcode', type: 'string', default: '' },
	{ displayName: 'Brand', name: 'Brand', type: 'string', default: '' },
	{ displayName: 'Category', name: 'Category', type: 'string', default: '', description: 'Must already exist in Cin7 Core' },
	{
		displayName: 'Costing Method',
		name: 'CostingMethod',
		type: 'options',
		options: [
			{ name: 'FEFO - Batch', value: 'FEFO - Batch' },
			{ name: 'FEFO - Serial Number', value: 'FEFO - Serial Number' },
			{ name: 'FIFO', value: 'FIFO' },
			{ name: 'FIFO - Batch', value: 'FIFO - Batch' },
			{ name: 'FIFO - Serial Number', value: 'FIFO - Serial Number' },
			{ name: 'Special - Batch', value: 'Special - Batch' },
			{ name: 'Special - Serial Number', value: 'Special - Serial Number' },
		],
		default: 'FIFO',
	},
	{ displayName: 'Description', name: 'Description', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{
		displayName: 'Extra Fields (JSON)',
		name: 'extraJson',
		type: 'json',
		default: '{}',
		description: 'Any other product fields as Cin7 Core names them, e.g. {"PriceTier2": 12.5, "Weight": 0.3}',
	},
	{ displayName: 'Name', name: 'Name', type: 'string', default: '' },
	{ displayName: 'Price Tier 1', name: 'PriceTier1', type: 'number', typeOptions: { numberPrecision: 4 }, default: 0 },
	{ displayName: 'Short Description', name: 'ShortDescription', type: 'string', default: '' },
	{
		displayName: 'Status',
		name: 'Status',
		type: 'options',
		options: [
			{ name: 'Active', value: 'Active' },
			{ name: 'Deprecated', value: 'Deprecated' },
		],
		default: 'Active',
	},
	{ displayName: 'Tags', name: 'Tags', type: 'string', default: '', description: 'Comma-separated tags' },
	{
		displayName: 'Type',
		name: 'Type',
		type: 'options',
		options: [
			{ name: 'Service', value: 'Service' },
			{ name: 'Stock', value: 'Stock' },
		],
		default: 'Stock',
		description: 'Read-only once the product exists',
	},
	{ displayName: 'Unit of Measure', name: 'UOM', type: 'string', default: 'Item', description: 'Must already exist in Cin7 Core' },
];

/** Defaults Cin7 Core requires on create. */
export const CREATE_DEFAULTS: IDataObject = { Type: 'Stock', CostingMethod: 'FIFO', UOM: 'Item', Status: 'Active' };

export function productBody(ctx: IExecuteFunctions, i: number, collection: string): IDataObject {
	const raw = { ...(ctx.getNodeParameter(collection, i, {}) as IDataObject) };
	const extra = parseJsonField(ctx, i, 'Extra Fields (JSON)', raw.extraJson, 'object') ?? {};
	delete raw.extraJson;
	return { ...compact(raw), ...extra };
}

/** The product whose SKU equals `sku` (the API's `Sku` filter may match more than one). */
export async function findProductBySku(
	ctx: IExecuteFunctions,
	sku: string,
	extraQs: IDataObject = {},
): Promise<IDataObject | undefined> {
	const rows = await coreList.call(ctx, '/product', 'Products', { Sku: sku, IncludeDeprecated: true, ...extraQs });
	return rows.find((p) => same(p.SKU, sku));
}

export function firstProduct(ctx: IExecuteFunctions, i: number, body: IDataObject): IDataObject {
	const product = (body.Products as IDataObject[] | undefined)?.[0];
	if (!product) throw inputError(ctx, i, 'Product', 'was not returned by Cin7 Core');
	return product;
}
