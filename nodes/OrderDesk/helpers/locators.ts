import type { IExecuteFunctions } from 'n8n-workflow';

import { locatorValue, readId } from '../../shared/params';
import { byId, KEY_FORMATS, recordLocator } from '../../shared/resourceLocator';

/** Order Desk's order field (nodes/shared/resourceLocator.ts): search, or the order's whole-number ID. */
export const orderLocator = recordLocator({
	displayName: 'Order',
	name: 'orderId',
	description: 'The Order Desk order: search by order ID, source ID or email, or give its ID',
	searchListMethod: 'searchOrders',
	typed: [byId(KEY_FORMATS.wholeNumber, 'Not an Order Desk order ID (a whole number above 0)')],
});

/**
 * Per-order writes on their way at once (docs/architecture.md, "Operations and the router"). The
 * store's bucket (transport/bucket.ts) decides when each call goes; a few in flight only keep its
 * refill in use while answers travel (one at a time ran at 54–68 % of 3 calls a second). At 3 a
 * second and answers within a second, 4 is enough; more would only queue at the bucket.
 */
export const ORDERS_IN_FLIGHT = 4;

/** An item's lane: the order it writes, so two items on one order never overlap. */
export function orderLane(ctx: IExecuteFunctions, i: number): string {
	return `order ${readId(ctx, i, 'Order', locatorValue(ctx, i, 'orderId'))}`;
}
