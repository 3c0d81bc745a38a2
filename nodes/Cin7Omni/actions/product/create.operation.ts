import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import type { ItemOutcomes } from '../../../shared/operation';
import { requiredText } from '../../../shared/params';
import { omniBatchJob } from '../../helpers/batchJob';
import { buildProduct, buildProductOptions, productFieldOptions, productOptionsProperty } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'Product name (sent as name; at most 250 characters)' },
	{
		displayName: 'Style Code',
		name: 'styleCode',
		type: 'string',
		default: '',
		description: 'Unique product code (sent as styleCode); a style code already used rejects the product',
	},
	{ ...productOptionsProperty, description: 'At least one option (SKU) is required' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: productFieldOptions.filter((o) => o.name !== 'name' && o.name !== 'styleCode'),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['create'] } },
	properties,
);

export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	return await batchWrite(this, {
		...omniBatchJob(this, { method: 'POST', resource: 'Products' }),
		build: (i) => {
			const name = requiredText(this, i, 'Name', this.getNodeParameter('name', i, ''));
			const options = buildProductOptions(this, i, this.getNodeParameter('productOptions', i, {}) as IDataObject);
			if (!options.length) throw inputError(this, i, 'Product Options (SKUs)', 'needs at least one option');
			const product = buildProduct(this, i, {
				...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
				name,
				styleCode: this.getNodeParameter('styleCode', i, '') as string,
			});
			return { record: { ...product, productOptions: options } };
		},
	});
}
