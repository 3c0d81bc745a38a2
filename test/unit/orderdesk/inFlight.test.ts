/**
 * Per-order writes (history notes, single shipments, updates, creates) keep a few calls on their
 * way, paced by the store's bucket: results on their own items in input order, one order never
 * written by two items at once, and the bucket never overspent.
 */
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { ORDERS_IN_FLIGHT } from '../../../nodes/OrderDesk/helpers/locators';
import { bodyOf, expectPaired } from '../helpers/systemFixture';
import { od, order, orderList, storeBody } from './fixture';

const env = od.useTestEnv();

const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const idOf = (uri: string) => Number(/\/orders\/(\d+)/.exec(uri)?.[1]);

/** Counts the answers being prepared at once (each takes `delayOf(id)` real ms). */
function concurrency() {
	let open = 0;
	let most = 0;
	return {
		most: () => most,
		async answer<T>(delayMs: number, body: T): Promise<T> {
			open++;
			most = Math.max(most, open);
			await sleep(delayMs);
			open--;
			return body;
		},
	};
}

describe('Order Desk per-order writes in flight', () => {
	it(`adds notes with ${ORDERS_IN_FLIGHT} calls on their way, each result on its own item in input order although answers come back out of order`, async () => {
		const ids = [11, 12, 13, 14, 15, 16, 17, 18];
		const c = concurrency();
		od.api()
			.post(/\/api\/v2\/orders\/\d+\/order-history/)
			.times(ids.length)
			// Later orders answer sooner, so answers arrive out of input order.
			.reply(async (uri) => [200, await c.answer(5 * (20 - idOf(uri) + 10), { status: 'success' })]);
		const { out, json, requests } = await od.run(
			ids.map((id) => ({ resource: 'order', operation: 'addNote', orderId: byId(id), note: `Submitted as SO-${id}` })),
			{ items: od.items(ids.length) },
		);
		expect(c.most()).toBe(ORDERS_IN_FLIGHT);
		expect(requests).toHaveLength(ids.length);
		expect(json).toEqual(ids.map((id) => ({ orderId: String(id), note: `Submitted as SO-${id}`, status: 'success' })));
		expectPaired(out, [0, 1, 2, 3, 4, 5, 6, 7]);
	});

	it('reports an order Order Desk cannot find on its own item and writes every other note (continue on fail)', async () => {
		od.api().post(od.path('/orders/21/order-history'), { note: 'n21' }).reply(200, { status: 'success' });
		od.api().post(od.path('/orders/22/order-history')).reply(404, { status: 'error', message: 'Order not found' });
		od.api().post(od.path('/orders/23/order-history'), { note: 'n23' }).reply(200, { status: 'success' });
		const { out } = await od.run(
			[21, 22, 23].map((id) => ({ resource: 'order', operation: 'addNote', orderId: byId(id), note: `n${id}` })),
			{ items: od.items(3), continueOnFail: true },
		);
		expectPaired(out, [0, 1, 2]);
		expect(out[0].json).toMatchObject({ orderId: '21', status: 'success' });
		expect(String(out[1].json.error)).toMatch(/Order not found|404|not found/i);
		expect(out[1].error).toBeDefined();
		expect(out[2].json).toMatchObject({ orderId: '23', status: 'success' });
	});

	it('stops on the first failed item, naming it, without continue on fail', async () => {
		od.api().post(od.path('/orders/31/order-history')).reply(200, { status: 'success' });
		od.api().post(od.path('/orders/32/order-history')).reply(404, { status: 'error', message: 'Order not found' });
		// 33 may already be on its way when 32 fails (up to 4 in flight): it is written once or not at all.
		od.api().post(od.path('/orders/33/order-history')).optionally().reply(200, { status: 'success' });
		const run = od.run(
			[31, 32, 33].map((id) => ({ resource: 'order', operation: 'addNote', orderId: byId(id), note: `n${id}` })),
			{ items: od.items(3) },
		);
		await expect(run).rejects.toMatchObject({ context: { itemIndex: 1 } });
	});

	it('sends the notes of one order one after another, in input order', async () => {
		const landed: string[] = [];
		const c = concurrency();
		od.api()
			.post(od.path('/orders/41/order-history'))
			.times(3)
			.reply(async (_uri, body) => {
				const answer = await c.answer(20, { status: 'success' });
				landed.push((body as IDataObject).note as string);
				return [200, answer];
			});
		await od.run(
			['first', 'second', 'third'].map((note) => ({ resource: 'order', operation: 'addNote', orderId: byId(41), note })),
			{ items: od.items(3) },
		);
		expect(c.most()).toBe(1);
		expect(landed).toEqual(['first', 'second', 'third']);
	});

	it('updates one order from two items without losing either change (each read-merge-write after the other)', async () => {
		let stored: IDataObject = order(51);
		od.api()
			.get(od.path('/orders/51'))
			.times(2)
			.reply(async () => [200, { status: 'success', order: await Promise.resolve(stored) }]);
		od.api()
			.put(od.path('/orders/51'))
			.times(2)
			.reply(async (_uri, body) => {
				await sleep(20);
				// Order Desk's PUT replaces the whole order with what it is sent.
				stored = body as IDataObject;
				return [200, { status: 'success', order: stored }];
			});
		await od.run(
			[
				{ resource: 'order', operation: 'update', orderId: byId(51), checkoutData: { field: [{ name: 'Stage', value: 'New' }] }, orderMetadata: {}, updateFieldsJson: '{}' },
				{ resource: 'order', operation: 'update', orderId: byId(51), checkoutData: {}, orderMetadata: { field: [{ name: 'cin7_ref', value: 'SO-51' }] }, updateFieldsJson: '{}' },
			],
			{ items: od.items(2) },
		);
		expect(stored.checkout_data).toEqual({ ShipMethod: 'Ground', Stage: 'New' });
		expect(stored.order_metadata).toEqual({ marketplace_order_ref: 'M-51', cin7_ref: 'SO-51' });
		expect(stored.order_items).toEqual(order(51).order_items);
	});

	it('creates one order for two items with the same source ID: the second finds the first', async () => {
		const created: IDataObject[] = [];
		od.api()
			.get(od.path('/orders'))
			.query((q) => q.source_id === 'SHOP-9')
			.times(2)
			.reply(() => [200, orderList(created)]);
		od.api()
			.post(od.path('/orders'))
			.once()
			.reply(async (_uri, body) => {
				await sleep(20);
				const o = { ...(body as IDataObject), id: '61' };
				created.push(o);
				return [200, { status: 'success', order: o }];
			});
		const params = { resource: 'order', operation: 'create', sourceId: 'SHOP-9', email: 'a@example.com', orderItemsJson: '[{"code":"SKU-1","quantity":1}]', shippingJson: '{}', checkoutData: {}, orderMetadata: {}, folder: '', additionalFieldsJson: '{}' };
		const { json } = await od.run([params, params], { items: od.items(2) });
		expect(created).toHaveLength(1);
		expect(json.map((o) => [o.id, o.alreadyExisted])).toEqual([
			['61', false],
			['61', true],
		]);
	});

	it('adds single shipments for several orders in flight, each on its own item', async () => {
		const c = concurrency();
		od.api()
			.post(/\/api\/v2\/orders\/\d+\/shipments/)
			.times(5)
			.reply(async (uri, body) => [200, await c.answer(20, { status: 'success', shipment: { id: `S${idOf(uri)}`, ...(body as IDataObject) } })]);
		const ids = [71, 72, 73, 74, 75];
		const { out, requests } = await od.run(
			ids.map((id) => ({ resource: 'shipment', operation: 'add', orderId: byId(id), trackingNumber: `1Z${id}`, carrierCode: 'UPS', shipmentMethod: 'Ground', additionalFields: {} })),
			{ items: od.items(ids.length) },
		);
		expect(c.most()).toBeGreaterThan(1);
		expect(c.most()).toBeLessThanOrEqual(ORDERS_IN_FLIGHT);
		expect(requests.map((r) => bodyOf(r).tracking_number).sort()).toEqual(ids.map((id) => `1Z${id}`));
		expect(out.map((o) => [o.json.order_id, o.json.tracking_number])).toEqual(ids.map((id) => [String(id), `1Z${id}`]));
		expectPaired(out, [0, 1, 2, 3, 4]);
	});

	it('never spends more than the store bucket while several notes are on their way', async () => {
		// The store's bucket exactly as documented (20, refilling 3 a second), whole tokens in the
		// header; every answer takes 150 ms of the (fake) clock.
		let level = 20;
		let at = env.clock().now();
		let lowest = level;
		const n = 60;
		od.api()
			.post(/\/api\/v2\/orders\/\d+\/order-history/)
			.times(n)
			.reply(async () => {
				const now = env.clock().now();
				level = Math.min(20, level + ((now - at) / 1000) * 3);
				at = now;
				level -= 1;
				lowest = Math.min(lowest, level);
				const remaining = Math.floor(level);
				env.clock().advance(150);
				await sleep(1);
				return [200, { status: 'success' }, { 'X-Tokens-Remaining': String(Math.max(0, remaining)) }];
			});
		const start = env.clock().now();
		const { json } = await od.run(
			Array.from({ length: n }, (_, k) => ({ resource: 'order', operation: 'addNote', orderId: byId(100 + k), note: 'x' })),
			{ items: od.items(n) },
		);
		expect(json).toHaveLength(n);
		expect(lowest).toBeGreaterThanOrEqual(0);
		// 19 at once, the other 41 at the refill pace (2.94 a second) ≈ 14 s; not bound by the answers' 150 ms.
		const seconds = (env.clock().now() - start) / 1000;
		expect(seconds).toBeGreaterThan(13.5);
		expect(seconds).toBeLessThan(16);
	}, 30_000);
});
