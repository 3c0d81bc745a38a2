import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { requiredText } from '../../../shared/params';
import { coreRequest } from '../../transport';
import { CREATE_DEFAULTS, firstProduct, productBody } from './body';
import { productFieldOptions } from './fields';
import { findProductBySku } from './find';

const properties: INodeProperties[] = [
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		required: true,
		default: '',
		description: 'The product with this SKU is updated, or created when none exists',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'On create, Name and Category are required; Type, Costing Method, Unit of Measure and Status have defaults',
		options: productFieldOptions,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['upsert'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const sku = requiredText(this, i, 'SKU', this.getNodeParameter('sku', i, ''));
	const fields = productBody(this, i, 'fields');
	const existing = await findProductBySku(this, sku);
	if (existing) {
		// Type is read-only once a product exists.
		delete fields.Type;
		const body = { ...fields, ID: existing.ID, SKU: existing.SKU };
		return firstProduct(this, i, await coreRequest.call(this, 'PUT', '/product', undefined, body));
	}
	if (!fields.Name) throw inputError(this, i, 'Name', 'is required to create a product that does not exist yet');
	if (!fields.Category) throw inputError(this, i, 'Category', 'is required to create a product that does not exist yet');
	const body = { ...CREATE_DEFAULTS, ...fields, SKU: sku };
	return firstProduct(this, i, await coreRequest.call(this, 'POST', '/product', undefined, body));
}
