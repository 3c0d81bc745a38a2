import { getBranches } from '../../../nodes/Cin7Omni/methods/loadOptions';
import { bodyOf, omni } from './fixture';

describe('Cin7 Omni products, sales orders, branches', () => {
	omni.useTestEnv();

	it('gets a product with its options and price columns', async () => {
		omni.api().get(omni.path('/Products/3')).reply(200, { id: 3, productOptions: [{ code: 'A', priceColumns: { EUR: 5 } }] });
		const { out } = await omni.run({ resource: 'product', operation: 'get', productId: '3' });
		expect(out[0].json.productOptions).toEqual([{ code: 'A', priceColumns: { EUR: 5 } }]);
	});

	it('gets many products modified since a date', async () => {
		omni.api().get(omni.path('/Products')).query(true).reply(200, [{ id: 1 }, { id: 2 }]);
		const { out, requests } = await omni.run({ resource: 'product', operation: 'getAll', returnAll: false, limit: 2, filters: { modifiedSince: '2026-03-01', status: 'Public' } });
		expect(out).toHaveLength(2);
		expect(requests[0].qs).toMatchObject({ rows: 2, where: "modifieddate>='2026-03-01T00:00:00Z' AND status='Public'" });
	});

	it('creates a product with options and price columns; empty prices are omitted', async () => {
		omni.api().post(omni.path('/Products')).reply(200, [{ index: 0, success: true, id: 77 }]);
		const { out, requests } = await omni.run({
			resource: 'product',
			operation: 'create',
			name: 'Tee',
			styleCode: 'TEE',
			additionalFields: { brand: 'Acme', tags: '' },
			productOptions: { option: [{ productOptionCode: 'TEE-S', option1: 'S', retailPrice: '19.9', wholesalePrice: '', priceColumns: 'EUR=21, Trade=9.5', status: '' }] },
		});
		expect(bodyOf(requests[0])).toEqual([
			{ brand: 'Acme', name: 'Tee', styleCode: 'TEE', productOptions: [{ productOptionCode: 'TEE-S', option1: 'S', retailPrice: 19.9, priceColumns: { EUR: 21, Trade: 9.5 } }] },
		]);
		expect(out[0].json.id).toBe(77);
	});

	it('rejects a product without options and a bad price', async () => {
		const { out } = await omni.run(
			[
				{ resource: 'product', operation: 'create', name: 'A', productOptions: {} },
				{ resource: 'product', operation: 'create', name: 'B', productOptions: { option: [{ productOptionCode: 'B', retailPrice: 'abc' }] } },
			],
			{ items: omni.items(2), continueOnFail: true },
		);
		expect(out[0].json.error).toMatch(/needs at least one option/);
		expect(out[1].json.error).toMatch(/retailPrice is not a number/);
	});

	it('updates a product sending only filled fields', async () => {
		omni.api().put(omni.path('/Products')).reply(200, [{ index: 0, success: true, id: 3 }]);
		const { requests } = await omni.run({
			resource: 'product',
			operation: 'update',
			productId: 3,
			updateFields: { name: 'New', description: '' },
			productOptions: { option: [{ id: '12', retailPrice: '5', vipPrice: '' }] },
		});
		expect(bodyOf(requests[0])).toEqual([{ id: 3, name: 'New', productOptions: [{ id: 12, retailPrice: 5 }] }]);
	});

	it('gets a sales order and many by stage', async () => {
		omni.api().get(omni.path('/SalesOrders/5')).reply(200, { id: 5 });
		omni.api().get(omni.path('/SalesOrders')).query(true).reply(200, [{ id: 5, stage: 'Dispatched' }]);
		expect((await omni.run({ resource: 'salesOrder', operation: 'get', orderId: 5 })).out[0].json.id).toBe(5);
		const { requests } = await omni.run({ resource: 'salesOrder', operation: 'getAll', returnAll: true, filters: { stages: ['Dispatched', 'On Hold'] } });
		expect(requests[0].qs!.where).toBe("stage IN ('Dispatched','On Hold')");
	});

	it('creates sales orders idempotently by reference', async () => {
		omni.api()
			.get(omni.path('/SalesOrders'))
			.query((q) => q.where === "reference IN ('WEB-1','WEB-2')")
			.reply(200, [{ id: 900, reference: 'WEB-1' }]);
		omni.api().post(omni.path('/SalesOrders')).reply(200, [{ index: 0, success: true, id: 901, code: 'WEB-2' }]);
		const order = (reference: string) => ({
			resource: 'salesOrder',
			operation: 'create',
			reference,
			lineItems: { line: [{ code: 'SKU-1', qty: 2, unitPrice: '9.5', discount: '' }] },
			additionalFields: { memberEmail: 'a@x.com', branchId: '', lineItemsJson: '[{"code":"SKU-2","qty":1}]' },
		});
		const { out, requests } = await omni.run([order('WEB-1'), order('WEB-2'), order('WEB-2')], { items: omni.items(3) });
		const posted = bodyOf(requests[1]);
		expect(posted).toEqual([
			{ memberEmail: 'a@x.com', reference: 'WEB-2', lineItems: [{ code: 'SKU-1', qty: 2, unitPrice: 9.5 }, { code: 'SKU-2', qty: 1 }] },
		]);
		expect(out.map((o) => [o.json.id, o.json.alreadyExisted])).toEqual([
			[900, true],
			[901, false],
			[901, true],
		]);
	});

	it('requires line items on create', async () => {
		await expect(omni.run({ resource: 'salesOrder', operation: 'create', reference: 'X', lineItems: {}, additionalFields: {} })).rejects.toThrow(/Item 0: Line Items needs at least one line/);
	});

	it('updates and dispatches sales orders', async () => {
		omni.api().put(omni.path('/SalesOrders')).times(2).reply(200, [{ index: 0, success: true, id: 5 }]);
		const { requests: r1 } = await omni.run({ resource: 'salesOrder', operation: 'update', orderId: 5, updateFields: { internalComments: 'hi', trackingCode: '' } });
		expect(bodyOf(r1[0])).toEqual([{ id: 5, internalComments: 'hi' }]);
		const { requests: r2 } = await omni.run({ resource: 'salesOrder', operation: 'dispatch', orderId: 5, trackingCode: 'TRK1', additionalFields: {} });
		expect(bodyOf(r2[0])).toEqual([{ id: 5, stage: 'Dispatched', dispatchedDate: '2026-01-01T00:00:00Z', trackingCode: 'TRK1' }]);
	});

	it('gets many branches and loads branch options', async () => {
		omni.api().get(omni.path('/Branches')).query(true).times(2).reply(200, [{ id: 2, company: 'Warehouse' }, { id: 1, company: 'Shop', isActive: true }, { id: 3, company: 'Old', isActive: false }]);
		const { out, ctx } = await omni.run({ resource: 'branch', operation: 'getAll', returnAll: true, filters: {} });
		expect(out).toHaveLength(3);
		expect(await getBranches.call(ctx)).toEqual([
			{ name: 'Shop', value: '1' },
			{ name: 'Warehouse', value: '2' },
		]);
	});
});
