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
	excludedBins: '',
	deductUnauthorisedOrders: false,
	safetyBufferMode: 'none',
	safetyBufferValue: 0,
	includeOnOrder: false,
	flagChangesSinceLastRun: false,
};

function availability(rows: IDataObject[]) {
	api()
		.get(path('/ref/productavailability'))
		.query({ Page: 1, Limit: 1000 })
		.reply(200, { Total: rows.length, Page: 1, ProductAvailabilityList: rows });
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
		availability(rows);
		const without = await run({ ...ATS_DEFAULTS, excludedLocations: ['Quarantine'] });
		expect(without.json[0]).toMatchObject({ onOrderAdded: 0, availableToSell: 1 });
		availability(rows);
		const withOnOrder = await run({ ...ATS_DEFAULTS, excludedLocations: ['Quarantine'], includeOnOrder: true });
		expect(withOnOrder.json[0]).toMatchObject({ onOrderAdded: 6, availableToSell: 7 });
	});

	it('deducts open unauthorised order lines read from each sale', async () => {
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

		// B's rows are gone: Cin7 Core omits all-zero rows, so B sold out and is reported at 0.
		availability([row('A', 'Main', 4)]);
		const second = await run(params, { staticData });
		expect(second.json.map((j) => [j.sku, j.previousAvailableToSell, j.changed, j.backInStock])).toEqual([
			['A', 0, true, true],
			['B', 5, true, false],
		]);
		expect(second.json.find((j) => j.sku === 'B')).toMatchObject({ availableToSell: 0, noStockRows: true });
		expect(staticData.availableToSellBySku).toEqual({ A: 4, B: 0 });
	});

	it('walks every availability page at Limit=1000', async () => {
		const many = Array.from({ length: 1000 }, (_, k) => row(`S${k}`, 'Main', 1));
		api().get(path('/ref/productavailability')).query({ Page: 1, Limit: 1000 }).reply(200, { Total: 1001, Page: 1, ProductAvailabilityList: many });
		api().get(path('/ref/productavailability')).query({ Page: 2, Limit: 1000 }).reply(200, { Total: 1001, Page: 2, ProductAvailabilityList: [row('LAST', 'Main', 9)] });
		const { json } = await run(ATS_DEFAULTS);
		expect(json).toHaveLength(1001);
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
