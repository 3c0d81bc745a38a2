import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import { batchWrite } from '../../helpers/batchWrite';
import { buildProduct, buildProductOptions, productFieldOptions, productOptionsProperty } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
	{ displayName: 'Style Code', name: 'styleCode', type: 'string', default: '', description: 'Unique product code' },
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

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await batchWrite(this, 'POST', 'Products', (i) => {
		const name = String(this.getNodeParameter('name', i, '') ?? '').trim();
		if (!name) throw inputError(this, i, 'Name', 'is empty');
		const options = buildProductOptions(this, i, this.getNodeParameter('productOptions', i, {}) as IDataObject);
		if (!options.length) throw inputError(this, i, 'Product Options (SKUs)', 'needs at least one option');
		const product = buildProduct(this, i, {
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
			name,
			styleCode: this.getNodeParameter('styleCode', i, '') as string,
		});
		return { ...product, productOptions: options };
	});
}
