/**
 * Cin7 Core Webhook Trigger: the webhook lifecycle (create / checkExists / delete) against a nock'd
 * /webhooks, and deliveries through `webhook()`: the secret checked (401, nothing started),
 * redeliveries dropped, Fetch Full Record for sale / customer / product / stock, the gap found on
 * re-activation reported, and no secret in any output or error.
 */
import type { IDataObject, INodeExecutionData, IWebhookResponseData } from 'n8n-workflow';

import { Cin7CoreWebhookTrigger } from '../../../nodes/Cin7Core/Cin7CoreWebhookTrigger.node';
import { webhookTriggerProperties } from '../../../nodes/Cin7Core/webhook/description';
import { EVENT_TYPES } from '../../../nodes/Cin7Core/webhook/events';
import { core, SECRET } from './fixture';

const { api, path } = core;
const URL_ = 'https://n8n.example.com/webhook/0f0e-uuid/webhook';
const T0 = Date.parse('2026-03-01T12:00:00Z');
const node = new Cin7CoreWebhookTrigger();
const hooks = node.webhookMethods.default;

type Params = IDataObject;

/** A hook / webhook context: the fixture's fake context plus what n8n gives webhook nodes. */
function context(params: Params, staticData: IDataObject, o: { headers?: IDataObject; body?: unknown; mode?: 'manual' | 'trigger' } = {}) {
	const fake = core.context(params, { poll: true, staticData, mode: o.mode });
	const response: { status?: number; headers?: IDataObject; body?: string } = {};
	const errors: string[] = [];
	Object.assign(fake.ctx, {
		getNodeWebhookUrl: () => URL_,
		getHeaderData: () => o.headers ?? {},
		getRequestObject: () => ({ body: o.body }),
		getResponseObject: () => ({
			writeHead: (status: number, headers: IDataObject) => Object.assign(response, { status, headers }),
			end: (body: string) => Object.assign(response, { body }),
		}),
	});
	fake.ctx.logger.error = (m: string) => errors.push(m);
	return { ...fake, response, errors };
}

const hook = (o: IDataObject = {}): IDataObject => ({
	ID: 'wh-1',
	Name: 'Sale/OrderAuthorised webhook 1',
	Type: 'Sale/OrderAuthorised',
	IsActive: true,
	ExternalURL: URL_,
	ExternalAuthorizationType: 'bearerauth',
	ExternalBearerToken: 'S3CRET',
	ExternalHeaders: [],
	...o,
});

const listHooks = (rows: IDataObject[]) => api().get(path('/webhooks')).reply(200, { Webhooks: rows });

async function deliver(params: Params, staticData: IDataObject, body: unknown, headers: IDataObject = { authorization: 'Bearer S3CRET' }) {
	const c = context(params, staticData, { headers, body });
	const out = (await node.webhook.call(c.ctx)) as IWebhookResponseData;
	const items = (out.workflowData?.[0] ?? []) as INodeExecutionData[];
	return { ...c, out, json: items.map((i) => i.json) };
}

const SALE_EVENT = { event: 'Sale/OrderAuthorised', fetchFullRecord: true };
const THIN_SALE = { event: 'Sale/OrderAuthorised', fetchFullRecord: false };
const registered = (o: IDataObject = {}): IDataObject => ({ webhookId: 'wh-1', secret: 'S3CRET', webhookType: 'Sale/OrderAuthorised', webhookUrl: URL_, ...o });

describe('Cin7 Core Webhook Trigger: description', () => {
	it('offers the 32 webhook types, grouped by record, as an event that cannot vary per item', () => {
		const event = webhookTriggerProperties.find((p) => p.name === 'event')!;
		expect(event.noDataExpression).toBe(true);
		expect(EVENT_TYPES).toHaveLength(32);
		const names = (event.options as Array<{ name: string; value: string }>).map((o) => o.name);
		expect(names).toEqual([...names].sort());
		expect((event.options as Array<{ value: string }>).map((o) => o.value).sort()).toEqual([...EVENT_TYPES].sort());
		expect(EVENT_TYPES).toContain('Opportunity/Authorized');
		expect(EVENT_TYPES).toContain('Stock/AvailableStockLevelChanged');
	});

	it('registers one POST webhook with the full lifecycle and says it needs the Automation module', () => {
		expect(node.description.webhooks).toEqual([{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }]);
		expect(Object.keys(hooks).sort()).toEqual(['checkExists', 'create', 'delete']);
		const notice = webhookTriggerProperties.find((p) => p.type === 'notice')!;
		expect(notice.displayName).toMatch(/Automation/);
		expect(notice.displayName).toMatch(/Cin7 Core Trigger/);
		expect(notice.displayName).toMatch(/Start Date/);
	});

	it('describes every parameter', () => {
		const missing = webhookTriggerProperties.filter((p) => p.type !== 'notice' && !p.description && !p.hint).map((p) => p.name);
		expect(missing).toEqual([]);
	});
});

describe('Cin7 Core Webhook Trigger: lifecycle', () => {
	core.useTestEnv();

	it('create: registers a bearer-auth webhook with a new random secret and keeps its id and secret', async () => {
		const staticData: IDataObject = {};
		listHooks([]);
		let sent: IDataObject = {};
		api()
			.post(path('/webhooks'), (b) => ((sent = b), true))
			.reply(200, hook({ ID: 'wh-new' }));
		const c = context(SALE_EVENT, staticData);
		expect(await hooks.create.call(c.ctx)).toBe(true);
		expect(sent).toEqual({
			Type: 'Sale/OrderAuthorised',
			IsActive: true,
			ExternalURL: URL_,
			ExternalAuthorizationType: 'bearerauth',
			ExternalHeaders: [],
			ExternalBearerToken: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		expect(staticData).toEqual(expect.objectContaining({ webhookId: 'wh-new', secret: sent.ExternalBearerToken, webhookType: 'Sale/OrderAuthorised', webhookUrl: URL_ }));

		// A second registration gets another secret.
		listHooks([]);
		let again: IDataObject = {};
		api()
			.post(path('/webhooks'), (b) => ((again = b), true))
			.reply(200, hook({ ID: 'wh-other' }));
		await hooks.create.call(context(SALE_EVENT, {}).ctx);
		expect(again.ExternalBearerToken).not.toBe(sent.ExternalBearerToken);
	});

	it('create: finds the new webhook by URL and type when the answer does not carry it', async () => {
		const staticData: IDataObject = {};
		listHooks([]);
		api().post(path('/webhooks')).reply(200, {});
		listHooks([hook({ ID: 'wh-found' })]);
		await hooks.create.call(context(SALE_EVENT, staticData).ctx);
		expect(staticData.webhookId).toBe('wh-found');
	});

	it('create: with 5 webhooks of the type already, fails naming the limit and the webhooks, without their secrets', async () => {
		const five = [1, 2, 3, 4, 5].map((n) =>
			hook({ ID: `wh-${n}`, Name: `Shop ${n}`, ExternalURL: `https://other.example/${n}`, ExternalBearerToken: `their-token-${n}`, ExternalPassword: `pw-${n}` }),
		);
		listHooks([...five, hook({ ID: 'wh-x', Type: 'Sale/Created' })]);
		const error = await hooks.create.call(context(SALE_EVENT, {}).ctx).catch((e: Error) => e);
		expect(error).toBeInstanceOf(Error);
		const text = `${(error as Error).message} ${(error as { description?: string }).description ?? ''}`;
		expect(text).toMatch(/at most 5 webhooks of one type/);
		expect(text).toContain('Sale/OrderAuthorised has 5 already');
		for (const n of [1, 2, 3, 4, 5]) {
			expect(text).toContain(`"Shop ${n}" → https://other.example/${n}`);
			expect(text).not.toContain(`their-token-${n}`);
			expect(text).not.toContain(`pw-${n}`);
		}
	});

	it('create: an error echoing the request never shows the new secret', async () => {
		listHooks([]);
		let token = '';
		api()
			.post(path('/webhooks'), (b) => ((token = b.ExternalBearerToken), true))
			.reply(400, (_uri, b) => [{ ErrorCode: 400, Exception: `Invalid webhook ${JSON.stringify(b)}` }]);
		const error = (await hooks.create.call(context(SALE_EVENT, {}).ctx).catch((e: Error) => e)) as Error & { description?: string };
		expect(error.message).toMatch(/Invalid webhook/);
		expect(token).toMatch(/^[0-9a-f]{64}$/);
		expect(`${error.message} ${error.description}`).not.toContain(token);
		expect(`${error.message} ${error.description}`).not.toContain(SECRET);
	});

	it('checkExists: false when nothing is registered; true when ours is active with our secret (nothing written)', async () => {
		listHooks([hook({ ID: 'someone-else', ExternalURL: 'https://other.example/x' })]);
		expect(await hooks.checkExists.call(context(SALE_EVENT, {}).ctx)).toBe(false);
		listHooks([hook()]);
		const staticData = registered();
		expect(await hooks.checkExists.call(context(SALE_EVENT, staticData).ctx)).toBe(true);
		expect(staticData.pendingGap).toBeUndefined();
	});

	it('checkExists: re-activates a webhook Cin7 deactivated after failed deliveries and records the gap', async () => {
		const staticData = registered({ lastDeliveryAt: '2026-03-01T09:30:00.000Z' });
		listHooks([hook({ IsActive: false })]);
		let put: IDataObject = {};
		api()
			.put(path('/webhooks'), (b) => ((put = b), true))
			.reply(200, hook());
		const c = context(SALE_EVENT, staticData);
		expect(await hooks.checkExists.call(c.ctx)).toBe(true);
		expect(put).toEqual(expect.objectContaining({ ID: 'wh-1', IsActive: true, ExternalURL: URL_, ExternalAuthorizationType: 'bearerauth', ExternalBearerToken: 'S3CRET' }));
		expect(staticData.pendingGap).toEqual(
			expect.objectContaining({
				webhookId: 'wh-1',
				lastDeliveryAt: '2026-03-01T09:30:00.000Z',
				missedSince: '2026-03-01T09:30:00.000Z',
				foundDownAt: new Date(T0).toISOString(),
				reactivatedAt: new Date(T0).toISOString(),
				reason: expect.stringMatching(/deactivated by Cin7 Core/),
			}),
		);
		expect(c.warnings.join(' ')).toMatch(/deactivated by Cin7 Core.*2026-03-01T09:30:00.000Z/);
		expect(c.warnings.join(' ')).not.toContain('S3CRET');

		// The next delivery carries the gap, once.
		api().get(path('/sale')).query({ ID: 's1' }).reply(200, { ID: 's1', LastModifiedOn: '2026-03-01T12:00:00' });
		const first = await deliver(SALE_EVENT, staticData, { SaleID: 's1', SaleOrderNumber: 'SO-1', EventType: 'Sale/OrderAuthorised' });
		expect(first.json[0].webhookGap).toEqual(expect.objectContaining({ missedSince: '2026-03-01T09:30:00.000Z', note: expect.stringMatching(/Cin7 Core Trigger/) }));
		api().get(path('/sale')).query({ ID: 's2' }).reply(200, { ID: 's2', LastModifiedOn: '2026-03-01T12:00:00' });
		const next = await deliver(SALE_EVENT, staticData, { SaleID: 's2', SaleOrderNumber: 'SO-2', EventType: 'Sale/OrderAuthorised' });
		expect(next.json[0].webhookGap).toBeUndefined();
	});

	it('checkExists: a webhook found by URL and type but whose secret we do not hold is re-keyed', async () => {
		const staticData: IDataObject = {};
		listHooks([hook({ ID: 'wh-7', ExternalBearerToken: 'unknown-to-us' })]);
		let put: IDataObject = {};
		api()
			.put(path('/webhooks'), (b) => ((put = b), true))
			.reply(200, {});
		expect(await hooks.checkExists.call(context(SALE_EVENT, staticData).ctx)).toBe(true);
		expect(put.ExternalBearerToken).toMatch(/^[0-9a-f]{64}$/);
		expect(staticData).toEqual(expect.objectContaining({ webhookId: 'wh-7', secret: put.ExternalBearerToken }));
	});

	it('checkExists: our webhook of another type (the event was changed) is removed so create registers the new one', async () => {
		const staticData = registered({ webhookType: 'Sale/Created' });
		listHooks([hook({ Type: 'Sale/Created' })]);
		api().delete(path('/webhooks')).query({ ID: 'wh-1' }).reply(200, { Webhooks: [] });
		expect(await hooks.checkExists.call(context(SALE_EVENT, staticData).ctx)).toBe(false);
		expect(staticData.webhookId).toBeUndefined();
	});

	it('checkExists: a webhook removed in Cin7 Core is a gap too', async () => {
		const staticData = registered({ lastDeliveryAt: '2026-03-01T10:00:00.000Z' });
		listHooks([]);
		expect(await hooks.checkExists.call(context(SALE_EVENT, staticData).ctx)).toBe(false);
		expect(staticData.webhookId).toBeUndefined();
		expect(staticData.pendingGap).toEqual(expect.objectContaining({ reason: 'removed from Cin7 Core', missedSince: '2026-03-01T10:00:00.000Z' }));
	});

	it('delete: removes our webhook and forgets it; one already gone is just forgotten', async () => {
		const staticData = registered({ lastDeliveryAt: 'x', pendingGap: { a: 1 } });
		listHooks([hook()]);
		api().delete(path('/webhooks')).query({ ID: 'wh-1' }).reply(200, { Webhooks: [] });
		expect(await hooks.delete.call(context(SALE_EVENT, staticData).ctx)).toBe(true);
		expect(staticData).toEqual({});

		const gone = registered();
		listHooks([]);
		expect(await hooks.delete.call(context(SALE_EVENT, gone).ctx)).toBe(true);
		expect(gone.webhookId).toBeUndefined();
		// Nothing registered: no call at all.
		expect(await hooks.delete.call(context(SALE_EVENT, {}).ctx)).toBe(true);
	});

	it('delete: turning the workflow off and on repairs a webhook Cin7 deactivated, and the gap is reported', async () => {
		const staticData = registered({ lastDeliveryAt: '2026-03-01T08:00:00.000Z' });
		listHooks([hook({ IsActive: false })]);
		api().delete(path('/webhooks')).query({ ID: 'wh-1' }).reply(200, { Webhooks: [] });
		const off = context(SALE_EVENT, staticData);
		expect(await hooks.delete.call(off.ctx)).toBe(true);
		expect(staticData.webhookId).toBeUndefined();
		expect(staticData.secret).toBeUndefined();
		expect(staticData.lastDeliveryAt).toBe('2026-03-01T08:00:00.000Z');
		expect(staticData.pendingGap).toEqual(expect.objectContaining({ missedSince: '2026-03-01T08:00:00.000Z', reason: expect.stringMatching(/deactivated by Cin7 Core/) }));
		expect(off.warnings.join(' ')).toMatch(/Changes since 2026-03-01T08:00:00.000Z may not have been delivered/);

		listHooks([]);
		listHooks([]);
		let token = '';
		api()
			.post(path('/webhooks'), (b) => ((token = b.ExternalBearerToken), true))
			.reply(200, hook({ ID: 'wh-2' }));
		const on = context(SALE_EVENT, staticData);
		expect(await hooks.checkExists.call(on.ctx)).toBe(false);
		expect(await hooks.create.call(on.ctx)).toBe(true);
		expect(staticData).toEqual(expect.objectContaining({ webhookId: 'wh-2', secret: token }));
		const r = await deliver(THIN_SALE, staticData, { SaleID: 's5', EventType: 'Sale/OrderAuthorised' }, { authorization: `Bearer ${token}` });
		expect(r.json[0].webhookGap).toEqual(expect.objectContaining({ missedSince: '2026-03-01T08:00:00.000Z' }));
	});

	it('delete: a failed removal is logged (no secret) and the webhook kept for the next activation', async () => {
		const staticData = registered();
		listHooks([hook()]);
		api().delete(path('/webhooks')).query({ ID: 'wh-1' }).reply(400, [{ ErrorCode: 400, Exception: 'Locked' }]);
		const c = context(SALE_EVENT, staticData);
		expect(await hooks.delete.call(c.ctx)).toBe(false);
		expect(staticData.webhookId).toBe('wh-1');
		expect(c.errors.join(' ')).toMatch(/could not remove webhook wh-1.*Locked/);
		expect(c.errors.join(' ')).not.toContain('S3CRET');
	});
});

describe('Cin7 Core Webhook Trigger: deliveries', () => {
	core.useTestEnv();
	const THIN = { event: 'Sale/OrderAuthorised', fetchFullRecord: false };
	const payload = { SaleID: 's1', SaleOrderNumber: 'SO-00001', EventType: 'Sale/OrderAuthorised' };

	it('answers 401 and starts nothing without our secret (missing, wrong, or none registered)', async () => {
		for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: 'S3CRET' }, { authorization: 'Basic UzNDUkVUOg==' }]) {
			const r = await deliver(SALE_EVENT, registered(), payload, headers);
			expect(r.out).toEqual({ noWebhookResponse: true });
			expect(r.response.status).toBe(401);
			expect(r.response.body).not.toContain('S3CRET');
			expect(r.requests).toHaveLength(0);
		}
		const unregistered = await deliver(SALE_EVENT, {}, payload);
		expect(unregistered.response.status).toBe(401);
	});

	it('emits the thin payload normalised without Fetch Full Record, answering 200 itself before the run starts', async () => {
		const staticData = registered();
		const r = await deliver(THIN, staticData, payload);
		expect(r.json).toEqual([payload]);
		// n8n keeps what webhook() wrote to static data only when the node answers before the run.
		expect(r.out.noWebhookResponse).toBe(true);
		expect(r.response.status).toBe(200);
		expect(JSON.parse(r.response.body!)).toEqual({ received: true, started: true, records: 1, items: 1 });
		expect(r.requests).toHaveLength(0);
		expect(staticData.lastDeliveryAt).toBe(new Date(T0).toISOString());
	});

	it('drops a redelivery (same event, ids and content) and keeps different ones', async () => {
		const staticData = registered();
		expect((await deliver(THIN, staticData, payload)).json).toHaveLength(1);
		const again = await deliver(THIN, staticData, payload);
		expect(again.out).toEqual({ noWebhookResponse: true });
		expect(again.response.status).toBe(200);
		expect(JSON.parse(again.response.body!)).toEqual(expect.objectContaining({ started: false, reason: expect.stringMatching(/redelivery/) }));
		expect((await deliver(THIN, staticData, { ...payload, SaleID: 's2' })).json).toHaveLength(1);
		expect((await deliver(THIN, staticData, { ...payload, SaleOrderNumber: 'SO-00009' })).json).toHaveLength(1);
		expect(Object.keys(staticData.deliveryKeys as IDataObject)).toHaveLength(3);
	});

	it('forgets delivery keys after the retry window, keeping at most 500', async () => {
		const staticData = registered();
		const keys: IDataObject = {};
		for (let n = 0; n < 600; n++) keys[`k${n}`] = T0 - 1000 + n;
		keys.old = T0 - 3 * 3600_000;
		staticData.deliveryKeys = keys;
		await deliver(THIN, staticData, payload);
		const kept = staticData.deliveryKeys as IDataObject;
		expect(Object.keys(kept)).toHaveLength(500);
		expect(kept.old).toBeUndefined();
		expect(kept.k0).toBeUndefined();
	});

	it('sale: reads the full sale (the polling trigger\'s sale with details); a redelivery of the same version is dropped', async () => {
		const staticData = registered();
		const sale = { ID: 's1', Status: 'ORDERED', Email: 'a@example.com', LastModifiedOn: '2026-03-01T11:59:00.000', Order: { SaleOrderNumber: 'SO-00001', Lines: [] } };
		api().get(path('/sale')).query({ ID: 's1' }).reply(200, sale);
		const r = await deliver(SALE_EVENT, staticData, payload);
		expect(r.json).toEqual([{ ...sale, Updated: sale.LastModifiedOn, webhookEvent: payload }]);

		api().get(path('/sale')).query({ ID: 's1' }).reply(200, sale);
		expect((await deliver(SALE_EVENT, staticData, payload)).out.workflowData).toBeUndefined();

		// The same thin payload after a later change of the sale (re-authorised) is a new event.
		api().get(path('/sale')).query({ ID: 's1' }).reply(200, { ...sale, LastModifiedOn: '2026-03-01T12:30:00.000' });
		expect((await deliver(SALE_EVENT, staticData, payload)).json).toHaveLength(1);
	});

	it('sale: Sale/ShipmentAuthorised names the sale by task and order number: found through the sale list', async () => {
		const staticData = registered({ webhookType: 'Sale/ShipmentAuthorised' });
		api()
			.get(path('/saleList'))
			.query({ Search: 'SO-00042', Page: 1, Limit: 1000 })
			.reply(200, { Total: 2, SaleList: [{ SaleID: 'other', OrderNumber: 'SO-000421' }, { SaleID: 's42', OrderNumber: 'SO-00042' }] });
		api().get(path('/sale')).query({ ID: 's42' }).reply(200, { ID: 's42', LastModifiedOn: '2026-03-01T12:00:00' });
		const body = { SaleTaskID: 't-9', TenantID: 'ten', OrderNumber: 'SO-00042', CustomerName: 'Acme', EventType: 'Sale/ShipmentAuthorised' };
		const r = await deliver({ event: 'Sale/ShipmentAuthorised', fetchFullRecord: true }, staticData, body);
		expect(r.json.map((j) => j.ID)).toEqual(['s42']);
	});

	it('sale: a sale Cin7 no longer has is emitted as its payload (a failure would be retried until the webhook is deactivated)', async () => {
		api().get(path('/sale')).query({ ID: 's1' }).reply(400, [{ ErrorCode: 404, Exception: 'Sale not found.' }]);
		const r = await deliver(SALE_EVENT, registered(), payload);
		expect(r.json).toEqual([payload]);
	});

	it('sale: a Cin7 outage fails the delivery (Cin7 retries it) and remembers nothing', async () => {
		const staticData = registered();
		api().get(path('/sale')).query({ ID: 's1' }).times(3).reply(500, [{ ErrorCode: 500, Exception: 'boom' }]);
		await expect(deliver(SALE_EVENT, staticData, payload)).rejects.toThrow(/Cin7 Core/);
		expect(staticData.deliveryKeys).toBeUndefined();
	});

	const CUSTOMER_PAYLOAD = {
		NumberOfCustomers: 1,
		CustomerDetailsList: [
			{
				Customer: { ID: 'c1', Name: 'Acme', Status: 'Active', IsOnCreditHold: '0' },
				Addresses: [],
				Contacts: [{ ID: 'k1', Name: 'Ann Lee', Email: 'ann@acme.test', Default: '1', MarketingConsent: 2 }],
			},
		],
		EventType: 'Customer/Updated',
	};

	it('customer: reads the customer and adds marketingContact, as the polling trigger emits it', async () => {
		const customer = {
			ID: 'c1',
			Name: 'Acme',
			LastModifiedOn: '2026-03-01T11:00:00Z',
			Contacts: [{ ID: 'k1', Name: 'Ann Lee', Email: 'ann@acme.test', Default: true, MarketingConsent: 2 }],
			Addresses: [],
		};
		api().get(path('/customer')).query({ ID: 'c1', IncludeDeprecated: 'true', Page: 1, Limit: 1 }).reply(200, { Total: 1, CustomerList: [customer] });
		const r = await deliver({ event: 'Customer/Updated', fetchFullRecord: true }, registered(), CUSTOMER_PAYLOAD);
		expect(r.json).toHaveLength(1);
		expect(r.json[0]).toEqual(expect.objectContaining({ ID: 'c1', Name: 'Acme' }));
		expect(r.json[0].marketingContact).toEqual(expect.objectContaining({ email: 'ann@acme.test', consent: 'optIn', pickedBy: 'default' }));
	});

	it('customer: without Fetch Full Record each CustomerDetailsList entry is one flattened item', async () => {
		const r = await deliver({ event: 'Customer/Updated', fetchFullRecord: false }, registered(), CUSTOMER_PAYLOAD);
		expect(r.json).toEqual([
			{
				ID: 'c1',
				Name: 'Acme',
				Status: 'Active',
				IsOnCreditHold: '0',
				Addresses: [],
				Contacts: CUSTOMER_PAYLOAD.CustomerDetailsList[0].Contacts,
				EventType: 'Customer/Updated',
			},
		]);
	});

	it('product: reads each product of ProductDetailsList', async () => {
		const body = {
			NumberOfProducts: 2,
			ProductDetailsList: [
				{ Event: 'Update', ID: 'p1', SKU: 'A' },
				{ Event: 'Creation', ID: 'p2', SKU: 'B' },
			],
			EventType: 'Product/Updated',
		};
		api().get(path('/product')).query({ ID: 'p1', IncludeDeprecated: 'true', Page: 1, Limit: 1 }).reply(200, { Total: 1, Products: [{ ID: 'p1', SKU: 'A', LastModifiedOn: '2026-03-01T11:00:00' }] });
		api().get(path('/product')).query({ ID: 'p2', IncludeDeprecated: 'true', Page: 1, Limit: 1 }).reply(200, { Total: 1, Products: [{ ID: 'p2', SKU: 'B', LastModifiedOn: '2026-03-01T11:00:00' }] });
		const r = await deliver({ event: 'Product/Updated', fetchFullRecord: true }, registered(), body);
		expect(r.json).toEqual([
			{ ID: 'p1', SKU: 'A', LastModifiedOn: '2026-03-01T11:00:00' },
			{ ID: 'p2', SKU: 'B', LastModifiedOn: '2026-03-01T11:00:00' },
		]);
	});

	describe('stock', () => {
		const STOCK = {
			event: 'Stock/AvailableStockLevelChanged',
			fetchFullRecord: true,
			skus: '',
			sellableLocations: [],
			excludedLocations: ['Quarantine'],
			excludedBins: [],
			deductUnauthorisedOrders: false,
			safetyBufferMode: 'absolute',
			safetyBufferValue: 1,
			includeOnOrder: false,
		};
		const locations = () =>
			api()
				.get(path('/ref/location'))
				.query({ Deprecated: 'true', Page: 1, Limit: 1000 })
				.reply(200, { Total: 2, LocationList: [{ ID: 'l1', Name: 'Main' }, { ID: 'l2', Name: 'Quarantine' }] });
		const avail = (sku: string, rows: IDataObject[]) =>
			api()
				.get(path('/ref/productavailability'))
				.query({ Sku: sku, Page: 1, Limit: 1000 })
				.reply(200, { Total: rows.length, ProductAvailabilityList: rows });
		const row = (SKU: string, Location: string, Available: number) => ({ ID: `id-${SKU}`, SKU, Location, OnHand: Available, Allocated: 0, Available });

		it('create seeds the levels (every stock product, deprecated too); a delivery reports available to sell per SKU as the polling trigger does', async () => {
			const staticData: IDataObject = {};
			listHooks([]);
			api().post(path('/webhooks')).reply(200, { ID: 'wh-s' });
			locations();
			api()
				.get(path('/ref/productavailability'))
				.query({ Page: 1, Limit: 1000 })
				.reply(200, { Total: 2, ProductAvailabilityList: [row('A', 'Main', 5), row('B', 'Main', 0)] });
			api()
				.get(path('/product'))
				.query({ IncludeDeprecated: 'true', Page: 1, Limit: 1000 })
				.reply(200, { Total: 3, Products: [{ ID: 'id-A', SKU: 'A', Type: 'Stock' }, { ID: 'id-B', SKU: 'B', Type: 'Stock' }, { ID: 'id-C', SKU: 'C', Type: 'Stock' }] });
			expect(await hooks.create.call(context(STOCK, staticData).ctx)).toBe(true);
			expect((staticData.stockSnapshot as IDataObject).levels).toEqual({ A: 4 });
			staticData.secret = 'S3CRET';

			// B comes back (0 → 6 − buffer 1 = 5), A drops to 0 in Main: both reported.
			locations();
			avail('A', [row('A', 'Quarantine', 3)]);
			avail('B', [row('B', 'Main', 6)]);
			const r = await deliver(STOCK, staticData, [
				{ ...row('A', 'Main', 0), Bin: null, Batch: null },
				{ ...row('B', 'Main', 6), Bin: null, Batch: null },
			]);
			expect(r.json.map(({ availableToSell, ...rest }) => rest)).toEqual([
				{ sku: 'A', before: 4, after: 0, backInStock: false, outOfStock: true },
				{ sku: 'B', before: null, after: 5, backInStock: true, outOfStock: false },
			]);
			expect(r.json[1].availableToSell).toEqual(expect.objectContaining({ sku: 'B', availableToSell: 5, buffer: 1 }));
			expect((staticData.stockSnapshot as IDataObject).levels).toEqual({ B: 5 });
		});

		it('a change that leaves available to sell as it was (an excluded location) starts nothing', async () => {
			const staticData = registered({ stockSnapshot: { configKey: '', levels: {} } });
			// The config key is the settings as typed: take it from a first run.
			locations();
			avail('B', [row('B', 'Main', 6)]);
			await deliver(STOCK, staticData, [row('B', 'Main', 6)]);
			locations();
			avail('B', [row('B', 'Main', 6), row('B', 'Quarantine', 9)]);
			const r = await deliver(STOCK, staticData, [row('B', 'Quarantine', 9)]);
			expect(r.out.workflowData).toBeUndefined();
			expect(JSON.parse(r.response.body!)).toEqual(expect.objectContaining({ started: false, reason: 'available to sell unchanged' }));
		});

		it('only the watched SKUs are reported', async () => {
			const staticData = registered();
			locations();
			avail('B', [row('B', 'Main', 2)]);
			const r = await deliver({ ...STOCK, skus: 'B' }, staticData, [row('A', 'Main', 1), row('B', 'Main', 2)]);
			expect(r.json.map((j) => j.sku)).toEqual(['B']);
		});
	});

	it('never puts the secret or the application key in an output, a response or an error', async () => {
		const staticData = registered();
		const sale = { ID: 's1', LastModifiedOn: '2026-03-01T11:59:00.000' };
		api().get(path('/sale')).query({ ID: 's1' }).reply(200, sale);
		const ok = await deliver(SALE_EVENT, staticData, payload);
		const refused = await deliver(SALE_EVENT, staticData, payload, { authorization: 'Bearer nope' });
		api().get(path('/sale')).query({ ID: 's9' }).times(3).reply(500, (uri) => [{ ErrorCode: 500, Exception: `failed ${uri} key=${SECRET}` }]);
		const failed = (await deliver(SALE_EVENT, staticData, { ...payload, SaleID: 's9' }).catch((e: Error) => e)) as Error & { description?: string };
		const seen = JSON.stringify([ok.json, ok.out, refused.response, refused.out, failed.message, failed.description]);
		expect(seen).not.toContain('S3CRET');
		expect(seen).not.toContain(SECRET);
	});
});
