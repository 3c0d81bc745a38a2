import type { IDataObject } from 'n8n-workflow';

import { OrderDeskApi } from '../../../credentials/OrderDeskApi.credentials';
import { OrderDesk } from '../../../nodes/OrderDesk/OrderDesk.node';
import { OrderDeskTrigger } from '../../../nodes/OrderDesk/OrderDeskTrigger.node';
import { resetBuckets } from '../../../nodes/OrderDesk/transport';
import { systemFixture } from '../helpers/systemFixture';

export const STORE_ID = 'store-4711';
export const LEAK_MARKER = 'unit-test-key-4711';

export const od = systemFixture({
	credentialType: new OrderDeskApi(),
	credentials: {
		storeId: STORE_ID,
		apiKey: LEAK_MARKER,
		baseUrl: 'https://orderdesk.test/api/v2',
		timeZone: 'UTC',
		bucketSize: 20,
		refillPerSecond: 3,
	},
	host: 'https://orderdesk.test',
	basePath: '/api/v2',
	authHeaders: { 'ORDERDESK-STORE-ID': STORE_ID, 'ORDERDESK-API-KEY': LEAK_MARKER },
	reset: resetBuckets,
	node: OrderDesk,
	trigger: OrderDeskTrigger,
});

/** The store answer with its folders as Order Desk's `{id: name}` map. */
export const storeBody = (extra: IDataObject = {}) => ({
	status: 'success',
	store: {
		id: STORE_ID,
		name: 'Test store',
		folders: { '1': 'New', '10': 'Submit to Cin7', '12': 'After import', '14': 'Cin7 Errors' },
		...extra,
	},
});

/** An order as Order Desk serves it. */
export const order = (id: number, extra: IDataObject = {}): IDataObject => ({
	id: String(id),
	source_id: `SRC-${id}`,
	email: `buyer${id}@example.com`,
	folder_id: 10,
	date_added: '2026-01-01 00:00:00',
	date_updated: '2026-01-01 00:00:00',
	checkout_data: { ShipMethod: 'Ground' },
	order_metadata: { marketplace_order_ref: `M-${id}` },
	order_items: [
		{ id: `${id}1`, code: 'SKU-1', name: 'One', price: 10, quantity: 1, metadata: {} },
		{ id: `${id}2`, code: 'SKU-2', name: 'Two', price: 5, quantity: 2, metadata: {} },
	],
	shipping: { first_name: 'Ann', last_name: 'Lee', city: 'Boston', country: 'US' },
	...extra,
});

/** A list answer of orders. */
export const orderList = (orders: IDataObject[], total = orders.length) => ({
	status: 'success',
	records_returned: orders.length,
	total_records: total,
	orders,
});
