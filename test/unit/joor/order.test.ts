import { expectPaired } from '../helpers/systemFixture';
import { joor, order, v2 } from './fixture';

joor.useTestEnv();

const getAll = { resource: 'order', operation: 'getAll', orderType: 6, exportStatus: 5 };

describe('JOOR order', () => {
	it('gets every page by next_start, read-only (sync=0), with the filters JOOR takes', async () => {
		const seen: Array<Record<string, string>> = [];
		joor
			.api()
			.get('/v2/orders')
			.query((q) => {
				seen.push(q as Record<string, string>);
				return q.start_from === '0';
			})
			.reply(200, v2({ orders: [order(1, '2026-01-01T00:00:00Z'), order(2, '2026-01-01T00:01:00Z')] }, { next_start: 2 }));
		joor
			.api()
			.get('/v2/orders')
			.query((q) => q.start_from === '2')
			.reply(200, v2({ orders: [order(3, '2026-01-01T00:02:00Z')] }, { next_start: null }));
		const { out, json } = await joor.run({
			...getAll,
			returnAll: true,
			filters: { customerCode: 'C1', modifiedAfter: '2026-01-01T00:00:00Z' },
		});
		expect(json.map((o) => o.id)).toEqual([1, 2, 3]);
		expectPaired(out, [0, 0, 0]);
		expect(seen[0]).toMatchObject({
			order_type: '6',
			export_status: '5',
			sync: '0',
			customer_code: 'C1',
			date_start: '2026-01-01T00:00:00.000Z',
			date_end: '2100-01-01T00:00:00.000Z',
			count: '100',
		});
	});

	it('falls back to /v2/order/ when /v2/orders is not found, and remembers it', async () => {
		joor.api().get('/v2/orders').query(true).reply(404, v2({}, { code: 404, comment: 'Not found' }));
		joor.api().get('/v2/order/').query(true).times(2).reply(200, v2({ orders: [order(7, '2026-01-01T00:00:00Z')] }));
		const { json } = await joor.run({ ...getAll, returnAll: false, limit: 5 });
		expect(json.map((o) => o.id)).toEqual([7]);
		const again = await joor.run({ ...getAll, returnAll: false, limit: 5 });
		expect(again.json.map((o) => o.id)).toEqual([7]);
	});

	it('stops at the limit without reading further pages', async () => {
		joor
			.api()
			.get('/v2/orders')
			.query((q) => q.count === '2')
			.reply(200, v2({ orders: [order(1, 'x'), order(2, 'x')] }, { next_start: 2 }));
		const { json } = await joor.run({ ...getAll, returnAll: false, limit: 2 });
		expect(json).toHaveLength(2);
	});

	it('gets one order by ID in any state, never marking it exported', async () => {
		joor
			.api()
			.get('/v2/orders')
			.query((q) => q.order_id === '42' && q.sync === '0' && q.order_type === '8' && q.export_status === '1')
			.reply(200, v2({ orders: [order(42, '2026-01-01T00:00:00Z')] }));
		const { json } = await joor.run({ resource: 'order', operation: 'get', orderId: { __rl: true, mode: 'id', value: '42' } });
		expect(json[0]).toMatchObject({ id: 42, customer_code: 'C42' });
	});

	it('names the item when the order does not exist', async () => {
		joor.api().get('/v2/orders').query(true).reply(200, v2({ orders: [] }));
		await expect(joor.run({ resource: 'order', operation: 'get', orderId: '404' })).rejects.toThrow(/Item 0: JOOR has no order "404"/);
	});

	it('marks many orders exported in one sync=1 call and reports those JOOR did not return', async () => {
		joor
			.api()
			.get('/v2/orders')
			.query((q) => q.sync === '1' && q.order_id === '1,2,3' && q.order_type === '8' && q.export_status === '5')
			.reply(200, v2({ orders: [order(1, 'x'), order(3, 'x')] }));
		const params = [1, 2, 3, 1].map((id) => ({ resource: 'order', operation: 'markExported', orderId: String(id) }));
		const { out, json } = await joor.run(params, { items: joor.items(4) });
		expect(json).toEqual([
			{ id: '1', exported: true },
			expect.objectContaining({ id: '2', exported: false }),
			{ id: '3', exported: true },
			{ id: '1', exported: true },
		]);
		expectPaired(out, [0, 1, 2, 3]);
	});

	it('fails an item without an order ID before calling JOOR', async () => {
		await expect(joor.run({ resource: 'order', operation: 'markExported', orderId: ' ' })).rejects.toThrow(/Item 0: Order ID is empty/);
	});

	it('rejects a modified range that ends before it starts', async () => {
		await expect(
			joor.run({ ...getAll, returnAll: true, filters: { modifiedAfter: '2026-02-01', modifiedBefore: '2026-01-01' } }),
		).rejects.toThrow(/Item 0: Modified After is later than Modified Before/);
	});
});
