import type { IDataObject } from 'n8n-workflow';

import { REASON } from '../../../nodes/Cin7Omni/helpers/stock';
import { omni } from './fixture';
import { unstableList } from './unstableList';

const order = (id: number, modifiedDate: string, extra: IDataObject = {}) => ({ id, modifiedDate, ...extra });
const poll = async (params: IDataObject, staticData: IDataObject, mode: 'manual' | 'trigger' = 'trigger') => {
	const { json, requests } = await omni.poll(params, { staticData, mode });
	return { out: json, requests };
};

describe('Cin7 Omni Trigger', () => {
	const env = omni.useTestEnv();
	beforeEach(() => env.clock().set(Date.parse('2026-05-01T12:00:00Z')));

	const params = { event: 'salesOrderUpdated', stages: ['Dispatched'], overlapMinutes: 5, maxPerPoll: 250, startDate: '' };

	it('seeds the cursor on the first run without calling the API or emitting', async () => {
		const staticData: IDataObject = {};
		const { out, requests } = await poll(params, staticData);
		expect(out).toBeNull();
		expect(requests).toHaveLength(0);
		expect((staticData.cursorState as IDataObject).cursor).toBe('2026-05-01T12:00:00.000Z');
	});

	it('polls with overlap, ascending order and the stage filter; drops ties already emitted', async () => {
		const staticData: IDataObject = {};
		await poll(params, staticData);
		env.clock().advance(60_000);
		omni.api()
			.get(omni.path('/SalesOrders'))
			.query({ page: 1, rows: 250, order: 'modifieddate ASC', where: "modifieddate>='2026-05-01T11:55:00Z' AND stage='Dispatched'" })
			.reply(200, [order(1, '2026-05-01T12:00:10Z'), order(2, '2026-05-01T12:00:30Z')]);
		const first = await poll(params, staticData);
		expect(first.out!.map((o) => o.id)).toEqual([1, 2]);
		env.clock().advance(60_000);
		// Same second as order 2 (a tie) plus a new one: only the new one is emitted.
		omni.api().get(omni.path('/SalesOrders')).query(true).reply(200, [order(2, '2026-05-01T12:00:30Z'), order(3, '2026-05-01T12:00:30Z')]);
		const second = await poll(params, staticData);
		expect(second.out!.map((o) => o.id)).toEqual([3]);
		env.clock().advance(60_000);
		omni.api().get(omni.path('/SalesOrders')).query(true).reply(200, [order(3, '2026-05-01T12:00:30Z')]);
		expect((await poll(params, staticData)).out).toBeNull();
	});

	it('after a restart that rewinds the cursor, re-read records are not repeated', async () => {
		const staticData: IDataObject = {};
		await poll(params, staticData);
		env.clock().advance(60_000);
		omni.api().get(omni.path('/SalesOrders')).query(true).reply(200, [order(1, '2026-05-01T12:00:10Z')]);
		await poll(params, staticData);
		const saved = JSON.parse(JSON.stringify(staticData));
		(saved.cursorState as IDataObject).cursor = '2026-05-01T11:59:00.000Z';
		omni.api().get(omni.path('/SalesOrders')).query(true).reply(200, [order(1, '2026-05-01T12:00:10Z'), order(4, '2026-05-01T12:00:50Z')]);
		expect((await poll(params, saved)).out!.map((o) => o.id)).toEqual([4]);
	});

	it('manual mode returns a recent sample and leaves the cursor alone', async () => {
		const staticData: IDataObject = {};
		await poll(params, staticData);
		const before = JSON.stringify(staticData);
		omni.api().get(omni.path('/SalesOrders')).query({ page: 1, rows: 3, order: 'modifieddate DESC', where: "stage='Dispatched'" }).reply(200, [order(9, '2026-04-01T00:00:00Z')]);
		const { out } = await poll(params, staticData, 'manual');
		expect(out!.map((o) => o.id)).toEqual([9]);
		expect(JSON.stringify(staticData)).toBe(before);
	});

	it('emits at most the cap per poll, stops walking early, and resumes the backlog', async () => {
		const staticData: IDataObject = {};
		const capped = { ...params, maxPerPoll: 2, startDate: '2026-05-01T00:00:00Z' };
		const page = Array.from({ length: 250 }, (_, i) => order(i + 1, `2026-05-01T01:00:${String(i % 60).padStart(2, '0')}Z`)).map((o, i) => ({ ...o, modifiedDate: new Date(Date.parse('2026-05-01T01:00:00Z') + i * 1000).toISOString() }));
		omni.api().get(omni.path('/SalesOrders')).query((q) => q.page === '1').reply(200, page);
		const first = await poll(capped, staticData);
		expect(first.out!.map((o) => o.id)).toEqual([1, 2]);
		// Ascending pages: the walk stopped after the first full page instead of reading page 2.
		expect(first.requests).toHaveLength(1);
		omni.api().get(omni.path('/SalesOrders')).query((q) => q.page === '1').reply(200, page.slice(1, 10));
		const second = await poll(capped, staticData);
		expect(second.out!.map((o) => o.id)).toEqual([3, 4]);
	});

	it('adds acceptsEmail to contact events', async () => {
		const staticData: IDataObject = {};
		const p = { event: 'contactUpdated', subscriptionSource: 'customField', startDate: '2026-05-01T00:00:00Z' };
		omni.api().get(omni.path('/Contacts')).query(true).reply(200, [{ id: 1, modifiedDate: '2026-05-01T01:00:00Z', customFields: { receive_email: 'No' } }]);
		expect((await poll(p, staticData)).out).toEqual([expect.objectContaining({ id: 1, acceptsEmail: false })]);
	});

	it('stock changed emits available to sell for each changed SKU over all branches', async () => {
		const staticData: IDataObject = {};
		const p = { event: 'stockChanged', startDate: '2026-05-01T00:00:00Z', subtractHolding: true, branches: [] };
		omni.api()
			.get(omni.path('/Stock'))
			.query((q) => String(q.where).startsWith('modifieddate'))
			.reply(200, [{ productOptionId: 11, branchId: 1, code: 'A', modifiedDate: '2026-05-01T02:00:00Z' }]);
		omni.api()
			.get(omni.path('/Stock'))
			.query((q) => q.where === "code='A'")
			.reply(200, [
				{ productOptionId: 11, branchId: 1, code: 'A', stockOnHand: 5, openSales: 1, holding: 1 },
				{ productOptionId: 11, branchId: 2, code: 'A', stockOnHand: 3, openSales: 0, holding: 0 },
			]);
		const { out } = await poll(p, staticData);
		expect(out).toEqual([expect.objectContaining({ sku: 'A', availableToSell: 6, modifiedDate: '2026-05-01T02:00:00Z' })]);
		// The answer first, when it changed next, then the figures and the per-branch breakdown last.
		expect(Object.keys(out![0])).toEqual([
			'sku', 'availableToSell', 'inStock', 'noStockRows', 'modifiedDate',
			'available', 'holding', 'incomingAdded', 'buffer', 'beforeFloor', 'locations',
		]);
	});

	it('a full page of orders saved in one second is walked by id: each of 270 is emitted once', async () => {
		const staticData: IDataObject = {};
		const orders = Array.from({ length: 270 }, (_, i) => order(5000 + i, '2026-05-01T01:00:00Z', { stage: 'Dispatched' }));
		const queries = unstableList('SalesOrders', orders, 5);
		const { out } = await poll({ ...params, maxPerPoll: 1000, startDate: '2026-05-01T00:00:00Z' }, staticData);
		expect(out!.map((o) => o.id).sort()).toEqual(orders.map((o) => o.id).sort());
		const second = "modifieddate>='2026-05-01T01:00:00Z' AND modifieddate<'2026-05-01T01:00:01Z'";
		expect(queries.map((q) => [q.order, q.where])).toEqual([
			// The cursor's own query, then again from the last time it read (keyset on modified time).
			['modifieddate ASC', "modifieddate>='2026-04-30T23:55:00Z' AND stage='Dispatched'"],
			['modifieddate ASC', "modifieddate>='2026-05-01T01:00:00Z' AND stage='Dispatched'"],
			// A full page of that one second: the second is read by id, then what follows it.
			['id ASC', `modifieddate>='2026-05-01T01:00:00Z' AND stage='Dispatched' AND ${second}`],
			['id ASC', `modifieddate>='2026-05-01T01:00:00Z' AND stage='Dispatched' AND ${second} AND id>5249`],
			['modifieddate ASC', "modifieddate>='2026-05-01T01:00:00Z' AND stage='Dispatched' AND modifieddate>='2026-05-01T01:00:01Z'"],
		]);
		// The next poll re-reads that second once more (the cursor holds there once) and repeats nothing.
		env.clock().advance(60_000);
		unstableList('SalesOrders', orders, 5, 99);
		expect((await poll({ ...params, maxPerPoll: 1000, startDate: '2026-05-01T00:00:00Z' }, staticData)).out).toBeNull();
	});

	it('stock changed skips options that are disabled or whose product is inactive, unless Include Inactive', async () => {
		const changedRows = [
			{ productId: 1, productOptionId: 11, branchId: 1, code: 'A', modifiedDate: '2026-05-01T02:00:00Z' },
			{ productId: 1, productOptionId: 12, branchId: 1, code: 'B', modifiedDate: '2026-05-01T02:00:00Z' },
			{ productId: 2, productOptionId: 21, branchId: 1, code: 'C', modifiedDate: '2026-05-01T02:00:00Z' },
		];
		const products = [
			{ id: 1, status: 'Public', productOptions: [{ id: 11, productOptionCode: 'A', status: 'Primary' }, { id: 12, productOptionCode: 'B', status: 'Disabled' }] },
			{ id: 2, status: 'Inactive', productOptions: [{ id: 21, productOptionCode: 'C', status: 'Primary' }] },
		];
		const p = { event: 'stockChanged', startDate: '2026-05-01T00:00:00Z', branches: [] };
		omni.api().get(omni.path('/Stock')).query((q) => String(q.where).startsWith('modifieddate')).reply(200, changedRows);
		omni.api().get(omni.path('/Products')).query((q) => q.where === 'id IN (1,2)').reply(200, products);
		omni.api().get(omni.path('/Stock')).query((q) => q.where === "code='A'").reply(200, [{ productOptionId: 11, branchId: 1, code: 'A', stockOnHand: 3, openSales: 0 }]);
		expect((await poll(p, {})).out!.map((o) => o.sku)).toEqual(['A']);

		omni.api().get(omni.path('/Stock')).query((q) => String(q.where).startsWith('modifieddate')).reply(200, changedRows);
		omni.api().get(omni.path('/Stock')).query((q) => q.where === "code IN ('A','B','C')").reply(200, []);
		const all = await poll({ ...p, includeInactive: true }, {});
		expect(all.out!.map((o) => [o.sku, o.availableToSell, o.reason])).toEqual([
			['A', 0, REASON.noRows],
			['B', 0, REASON.noRows],
			['C', 0, REASON.noRows],
		]);
		expect(all.requests.some((r) => String(r.url).endsWith('/Products'))).toBe(false);
	});

	it('stock changed resolves branches once per poll and stops on a name that matches no branch', async () => {
		const p = { event: 'stockChanged', startDate: '2026-05-01T00:00:00Z', branches: ['Shop'], includeInactive: true };
		const changed = () =>
			omni.api()
				.get(omni.path('/Stock'))
				.query((q) => String(q.where).startsWith('modifieddate'))
				.reply(200, [{ productOptionId: 11, branchId: 1, code: 'A', modifiedDate: '2026-05-01T02:00:00Z' }]);
		changed();
		omni.api().get(omni.path('/Branches')).query(true).once().reply(200, [{ id: 1, company: 'Shop' }, { id: 2, company: 'Warehouse' }]);
		omni.api().get(omni.path('/Stock')).query((q) => q.where === "code='A' AND branchId=1").reply(200, [{ productOptionId: 11, branchId: 1, branchName: 'Shop', code: 'A', stockOnHand: 2, openSales: 0 }]);
		expect((await poll(p, {})).out).toEqual([expect.objectContaining({ sku: 'A', availableToSell: 2 })]);

		changed();
		omni.api().get(omni.path('/Branches')).query(true).once().reply(200, [{ id: 1, company: 'Shop' }]);
		await expect(poll({ ...p, branches: ['Shopp'] }, {})).rejects.toThrow('Branch Names or IDs: "Shopp" matches no Cin7 Omni branch. Valid branches: Shop (ID 1)');
	});

	it('a new Start Date restarts the cursor there', async () => {
		const staticData: IDataObject = {};
		await poll(params, staticData);
		omni.api()
			.get(omni.path('/SalesOrders'))
			.query((q) => String(q.where).startsWith("modifieddate>='2026-04-30T23:55:00Z'"))
			.reply(200, [order(5, '2026-05-01T01:00:00Z')]);
		const { out } = await poll({ ...params, startDate: '2026-05-01T00:00:00Z' }, staticData);
		expect(out!.map((o) => o.id)).toEqual([5]);
		expect(JSON.parse((staticData.cursorState as IDataObject).configKey as string)).toMatchObject({ startDate: '2026-05-01T00:00:00.000Z' });
	});

	it('a Start Date that is not a date stops the poll with its text', async () => {
		await expect(poll({ ...params, startDate: 'soon' }, {})).rejects.toThrow('Start Date is not a valid date: "soon"');
	});
});
