import { core } from './fixture';

const { api, path, run } = core;

describe('Cin7 Core → Product and Product Family', () => {
	core.useTestEnv();

	it('gets a product by SKU, matching the SKU exactly', async () => {
		api()
			.get(path('/product'))
			.query({ Sku: 'TEE', IncludeDeprecated: 'true', Page: 1, Limit: 1000 })
			.reply(200, { Total: 2, Page: 1, Products: [{ ID: 'p2', SKU: 'TEE-XL' }, { ID: 'p1', SKU: 'TEE' }] });
		const { json, out } = await run({ resource: 'product', operation: 'get', findBy: 'sku', sku: 'TEE', options: {} });
		expect(json).toEqual([{ ID: 'p1', SKU: 'TEE' }]);
		expect(out[0].pairedItem).toEqual({ item: 0 });
	});

	it('gets a product by ID with attachments', async () => {
		api()
			.get(path('/product'))
			.query({ ID: 'p1', IncludeDeprecated: 'true', IncludeAttachments: 'true', Page: 1, Limit: 1 })
			.reply(200, { Total: 1, Page: 1, Products: [{ ID: 'p1', Attachments: [] }] });
		const { json } = await run({ resource: 'product', operation: 'get', findBy: 'id', productId: 'p1', options: { IncludeAttachments: true } });
		expect(json[0].ID).toBe('p1');
	});

	it('fails one item alone under continue on fail, keeping pairing', async () => {
		api().get(path('/product')).query(true).reply(200, { Total: 0, Page: 1, Products: [] });
		api()
			.get(path('/product'))
			.query(true)
			.reply(200, { Total: 1, Page: 1, Products: [{ ID: 'p9', SKU: 'OK' }] });
		const { out } = await run(
			[
				{ resource: 'product', operation: 'get', findBy: 'sku', sku: 'MISSING', options: {} },
				{ resource: 'product', operation: 'get', findBy: 'sku', sku: 'OK', options: {} },
			],
			{ items: [{ json: {} }, { json: {} }], continueOnFail: true },
		);
		expect(out).toEqual([
			{
				json: expect.objectContaining({ error: 'No product with SKU "MISSING"' }),
				error: expect.objectContaining({ message: 'No product with SKU "MISSING"' }),
				pairedItem: { item: 0 },
			},
			{ json: { ID: 'p9', SKU: 'OK' }, pairedItem: { item: 1 } },
		]);
	});

	it('throws with the failing item index when not continuing on fail', async () => {
		api().get(path('/product')).query(true).reply(200, { Total: 1, Page: 1, Products: [{ ID: 'p1', SKU: 'x' }] });
		const error = await run(
			[
				{ resource: 'product', operation: 'get', findBy: 'sku', sku: 'x', options: {} },
				{ resource: 'product', operation: 'get', findBy: 'sku', sku: '', options: {} },
			],
			{ items: [{ json: {} }, { json: {} }] },
		).catch((e) => e);
		expect(error.message).toBe('Item 1: SKU is empty');
		expect(error.context.itemIndex).toBe(1);
	});

	it('names the item and field for an empty SKU', async () => {
		const error = await run({ resource: 'product', operation: 'get', findBy: 'sku', sku: '  ', options: {} }).catch((e) => e);
		expect(error.message).toBe('Item 0: SKU is empty');
		expect(error.context.itemIndex).toBe(0);
	});

	it('gets many products with filters and a limit', async () => {
		api()
			.get(path('/product'))
			.query({ ModifiedSince: '2026-02-01T10:00:00', IncludeDeprecated: 'true', Page: 1, Limit: 2 })
			.reply(200, { Total: 9, Page: 1, Products: [{ ID: 1 }, { ID: 2 }] });
		const { json, out } = await run({
			resource: 'product',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
			filters: { ModifiedSince: '2026-02-01T10:00:00Z', IncludeDeprecated: true },
		});
		expect(json).toHaveLength(2);
		expect(out.every((o) => (o.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('rejects a malformed Modified Since naming the field', async () => {
		await expect(
			run({ resource: 'product', operation: 'getAll', returnAll: true, filters: { ModifiedSince: 'not a date' } }),
		).rejects.toThrow(/Item 0: Modified Since is not a valid date/);
	});

	it('creates a product with the required defaults', async () => {
		api()
			.post(path('/product'), {
				Type: 'Stock',
				CostingMethod: 'FIFO',
				UOM: 'Item',
				Status: 'Active',
				Barcode: '123',
				PriceTier2: 9,
				SKU: 'NEW',
				Name: 'New',
				Category: 'Shirts',
			})
			.reply(200, { Total: 1, Page: 1, Products: [{ ID: 'p-new', SKU: 'NEW' }] });
		const { json } = await run({
			resource: 'product',
			operation: 'create',
			sku: 'NEW',
			name: 'New',
			category: 'Shirts',
			additionalFields: { Barcode: '123', extraJson: '{"PriceTier2": 9}' },
		});
		expect(json).toEqual([{ ID: 'p-new', SKU: 'NEW' }]);
	});

	it('names the item and field for invalid JSON', async () => {
		await expect(
			run({ resource: 'product', operation: 'create', sku: 'N', name: 'N', category: 'C', additionalFields: { extraJson: '{oops' } }),
		).rejects.toThrow('Item 0: Extra Fields (JSON) is not valid JSON');
	});

	it('updates a product by ID', async () => {
		api().put(path('/product'), { Name: 'Renamed', ID: 'p1' }).reply(200, { Products: [{ ID: 'p1', Name: 'Renamed' }] });
		const { json } = await run({ resource: 'product', operation: 'update', productId: 'p1', updateFields: { Name: 'Renamed' } });
		expect(json[0].Name).toBe('Renamed');
	});

	it('upserts: updates the product found by SKU (without the read-only Type)', async () => {
		api().get(path('/product')).query(true).reply(200, { Total: 1, Page: 1, Products: [{ ID: 'p1', SKU: 'TEE' }] });
		api().put(path('/product'), { Name: 'Tee', ID: 'p1', SKU: 'TEE' }).reply(200, { Products: [{ ID: 'p1' }] });
		const { json } = await run({ resource: 'product', operation: 'upsert', sku: 'TEE', fields: { Name: 'Tee', Type: 'Service' } });
		expect(json).toEqual([{ ID: 'p1' }]);
	});

	it('upserts: creates when no product has the SKU', async () => {
		api().get(path('/product')).query(true).reply(200, { Total: 0, Page: 1, Products: [] });
		api()
			.post(path('/product'), (b) => b.SKU === 'TEE' && b.Name === 'Tee' && b.Category === 'Shirts' && b.Type === 'Stock')
			.reply(200, { Products: [{ ID: 'p-new' }] });
		const { json } = await run({ resource: 'product', operation: 'upsert', sku: 'TEE', fields: { Name: 'Tee', Category: 'Shirts' } });
		expect(json).toEqual([{ ID: 'p-new' }]);
	});

	it('gets a product family and many families', async () => {
		api().get(path('/productFamily')).query({ ID: 'f1', Page: 1, Limit: 1 }).reply(200, { Total: 1, ProductFamilies: [{ ID: 'f1', Products: [] }] });
		expect((await run({ resource: 'productFamily', operation: 'get', familyId: 'f1' })).json[0].ID).toBe('f1');
		api().get(path('/productFamily')).query({ Name: 'Tee', Page: 1, Limit: 1000 }).reply(200, { Total: 2, ProductFamilies: [{ ID: 'f1' }, { ID: 'f2' }] });
		expect((await run({ resource: 'productFamily', operation: 'getAll', returnAll: true, filters: { Name: 'Tee' } })).json).toHaveLength(2);
	});
});
