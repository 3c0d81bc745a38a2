import type { IDataObject } from 'n8n-workflow';

import { core } from './fixture';

const { api, path, run } = core;

const row = (SKU: string, Location: string, Available: number, extra: IDataObject = {}) => ({
	SKU,
	Location,
	Bin: null,
	Batch: null,
	OnHand: Available,
	Allocated: 0,
	Available,
	OnOrder: 0,
	StockOnHand: 9999.99,
	...extra,
});

const ATS_DEFAULTS = {
	resource: 'stock',
	operation: 'getAvailableToSell',
	skus: '',
	sellableLocations: [],
	excludedLocations: [],
	excludedBins: [],
	deductUnauthorisedOrders: false,
	safetyBufferMode: 'none',
	safetyBufferValue: 0,
	includeOnOrder: false,
	flagChangesSinceLastRun: false,
};

const product = (SKU: string, extra: IDataObject = {}): IDataObject => ({ ID: `id-${SKU}`, SKU, Type: 'Stock', Status: 'Active', ...extra });

/** The product list a run without a SKU list reads after the rows (deprecated ones not asked for). */
function productList(list: IDataObject[], includeDeprecated = false) {
	api()
		.get(path('/product'))
		.query({ IncludeDeprecated: String(includeDeprecated), Page: 1, Limit: 1000 })
		.reply(200, { Total: list.length, Page: 1, Products: list });
}

/** One page of rows and, by default, one active stock product per SKU in them. */
function availability(rows: IDataObject[], products?: IDataObject[]) {
	api()
		.get(path('/ref/productavailability'))
		.query({ Page: 1, Limit: 1000 })
		.reply(200, { Total: rows.length, Page: 1, ProductAvailabilityList: rows });
	productList(products ?? [...new Set(rows.map((r) => String(r.SKU)))].map((sku) => product(sku)));
}

const LOCATIONS = [
	{ ID: 'loc-main', Name: 'Main', Deprecated: false, Bins: [{ ID: 'b1', Name: 'Shelf' }, { ID: 'b2', Name: 'Returns' }] },
	{ ID: 'loc-q', Name: 'Quarantine', Deprecated: false, Bins: [] },
	{ ID: 'loc-store', Name: 'Store', Deprecated: false, Bins: [{ ID: 'b3', Name: 'Damaged' }] },
	{ ID: 'loc-over', Name: 'Overseas', Deprecated: true, Bins: [] },
];

/** The location list (deprecated ones too) that location and bin names are checked against. */
function locations(list: IDataObject[] = LOCATIONS) {
	api()
		.get(path('/ref/location'))
		.query({ Deprecated: 'true', Page: 1, Limit: 1000 })
		.reply(200, { Total: list.length, Page: 1, LocationList: list });
}

describe('Stock → Get Available to Sell', () => {
	const t = core.useTestEnv();

	it('sums bins and batches per SKU and keeps StockOnHand (money) out of it', async () => {
		availability([
			row('A', 'Main', 5, { Bin: 'A1', Batch: 'B1' }),
			row('A', 'Main', 3, { Bin: 'A2', Batch: 'B1' }),
			row('A', 'Main', 2, { Bin: 'A2', Batch: 'B2' }),
			row('A', 'Store', 4),
		]);
		const { json, out } = await run(ATS_DEFAULTS);
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({ sku: 'A', available: 14, availableToSell: 14, inStock: true });
		const locations = json[0].locations as IDataObject[];
		expect(locations.find((l) => l.location === 'Main')).toMatchObject({ available: 10, counted: true });
		expect(out[0].pairedItem).toEqual({ item: 0 });
	});

	it('reports an asked-for SKU without rows (all-zero rows are omitted) as 0', async () => {
		api()
			.get(path('/ref/productavailability'))
			.query({ Sku: 'A', Page: 1, Limit: 1000 })
			.reply(200, { Total: 1, Page: 1, ProductAvailabilityList: [row('A', 'Main', 2)] });
		api()
			.get(path('/ref/productavailability'))
			.query({ Sku: 'GONE', Page: 1, Limit: 1000 })
			.reply(200, { Total: 0, Page: 1, ProductAvailabilityList: [] });
		const { json } = await run({ ...ATS_DEFAULTS, skus: 'A, GONE' });
		expect(json.map((j) => [j.sku, j.availableToSell, j.noStockRows])).toEqual([
			['A', 2, false],
			['GONE', 0, true],
		]);
		expect(json[0].noStockReason).toBeUndefined();
		expect(json[1].noStockReason).toMatch(/no stock rows in Cin7 Core.*omits all-zero rows/i);
	});

	it('without a SKU list covers every active stock product: sold out at 0 with the reason, deprecated and service left out even with rows', async () => {
		availability(
			[
				row('A', 'Main', 5),
				// Deprecated: the list (asked without deprecated products) leaves DEP-1 out; DEP-2 comes back
				// anyway, spelled in capitals as some exports do. Their rows are not counted.
				row('DEP-1', 'Main', 40),
				row('DEP-2', 'Main', 30),
				// Rows name their product by ID first: this one is counted under the product's spelling.
				row('setup-1', 'Main', 3, { ID: 'id-SETUP-1' }),
			],
			[
				product('A'),
				product('DEP-2', { Status: 'DEPRECATED' }),
				product('SVC', { Type: 'Service' }),
				product('SETUP-1', { Status: 'Setup required' }),
				product('ZERO'),
			],
		);
		const { json } = await run(ATS_DEFAULTS);
		expect(json.map((j) => [j.sku, j.availableToSell, j.noStockRows])).toEqual([
			['A', 5, false],
			['SETUP-1', 3, false],
			['ZERO', 0, true],
		]);
		expect(json[2]).toMatchObject({ inStock: false, locations: [], noStockReason: expect.stringMatching(/^Sold out: .*no stock rows/) });
		expect(json[0].noStockReason).toBeUndefined();
	});

	it('covers deprecated products too with Include Deprecated, with or without rows (service products still left out)', async () => {
		const rows = [row('A', 'Main', 5), row('DEP-1', 'Main', 40)];
		api()
			.get(path('/ref/productavailability'))
			.query({ Page: 1, Limit: 1000 })
			.reply(200, { Total: rows.length, Page: 1, ProductAvailabilityList: rows });
		productList(
			[product('A'), product('DEP-1', { Status: 'Deprecated' }), product('DEP-0', { Status: 'Deprecated' }), product('SVC', { Type: 'Service' })],
			true,
		);
		const { json } = await run({ ...ATS_DEFAULTS, includeDeprecated: true });
		expect(json.map((j) => [j.sku, j.availableToSell, j.noStockRows])).toEqual([
			['A', 5, false],
			['DEP-1', 40, false],
			['DEP-0', 0, true],
		]);
	});

	it('reports an asked-for deprecated SKU (a SKU list is taken as asked, without reading products)', async () => {
		api()
			.get(path('/ref/productavailability'))
			.query({ Sku: 'DEP-1', Page: 1, Limit: 1000 })
			.reply(200, { Total: 1, Page: 1, ProductAvailabilityList: [row('DEP-1', 'Main', 40)] });
		const { json, requests } = await run({ ...ATS_DEFAULTS, skus: 'DEP-1' });
		expect(json).toEqual([expect.objectContaining({ sku: 'DEP-1', availableToSell: 40 })]);
		expect(requests).toHaveLength(1);
	});

	it('drops rows of another SKU that a prefix filter let through', async () => {
		api()
			.get(path('/ref/productavailability'))
			.query({ Sku: 'A', Page: 1, Limit: 1000 })
			.reply(200, { Total: 2, Page: 1, ProductAvailabilityList: [row('A', 'Main', 2), row('A-XL', 'Main', 50)] });
		const { json } = await run({ ...ATS_DEFAULTS, skus: 'A' });
		expect(json).toEqual([expect.objectContaining({ sku: 'A', availableToSell: 2 })]);
	});

	it('leaves out excluded locations, excluded bins and non-sellable locations', async () => {
		locations();
		availability([
			row('A', 'Main', 10, { Bin: 'Shelf' }),
			row('A', 'Main', 3, { Bin: 'Returns' }),
			row('A', 'Quarantine', 7),
			row('A', 'Store', 2, { Bin: 'Damaged' }),
			row('A', 'Overseas', 100),
		]);
		const { json } = await run({
			...ATS_DEFAULTS,
			sellableLocations: ['Main', 'Quarantine', 'Store'],
			excludedLocations: ['Quarantine'],
			excludedBins: 'Main/Returns, Damaged',
		});
		expect(json[0]).toMatchObject({ available: 10, excluded: 12, availableToSell: 10 });
	});

	it('reads excluded bins picked from the list, old comma-separated text, bare bin names and a location ID', async () => {
		const rows = [
			row('A', 'Main', 10, { Bin: 'Shelf' }),
			row('A', 'Main', 3, { Bin: 'Returns' }),
			row('A', 'Store', 2, { Bin: 'Damaged' }),
			row('A', 'Quarantine', 7),
			row('A', 'Overseas', 1),
		];
		for (const params of [
			{ excludedBins: ['Main/Returns', 'Store/Damaged'], excludedLocations: ['loc-q', 'Overseas'] },
			{ excludedBins: 'main/returns, Damaged', excludedLocations: ['Quarantine', 'overseas'] },
		]) {
			locations();
			availability(rows);
			const { json } = await run({ ...ATS_DEFAULTS, ...params });
			expect(json[0]).toMatchObject({ available: 10, excluded: 13, availableToSell: 10 });
			expect((json[0].locations as IDataObject[]).filter((l) => l.bin).map((l) => [l.location, l.bin, l.reason])).toEqual([
				['Main', 'Returns', 'excluded bin'],
				['Store', 'Damaged', 'excluded bin'],
			]);
		}
	});

	it.each([
		[
			{ excludedLocations: ['Quarantine', 'Quarantaine'] },
			'Item 0: Excluded Locations contains "Quarantaine", which matches no Cin7 Core location. Locations: Main, Quarantine, Store, Overseas (deprecated)',
		],
		[
			{ sellableLocations: ['Main Warehuose'] },
			'Item 0: Sellable Locations contains "Main Warehuose", which matches no Cin7 Core location. Locations: Main, Quarantine, Store, Overseas (deprecated)',
		],
		[
			{ excludedBins: ['Main/Retruns'] },
			'Item 0: Excluded Bins contains "Main/Retruns", which matches no bin of a Cin7 Core location (Location/Bin, or a bare bin name). Bins: Main/Shelf, Main/Returns, Store/Damaged',
		],
		[
			{ excludedBins: 'Quarantine/Shelf' },
			'Item 0: Excluded Bins contains "Quarantine/Shelf", which matches no bin of a Cin7 Core location (Location/Bin, or a bare bin name). Bins: Main/Shelf, Main/Returns, Store/Damaged',
		],
	])('fails the run on a name that matches nothing (%j), before reading any stock', async (params, message) => {
		locations();
		await expect(run({ ...ATS_DEFAULTS, ...params })).rejects.toThrow(message);
	});

	it('under continue on fail the unknown name fails only its item; the location list is read once per run', async () => {
		locations();
		for (const sku of ['A', 'C']) {
			api()
				.get(path('/ref/productavailability'))
				.query({ Sku: sku, Page: 1, Limit: 1000 })
				.reply(200, { Total: 1, Page: 1, ProductAvailabilityList: [row(sku, 'Main', 4), row(sku, 'Quarantine', 9)] });
		}
		const { out, requests } = await run(
			[
				{ ...ATS_DEFAULTS, skus: 'A', excludedLocations: ['Quarantine'] },
				{ ...ATS_DEFAULTS, skus: 'B', excludedLocations: ['Quarantne'] },
				{ ...ATS_DEFAULTS, skus: 'C', excludedLocations: ['Quarantine'] },
			],
			{ items: core.items(3), continueOnFail: true },
		);
		expect(out.map((o) => [o.pairedItem, o.json.sku ?? null, o.json.availableToSell ?? null])).toEqual([
			[{ item: 0 }, 'A', 4],
			[{ item: 1 }, null, null],
			[{ item: 2 }, 'C', 4],
		]);
		expect(String(out[1].json.error)).toMatch(/^Item 1: Excluded Locations contains "Quarantne"/);
		expect(requests.filter((r) => String(r.url).includes('/ref/location'))).toHaveLength(1);
	});

	it('reads the active locations too should Deprecated=true answer only deprecated ones', async () => {
		locations([{ ID: 'loc-over', Name: 'Overseas', Deprecated: true, Bins: [] }]);
		api()
			.get(path('/ref/location'))
			.query({ Page: 1, Limit: 1000 })
			.reply(200, { Total: 1, Page: 1, LocationList: [{ ID: 'loc-q', Name: 'Quarantine', Deprecated: false, Bins: [] }] });
		availability([row('A', 'Main', 5), row('A', 'Quarantine', 2), row('A', 'Overseas', 1)]);
		const { json } = await run({ ...ATS_DEFAULTS, excludedLocations: ['Quarantine', 'Overseas'] });
		expect(json[0]).toMatchObject({ available: 5, excluded: 3 });
	});

	it('checks bins only where the location record lists them', async () => {
		locations([{ ID: 'x', Name: 'Main' }, { ID: 'y', Name: 'Store', Bins: [{ ID: 'b', Name: 'Damaged' }] }]);
		availability([row('A', 'Main', 5, { Bin: 'Returns' }), row('A', 'Main', 1, { Bin: 'Shelf' })]);
		const { json } = await run({ ...ATS_DEFAULTS, excludedBins: ['Main/Returns'] });
		expect(json[0]).toMatchObject({ available: 1, excluded: 5 });
		locations([{ ID: 'y', Name: 'Store', Bins: [{ ID: 'b', Name: 'Damaged' }] }, { ID: 'x', Name: 'Main' }]);
		await expect(run({ ...ATS_DEFAULTS, excludedBins: ['Store/Returns'] })).rejects.toThrow(/Excluded Bins contains "Store\/Returns"/);
	});

	it('applies an absolute buffer and floors the SKU total at 0', async () => {
		availability([row('A', 'Main', 3), row('B', 'Main', 20)]);
		const { json } = await run({ ...ATS_DEFAULTS, safetyBufferMode: 'absolute', safetyBufferValue: 5 });
		expect(json.find((j) => j.sku === 'A')).toMatchObject({ buffer: 5, beforeFloor: -2, availableToSell: 0, inStock: false });
		expect(json.find((j) => j.sku === 'B')).toMatchObject({ buffer: 5, availableToSell: 15 });
	});

	it('applies a percent buffer rounded up', async () => {
		availability([row('A', 'Main', 21)]);
		const { json } = await run({ ...ATS_DEFAULTS, safetyBufferMode: 'percent', safetyBufferValue: 10 });
		expect(json[0]).toMatchObject({ buffer: 3, availableToSell: 18 });
	});

	it('lets a negative (over-allocated) location offset the others before the floor', async () => {
		availability([row('A', 'Main', 8), row('A', 'Store', -3, { OnHand: 2, Allocated: 5 })]);
		const { json } = await run(ATS_DEFAULTS);
		expect(json[0]).toMatchObject({ available: 5, availableToSell: 5 });
	});

	it('adds on-order stock only when asked, and only for counted locations', async () => {
		const rows = [row('A', 'Main', 1, { OnOrder: 6 }), row('A', 'Quarantine', 0, { OnOrder: 50 })];
		locations();
		availability(rows);
		const without = await run({ ...ATS_DEFAULTS, excludedLocations: ['Quarantine'] });
		expect(without.json[0]).toMatchObject({ onOrderAdded: 0, availableToSell: 1 });
		locations();
		availability(rows);
		const withOnOrder = await run({ ...ATS_DEFAULTS, excludedLocations: ['Quarantine'], includeOnOrder: true });
		expect(withOnOrder.json[0]).toMatchObject({ onOrderAdded: 6, availableToSell: 7 });
	});

	it('deducts open unauthorised order lines read from each sale', async () => {
		locations();
		availability([row('A', 'Main', 10), row('B', 'Main', 4)]);
		api()
			.get(path('/saleList'))
			.query({ OrderStatus: 'DRAFT', Page: 1, Limit: 1000 })
			.reply(200, {
				Total: 3,
				Page: 1,
				SaleList: [
					{ SaleID: 's1', Status: 'ORDERING', OrderStatus: 'DRAFT' },
					{ SaleID: 's2', Status: 'ORDERING', OrderStatus: 'DRAFT' },
					{ SaleID: 'v1', Status: 'VOIDED', OrderStatus: 'DRAFT' },
				],
			});
		api()
			.get(path('/saleList'))
			.query({ OrderStatus: 'AUTH_NO_ALLOC', Page: 1, Limit: 1000 })
			.reply(200, { Total: 0, Page: 1, SaleList: [] });
		api().get(path('/sale')).query({ ID: 's1' }).reply(200, {
			ID: 's1',
			Location: 'Main',
			Order: { Lines: [{ SKU: 'A', Quantity: 3 }, { SKU: 'b', Quantity: 1 }] },
		});
		api().get(path('/sale')).query({ ID: 's2' }).reply(200, {
			ID: 's2',
			Location: 'Quarantine',
			Order: { Lines: [{ SKU: 'A', Quantity: 100 }] },
		});
		const { json } = await run({ ...ATS_DEFAULTS, deductUnauthorisedOrders: true, excludedLocations: ['Quarantine'] });
		expect(json.find((j) => j.sku === 'A')).toMatchObject({ unauthorisedOrders: 3, availableToSell: 7 });
		expect(json.find((j) => j.sku === 'B')).toMatchObject({ unauthorisedOrders: 1, availableToSell: 3 });
	});

	it('flags changes since the last run, stores them only outside manual mode', async () => {
		const staticData: IDataObject = {};
		const params = { ...ATS_DEFAULTS, flagChangesSinceLastRun: true };
		availability([row('A', 'Main', 0, { OnHand: 0, OnOrder: 2 }), row('B', 'Main', 5)]);
		const first = await run(params, { staticData });
		expect(first.json.map((j) => [j.sku, j.previousAvailableToSell, j.changed, j.backInStock])).toEqual([
			['A', null, false, false],
			['B', null, false, false],
		]);
		expect(staticData.availableToSellBySku).toEqual({ A: 0, B: 5 });

		availability([row('A', 'Main', 4), row('B', 'Main', 5)]);
		const manual = await run(params, { staticData, mode: 'manual' });
		expect(manual.json.find((j) => j.sku === 'A')).toMatchObject({ previousAvailableToSell: 0, changed: true, backInStock: true });
		expect(staticData.availableToSellBySku).toEqual({ A: 0, B: 5 });

		// B's rows are gone: Cin7 Core omits all-zero rows, so B (still an active product) sold out and is reported at 0.
		availability([row('A', 'Main', 4)], [product('A'), product('B')]);
		const second = await run(params, { staticData });
		expect(second.json.map((j) => [j.sku, j.previousAvailableToSell, j.changed, j.backInStock])).toEqual([
			['A', 0, true, true],
			['B', 5, true, false],
		]);
		expect(second.json.find((j) => j.sku === 'B')).toMatchObject({ availableToSell: 0, noStockRows: true });
		expect(staticData.availableToSellBySku).toEqual({ A: 4, B: 0 });
	});

	it('leads each item with the answer: sku, figure, in stock, the change flags, then inputs and deductions, the breakdown last; no Cin7 Omni figures', async () => {
		availability([row('A', 'Main', 4)], [product('A'), product('B')]);
		const plain = await run(ATS_DEFAULTS);
		const [a, b] = plain.json;
		const figures = ['available', 'excluded', 'unauthorisedOrders', 'buffer', 'onOrderAdded', 'beforeFloor', 'locations'];
		expect(Object.keys(a)).toEqual(['sku', 'availableToSell', 'inStock', 'noStockRows', ...figures]);
		expect(Object.keys(b)).toEqual(['sku', 'availableToSell', 'inStock', 'noStockRows', 'noStockReason', ...figures]);
		expect(Object.keys((a.locations as IDataObject[])[0])).toEqual(['location', 'available', 'onOrder', 'counted']);

		const staticData: IDataObject = { availableToSellBySku: { A: 0 } };
		availability([row('A', 'Main', 4)], [product('A')]);
		const flagged = await run({ ...ATS_DEFAULTS, flagChangesSinceLastRun: true }, { staticData });
		expect(Object.keys(flagged.json[0])).toEqual([
			'sku', 'availableToSell', 'inStock', 'backInStock', 'changed', 'previousAvailableToSell', 'noStockRows', ...figures,
		]);
		expect(flagged.json[0]).toMatchObject({ availableToSell: 4, backInStock: true, changed: true, previousAvailableToSell: 0 });
	});

	it('forgets a product that became deprecated (no sold-out flag) and flags a new product with stock as back in stock', async () => {
		const staticData: IDataObject = {};
		const params = { ...ATS_DEFAULTS, flagChangesSinceLastRun: true };
		availability([row('A', 'Main', 5), row('D', 'Main', 3)]);
		await run(params, { staticData });
		expect(staticData.availableToSellBySku).toEqual({ A: 5, D: 3 });

		// D is deprecated: its rows are still served, but it left the covered set. N is new, with stock.
		availability([row('A', 'Main', 5), row('D', 'Main', 3), row('N', 'Main', 2)], [product('A'), product('N')]);
		const second = await run(params, { staticData });
		expect(second.json.map((j) => [j.sku, j.previousAvailableToSell, j.changed, j.backInStock])).toEqual([
			['A', 5, false, false],
			['N', 0, true, true],
		]);
		expect(staticData.availableToSellBySku).toEqual({ A: 5, N: 2 });
	});

	it('walks every availability page and every product page at Limit=1000: 2 + 2 calls for 1001 rows and 1500 products', async () => {
		const many = Array.from({ length: 1000 }, (_, k) => row(`S${k}`, 'Main', 1));
		api().get(path('/ref/productavailability')).query({ Page: 1, Limit: 1000 }).reply(200, { Total: 1001, Page: 1, ProductAvailabilityList: many });
		api().get(path('/ref/productavailability')).query({ Page: 2, Limit: 1000 }).reply(200, { Total: 1001, Page: 2, ProductAvailabilityList: [row('LAST', 'Main', 9)] });
		// 1001 products with rows and 499 sold-out ones without.
		const products = [...many.map((r) => product(String(r.SKU))), product('LAST'), ...Array.from({ length: 499 }, (_, k) => product(`Z${k}`))];
		api().get(path('/product')).query({ IncludeDeprecated: 'false', Page: 1, Limit: 1000 }).reply(200, { Total: 1500, Page: 1, Products: products.slice(0, 1000) });
		api().get(path('/product')).query({ IncludeDeprecated: 'false', Page: 2, Limit: 1000 }).reply(200, { Total: 1500, Page: 2, Products: products.slice(1000) });
		const { json, requests } = await run(ATS_DEFAULTS);
		expect(json).toHaveLength(1500);
		expect(json.filter((j) => j.noStockRows)).toHaveLength(499);
		// No location or bin names: no location call. Rows first, then products.
		expect(requests.map((r) => `${r.url.replace(/^.*\/v2/, '')} ${String(r.qs?.Page)}`)).toEqual([
			'/ref/productavailability 1',
			'/ref/productavailability 2',
			'/product 1',
			'/product 2',
		]);
		expect(t.clock()).toBeDefined();
	});

	it('rejects a negative buffer, naming the item and field', async () => {
		await expect(run({ ...ATS_DEFAULTS, safetyBufferMode: 'absolute', safetyBufferValue: -1 })).rejects.toThrow(
			/Item 0: Safety Buffer Value/,
		);
	});
});

describe('Stock → Get Availability, Location, Price Tier', () => {
	core.useTestEnv();

	it('returns raw availability rows with filters and limit', async () => {
		api()
			.get(path('/ref/productavailability'))
			.query({ Location: 'Main', Page: 1, Limit: 2 })
			.reply(200, { Total: 5, Page: 1, ProductAvailabilityList: [row('A', 'Main', 1), row('B', 'Main', 2)] });
		const { json } = await run({ resource: 'stock', operation: 'getAvailability', returnAll: false, limit: 2, filters: { Location: 'Main' } });
		expect(json.map((j) => j.SKU)).toEqual(['A', 'B']);
	});

	it('lists locations', async () => {
		api().get(path('/ref/location')).query({ Page: 1, Limit: 1000 }).reply(200, { Total: 1, Page: 1, LocationList: [{ ID: 'l1', Name: 'Main', Bins: [] }] });
		const { json } = await run({ resource: 'location', operation: 'getAll', returnAll: true, filters: {} });
		expect(json).toEqual([{ ID: 'l1', Name: 'Main', Bins: [] }]);
	});

	it('lists price tiers (unpaged) and honours the limit', async () => {
		api().get(path('/ref/priceTier')).reply(200, { PriceTiers: [{ Code: 1, Name: 'Retail' }, { Code: 2, Name: 'Wholesale' }] });
		const { json } = await run({ resource: 'priceTier', operation: 'getAll', returnAll: false, limit: 1 });
		expect(json).toEqual([{ Code: 1, Name: 'Retail' }]);
	});
});
