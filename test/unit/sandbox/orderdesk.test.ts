// The Order Desk emulation (sandbox/orderdesk.js) against the reference: the two headers, the
// leaky bucket (X-Tokens-Remaining, 429 + X-Retry-After), full-object PUT with 409 on a stale
// read, store-local modified filters, paging, folders, moves, notes, shipments and inventory batches.
import { start, call, Started } from './helpers';

const registry = require('../../../sandbox/systems');
const { leakyBucketWindows } = require('../../../sandbox/orderdesk-bucket');
const { toLocal, parseFilterDate } = require('../../../sandbox/orderdesk-dates');

const HEADERS = { ...registry.authHeaders('orderdesk'), 'Content-Type': 'application/json' };

describe('sandbox: Order Desk', () => {
	let sb: Started;
	let base: string;
	beforeAll(async () => {
		sb = await start({ rateLimits: false });
		base = `${sb.url}/orderdesk/api/v2`;
		// the store's seed is built from both Cin7 seeds on the first call: build it here
		await call(`${base}/test`, { headers: HEADERS });
	}, 30_000);
	afterAll(() => sb.close());
	const od = (path: string, init: { method?: string; body?: unknown } = {}) => call(`${base}${path}`, { ...init, headers: HEADERS });

	it('checks both headers: GET /test answers with the store, a wrong key gets 401', async () => {
		const ok = await od('/test');
		expect(ok.status).toBe(200);
		expect(ok.body).toMatchObject({ status: 'success', store_id: registry.BY_KEY.orderdesk.login.storeId });
		expect(Number(ok.headers.get('x-tokens-remaining'))).toBeLessThanOrEqual(20);
		const bad = await call(`${base}/test`, { headers: { ...HEADERS, 'ORDERDESK-API-KEY': 'wrong' } });
		expect(bad.status).toBe(401);
		expect(bad.body).toEqual({ status: 'error', message: 'Invalid Store ID or API Key' });
	});

	it('pages orders by limit (≤ 500) and offset in a stable order, with folder and source filters', async () => {
		const store = (await od('/store')).body.store;
		const submit = Object.entries(store.folders).find(([, n]) => n === 'Submit to Cin7')![0];
		const all = await od(`/orders?folder_id=${submit}&limit=500&order_by=date_updated&order=asc`);
		expect(all.body.total_records).toBe(all.body.orders.length);
		const pages = [];
		for (let offset = 0; offset < all.body.total_records; offset += 7) pages.push(...(await od(`/orders?folder_id=${submit}&limit=7&offset=${offset}&order_by=date_updated&order=asc`)).body.orders);
		expect(pages.map((o: any) => o.id)).toEqual(all.body.orders.map((o: any) => o.id));
		expect((await od('/orders?limit=501')).status).toBe(400);
		const one = all.body.orders[0];
		const bySource = await od(`/orders?source_id=${encodeURIComponent(one.source_id)}`);
		expect(bySource.body.orders.map((o: any) => o.id)).toEqual([one.id]);
	});

	it('reads modified filters as store-local time or as an ISO instant (both inclusive)', async () => {
		const all = (await od('/orders?limit=500&order_by=date_updated&order=asc')).body.orders;
		const pivot = all[Math.floor(all.length / 2)];
		const local = await od(`/orders?limit=500&modified_start_date=${encodeURIComponent(pivot.date_updated)}`);
		const instant = new Date(parseFilterDate(pivot.date_updated)).toISOString();
		const iso = await od(`/orders?limit=500&modified_start_date=${encodeURIComponent(instant)}`);
		const expected = all.filter((o: any) => o.date_updated >= pivot.date_updated).map((o: any) => o.id).sort();
		expect(local.body.orders.map((o: any) => o.id).sort()).toEqual(expected);
		expect(iso.body.orders.map((o: any) => o.id).sort()).toEqual(expected);
		// the store is on New York time: the same text read as UTC would be 4–5 hours off
		expect(toLocal(Date.parse('2025-01-15T12:00:00Z'))).toBe('2025-01-15 07:00:00');
		expect((await od('/orders?modified_start_date=yesterday')).status).toBe(400);
	});

	it('PUT replaces the whole order (a partial body drops items and metadata) and refuses a stale read with 409', async () => {
		const list = (await od('/orders?limit=3')).body.orders;
		const [a, b] = list;
		const partial = await od(`/orders/${a.id}`, { method: 'PUT', body: { email: 'changed@example.com' } });
		expect(partial.status).toBe(200);
		expect(partial.body.order).toMatchObject({ email: 'changed@example.com', order_items: [], checkout_data: {}, order_metadata: {} });
		const full = await od(`/orders/${b.id}`, { method: 'PUT', body: { ...b, email: 'merged@example.com' } });
		expect(full.status).toBe(200);
		expect(full.body.order.order_items).toEqual(b.order_items);
		expect(full.body.order.order_metadata).toEqual(b.order_metadata);
		const stale = await od(`/orders/${b.id}`, { method: 'PUT', body: { ...b, date_updated: '2020-01-01 00:00:00' } });
		expect(stale.status).toBe(409);
		await call(`${sb.url}/_sandbox/mutate`, { method: 'POST', body: { system: 'orderdesk', entity: 'order', id: b.id, conflicts: 1 } });
		expect((await od(`/orders/${b.id}`, { method: 'PUT', body: full.body.order })).status).toBe(409);
		expect((await od(`/orders/${b.id}`, { method: 'PUT', body: (await od(`/orders/${b.id}`)).body.order })).status).toBe(200);
	});

	it('moves orders between folders, adds history notes and shipments (single and batch, per-order results)', async () => {
		const [o] = (await od('/orders?limit=1')).body.orders;
		const move = await od('/move-orders', { method: 'POST', body: { order_id_list: [o.id, '999'], destination_folder_name: 'Shipped' } });
		expect(move.body).toMatchObject({ orders_moved: [o.id], orders_not_found: ['999'] });
		const note = await od(`/orders/${o.id}/order-history`, { method: 'POST', body: { note: 'Submitted to Cin7' } });
		expect(note.status).toBe(201);
		const one = await od(`/orders/${o.id}/shipments`, { method: 'POST', body: { tracking_number: '1Z1', carrier_code: 'UPS', shipment_method: 'Ground', tracking_url: 'https://t/1Z1' } });
		expect(one.body.shipment).toMatchObject({ order_id: o.id, tracking_number: '1Z1', carrier_code: 'UPS', tracking_url: 'https://t/1Z1' });
		const batch = await od('/batch-shipments', { method: 'POST', body: [{ order_id: o.id, tracking_number: '1Z2', carrier_code: 'UPS' }, { order_id: '999', tracking_number: 'x' }, { order_id: o.id }] });
		expect(batch.body.results.map((r: any) => r.status)).toEqual(['success', 'error', 'error']);
		expect(batch.body.results[2].message).toBe('tracking_number is required');
		const after = (await od(`/orders/${o.id}`)).body.order;
		expect(after.order_shipments.map((s: any) => s.tracking_number)).toEqual(['1Z1', '1Z2']);
		expect(after.order_notes.at(-1).content).toBe('Submitted to Cin7');
		expect(after.folder_id).toBe(13);
		expect(after.order_items).toEqual(o.order_items);
		const tooMany = await od('/batch-shipments', { method: 'POST', body: Array.from({ length: 101 }, () => ({ order_id: o.id, tracking_number: 'x' })) });
		expect(tooMany.status).toBe(400);
	});

	it('updates inventory stock in batches by code with a result per item', async () => {
		const items = (await od('/inventory-items?limit=2')).body.inventory_items;
		const r = await od('/batch-inventory-items', { method: 'PUT', body: [{ code: items[0].code, stock: 41 }, { id: items[1].id, stock: 0 }, { code: 'NOPE', stock: 1 }] });
		expect(r.body.results).toEqual([
			{ id: items[0].id, code: items[0].code, status: 'success' },
			{ id: items[1].id, code: items[1].code, status: 'success' },
			{ code: 'NOPE', status: 'error', message: 'Inventory item not found' },
		]);
		const back = (await od(`/inventory-items?code=${encodeURIComponent(items[0].code)}`)).body.inventory_items[0];
		expect(back).toMatchObject({ stock: 41, name: items[0].name, price: items[0].price });
	});
});

describe('sandbox: Order Desk leaky bucket', () => {
	it('is the windows the bucket implies: 20 at once, then about 3 a second', () => {
		const w = leakyBucketWindows(20, 3);
		expect(w[0]).toEqual({ name: 'bucket+1', limit: 21, windowMs: 333 });
		expect(w.find((x: any) => x.windowMs === 60000).limit).toBe(200);
		expect(registry.BY_KEY.orderdesk.rateLimits.orderdesk).toEqual(w);
	});

	it('answers 429 with X-Retry-After once the burst is spent, and counts tokens down', async () => {
		const sb = await start({ timeScale: 1 });
		try {
			const url = `${sb.url}/orderdesk/api/v2/test`;
			const started = Date.now();
			const answers = await Promise.all(Array.from({ length: 60 }, () => call(url, { headers: HEADERS })));
			// the bucket refills 3 a second while the calls are under way (a busy machine is slow)
			const refilled = Math.ceil((3 * (Date.now() - started)) / 1000);
			const ok = answers.filter((a) => a.status === 200);
			const throttled = answers.filter((a) => a.status === 429);
			expect(ok.length).toBeGreaterThanOrEqual(20);
			expect(ok.length).toBeLessThanOrEqual(21 + refilled);
			expect(throttled.length).toBeGreaterThan(0);
			expect(throttled.length).toBe(60 - ok.length);
			expect(Number(throttled[0].headers.get('x-retry-after'))).toBeGreaterThan(0);
			expect(throttled[0].headers.get('x-tokens-remaining')).toBe('0');
			expect(Math.min(...ok.map((a) => Number(a.headers.get('x-tokens-remaining'))))).toBe(0);
		} finally {
			await sb.close();
		}
	}, 30_000); // 60 calls at once on a busy machine
});
