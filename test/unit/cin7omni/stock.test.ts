import type { AtsSettings } from '../../../nodes/Cin7Omni/helpers/availableToSellSettings';
import { computeAts, toStockRow } from '../../../nodes/Cin7Omni/helpers/stock';
import { omni } from './fixture';

const rows = [
	{ code: 'A', branchId: 1, branchName: 'Shop', stockOnHand: 10, openSales: 2, available: 8, holding: 1, incoming: 5 },
	{ code: 'A', branchId: 2, branchName: 'Warehouse', stockOnHand: 0, openSales: 3, available: -3, holding: 0, incoming: 4 },
	{ Code: 'B', BranchId: 1, BranchName: 'Shop', StockOnHand: 4, OpenSales: 0, Holding: 2, Incoming: 0 },
];
const base: AtsSettings = { branches: [], subtractHolding: false, addIncoming: false, includeInactive: false, safetyBufferMode: 'none', safetyBufferValue: 0 };
const ats = (s: Partial<AtsSettings>, skus: string[] = [], branchIds?: number[]) =>
	Object.fromEntries(
		computeAts(rows.map(toStockRow), { ...base, ...s }, skus, branchIds && { ids: branchIds, names: new Map() }).map((r) => [r.sku, r.availableToSell]),
	);

describe('Omni available-to-sell arithmetic', () => {
	it('available = stockOnHand − openSales; a negative branch offsets the others', () => {
		expect(ats({})).toEqual({ A: 5, B: 4 });
	});
	it('subtracts holding', () => expect(ats({ subtractHolding: true })).toEqual({ A: 4, B: 2 }));
	it('adds incoming', () => expect(ats({ addIncoming: true })).toEqual({ A: 14, B: 4 }));
	// Names are resolved to IDs before the arithmetic (see 'branches by id' below), which matches rows by branchId.
	it('counts only the rows of the selected branch IDs', () => {
		expect(ats({}, [], [1])).toEqual({ A: 8, B: 4 });
		expect(ats({}, [], [2])).toEqual({ A: 0, B: 0 });
	});
	it('applies an absolute and a percent buffer per SKU', () => {
		expect(ats({ safetyBufferMode: 'absolute', safetyBufferValue: 2 })).toEqual({ A: 3, B: 2 });
		expect(ats({ safetyBufferMode: 'percent', safetyBufferValue: 30 })).toEqual({ A: 3, B: 2 });
	});
	it('reports an absent SKU as 0', () => {
		const out = computeAts(rows.map(toStockRow), base, ['A', 'ZZZ']);
		expect(out.map((r) => [r.sku, r.availableToSell, r.noStockRows])).toEqual([
			['A', 5, false],
			['ZZZ', 0, true],
		]);
	});
});

describe('Cin7 Omni stock operations', () => {
	omni.useTestEnv();

	it('gets many stock rows with filters', async () => {
		omni.api().get(omni.path('/Stock')).query(true).reply(200, rows);
		const { out, requests } = await omni.run({ resource: 'stock', operation: 'getAll', returnAll: true, filters: { skus: 'A, B', branchIds: ['1'] } });
		expect(out).toHaveLength(3);
		expect(requests[0].qs!.where).toBe("code IN ('A','B') AND branchId=1");
	});

	it('gets available to sell per SKU with a per-branch breakdown', async () => {
		omni.api().get(omni.path('/Branches')).query(true).reply(200, [{ id: 1, company: 'Shop' }, { id: 2, company: 'Warehouse' }]);
		omni.api().get(omni.path('/Stock')).query((q) => q.where === "code IN ('A','ZZZ') AND branchId IN (1,2)").reply(200, rows.slice(0, 2));
		const { out } = await omni.run({
			resource: 'stock',
			operation: 'getAvailableToSell',
			skus: 'A, ZZZ',
			branches: ['1', '2'],
			subtractHolding: true,
			addIncoming: false,
			safetyBufferMode: 'absolute',
			safetyBufferValue: 1,
		});
		expect(out.map((o) => [o.json.sku, o.json.availableToSell])).toEqual([
			['A', 3],
			['ZZZ', 0],
		]);
		expect((out[0].json.locations as unknown[]).length).toBe(2);
		expect(out[0].pairedItem).toEqual({ item: 0 });
	});

	it('flags changes since the last run and stores only outside manual runs', async () => {
		const staticData = {};
		const params = { resource: 'stock', operation: 'getAvailableToSell', skus: '', branches: [], flagChangesSinceLastRun: true };
		// No SKU list: every run lists the active options (one Products call) before the stock rows.
		const products = () => omni.api().get(omni.path('/Products')).query(true).reply(200, [{ id: 100, status: 'Public', productOptions: [{ id: 11, productOptionCode: 'A', status: 'Primary' }] }]);
		products();
		omni.api().get(omni.path('/Stock')).query(true).reply(200, [{ code: 'A', branchId: 1, stockOnHand: 0, openSales: 0 }]);
		await omni.run(params, { staticData });
		products();
		omni.api().get(omni.path('/Stock')).query(true).reply(200, [{ code: 'A', branchId: 1, stockOnHand: 4, openSales: 0 }]);
		const { out: manual } = await omni.run(params, { staticData, mode: 'manual' });
		expect(manual[0].json).toMatchObject({ previousAvailableToSell: 0, changed: true, backInStock: true });
		products();
		omni.api().get(omni.path('/Stock')).query(true).reply(200, [{ code: 'A', branchId: 1, stockOnHand: 4, openSales: 0 }]);
		const { out: first } = await omni.run(params, { staticData });
		expect(first[0].json).toMatchObject({ previousAvailableToSell: 0, changed: true, backInStock: true });
		products();
		omni.api().get(omni.path('/Stock')).query(true).reply(200, [{ code: 'A', branchId: 1, stockOnHand: 4, openSales: 0 }]);
		const { out: again } = await omni.run(params, { staticData });
		expect(again[0].json).toMatchObject({ previousAvailableToSell: 4, changed: false, backInStock: false });
	});
});
