import type { IDataObject } from 'n8n-workflow';

import { OPTION_FIELDS } from '../../../nodes/Cin7Omni/helpers/options';
import { REASON } from '../../../nodes/Cin7Omni/helpers/stock';
import { omni } from './fixture';
import { unstableList } from './unstableList';

const ats = (extra: IDataObject = {}) => ({ resource: 'stock', operation: 'getAvailableToSell', skus: '', branches: [], ...extra });

/**
 * 300 products of 2 options each: product 7 is Inactive, the second option of product 3 is
 * Disabled. Options of products 10–19 have no stock rows (sold out); the others one row in branch 1
 * and one in branch 2.
 */
function catalog() {
	const products: IDataObject[] = [];
	const stock: IDataObject[] = [];
	for (let p = 1; p <= 300; p++) {
		const options = [1, 2].map((o) => ({
			id: p * 10 + o,
			productOptionCode: `P${p}-${o}`,
			status: p === 3 && o === 2 ? 'Disabled' : o === 1 ? 'Primary' : 'Active',
		}));
		products.push({ id: p, status: p === 7 ? 'Inactive' : 'Public', productOptions: options });
		if (p >= 10 && p <= 19) continue;
		for (const option of options) {
			for (const branchId of [1, 2]) {
				stock.push({ productId: p, productOptionId: option.id, code: option.productOptionCode, branchId, branchName: `B${branchId}`, stockOnHand: 3, openSales: 1, available: 2 });
			}
		}
	}
	return { products, stock };
}

describe('Cin7 Omni available to sell without a SKU list: every active option, zero included', () => {
	omni.useTestEnv();

	it('reports every active option once, sold-out ones at 0 with the reason, disabled and inactive left out (rows or not); 2 Products + 5 Stock calls (before: the 5 Stock calls alone, sold-out SKUs missing)', async () => {
		const { products, stock } = catalog();
		// 299 active products: 2 Products pages. 1,160 stock rows: 5 pages (each restarting at its last option).
		const productQueries = unstableList('Products', products, 2);
		const stockQueries = unstableList('Stock', stock, 5);
		const { json, requests } = await omni.run(ats());

		const active = products.filter((p) => p.status !== 'Inactive').flatMap((p) => (p.productOptions as IDataObject[]).filter((o) => o.status !== 'Disabled'));
		expect(json.map((r) => r.sku).sort()).toEqual(active.map((o) => o.productOptionCode).sort());
		expect(json.find((r) => r.sku === 'P3-2')).toBeUndefined();
		expect(json.find((r) => r.sku === 'P7-1')).toBeUndefined();
		expect(json.find((r) => r.sku === 'P12-2')).toEqual({
			sku: 'P12-2',
			available: 0,
			holding: 0,
			incomingAdded: 0,
			noStockRows: true,
			buffer: 0,
			beforeFloor: 0,
			availableToSell: 0,
			inStock: false,
			reason: REASON.noRows,
			locations: [],
		});
		expect(json.find((r) => r.sku === 'P20-1')).toMatchObject({ availableToSell: 4, noStockRows: false, locations: [{ branchId: 1, location: 'B1' }, { branchId: 2, location: 'B2' }] });
		// Lean: Omni's figures only, none of Cin7 Core's (excluded bins, unauthorised orders, on order).
		for (const field of ['excluded', 'unauthorisedOrders', 'onOrderAdded']) expect(json[0]).not.toHaveProperty(field);
		expect((json.find((r) => r.sku === 'P20-1')!.locations as IDataObject[])[0]).not.toHaveProperty('onOrder');
		// Leads with the answer; the inputs and deductions follow, the breakdown comes last.
		const figures = ['available', 'holding', 'incomingAdded', 'buffer', 'beforeFloor', 'locations'];
		expect(Object.keys(json.find((r) => r.sku === 'P12-2')!)).toEqual(['sku', 'availableToSell', 'inStock', 'noStockRows', 'reason', ...figures]);
		expect(Object.keys(json.find((r) => r.sku === 'P20-1')!)).toEqual(['sku', 'availableToSell', 'inStock', 'noStockRows', ...figures]);
		expect(Object.keys((json.find((r) => r.sku === 'P20-1')!.locations as IDataObject[])[0])).toEqual([
			'location', 'branchId', 'available', 'holding', 'incoming', 'counted',
		]);

		expect(requests).toHaveLength(2 + 5);
		expect(productQueries.map((q) => [q.rows, q.order, q.where])).toEqual([
			[250, 'id ASC', "status<>'Inactive'"],
			[250, 'id ASC', "status<>'Inactive' AND id>251"],
		]);
		expect(requests[0].qs).toMatchObject({ fields: OPTION_FIELDS });
		expect(stockQueries.map((q) => q.order)).toEqual(Array(5).fill('productOptionId ASC'));
	});

	it('Include Inactive also reports the disabled option and the inactive product', async () => {
		const { products, stock } = catalog();
		const productQueries = unstableList('Products', products, 2);
		unstableList('Stock', stock, 5);
		const { json } = await omni.run(ats({ includeInactive: true }));
		expect(json).toHaveLength(600);
		expect(json.find((r) => r.sku === 'P3-2')).toMatchObject({ availableToSell: 4 });
		expect(json.find((r) => r.sku === 'P7-1')).toMatchObject({ availableToSell: 4 });
		expect(productQueries[0].where).toBeUndefined();
	});

	it('an inactive product or disabled option served anyway is still left out, and its stock rows too', async () => {
		omni.api()
			.get(omni.path('/Products'))
			.query(true)
			.reply(200, [
				{ id: 1, status: 'Public', productOptions: [{ id: 11, productOptionCode: 'A', status: 'Primary' }, { id: 12, productOptionCode: 'B', status: 'Disabled' }] },
				{ id: 2, status: 'Inactive', productOptions: [{ id: 21, productOptionCode: 'C', status: 'Primary' }] },
			]);
		omni.api()
			.get(omni.path('/Stock'))
			.query(true)
			.reply(200, [
				{ productOptionId: 11, code: 'A', branchId: 1, stockOnHand: 5, openSales: 0 },
				{ productOptionId: 12, code: 'B', branchId: 1, stockOnHand: 5, openSales: 0 },
				{ productOptionId: 21, code: 'C', branchId: 1, stockOnHand: 5, openSales: 0 },
			]);
		const { json } = await omni.run(ats());
		expect(json.map((r) => [r.sku, r.availableToSell])).toEqual([['A', 5]]);
	});

	it('rows are matched to options by option ID, so a row carrying an old code counts for the option', async () => {
		omni.api().get(omni.path('/Products')).query(true).reply(200, [{ id: 1, status: 'Public', productOptions: [{ id: 11, productOptionCode: 'NEW', status: 'Primary' }] }]);
		omni.api().get(omni.path('/Stock')).query(true).reply(200, [{ productOptionId: 11, code: 'OLD', branchId: 1, stockOnHand: 5, openSales: 0 }]);
		const { json } = await omni.run(ats());
		expect(json.map((r) => [r.sku, r.availableToSell])).toEqual([['NEW', 5]]);
	});

	it('with flags: a SKU that left the active list since the last run is reported once at 0 with the reason', async () => {
		const staticData = {};
		const run = async (options: IDataObject[]) => {
			omni.api().get(omni.path('/Products')).query(true).reply(200, [{ id: 1, status: 'Public', productOptions: options }]);
			omni.api().get(omni.path('/Stock')).query(true).reply(200, [
				{ productOptionId: 11, code: 'A', branchId: 1, stockOnHand: 5, openSales: 0 },
				{ productOptionId: 12, code: 'B', branchId: 1, stockOnHand: 5, openSales: 0 },
			]);
			return (await omni.run(ats({ flagChangesSinceLastRun: true }), { staticData })).json;
		};
		await run([{ id: 11, productOptionCode: 'A' }, { id: 12, productOptionCode: 'B' }]);
		const second = await run([{ id: 11, productOptionCode: 'A' }, { id: 12, productOptionCode: 'B', status: 'Disabled' }]);
		expect(second.map((r) => [r.sku, r.availableToSell, r.changed, r.reason])).toEqual([
			['A', 5, false, undefined],
			['B', 0, true, REASON.notActive],
		]);
		// The flags follow the answer; the reason comes before the figures.
		expect(Object.keys(second[1])).toEqual([
			'sku', 'availableToSell', 'inStock', 'backInStock', 'changed', 'previousAvailableToSell', 'noStockRows', 'reason',
			'available', 'holding', 'incomingAdded', 'buffer', 'beforeFloor', 'locations',
		]);
		const third = await run([{ id: 11, productOptionCode: 'A' }, { id: 12, productOptionCode: 'B', status: 'Disabled' }]);
		expect(third.map((r) => r.sku)).toEqual(['A']);
	});
});

describe('Cin7 Omni branches by id', () => {
	omni.useTestEnv();
	const branches = [
		{ id: 3, company: 'Main Warehouse', isActive: true },
		{ id: 5, company: 'Sydney Store', isActive: true },
		{ id: 9, company: 'Old Shop', isActive: false },
	];

	it('resolves names and IDs once per execution and matches rows by branchId (a row keeps its pre-rename name)', async () => {
		omni.api().get(omni.path('/Branches')).query({ page: 1, rows: 250, order: 'id ASC', fields: 'id,company,isActive' }).once().reply(200, branches);
		omni.api()
			.get(omni.path('/Stock'))
			.query((q) => q.where === "code='A' AND branchId IN (3,5)")
			.times(3)
			.reply(200, [
				{ productOptionId: 11, code: 'A', branchId: 3, branchName: 'Warehouse (old name)', stockOnHand: 4, openSales: 0 },
				{ productOptionId: 11, code: 'A', branchId: 5, branchName: 'Sydney Store', stockOnHand: 2, openSales: 0 },
			]);
		const params = ats({ skus: 'A', branches: ['main warehouse', '5'] });
		const { json, requests } = await omni.run([params, params, params], { items: omni.items(3) });
		expect(json.map((r) => r.availableToSell)).toEqual([6, 6, 6]);
		expect(json[0].locations).toEqual([
			{ location: 'Main Warehouse', branchId: 3, available: 4, holding: 0, incoming: 0, counted: true },
			{ location: 'Sydney Store', branchId: 5, available: 2, holding: 0, incoming: 0, counted: true },
		]);
		expect(requests.filter((r) => String(r.url).endsWith('/Branches'))).toHaveLength(1);
	});

	it('a chosen name or ID that matches no branch fails the run listing the valid branches; one lookup for every item', async () => {
		omni.api().get(omni.path('/Branches')).query(true).once().reply(200, branches);
		const params = ats({ skus: 'A', branches: ['Main Warehouse', 'Nowhere', '99'] });
		const message =
			'Branch Names or IDs: "Nowhere", "99" match no Cin7 Omni branch. Valid branches: Main Warehouse (ID 3), Sydney Store (ID 5), Old Shop (ID 9, inactive)';
		const failed = await omni.run([params, params], { items: omni.items(2), continueOnFail: true });
		expect(failed.json.map((r) => r.error)).toEqual([message, message]);
		expect(failed.requests).toHaveLength(1);
		omni.api().get(omni.path('/Branches')).query(true).once().reply(200, branches);
		await expect(omni.run(params)).rejects.toThrow(message);
	});

	it('no branch chosen means every branch, without a Branches call', async () => {
		omni.api().get(omni.path('/Stock')).query((q) => q.where === "code='A'").reply(200, [{ productOptionId: 11, code: 'A', branchId: 3, branchName: 'Main Warehouse', stockOnHand: 4, openSales: 0 }]);
		const { json, requests } = await omni.run(ats({ skus: 'A' }));
		expect(json[0]).toMatchObject({ availableToSell: 4 });
		expect(requests).toHaveLength(1);
	});

	it('a SKU with no rows in the chosen branches says so', async () => {
		omni.api().get(omni.path('/Branches')).query(true).reply(200, branches);
		omni.api().get(omni.path('/Stock')).query(true).reply(200, []);
		const { json } = await omni.run(ats({ skus: 'A', branches: ['3'] }));
		expect(json[0]).toMatchObject({ sku: 'A', availableToSell: 0, noStockRows: true, reason: REASON.noRowsInBranches });
	});
});
