import type { IDataObject } from 'n8n-workflow';

import { core } from './fixture';

const { api, path, poll } = core;

const T0 = Date.parse('2026-03-01T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);
const min = 60_000;

const PRODUCT = { event: 'productUpdated', maxPerPoll: 100, overlapMinutes: 5, startDate: '' };

function products(since: number, rows: IDataObject[], page = 1, total?: number) {
	api()
		.get(path('/product'))
		.query({ ModifiedSince: iso(since), IncludeDeprecated: 'true', Page: page, Limit: 1000 })
		.reply(200, { Total: total ?? rows.length, Page: page, Products: rows });
}

const p = (ID: string, at: number) => ({ ID, SKU: ID, LastModifiedOn: new Date(at).toISOString().replace('Z', '') });

describe('Cin7 Core Trigger: record events and the cursor', () => {
	const t = core.useTestEnv();

	it('seeds the cursor on the first run without calling the API or emitting', async () => {
		const staticData: IDataObject = {};
		const first = await poll(PRODUCT, { staticData });
		expect(first.out).toBeNull();
		expect(first.requests).toHaveLength(0);
		expect((staticData.cursorState as IDataObject).cursor).toBe(new Date(T0).toISOString());
	});

	it('re-reads the overlap, emits new records once and advances to the largest modified time', async () => {
		const staticData: IDataObject = {};
		await poll(PRODUCT, { staticData });
		t.clock().advance(10 * min);
		products(T0 - 5 * min, [p('a', T0 + 2 * min), p('b', T0 + 4 * min)]);
		const second = await poll(PRODUCT, { staticData });
		expect(second.json!.map((j) => j.ID)).toEqual(['a', 'b']);
		expect((staticData.cursorState as IDataObject).cursor).toBe(new Date(T0 + 4 * min).toISOString());

		t.clock().advance(10 * min);
		products(T0 - 1 * min, [p('b', T0 + 4 * min)]);
		const third = await poll(PRODUCT, { staticData });
		expect(third.out).toBeNull();
	});

	it('emits a record tied with one already emitted (page boundary) but not the repeat', async () => {
		const staticData: IDataObject = {};
		await poll(PRODUCT, { staticData });
		t.clock().advance(10 * min);
		const tie = T0 + 3 * min;
		products(T0 - 5 * min, [p('a', tie)]);
		expect((await poll(PRODUCT, { staticData })).json!.map((j) => j.ID)).toEqual(['a']);
		t.clock().advance(10 * min);
		products(tie - 5 * min, [p('a', tie), p('b', tie)]);
		expect((await poll(PRODUCT, { staticData })).json!.map((j) => j.ID)).toEqual(['b']);
	});

	it('never moves the cursor past the walk start, so a record changed during the walk is read again', async () => {
		const staticData: IDataObject = {};
		await poll(PRODUCT, { staticData });
		t.clock().advance(10 * min);
		const walkStart = T0 + 10 * min;
		products(T0 - 5 * min, [p('a', T0 + min), p('late', walkStart + 30_000)]);
		expect((await poll(PRODUCT, { staticData })).json!.map((j) => j.ID)).toEqual(['a', 'late']);
		expect((staticData.cursorState as IDataObject).cursor).toBe(new Date(walkStart).toISOString());
		t.clock().advance(10 * min);
		products(walkStart - 5 * min, [p('late', walkStart + 30_000), p('late', walkStart + 60_000)]);
		const next = await poll(PRODUCT, { staticData });
		expect(next.json!.map((j) => [j.ID, j.LastModifiedOn])).toEqual([['late', iso(walkStart + 60_000) + '.000']]);
	});

	it('survives a restart: a new node instance with the same static data repeats nothing', async () => {
		const staticData: IDataObject = {};
		await poll(PRODUCT, { staticData });
		t.clock().advance(10 * min);
		products(T0 - 5 * min, [p('a', T0 + min)]);
		await poll(PRODUCT, { staticData });
		// A restart that lost the last cursor write rewinds it; the overlap then re-reads "a".
		const restored = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		(restored.cursorState as IDataObject).cursor = new Date(T0 + min).toISOString();
		t.clock().advance(10 * min);
		products(T0 - 4 * min, [p('a', T0 + min), p('c', T0 + 15 * min)]);
		expect((await poll(PRODUCT, { staticData: restored })).json!.map((j) => j.ID)).toEqual(['c']);
	});

	it('in manual mode returns a recent sample and leaves the cursor alone', async () => {
		const staticData: IDataObject = {};
		await poll(PRODUCT, { staticData });
		const before = JSON.stringify(staticData);
		api()
			.get(path('/product'))
			.query({ ModifiedSince: iso(T0 - 30 * 24 * 60 * min), IncludeDeprecated: 'true', Page: 1, Limit: 5 })
			.reply(200, { Total: 1, Page: 1, Products: [p('x', T0 - min)] });
		const manual = await poll(PRODUCT, { staticData, mode: 'manual' });
		expect(manual.json!.map((j) => j.ID)).toEqual(['x']);
		expect(JSON.stringify(staticData)).toBe(before);
		expect(manual.requests[0].qs).toMatchObject({ Limit: 5 });
	});

	it('emits at most Max Records Per Poll, oldest first, and resumes the backlog next poll', async () => {
		const staticData: IDataObject = {};
		const params = { ...PRODUCT, maxPerPoll: 2 };
		await poll(params, { staticData });
		t.clock().advance(10 * min);
		const rows = [p('d', T0 + 4 * min), p('a', T0 + min), p('c', T0 + 3 * min), p('b', T0 + 2 * min), p('e', T0 + 5 * min)];
		products(T0 - 5 * min, rows);
		expect((await poll(params, { staticData })).json!.map((j) => j.ID)).toEqual(['a', 'b']);
		products(T0 - 3 * min, rows);
		expect((await poll(params, { staticData })).json!.map((j) => j.ID)).toEqual(['c', 'd']);
		products(T0 - 1 * min, rows);
		expect((await poll(params, { staticData })).json!.map((j) => j.ID)).toEqual(['e']);
		products(T0, rows.slice(4));
		expect((await poll(params, { staticData })).out).toBeNull();
	});

	it('backfills from a start date on the first run', async () => {
		const staticData: IDataObject = {};
		const start = '2026-02-01T00:00:00Z';
		api()
			.get(path('/customer'))
			.query({ ModifiedSince: '2026-01-31T23:55:00', IncludeDeprecated: 'true', Page: 1, Limit: 1000 })
			.reply(200, { Total: 1, Page: 1, CustomerList: [{ ID: 'c1', LastModifiedOn: '2026-02-10T08:00:00' }] });
		const first = await poll({ ...PRODUCT, event: 'customerUpdated', startDate: start }, { staticData });
		expect(first.json).toEqual([
			{
				ID: 'c1',
				LastModifiedOn: '2026-02-10T08:00:00',
				marketingContact: expect.objectContaining({ customerId: 'c1', skipReason: 'customer has no contacts' }),
			},
		]);
		expect((staticData.cursorState as IDataObject).cursor).toBe('2026-02-10T08:00:00.000Z');
	});

	it('continues a capped backfill on the next poll from the page it stopped at, with the same query', async () => {
		const staticData: IDataObject = {};
		const params = { ...PRODUCT, event: 'customerUpdated', startDate: '2026-02-01T00:00:00Z', maxPerPoll: 1000 };
		const customer = (k: number) => ({ ID: `c${k}`, LastModifiedOn: iso(Date.parse('2026-02-02T00:00:00Z') + ((k * 7919) % 2500) * 60_000) });
		const rows = Array.from({ length: 2500 }, (_, k) => customer(k));
		const page = (n: number) =>
			api()
				.get(path('/customer'))
				.query({ ModifiedSince: '2026-01-31T23:55:00', IncludeDeprecated: 'true', Page: n, Limit: 1000 })
				.reply(200, { Total: 2500, Page: n, CustomerList: rows.slice((n - 1) * 1000, n * 1000) });
		const ids: string[] = [];
		for (const n of [1, 2, 3]) {
			page(n);
			const out = await poll(params, { staticData });
			expect(out.requests).toHaveLength(1);
			expect(out.json).toHaveLength(n < 3 ? 1000 : 500);
			ids.push(...out.json!.map((j) => String(j.ID)));
			const state = staticData.cursorState as IDataObject;
			if (n < 3) {
				// The cursor stays at the start date until the walk is complete.
				expect(state.cursor).toBe('2026-02-01T00:00:00.000Z');
				expect(state.walk).toMatchObject({ page: n + 1, since: '2026-01-31T23:55:00.000Z' });
			} else {
				expect(state.walk).toBeUndefined();
				expect(state.cursor).toBe(new Date(Date.parse('2026-02-02T00:00:00Z') + 2499 * 60_000).toISOString());
			}
			t.clock().advance(min);
		}
		expect(new Set(ids).size).toBe(2500);
	});

	it('a Sale Updated backlog is not resumed: it is read again from the cursor (saleList is windowed)', async () => {
		const staticData: IDataObject = {};
		const params = { ...PRODUCT, event: 'saleUpdated', saleFilters: {}, maxPerPoll: 1 };
		await poll(params, { staticData });
		t.clock().advance(10 * min);
		const rows = [{ SaleID: 's1', Updated: iso(T0 + min) }, { SaleID: 's2', Updated: iso(T0 + 2 * min) }];
		api()
			.get(path('/saleList'))
			.query({ UpdatedSince: iso(T0 - 5 * min), UpdatedUntil: iso(T0 + 10 * min), Page: 1, Limit: 1000 })
			.reply(200, { Total: 2, SaleList: rows });
		expect((await poll(params, { staticData })).json!.map((j) => j.SaleID)).toEqual(['s1']);
		expect((staticData.cursorState as IDataObject).walk).toBeUndefined();
		api()
			.get(path('/saleList'))
			.query({ UpdatedSince: iso(T0 - 4 * min), UpdatedUntil: iso(T0 + 10 * min), Page: 1, Limit: 1000 })
			.reply(200, { Total: 2, SaleList: rows });
		expect((await poll(params, { staticData })).json!.map((j) => j.SaleID)).toEqual(['s2']);
	});

	it('rejects an invalid start date', async () => {
		await expect(poll({ ...PRODUCT, startDate: 'yesterday-ish' })).rejects.toThrow(/Start Date is not a valid date/);
	});

	it('passes UpdatedSince, UpdatedUntil and status filters to saleList, and can read full sales', async () => {
		const staticData: IDataObject = {};
		const params = {
			...PRODUCT,
			event: 'saleUpdated',
			saleFilters: { CombinedShippingStatus: 'SHIPPED', includeDetails: true },
		};
		await poll(params, { staticData });
		t.clock().advance(10 * min);
		api()
			.get(path('/saleList'))
			.query({
				CombinedShippingStatus: 'SHIPPED',
				UpdatedSince: iso(T0 - 5 * min),
				UpdatedUntil: iso(T0 + 10 * min),
				Page: 1,
				Limit: 1000,
			})
			.reply(200, { Total: 1, Page: 1, SaleList: [{ SaleID: 's1', Updated: iso(T0 + min) }] });
		api().get(path('/sale')).query({ ID: 's1' }).reply(200, { ID: 's1', Order: { Lines: [{ SKU: 'A', Quantity: 1 }] } });
		const out = await poll(params, { staticData });
		expect(out.json).toEqual([
			expect.objectContaining({ ID: 's1', Order: { Lines: [{ SKU: 'A', Quantity: 1 }] }, Updated: iso(T0 + min) }),
		]);
	});

	it('re-reads saleList pages when a sale leaves the window mid-walk, so no row at a page boundary is skipped', async () => {
		const staticData: IDataObject = {};
		const params = { ...PRODUCT, event: 'saleUpdated', saleFilters: {}, maxPerPoll: 5000 };
		await poll(params, { staticData });
		t.clock().advance(10 * min);
		const sale = (k: number) => ({ SaleID: `s${k}`, Updated: iso(T0 + 1000 * k) });
		const all = Array.from({ length: 2000 }, (_, k) => sale(k));
		// After page 1 was read, s5 changed (left the window): every later row moved back one place.
		const after = all.filter((_, k) => k !== 5);
		const qs = (page: number) => ({ UpdatedSince: iso(T0 - 5 * min), UpdatedUntil: iso(T0 + 10 * min), Page: page, Limit: 1000 });
		api().get(path('/saleList')).query(qs(1)).reply(200, { Total: 2000, SaleList: all.slice(0, 1000) });
		api().get(path('/saleList')).query(qs(2)).reply(200, { Total: 1999, SaleList: after.slice(1000) });
		api().get(path('/saleList')).query(qs(1)).reply(200, { Total: 1999, SaleList: after.slice(0, 1000) });
		api().get(path('/saleList')).query(qs(2)).reply(200, { Total: 1999, SaleList: after.slice(1000) });
		const ids = (await poll(params, { staticData })).json!.map((j) => j.SaleID);
		expect(ids).toHaveLength(2000);
		expect(ids).toContain('s1000');
	});

	it('restarts the cursor when the event or filters change', async () => {
		const staticData: IDataObject = {};
		await poll(PRODUCT, { staticData });
		const seeded = await poll({ ...PRODUCT, event: 'customerUpdated' }, { staticData });
		expect(seeded.out).toBeNull();
		expect(seeded.requests).toHaveLength(0);
	});
});

const STOCK = {
	event: 'stockLevelChanged',
	maxPerPoll: 100,
	skus: '',
	sellableLocations: [],
	excludedLocations: [],
	excludedBins: [],
	deductUnauthorisedOrders: false,
	includeOnOrder: false,
};

type Product = string | IDataObject;

/** One page of rows, then the product list (by default one active stock product per SKU in the rows). */
function availability(rows: Array<[string, string, number]>, products?: Product[], includeDeprecated = false) {
	api()
		.get(path('/ref/productavailability'))
		.query({ Page: 1, Limit: 1000 })
		.reply(200, {
			Total: rows.length,
			Page: 1,
			ProductAvailabilityList: rows.map(([SKU, Location, Available]) => ({ SKU, Location, Available, OnHand: Available })),
		});
	const list = (products ?? [...new Set(rows.map((r) => r[0]))]).map((p) =>
		typeof p === 'string' ? { ID: `id-${p}`, SKU: p, Type: 'Stock', Status: 'Active' } : p,
	);
	api()
		.get(path('/product'))
		.query({ IncludeDeprecated: String(includeDeprecated), Page: 1, Limit: 1000 })
		.reply(200, { Total: list.length, Page: 1, Products: list });
}

function locations() {
	api()
		.get(path('/ref/location'))
		.query({ Deprecated: 'true', Page: 1, Limit: 1000 })
		.reply(200, {
			Total: 2,
			Page: 1,
			LocationList: [
				{ ID: 'l1', Name: 'Main', Bins: [{ ID: 'b1', Name: 'Returns' }] },
				{ ID: 'l2', Name: 'Quarantine', Bins: [] },
			],
		});
}

describe('Cin7 Core Trigger: stock level changed', () => {
	core.useTestEnv();

	it('seeds a snapshot first, then emits changed SKUs with before/after and back in stock', async () => {
		const staticData: IDataObject = {};
		availability([['A', 'Main', 5], ['B', 'Main', 3], ['C', 'Main', 0]]);
		expect((await poll(STOCK, { staticData })).out).toBeNull();
		expect((staticData.stockSnapshot as IDataObject).levels).toEqual({ A: 5, B: 3 });

		// B sold out: its rows are gone, the product is still listed.
		availability([['A', 'Main', 5], ['C', 'Main', 2], ['D', 'Quarantine', 1]], ['A', 'B', 'C', 'D']);
		const out = await poll({ ...STOCK, excludedLocations: [] }, { staticData });
		expect(out.json!.map((j) => [j.sku, j.before, j.after, j.backInStock, j.outOfStock])).toEqual([
			['B', 3, 0, false, true],
			['C', null, 2, true, false],
			['D', null, 1, true, false],
		]);
		expect((staticData.stockSnapshot as IDataObject).levels).toEqual({ A: 5, C: 2, D: 1 });

		availability([['A', 'Main', 5], ['C', 'Main', 2], ['D', 'Quarantine', 1]], ['A', 'B', 'C', 'D']);
		expect((await poll(STOCK, { staticData })).out).toBeNull();
	});

	it('forgets a product that became deprecated without an out-of-stock event; a new product with stock is back in stock', async () => {
		const staticData: IDataObject = {};
		availability([['A', 'Main', 5], ['B', 'Main', 3], ['Z', 'Main', 0]], ['A', 'B', 'Z', 'SOLD-OUT']);
		expect((await poll(STOCK, { staticData })).out).toBeNull();
		expect((staticData.stockSnapshot as IDataObject).levels).toEqual({ A: 5, B: 3 });

		// B is deprecated: its rows are still served, the list (without deprecated products) leaves it out.
		availability([['A', 'Main', 5], ['B', 'Main', 3], ['N', 'Main', 4]], ['A', 'N', 'Z', 'SOLD-OUT']);
		const out = await poll(STOCK, { staticData });
		expect(out.json!.map((j) => [j.sku, j.before, j.after, j.backInStock, j.outOfStock])).toEqual([['N', null, 4, true, false]]);
		expect((staticData.stockSnapshot as IDataObject).levels).toEqual({ A: 5, N: 4 });
	});

	it('watches deprecated products too with Include Deprecated; service products never', async () => {
		const staticData: IDataObject = {};
		const params = { ...STOCK, includeDeprecated: true };
		const listed = ['A', { ID: 'id-B', SKU: 'B', Type: 'Stock', Status: 'Deprecated' }, { ID: 'id-S', SKU: 'S', Type: 'Service', Status: 'Active' }];
		availability([['A', 'Main', 5], ['B', 'Main', 3]], listed, true);
		await poll(params, { staticData });
		expect((staticData.stockSnapshot as IDataObject).levels).toEqual({ A: 5, B: 3 });
		availability([['A', 'Main', 5]], listed, true);
		const out = await poll(params, { staticData });
		expect(out.json!.map((j) => [j.sku, j.before, j.after, j.outOfStock])).toEqual([['B', 3, 0, true]]);
	});

	it('checks location and bin names once per poll and stops on one that matches nothing', async () => {
		locations();
		await expect(poll({ ...STOCK, excludedLocations: ['Quarantine'], excludedBins: ['Main/Retruns'] }, { staticData: {} })).rejects.toThrow(
			'Excluded Bins contains "Main/Retruns", which matches no bin of a Cin7 Core location (Location/Bin, or a bare bin name). Bins: Main/Returns',
		);
		locations();
		await expect(poll({ ...STOCK, sellableLocations: ['Mian'] }, { staticData: {} })).rejects.toThrow(
			'Sellable Locations contains "Mian", which matches no Cin7 Core location. Locations: Main, Quarantine',
		);
	});

	it('reads excluded bins from the list or as the old comma-separated text, with the same snapshot key', async () => {
		const staticData: IDataObject = {};
		locations();
		availability([['A', 'Main', 5]]);
		await poll({ ...STOCK, excludedLocations: ['Quarantine'], excludedBins: 'Main/Returns' }, { staticData });
		const key = (staticData.stockSnapshot as IDataObject).configKey;
		locations();
		availability([['A', 'Main', 5]]);
		expect((await poll({ ...STOCK, excludedLocations: ['Quarantine'], excludedBins: ['Main/Returns'] }, { staticData })).out).toBeNull();
		expect((staticData.stockSnapshot as IDataObject).configKey).toBe(key);
	});

	it('caps SKUs per poll and stores only the emitted ones, so the rest follow', async () => {
		const staticData: IDataObject = {};
		const params = { ...STOCK, maxPerPoll: 2 };
		availability([]);
		await poll(params, { staticData });
		const rows: Array<[string, string, number]> = [['A', 'Main', 1], ['B', 'Main', 1], ['C', 'Main', 1]];
		availability(rows);
		expect((await poll(params, { staticData })).json!.map((j) => j.sku)).toEqual(['A', 'B']);
		availability(rows);
		expect((await poll(params, { staticData })).json!.map((j) => j.sku)).toEqual(['C']);
	});

	it('compares in manual mode without storing', async () => {
		const staticData: IDataObject = {};
		availability([['A', 'Main', 0.5]]);
		await poll(STOCK, { staticData });
		const stored = JSON.stringify(staticData);
		availability([['A', 'Main', 4]]);
		const manual = await poll(STOCK, { staticData, mode: 'manual' });
		expect(manual.json![0]).toMatchObject({ sku: 'A', before: 0.5, after: 4 });
		expect(JSON.stringify(staticData)).toBe(stored);
	});

	it('returns a sample of current levels in manual mode before any snapshot', async () => {
		availability([['A', 'Main', 2]]);
		const manual = await poll(STOCK, { staticData: {}, mode: 'manual' });
		expect(manual.json).toEqual([expect.objectContaining({ sku: 'A', before: null, after: 2 })]);
	});
});
