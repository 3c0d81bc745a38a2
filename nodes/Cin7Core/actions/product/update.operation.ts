import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { locatorValue, requiredText } from '../../../shared/params';
import { productLocator } from '../../helpers/locators';
import { coreRequest } from '../../transport';
import { firstProduct, productBody } from './body';
import { productFieldOptions } from './fields';

const properties: INodeProperties[] = [
	productLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Fields to change; fields not set keep their current values',
		options: [
			...productFieldOptions.filter((o) => o.name !== 'Type'),
			{ displayName: 'SKU', name: 'SKU', type: 'string', default: '', description: 'New SKU of the product' } as INodeProperties,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const id = requiredText(this, i, 'Product', locatorValue(this, i, 'productId'));
	const fields = productBody(this, i, 'updateFields');
	if (!Object.keys(fields).length) throw inputError(this, i, 'Update Fields', 'are empty: nothing to update');
	return firstProduct(this, i, await coreRequest.call(this, 'PUT', '/product', undefined, { ...fields, ID: id }));
}
