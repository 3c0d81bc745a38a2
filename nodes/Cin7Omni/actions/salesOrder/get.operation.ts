import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { locatorValue, readId } from '../../../shared/params';
import { omniGetById } from '../../transport';
import { orderIdProperty } from './fields';

const properties: INodeProperties[] = [
	orderIdProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['salesOrder'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	return await omniGetById.call(this, 'SalesOrders', readId(this, i, 'Sales Order', locatorValue(this, i, 'orderId')));
}
