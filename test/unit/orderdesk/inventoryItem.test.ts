import type { IDataObject } from 'n8n-workflow';

import { expectPaired } from '../helpers/systemFixture';
import { od } from './fixture';

od.useTestEnv();

const stock = (sku: string, value: IDataObject[string], extra: IDataObject = {}) => ({
	resource: 'inventoryItem',
	operation: 'updateStock',
	sku,
	stock: value,
	batchSize: 100,
	...extra,
});

describe('Order Desk inventory item', () => {
	it('gets many inventory items by code or search', async () => {
		od.api()
			.get(od.path('/inventory-items'))
			.query({ search: 'shirt', limit: 500, offset: 0 })
			.reply(200, { status: 'success', inventory_items: [{ id: '900001', code: 'SKU-1', stock: 4 }] });
		const { json } = await od.run({ resource: 'inventoryItem', operation: 'getAll', returnAll: true, filters: { search: 'shirt' } });
		expect(json).toEqual([{ id: '900001', code: 'SKU-1', stock: 4 }]);
	});

	it('updates stock of many SKUs in batches with a result per SKU; a repeated SKU is sent once with its last value', async () => {
		const batches: IDataObject[][] = [];
		od.api()
			.put(od.path('/batch-inventory-items'), (b: IDataObject[]) => {
				batches.push(b);
				return true;
			})
			.twice()
			.reply(200, (_uri, b) => ({
				status: 'success',
				results: (b as IDataObject[]).map((r) =>
					r.code === 'NOPE' ? { code: r.code, status: 'error', message: 'Inventory item not found' } : { code: r.code, status: 'success' },
				),
			}));
		const params = [stock('SKU-1', 5, { batchSize: 2 }), stock('NOPE', 1), stock('SKU-2', 0), stock('SKU-1', 7)];
		const { out, json } = await od.run(params, { items: od.items(4), continueOnFail: true });
		// The winner travels at its own (last) place.
		expect(batches).toEqual([
			[
				{ code: 'NOPE', stock: 1 },
				{ code: 'SKU-2', stock: 0 },
			],
			[{ code: 'SKU-1', stock: 7 }],
		]);
		expectPaired(out, [0, 1, 2, 3]);
		expect(json[0]).toEqual({ sku: 'SKU-1', stock: 7, updated: true, supersededByItem: 3 });
		expect(json[1].error).toBe('Item 1: Order Desk rejected the SKU "NOPE": Inventory item not found');
		expect(json[2]).toEqual({ sku: 'SKU-2', stock: 0, updated: true });
		expect(json[3]).toEqual({ sku: 'SKU-1', stock: 7, updated: true });
	});

	it('stops before any call without "continue on fail" when an item is bad', async () => {
		await expect(od.run([stock('SKU-1', 5), stock('SKU-2', 'many')], { items: od.items(2) })).rejects.toThrow(
			/^Item 1: Stock is not a number \(got "many"\)/,
		);
	});

	it.each([
		[stock('', 5), /^Item 0: SKU is empty/],
		[stock('SKU-1', ''), /^Item 0: Stock is not a number \(got ""\)/],
	])('refuses bad input', async (params, error) => {
		await expect(od.run(params)).rejects.toThrow(error);
	});
});

describe('Order Desk batch size above what Order Desk accepts', () => {
	it('sends a batch refused as too large in halves, losing and repeating nothing', async () => {
		const sizes: number[] = [];
		od.api()
			.put(od.path('/batch-inventory-items'))
			.times(3)
			.reply((_uri, b) => {
				const body = b as IDataObject[];
				sizes.push(body.length);
				if (body.length > 2) return [400, { status: 'error', message: `Too many inventory items: at most 2 per call, got ${body.length}` }];
				return [200, { status: 'success', results: body.map((r) => ({ code: r.code, status: 'success' })) }];
			});
		const params = ['A', 'B', 'C', 'D'].map((sku, n) => stock(sku, n, { batchSize: 4 }));
		const { json } = await od.run(params, { items: od.items(4) });
		expect(sizes).toEqual([4, 2, 2]);
		expect(json.map((o) => [o.sku, o.updated])).toEqual([
			['A', true],
			['B', true],
			['C', true],
			['D', true],
		]);
	});

	it('does not split a batch refused for another reason', async () => {
		od.api().put(od.path('/batch-inventory-items')).reply(400, { status: 'error', message: 'Body must be a JSON array' });
		await expect(od.run([stock('A', 1), stock('B', 2)], { items: od.items(2) })).rejects.toThrow(/Body must be a JSON array/);
	});
});
