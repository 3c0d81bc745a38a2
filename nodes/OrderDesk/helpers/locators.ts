import { byId, KEY_FORMATS, recordLocator } from '../../shared/resourceLocator';

/** Order Desk's order field (nodes/shared/resourceLocator.ts): search, or the order's whole-number ID. */
export const orderLocator = recordLocator({
	displayName: 'Order',
	name: 'orderId',
	description: 'The Order Desk order: search by order ID, source ID or email, or give its ID',
	searchListMethod: 'searchOrders',
	typed: [byId(KEY_FORMATS.wholeNumber, 'Not an Order Desk order ID (a whole number above 0)')],
});
