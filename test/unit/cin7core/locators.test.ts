/**
 * Record fields as resource locators (nodes/shared/resourceLocator.ts): the value is read the same
 * in every mode and from a workflow saved when the field was plain text; "From List" searches
 * Cin7 Core page by page.
 */
import type { IDataObject } from 'n8n-workflow';

import { searchCustomers, searchProducts, searchSales } from '../../../nodes/Cin7Core/methods/listSearch';
import { core } from './fixture';

const { api, path, run } = core;
const SALE = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const rl = (mode: string, value: string) => ({ __rl: true, mode, value });
const search = () => core.context({}, { poll: true }).ctx;

describe('Cin7 Core record fields', () => {
	core.useTestEnv();

	it.each([
		['By ID', rl('id', SALE)],
		['From List', rl('list', SALE)],
		['a plain string saved before the field was a locator', SALE],
	])('reads the sale %s the same way', async (_how, saleId) => {
		api().get(path('/sale')).query({ ID: SALE }).reply(200, { ID: SALE, Status: 'ORDERED' });
		expect((await run({ resource: 'sale', operation: 'get', saleId })).json).toEqual([{ ID: SALE, Status: 'ORDERED' }]);
	});

	it('reads customer and product locators for update, and still names the item and field when empty', async () => {
		api().put(path('/product'), (b: IDataObject) => b.ID === 'p-1' && b.Name === 'New').reply(200, { Total: 1, Products: [{ ID: 'p-1', Name: 'New' }] });
		const { json } = await run({ resource: 'product', operation: 'update', productId: rl('id', 'p-1'), updateFields: { Name: 'New' } });
		expect(json).toEqual([{ ID: 'p-1', Name: 'New' }]);
		await expect(run({ resource: 'customer', operation: 'get', customerId: rl('list', '') })).rejects.toThrow(/^Item 0: Customer is empty/);
	});

	it('searches customers by name, or by exact contact email when an email is typed; pages with a token', async () => {
		api().get(path('/customer')).query({ Name: 'Ali', Page: 1, Limit: 100 }).reply(200, {
			Total: 150,
			CustomerList: [{ ID: 'c1', Name: 'Alice Ltd', Status: 'Active' }],
		});
		expect(await searchCustomers.call(search(), ' Ali ')).toEqual({
			results: [{ name: 'Alice Ltd', value: 'c1', description: 'Active' }],
			paginationToken: '2',
		});
		api().get(path('/customer')).query({ ContactFilter: 'bob@alice.test', Page: 2, Limit: 100 }).reply(200, { Total: 101, CustomerList: [{ ID: 'c1', Name: 'Alice Ltd' }] });
		expect(await searchCustomers.call(search(), 'bob@alice.test', '2')).toEqual({ results: [{ name: 'Alice Ltd', value: 'c1' }] });
	});

	it('searches products by SKU and by name, each product once', async () => {
		api().get(path('/product')).query({ Sku: 'TEE', Page: 1, Limit: 100 }).reply(200, { Total: 1, Products: [{ ID: 'p1', SKU: 'TEE-1', Name: 'Tee' }] });
		api().get(path('/product')).query({ Name: 'TEE', Page: 1, Limit: 100 }).reply(200, {
			Total: 2,
			Products: [{ ID: 'p1', SKU: 'TEE-1', Name: 'Tee' }, { ID: 'p2', SKU: 'SHIRT-2', Name: 'Teeshirt', Status: 'Deprecated' }],
		});
		expect((await searchProducts.call(search(), 'TEE')).results).toEqual([
			{ name: 'Tee (TEE-1)', value: 'p1' },
			{ name: 'Teeshirt (SHIRT-2)', value: 'p2', description: 'Deprecated' },
		]);
	});

	it('searches sales with Cin7 Core\'s own search and shows number, customer and status', async () => {
		api().get(path('/saleList')).query({ Search: 'SO-7', Page: 1, Limit: 100 }).reply(200, {
			Total: 1,
			SaleList: [{ SaleID: SALE, OrderNumber: 'SO-00007', Customer: 'Alice Ltd', Status: 'ORDERED', CustomerReference: 'PO-9' }],
		});
		expect(await searchSales.call(search(), 'SO-7')).toEqual({
			results: [{ name: 'SO-00007 · Alice Ltd', value: SALE, description: 'ORDERED · PO-9' }],
		});
	});
});
