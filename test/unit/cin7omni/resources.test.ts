import nock from 'nock';

import { router } from '../../../nodes/Cin7Omni/actions/router';
import { getBranches } from '../../../nodes/Cin7Omni/methods/loadOptions';
import { useFakeClock } from '../helpers/fakeContext';
import { API, BASE, bodyOf, items, omniContext } from './omniContext';

describe('Cin7 Omni products, sales orders, branches', () => {
	let clock: ReturnType<typeof useFakeClock>;
	beforeEach(() => {
		clock = useFakeClock();
		nock.disableNetConnect();
	});
	afterAll(() => nock.restore());
	afterEach(() => {
		nock.cleanAll();
		clock.restore();
	});

	it('gets a product with its options and price columns', async () => {
		nock(BASE).get(`${API}/Products/3`).reply(200, { id: 3, productOptions: [{ code: 'A', priceColumns: { EUR: 5 } }] });
		const { ctx } = omniContext({ resource: 'product', operation: 'get', productId: '3' });
		const [out] = await router.call(ctx);
		expect(out[0].json.productOptions).toEqual([{ code: 'A', priceColumns: { EUR: 5 } }]);
	});

	it('gets many products modified since a date', async () => {
		nock(BASE).get(`${API}/Products`).query(true).reply(200, [{ id: 1 }, { id: 2 }]);
		const { ctx, requests } = omniContext({ resource: 'product', operation: 'getAll', returnAll: false, limit: 2, filters: { modifiedSince: '2026-03-01', status: 'Public' } });
		const [out] = await router.call(ctx);
		expect(out).toHaveLength(2);
		expect(requests[0].qs).toMatchObject({ rows: 2, where: "modifieddate>='2026-03-01T00:00:00Z' AND status='Public'" });
	});

	it('creates a product with options and price columns; empty prices are omitted', async () => {
		nock(BASE).post(`${API}/Products`).reply(200, [{ index: 0, success: true, id: 77 }]);
		const { ctx, requests } = omniContext({
			resource: 'product',
			operation: 'create',
			name: 'Tee',
			styleCode: 'TEE',
			additionalFields: { brand: 'Acme', tags: '' },
			productOptions: { option: [{ productOptionCode: 'TEE-S', option1: 'S', retailPrice: '19.9', wholesalePrice: '', priceColumns: 'EUR=21, Trade=9.5', status: '' }] },
		});
		const [out] = await router.call(ctx);
		expect(bodyOf(requests[0])).toEqual([
			{ brand: 'Acme', name: 'Tee', styleCode: 'TEE', productOptions: [{ productOptionCode: 'TEE-S', option1: 'S', retailPrice: 19.9, priceColumns: { EUR: 21, Trade: 9.5 } }] },
		]);
		expect(out[0].json.id).toBe(77);
	});

	it('rejects a product without options and a bad price', async () => {
		const { ctx } = omniContext(
			[
				{ resource: 'product', operation: 'create', name: 'A', productOptions: {} },
				{ resource: 'product', operation: 'create', name: 'B', productOptions: { option: [{ productOptionCode: 'B', retailPrice: 'abc' }] } },
			],
			{ items: items(2), continueOnFail: true },
		);
		const [out] = await router.call(ctx);
		expect(out[0].json.error).toMatch(/needs at least one option/);
		expect(out[1].json.error).toMatch(/retailPrice is not a number/);
	});

	it('updates a product sending only filled fields', async () => {
		nock(BASE).put(`${API}/Products`).reply(200, [{ index: 0, success: true, id: 3 }]);
		const { ctx, requests } = omniContext({
			resource: 'product',
			operation: 'update',
			productId: 3,
			updateFields: { name: 'New', description: '' },
			productOptions: { option: [{ id: '12', retailPrice: '5', vipPrice: '' }] },
		});
		await router.call(ctx);
		expect(bodyOf(requests[0])).toEqual([{ id: 3, name: 'New', productOptions: [{ id: 12, retailPrice: 5 }] }]);
	});

	it('gets a sales order and many by stage', async () => {
		nock(BASE).get(`${API}/SalesOrders/5`).reply(200, { id: 5 });
		nock(BASE).get(`${API}/SalesOrders`).query(true).reply(200, [{ id: 5, stage: 'Dispatched' }]);
		const { ctx: c1 } = omniContext({ resource: 'salesOrder', operation: 'get', orderId: 5 });
		expect((await router.call(c1))[0][0].json.id).toBe(5);
		const { ctx: c2, requests } = omniContext({ resource: 'salesOrder', operation: 'getAll', returnAll: true, filters: { stages: ['Dispatched', 'On Hold'] } });
		await router.call(c2);
		expect(requests[0].qs!.where).toBe("stage IN ('Dispatched','On Hold')");
	});

	it('creates sales orders idempotently by reference', async () => {
		nock(BASE)
			.get(`${API}/SalesOrders`)
			.query((q) => q.where === "reference IN ('WEB-1','WEB-2')")
			.reply(200, [{ id: 900, reference: 'WEB-1' }]);
		nock(BASE).post(`${API}/SalesOrders`).reply(200, [{ index: 0, success: true, id: 901, code: 'WEB-2' }]);
		const order = (reference: string) => ({
			resource: 'salesOrder',
			operation: 'create',
			reference,
			lineItems: { line: [{ code: 'SKU-1', qty: 2, unitPrice: '9.5', discount: '' }] },
			additionalFields: { memberEmail: 'a@x.com', branchId: '', lineItemsJson: '[{"code":"SKU-2","qty":1}]' },
		});
		const { ctx, requests } = omniContext([order('WEB-1'), order('WEB-2'), order('WEB-2')], { items: items(3) });
		const [out] = await router.call(ctx);
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
		const { ctx } = omniContext({ resource: 'salesOrder', operation: 'create', reference: 'X', lineItems: {}, additionalFields: {} });
		await expect(router.call(ctx)).rejects.toThrow(/Item 0: Line Items needs at least one line/);
	});

	it('updates and dispatches sales orders', async () => {
		nock(BASE).put(`${API}/SalesOrders`).times(2).reply(200, [{ index: 0, success: true, id: 5 }]);
		const { ctx: c1, requests: r1 } = omniContext({ resource: 'salesOrder', operation: 'update', orderId: 5, updateFields: { internalComments: 'hi', trackingCode: '' } });
		await router.call(c1);
		expect(bodyOf(r1[0])).toEqual([{ id: 5, internalComments: 'hi' }]);
		const { ctx: c2, requests: r2 } = omniContext({ resource: 'salesOrder', operation: 'dispatch', orderId: 5, trackingCode: 'TRK1', additionalFields: {} });
		await router.call(c2);
		expect(bodyOf(r2[0])).toEqual([{ id: 5, stage: 'Dispatched', dispatchedDate: '2026-01-01T00:00:00Z', trackingCode: 'TRK1' }]);
	});

	it('gets many branches and loads branch options', async () => {
		nock(BASE).get(`${API}/Branches`).query(true).times(2).reply(200, [{ id: 2, company: 'Warehouse' }, { id: 1, company: 'Shop', isActive: true }, { id: 3, company: 'Old', isActive: false }]);
		const { ctx } = omniContext({ resource: 'branch', operation: 'getAll', returnAll: true, filters: {} });
		expect((await router.call(ctx))[0]).toHaveLength(3);
		expect(await getBranches.call(ctx)).toEqual([
			{ name: 'Shop', value: '1' },
			{ name: 'Warehouse', value: '2' },
		]);
	});
});
