import { byId, KEY_FORMATS, recordLocator } from '../../shared/resourceLocator';

/** Cin7 Omni's record fields (nodes/shared/resourceLocator.ts): search, or a whole-number ID. */
const omniId = (noun: string) => byId(KEY_FORMATS.wholeNumber, `Not a Cin7 Omni ${noun} ID (a whole number above 0)`);

export const contactLocator = recordLocator({
	displayName: 'Contact',
	name: 'contactId',
	description: 'The Cin7 Omni contact: search by company, name or email, or give its ID',
	searchListMethod: 'searchContacts',
	typed: [omniId('contact')],
});

export const productLocator = recordLocator({
	displayName: 'Product',
	name: 'productId',
	description: 'The Cin7 Omni product (style): search by name or style code, or give its ID',
	searchListMethod: 'searchProducts',
	typed: [omniId('product')],
});

export const salesOrderLocator = recordLocator({
	displayName: 'Sales Order',
	name: 'orderId',
	description: 'The Cin7 Omni sales order: search by reference, company or email, or give its ID',
	searchListMethod: 'searchSalesOrders',
	typed: [omniId('sales order')],
});
