import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { requiredText } from '../../../shared/params';
import { coreRequest } from '../../transport';
import { CREATE_DEFAULTS, firstProduct, productBody } from './body';
import { productFieldOptions } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'SKU', name: 'sku', type: 'string', required: true, default: '', description: 'Unique SKU of the new product' },
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'Product name' },
	{
		displayName: 'Category',
		name: 'category',
		type: 'string',
		required: true,
		default: '',
		description: 'Must already exist in Cin7 Core',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Type, Costing Method, Unit of Measure and Status default to Stock, FIFO, Item and Active',
		options: productFieldOptions.filter((o) => o.name !== 'Name' && o.name !== 'Category'),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const body = {
		...CREATE_DEFAULTS,
		...productBody(this, i, 'additionalFields'),
		SKU: requiredText(this, i, 'SKU', this.getNodeParameter('sku', i, '')),
		Name: requiredText(this, i, 'Name', this.getNodeParameter('name', i, '')),
		Category: requiredText(this, i, 'Category', this.getNodeParameter('category', i, '')),
	};
	return firstProduct(this, i, await coreRequest.call(this, 'POST', '/product', undefined, body));
}
