import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { orderLane, ORDERS_IN_FLIGHT } from '../../helpers/locators';
import { recordOf } from '../../helpers/orders';
import { mayHaveApplied, shipmentLanded } from '../../helpers/recover';
import { orderDeskRequest, seg } from '../../transport';
import { readShipment, shipmentProperties } from './fields';

const properties: INodeProperties[] = [...shipmentProperties];

export const description = updateDisplayOptions({ show: { resource: ['shipment'], operation: ['add'] } }, properties);

/**
 * One shipment on one order (`POST /orders/{id}/shipments`). After a failure that may hide a
 * written shipment, the order is read and the shipment sent again only when it is not there
 * (helpers/recover.ts).
 */
/** A few items in flight, one at a time per order (helpers/locators.ts). */
export const inFlight = ORDERS_IN_FLIGHT;
export function lane(this: IExecuteFunctions, i: number): string {
	return orderLane(this, i);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const { order_id: orderId, ...shipment } = readShipment(this, i);
	const post = async () => recordOf(await orderDeskRequest.call(this, 'POST', `/orders/${seg(orderId)}/shipments`, undefined, shipment), 'shipment');
	const written = await post().catch(async (error: unknown) => {
		if (!mayHaveApplied(error)) throw error;
		return (await shipmentLanded(this, orderId, shipment.tracking_number)) ?? (await post());
	});
	return { order_id: orderId, ...written };
}
