import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { recordOf } from '../../helpers/orders';
import { orderDeskRequest, seg } from '../../transport';
import { readShipment, shipmentProperties } from './fields';

const properties: INodeProperties[] = [...shipmentProperties];

export const description = updateDisplayOptions({ show: { resource: ['shipment'], operation: ['add'] } }, properties);

/** One shipment on one order (`POST /orders/{id}/shipments`). */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const { order_id: orderId, ...shipment } = readShipment(this, i);
	const body = await orderDeskRequest.call(this, 'POST', `/orders/${seg(orderId)}/shipments`, undefined, shipment);
	return { order_id: orderId, ...recordOf(body, 'shipment') };
}
