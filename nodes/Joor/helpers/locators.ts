import { byId, recordLocator, type KeyFormat } from '../../shared/resourceLocator';

/** JOOR order IDs (PO numbers) are numbers or short codes of letters, digits and dashes. */
export const ORDER_ID_FORMAT: KeyFormat = { regex: '[A-Za-z0-9][A-Za-z0-9_-]*', placeholder: 'e.g. 4216377' };

/** The order field of Order → Get: pick from recent orders or type the ID. */
export const orderLocator = recordLocator({
	displayName: 'Order',
	name: 'orderId',
	description: 'The JOOR order (its ID is the PO number)',
	searchListMethod: 'searchOrders',
	typed: [byId(ORDER_ID_FORMAT, 'A JOOR order ID has letters, digits and dashes only')],
});
