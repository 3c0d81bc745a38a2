import { applyBuffer, diffLevels } from '../../../nodes/shared/availableToSell';
import { coreAvailableToSell, type CoreAvailabilityRow } from '../../../nodes/Cin7Core/helpers/availableToSell';
import { omniAvailableToSell, omniRowAvailable } from '../../../nodes/Cin7Omni/helpers/availableToSell';

const row = (SKU: string, Location: string, Available: number, extra: Partial<CoreAvailabilityRow> = {}): CoreAvailabilityRow => ({
	SKU,
	Location,
	Available,
	OnHand: Available,
	Allocated: 0,
	OnOrder: 0,
	...extra,
});
const bySku = <T extends { sku: string }>(list: T[]) => Object.fromEntries(list.map((x) => [x.sku, x]));

describe('Cin7 Core available to sell', () => {
	it('sums bins and batches per location and over locations', () => {
		const [a] = coreAvailableToSell([
			row('A', 'Main', 5, { Bin: 'B1', Batch: 'L1' }),
			row('A', 'Main', 3, { Bin: 'B2', Batch: 'L2' }),
			row('A', 'Shop', 2),
		]);
		expect(a.available).toBe(10);
		expect(a.availableToSell).toBe(10);
		expect(a.inStock).toBe(true);
		expect(a.locations).toEqual([
			{ location: 'Main', available: 8, onOrder: 0, counted: true },
			{ location: 'Shop', available: 2, onOrder: 0, counted: true },
		]);
	});

	it('leads with the answer (as the node and both Core triggers emit it), Cin7 Omni figures left out', () => {
		const [a, gone] = coreAvailableToSell([row('A', 'Main', 5, { Bin: 'B1' })], { skus: ['A', 'GONE'] });
		const figures = ['available', 'excluded', 'unauthorisedOrders', 'buffer', 'onOrderAdded', 'beforeFloor', 'locations'];
		expect(Object.keys(a)).toEqual(['sku', 'availableToSell', 'inStock', 'noStockRows', ...figures]);
		expect(Object.keys(gone)).toEqual(['sku', 'availableToSell', 'inStock', 'noStockRows', 'noStockReason', ...figures]);
	});

	it('a SKU asked for but absent (all-zero rows omitted) is 0 with noStockRows; unasked SKUs are left out', () => {
		const out = coreAvailableToSell([row('A', 'Main', 1), row('OTHER', 'Main', 9)], { skus: ['A', 'GONE'] });
		expect(out.map((x) => x.sku)).toEqual(['A', 'GONE']);
		expect(bySku(out).GONE).toMatchObject({ availableToSell: 0, inStock: false, noStockRows: true, locations: [] });
		expect(bySku(out).A.noStockRows).toBe(false);
	});

	it('leaves out excluded locations and bins (Location/Bin and bare bin), reporting them', () => {
		const [a] = coreAvailableToSell(
			[
				row('A', 'Main', 10, { Bin: 'Pick' }),
				row('A', 'Main', 4, { Bin: 'Quarantine' }),
				row('A', 'Shop', 3, { Bin: 'Returns' }),
				row('A', 'Shop', 2, { Bin: 'Pick' }),
				row('A', 'Wholesale', 50),
			],
			{ excludedLocations: ['wholesale'], excludedBins: ['Main/Quarantine', 'returns'] },
		);
		expect(a.available).toBe(12);
		expect(a.excluded).toBe(57);
		expect(a.availableToSell).toBe(12);
		expect(a.locations.filter((l) => !l.counted).map((l) => [l.location, l.bin, l.reason])).toEqual([
			['Main', 'Quarantine', 'excluded bin'],
			['Shop', 'Returns', 'excluded bin'],
			['Wholesale', undefined, 'excluded location'],
		]);
		// a bin named like an excluded Location/Bin elsewhere is not excluded
		const [b] = coreAvailableToSell([row('B', 'Shop', 4, { Bin: 'Quarantine' })], { excludedBins: ['Main/Quarantine'] });
		expect(b.available).toBe(4);
	});

	it('counts only sellable locations when given', () => {
		const [a] = coreAvailableToSell([row('A', 'Main', 5), row('A', 'Shop', 7), row('A', 'Transit', 9)], {
			sellableLocations: ['Main', ' shop '],
		});
		expect(a.available).toBe(12);
		expect(a.excluded).toBe(0);
		expect(a.locations.find((l) => l.location === 'Transit')).toMatchObject({ counted: false, reason: 'not a sellable location' });
	});

	it('deducts unauthorised open-order quantities, then the buffer (absolute, percent rounded up)', () => {
		const rows = [row('A', 'Main', 20), row('B', 'Main', 20)];
		const out = bySku(
			coreAvailableToSell(rows, { unauthorisedOrderQuantities: { A: 5 }, safetyBuffer: { mode: 'absolute', value: 2 } }),
		);
		expect(out.A).toMatchObject({ unauthorisedOrders: 5, buffer: 2, availableToSell: 13 });
		expect(out.B).toMatchObject({ unauthorisedOrders: 0, buffer: 2, availableToSell: 18 });
		const [p] = coreAvailableToSell([row('A', 'Main', 21)], { safetyBuffer: { mode: 'percent', value: 10 } });
		expect(p.buffer).toBe(3); // 2.1 rounds up
		expect(p.availableToSell).toBe(18);
		expect(applyBuffer(20, { mode: 'percent', value: 10 })).toBe(2); // exact: no float creep to 3
		expect(applyBuffer(-5, { mode: 'percent', value: 10 })).toBe(0);
		expect(applyBuffer(5, { mode: 'none' })).toBe(0);
	});

	it('floors at 0 once, on the total: an over-allocated location offsets the others', () => {
		const [a] = coreAvailableToSell([row('A', 'Main', -4, { OnHand: 2, Allocated: 6 }), row('A', 'Shop', 3)]);
		expect(a.beforeFloor).toBe(-1);
		expect(a.availableToSell).toBe(0);
		expect(a.inStock).toBe(false);
		const [b] = coreAvailableToSell([row('B', 'Main', -4), row('B', 'Shop', 10)]);
		expect(b.availableToSell).toBe(6);
	});

	it('adds on-order only for counted locations', () => {
		const [a] = coreAvailableToSell(
			[row('A', 'Main', 1, { OnOrder: 5 }), row('A', 'Wholesale', 0, { OnOrder: 100 }), row('A', 'Transit', 0, { OnOrder: 7 })],
			{ includeOnOrder: true, excludedLocations: ['Wholesale'], sellableLocations: ['Main', 'Wholesale'] },
		);
		expect(a.onOrderAdded).toBe(5);
		expect(a.availableToSell).toBe(6);
		const [b] = coreAvailableToSell([row('A', 'Main', 1, { OnOrder: 5 })]);
		expect(b.onOrderAdded).toBe(0);
	});

	it('uses the served Available even when it differs from OnHand − Allocated, and never StockOnHand (money)', () => {
		const [a] = coreAvailableToSell([row('A', 'Main', 3, { OnHand: 10, Allocated: 2, StockOnHand: 2485.5 })]);
		expect(a.available).toBe(3);
		expect(a.availableToSell).toBe(3);
	});

	it('sums decimals without binary noise', () => {
		const [a] = coreAvailableToSell([row('A', 'Main', 0.1), row('A', 'Main', 0.2, { Bin: 'x' })]);
		expect(a.available).toBe(0.3);
	});
});

describe('Cin7 Omni available to sell', () => {
	it('uses the served available, falling back to stockOnHand − openSales', () => {
		expect(omniRowAvailable({ available: 4, stockOnHand: 10, openSales: 1 })).toBe(4);
		expect(omniRowAvailable({ stockOnHand: 10, openSales: 3 })).toBe(7);
		const [a] = omniAvailableToSell([
			{ code: 'A', branchId: 1, branchName: 'Main', available: 4 },
			{ code: 'A', branchId: 2, branchName: 'Shop', stockOnHand: 10, openSales: 3 },
		]);
		expect(a.availableToSell).toBe(11);
	});

	it('subtracts holding and adds incoming when asked, for selected branches by id or name', () => {
		const rows = [
			{ code: 'A', branchId: 1, branchName: 'Main', available: 10, holding: 2, incoming: 5 },
			{ code: 'A', branchId: 2, branchName: 'Shop', available: 6, holding: 1, incoming: 1 },
			{ code: 'A', branchId: 3, branchName: 'Outlet', available: 100, holding: 0, incoming: 0 },
		];
		const [a] = omniAvailableToSell(rows, { branches: [1, 'shop'], subtractHolding: true, addIncoming: true });
		expect(a).toMatchObject({ available: 16, holding: 3, incomingAdded: 6, availableToSell: 19 });
		expect(a.locations.find((l) => l.location === 'Outlet')).toMatchObject({ counted: false, reason: 'not a selected branch' });
		const [plain] = omniAvailableToSell(rows, { branches: ['1'] });
		expect(plain).toMatchObject({ holding: 0, incomingAdded: 0, availableToSell: 10 });
	});

	it('applies the buffer and the floor; asked-for SKUs without rows are 0', () => {
		const out = bySku(
			omniAvailableToSell([{ code: 'A', branchId: 1, available: 3 }], {
				skus: ['A', 'B'],
				safetyBuffer: { mode: 'absolute', value: 5 },
			}),
		);
		expect(out.A).toMatchObject({ beforeFloor: -2, availableToSell: 0, inStock: false });
		expect(out.B).toMatchObject({ availableToSell: 0, noStockRows: true });
	});
});

describe('diffLevels', () => {
	it('back in stock only on a crossing from ≤ 0 to > 0; out of stock on > 0 to ≤ 0', () => {
		const changes = diffLevels({ A: 0, B: 5, C: 3, D: -2, E: 4 }, { A: 2, B: 7, C: 0, D: 1, E: 4 });
		expect(changes).toEqual([
			{ sku: 'A', before: 0, after: 2, backInStock: true, outOfStock: false },
			{ sku: 'B', before: 5, after: 7, backInStock: false, outOfStock: false },
			{ sku: 'C', before: 3, after: 0, backInStock: false, outOfStock: true },
			{ sku: 'D', before: -2, after: 1, backInStock: true, outOfStock: false },
		]);
	});

	it('a SKU dropped from the rows has fallen to 0; a new SKU at 0 is no change', () => {
		expect(diffLevels({ A: 4 }, {})).toEqual([{ sku: 'A', before: 4, after: 0, backInStock: false, outOfStock: true }]);
		expect(diffLevels({}, { N: 0 })).toEqual([]);
		expect(diffLevels({}, { N: 3 })).toEqual([{ sku: 'N', before: null, after: 3, backInStock: true, outOfStock: false }]);
	});

	it('SKUs named like Object.prototype members are ordinary SKUs', () => {
		expect(diffLevels({}, { constructor: 2 })).toEqual([
			{ sku: 'constructor', before: null, after: 2, backInStock: true, outOfStock: false },
		]);
		expect(diffLevels({ toString: 1 }, {})).toEqual([
			{ sku: 'toString', before: 1, after: 0, backInStock: false, outOfStock: true },
		]);
	});
});
