import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { requiredText } from '../../../shared/params';
import { getSale } from './find';

const properties: INodeProperties[] = [
	{ displayName: 'Sale ID', name: 'saleId', type: 'string', required: true, default: '', description: 'ID of the sale in Cin7 Core' },
];

export const description = updateDisplayOptions({ show: { resource: ['sale'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	return await getSale(this, requiredText(this, i, 'Sale ID', this.getNodeParameter('saleId', i, '')));
}
