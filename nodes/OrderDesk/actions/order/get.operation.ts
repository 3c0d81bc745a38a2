import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { locatorValue, readId } from '../../../shared/params';
import { orderLocator } from '../../helpers/locators';
import { recordOf } from '../../helpers/orders';
import { orderDeskRequest, seg } from '../../transport';

const properties: INodeProperties[] = [orderLocator];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const id = readId(this, i, 'Order', locatorValue(this, i, 'orderId'));
	return recordOf(await orderDeskRequest.call(this, 'GET', `/orders/${seg(id)}`), 'order');
}
