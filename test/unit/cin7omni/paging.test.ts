import type { IDataObject } from 'n8n-workflow';

import { fetchStockRows } from '../../../nodes/Cin7Omni/helpers/stock';
import { omniList, omniRequest, ORDER } from '../../../nodes/Cin7Omni/transport';
import { omni } from './fixture';
import { stockRows, unstableList } from './unstableList';

const stockKey = (r: { productOptionId?: unknown; branchId?: unknown }) => `${String(r.productOptionId)}@${String(r.branchId)}`;
const sorted = (keys: string[]) => [...keys].sort();

/** What the node did before: offset pages ordered by productOptionId alone. */
async function offsetWalk(ctx: unknown, resource: string, order: string): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const rows = (await omniRequest.call(ctx as never, 'GET', `/${resource}`, { page, rows: 250, order })) as IDataObject[];
		out.push(...rows);
		if (rows.length < 250) return out;
	}
}

describe('Cin7 Omni paging: a unique, stable order for every list', () => {
	omni.useTestEnv();

	it('an offset walk by productOptionId reads a row twice and misses another when ties reorder (the old client)', async () => {
		// 85 options × 3 branches = 255 rows; page 1 ends inside option 1084, whose 3 rows tie.
		const rows = stockRows(85, 3);
		let flawed = 0;
		for (const seed of [1, 2, 3, 4, 5]) {
			unstableList('Stock', rows, 2, seed);
			const { ctx } = omni.context({});
			const read = (await offsetWalk(ctx, 'Stock', 'productOptionId ASC')).map(stockKey);
			if (new Set(read).size !== rows.length) flawed++;
		}
		expect(flawed).toBeGreaterThan(0);
	});

	it('stock rows of an option straddling a page are each read once: the next query starts again at that option', async () => {
		const rows = stockRows(85, 3);
		for (const seed of [1, 2, 3, 4, 5]) {
			const queries = unstableList('Stock', rows, 2, seed);
			const { ctx } = omni.context({});
			const read = await fetchStockRows(ctx, [], undefined);
			expect(sorted(read.map(stockKey))).toEqual(sorted(rows.map(stockKey)));
			expect(queries.map((q) => [q.page, q.order, q.where])).toEqual([
				[1, 'productOptionId ASC', undefined],
				[1, 'productOptionId ASC', 'productOptionId>=1084'],
			]);
		}
	});

	it('a page holding one option only is walked by branch, then past the option', async () => {
		const rows = stockRows(1, 260);
		const queries = unstableList('Stock', rows, 5);
		const { ctx } = omni.context({});
		const read = await fetchStockRows(ctx, [], [1, 2, 3]);
		// The branch filter narrows the rows: 3 here, one short page.
		expect(read).toHaveLength(3);
		expect(queries).toHaveLength(1);
		const { ctx: all } = omni.context({});
		const every = await fetchStockRows(all, [], undefined);
		expect(sorted(every.map(stockKey))).toEqual(sorted(rows.map(stockKey)));
		expect(queries.slice(1).map((q) => [q.order, q.where])).toEqual([
			['productOptionId ASC', undefined],
			['branchId ASC', 'productOptionId=1001'],
			['branchId ASC', 'productOptionId=1001 AND branchId>250'],
			['productOptionId ASC', 'productOptionId>1001'],
		]);
	});

	it('Get Many sales orders walks modified time, then id within a second: 900 orders in 3 seconds, each once, oldest first', async () => {
		const orders = Array.from({ length: 900 }, (_, i) => ({ id: 9000 + i, modifiedDate: `2026-04-01T00:00:0${i % 3}Z`, stage: 'New' }));
		const queries = unstableList('SalesOrders', orders, 10);
		const { json } = await omni.run({ resource: 'salesOrder', operation: 'getAll', returnAll: true, filters: {} });
		expect(sorted(json.map((o) => String(o.id)))).toEqual(sorted(orders.map((o) => String(o.id))));
		const times = json.map((o) => String(o.modifiedDate));
		expect(times).toEqual([...times].sort());
		// 300 orders per second: every page of one second is walked by id, then the next second.
		const second = (s: number) => `modifieddate>='2026-04-01T00:00:0${s}Z' AND modifieddate<'2026-04-01T00:00:0${s + 1}Z'`;
		expect(queries.map((q) => [q.order, q.where])).toEqual([
			['modifieddate ASC', undefined],
			['id ASC', second(0)],
			['id ASC', `${second(0)} AND id>9747`],
			['modifieddate ASC', "modifieddate>='2026-04-01T00:00:01Z'"],
			['id ASC', second(1)],
			['id ASC', `${second(1)} AND id>9748`],
			['modifieddate ASC', "modifieddate>='2026-04-01T00:00:02Z'"],
			['id ASC', second(2)],
			['id ASC', `${second(2)} AND id>9749`],
			['modifieddate ASC', "modifieddate>='2026-04-01T00:00:03Z'"],
		]);
	});

	it.each([
		['contact', 'Contacts', { resource: 'contact', operation: 'getAll', returnAll: true, filters: {}, subscriptionSource: 'none' }],
		['product', 'Products', { resource: 'product', operation: 'getAll', returnAll: true, filters: {} }],
	])('Get Many %s reads every record once when many share a modified second, restarting at the last second read', async (_name, resource, params) => {
		// 520 records in 7 seconds (about 74 each): each full page ends inside a second.
		const records = Array.from({ length: 520 }, (_, i) => ({ id: 100 + i, modifiedDate: `2026-04-01T00:00:${String(i % 7).padStart(2, '0')}Z` }));
		const queries = unstableList(resource, records, 3);
		const { json } = await omni.run(params as IDataObject);
		expect(sorted(json.map((r) => String(r.id)))).toEqual(sorted(records.map((r) => String(r.id))));
		expect(queries.map((q) => [q.order, q.where])).toEqual([
			['modifieddate ASC', undefined],
			['modifieddate ASC', "modifieddate>='2026-04-01T00:00:03Z'"],
			['modifieddate ASC', "modifieddate>='2026-04-01T00:00:06Z'"],
		]);
	});

	it('Get Many branches walks by id', async () => {
		const records = Array.from({ length: 520 }, (_, i) => ({ id: 100 + i, company: `B${i}` }));
		const queries = unstableList('Branches', records, 3);
		const { json } = await omni.run({ resource: 'branch', operation: 'getAll', returnAll: true, filters: {} });
		expect(json).toHaveLength(520);
		expect(queries.map((q) => [q.order, q.where])).toEqual([
			['id ASC', undefined],
			['id ASC', 'id>349'],
			['id ASC', 'id>599'],
		]);
	});

	it('Get Many stock rows walks modified time, then option and branch', async () => {
		const rows = stockRows(100, 3, (o) => ({ modifiedDate: `2026-04-01T00:00:0${o % 2}Z` }));
		const queries = unstableList('Stock', rows, 2);
		const { json } = await omni.run({ resource: 'stock', operation: 'getAll', returnAll: true, filters: {} });
		expect(sorted(json.map(stockKey))).toEqual(sorted(rows.map(stockKey)));
		expect(queries.map((q) => [q.order, q.where])).toEqual([
			['modifieddate ASC', undefined],
			['modifieddate ASC', "modifieddate>='2026-04-01T00:00:01Z'"],
		]);
	});

	it('lookups by key are walked by id', async () => {
		const contacts = Array.from({ length: 300 }, (_, i) => ({ id: 1 + i, email: 'same@x.com', modifiedDate: '2026-04-01T00:00:00Z' }));
		const queries = unstableList('Contacts', contacts, 2);
		const { ctx } = omni.context({});
		const rows = await omniList.call(ctx, 'Contacts', { where: "email='same@x.com'", order: ORDER.byId });
		expect(rows).toHaveLength(300);
		expect(queries.map((q) => q.where)).toEqual(["email='same@x.com'", "email='same@x.com' AND id>250"]);
	});
});
