import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { httpStatusOf, type RequestContext } from '../../shared/http';
import { orderDeskRequest, seg } from '../transport';
import { parseOrderDeskDate } from '../transport/dates';
import { recordOf } from './orders';
import { storeTimeZone } from './store';

/**
 * Writes that Order Desk does not de-duplicate (a history note, a shipment) are not retried
 * blindly after a failure that may hide an applied write (docs/architecture.md, "Transport"):
 * the order is read first, and only what is not there is sent again.
 */

/** A dropped connection, a gateway or server error, or a body cut short: the write may have landed. */
export function mayHaveApplied(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const status = httpStatusOf(error);
	return status === undefined || [200, 500, 502, 504].includes(status);
}

/** The order, or undefined when Order Desk has no such order. */
export async function readOrder(ctx: RequestContext, id: string): Promise<IDataObject | undefined> {
	const body = await orderDeskRequest.call(ctx, 'GET', `/orders/${seg(id)}`).catch((error: unknown) => {
		if (httpStatusOf(error) === 404) return undefined;
		throw error;
	});
	return body ? recordOf(body, 'order') : undefined;
}

/** Clock differences and whole-second dates: a note this much older than our send is not ours. */
const NOTE_SLACK_MS = 120_000;

/** Whether the order holds this note, added no earlier than shortly before `sentAtMs`. */
export async function noteLanded(ctx: RequestContext, orderId: string, note: string, sentAtMs: number): Promise<boolean> {
	const order = await readOrder(ctx, orderId);
	if (!order) return false;
	const zone = await storeTimeZone(ctx);
	const notes = Array.isArray(order.order_notes) ? (order.order_notes as IDataObject[]) : [];
	return notes.some((n) => {
		if (String(n.content ?? n.note ?? '') !== note) return false;
		const added = parseOrderDeskDate(n.date_added, zone);
		return !added || added.getTime() >= sentAtMs - NOTE_SLACK_MS;
	});
}

/** The shipment with this tracking number on the order, if the order has one. */
export async function shipmentLanded(ctx: RequestContext, orderId: string, trackingNumber: string): Promise<IDataObject | undefined> {
	const order = await readOrder(ctx, orderId);
	const shipments = Array.isArray(order?.order_shipments) ? (order?.order_shipments as IDataObject[]) : [];
	return shipments.find((s) => String(s.tracking_number ?? '') === trackingNumber);
}
