import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { readId } from '../../../shared/params';
import { omniBatchJob } from '../../helpers/batchJob';
import { requireChanges } from '../../helpers/changes';
import { buildProduct, buildProductOptions, productFieldOptions, productOptionsProperty } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'string',
		required: true,
		default: '',
		description: 'The Cin7 Omni product (style) ID to update, a whole number',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields set here are sent; empty values are left out so they are not cleared',
		options: productFieldOptions,
	},
	{ ...productOptionsProperty, description: 'Options to update (give the Option ID) or add' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['update'] } },
	properties,
);

export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	return await batchWrite(this, {
		...omniBatchJob(this, { method: 'PUT', resource: 'Products' }),
		build: (i) => {
			const id = readId(this, i, 'Product ID', this.getNodeParameter('productId', i, ''));
			const options = buildProductOptions(this, i, this.getNodeParameter('productOptions', i, {}) as IDataObject);
			const record: IDataObject = {
				id,
				...buildProduct(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject),
				...(options.length ? { productOptions: options } : {}),
			};
			return { record: requireChanges(this, i, record) };
		},
	});
}
