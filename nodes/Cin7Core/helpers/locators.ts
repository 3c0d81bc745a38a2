import { byId, KEY_FORMATS, recordLocator } from '../../shared/resourceLocator';

/** Cin7 Core's record fields (nodes/shared/resourceLocator.ts): search, or a GUID typed or mapped. */
const coreId = (noun: string) => byId(KEY_FORMATS.guid, `Not a Cin7 Core ${noun} ID (a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6)`);

export const customerLocator = recordLocator({
	displayName: 'Customer',
	name: 'customerId',
	description: 'The Cin7 Core customer: search by name (or exact contact email), or give its ID',
	searchListMethod: 'searchCustomers',
	typed: [coreId('customer')],
});

export const productLocator = recordLocator({
	displayName: 'Product',
	name: 'productId',
	description: 'The Cin7 Core product: search by name or SKU, or give its ID',
	searchListMethod: 'searchProducts',
	typed: [coreId('product')],
});

export const saleLocator = recordLocator({
	displayName: 'Sale',
	name: 'saleId',
	description: 'The Cin7 Core sale: search by order number, customer, invoice number or customer reference, or give its ID',
	searchListMethod: 'searchSales',
	typed: [coreId('sale')],
});
