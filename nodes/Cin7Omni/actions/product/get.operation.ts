import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { readId } from '../../../shared/params';
import { omniGetById } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'string',
		required: true,
		default: '',
		description: 'The Cin7 Omni product (style) ID; the result includes its options with prices',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	return await omniGetById.call(this, 'Products', readId(this, i, 'Product ID', this.getNodeParameter('productId', i, '')));
}
