import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import { batchWrite } from '../../helpers/batchWrite';
import { hasChanges } from '../../helpers/compact';
import { readId } from '../../helpers/params';
import { buildProduct, buildProductOptions, productFieldOptions, productOptionsProperty } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Product ID', name: 'productId', type: 'string', required: true, default: '' },
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

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await batchWrite(this, 'PUT', 'Products', (i) => {
		const id = readId(this, i, 'productId', 'Product ID');
		const options = buildProductOptions(this, i, this.getNodeParameter('productOptions', i, {}) as IDataObject);
		const record: IDataObject = {
			id,
			...buildProduct(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject),
			...(options.length ? { productOptions: options } : {}),
		};
		if (!hasChanges(record)) throw inputError(this, i, 'Update Fields', 'has nothing to update');
		return record;
	});
}
