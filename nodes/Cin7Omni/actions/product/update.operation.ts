import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { locatorValue, readId } from '../../../shared/params';
import { productLocator } from '../../helpers/locators';
import { omniBatchJob } from '../../helpers/batchJob';
import { requireChanges } from '../../helpers/changes';
import { buildProduct, buildProductOptions, productFieldOptions, productOptionsProperty } from './fields';

const properties: INodeProperties[] = [
	productLocator,
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
			const id = readId(this, i, 'Product', locatorValue(this, i, 'productId'));
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
