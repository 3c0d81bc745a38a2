import type { INodeProperties } from 'n8n-workflow';

/** Optional product fields, named as Cin7 Core names them so they pass straight through. */
export const productFieldOptions: INodeProperties[] = [
	{ displayName: 'Barcode', name: 'Barcode', type: 'string', default: '', description: 'Barcode of the product, e.g. its EAN or UPC' },
	{ displayName: 'Brand', name: 'Brand', type: 'string', default: '', description: 'Brand name' },
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
		description: 'How stock of the product is costed; the batch and serial number methods track batches or serial numbers',
	},
	{
		displayName: 'Description',
		name: 'Description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Full description of the product',
	},
	{
		displayName: 'Extra Fields (JSON)',
		name: 'extraJson',
		type: 'json',
		default: '{}',
		description: 'Any other product fields as Cin7 Core names them, e.g. {"PriceTier2": 12.5, "Weight": 0.3}',
	},
	{ displayName: 'Name', name: 'Name', type: 'string', default: '', description: 'Product name' },
	{
		displayName: 'Price Tier 1',
		name: 'PriceTier1',
		type: 'number',
		typeOptions: { numberPrecision: 4 },
		default: 0,
		description: 'Price in the first price tier',
	},
	{ displayName: 'Short Description', name: 'ShortDescription', type: 'string', default: '', description: 'One-line summary of the product' },
	{
		displayName: 'Status',
		name: 'Status',
		type: 'options',
		options: [
			{ name: 'Active', value: 'Active' },
			{ name: 'Deprecated', value: 'Deprecated' },
		],
		default: 'Active',
		description: 'Deprecated retires the product without deleting it',
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
