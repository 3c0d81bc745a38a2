/**
 * Server mode: the Cin7 Core Webhook Trigger in a running n8n against the sandbox's Cin7 Core
 * webhooks (time scale 60: Cin7's 76 minutes of retries last 76 s).
 *
 * 1. Activation registers a bearer-auth webhook whose secret only n8n and Cin7 know (the sandbox's
 *    inspection endpoint masks it).
 * 2. A sale order authorised through the API is delivered, and the workflow runs with the full sale
 *    (Fetch Full Record); a replay of the same delivery starts nothing.
 * 3. A forged delivery (no or a wrong secret) gets 401 and starts nothing.
 * 4. Cin7 Core → Webhook → Check (run by `n8n execute` beside the server) re-activates a webhook
 *    Cin7 deactivated and reports it.
 * 5. n8n down: deliveries fail until Cin7 deactivates the webhook. n8n 2.x keeps webhooks
 *    registered across its restart without checking them, so the workflow is re-activated (off and
 *    on through the public API): the deactivated webhook is replaced by a new one and the next
 *    delivery reports the gap.
 * 6. The available-to-sell template's webhook path, enabled: stock coming back for a sold-out SKU
 *    reaches Back in stock? within seconds.
 * 7. Deactivating the workflow removes the webhook from Cin7 Core.
 * 8. The Emarsys catalog feeds (Core and Omni templates, activated with a Basic Auth credential):
 *    the Emarsys sandbox pulls each production Webhook URL with the login in the URL, validates the
 *    file the Emarsys way, and the imported catalog equals Cin7's items and available to sell field
 *    by field; a wrong or missing password gets 401, starts no run and leaves the catalog as it was.
 * 9. The sync health template, with an n8n API key of this instance, lists each active Emarsys flow
 *    with its last successful run as n8n's execution records show it: a run older than the age limit
 *    and a flow that never succeeded raise the alert, a recent run does not.
 */
import { expectedItems as expectedCoreFeedItems } from './checks/cin7-core-product-feed-for-emarsys';
import { expectedItems as expectedOmniFeedItems } from './checks/cin7-omni-product-feed-for-emarsys';
import { emarsysState } from './checks/emarsys-common';
import { assertCatalog, emarsysFetchesCatalog } from './checks/emarsys-feed-common';
import { createN8n, nodeOutput, sleep, startSandbox, T, template, type Json, type N8n, type Sandbox } from './harness/n8n';

/* eslint-disable @typescript-eslint/no-require-imports */
const server = require('../../scripts/lib/n8nServer');
const cli = require('../../scripts/lib/n8nCli');
const registry = require('../../sandbox/systems');
/* eslint-enable @typescript-eslint/no-require-imports */

const OWNER = { email: 'owner@webhook.test', password: 'Webhook-Passw0rd!' };
const WF_ID = 'e2eWebhookCore01';
const CHECK_ID = 'e2eWebhookChk001';
const WEBHOOK_ID = '7d3e9a10-5b2c-4c1d-9e8f-0a1b2c3d4e5f';
const TRIGGER = 'Order authorised';
const CREDS = { cin7CoreApi: { id: 'cin7CoreCred0001', name: 'Cin7 Core account' } };

const workflow = {
	id: WF_ID,
	name: 'e2e: Cin7 Core webhook',
	nodes: [
		{
			id: '8b2f0c8e-0001-4000-8000-000000000001',
			name: TRIGGER,
			type: 'n8n-nodes-cin7.cin7CoreWebhookTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: WEBHOOK_ID,
			parameters: { event: 'Sale/OrderAuthorised', fetchFullRecord: true },
			credentials: CREDS,
		},
		{ id: '8b2f0c8e-0001-4000-8000-000000000002', name: 'Keep', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
	],
	connections: { [TRIGGER]: { main: [[{ node: 'Keep', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
	pinData: {},
};

/** The available-to-sell template with its webhook path on and its schedule off. */
const ATS_ID = 'e2eWebhookAts001';
const atsWorkflow = (() => {
	const wf = JSON.parse(JSON.stringify(template('cin7-core-available-to-sell.json').workflow));
	wf.id = ATS_ID;
	wf.name = `${wf.name} (webhook path)`;
	for (const n of wf.nodes) {
		if (n.name === 'Stock changed (webhook)') n.disabled = false;
		if (n.name === 'Every 15 minutes') n.disabled = true;
	}
	return wf;
})();

/** The Emarsys catalog feed templates with a Basic Auth credential on their webhook (the user picks one). */
const FEED_LOGIN = { user: 'emarsys-feed', password: 'feed-pass-for-the-server' };
const FEED_AUTH = { httpBasicAuth: { id: 'e2eFeedBasicAuth', name: 'Emarsys feed login' } };
const withFeedLogin = (file: string): Json => {
	const wf = JSON.parse(JSON.stringify(template(file).workflow));
	wf.nodes.find((n: Json) => n.name === 'Emarsys fetches the catalog').credentials = FEED_AUTH;
	return wf;
};
const coreFeed = withFeedLogin('cin7-core-product-feed-for-emarsys.json');
const omniFeed = withFeedLogin('cin7-omni-product-feed-for-emarsys.json');
/** An active Emarsys flow that never runs: sync health must report it as never succeeded. */
const idleFlow = {
	id: 'e2eEmarsysIdle01',
	name: 'e2e: Emarsys flow that never ran',
	nodes: [
		{
			id: '8b2f0c8e-0003-4000-8000-000000000001',
			name: 'Never called',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '5a1c7e2d-0003-4b6a-9c1d-2e3f4a5b6c7d',
			parameters: { httpMethod: 'GET', path: 'e2e-emarsys-idle', options: {} },
		},
		{ id: '8b2f0c8e-0003-4000-8000-000000000002', name: 'Keep', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
	],
	connections: { 'Never called': { main: [[{ node: 'Keep', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
	pinData: {},
};
/** The sync health template reading n8n's API with this instance's key, and the given age limit. */
const N8N_API = { n8nApi: { id: 'e2eN8nApiCred001', name: 'n8n account' } };
const syncHealth = (maxHours: number): Json => {
	const wf = JSON.parse(JSON.stringify(template('cin7-core-sync-health-emarsys.json').workflow));
	for (const n of wf.nodes) if (n.type === 'n8n-nodes-base.n8n') n.credentials = N8N_API;
	const settings = wf.nodes.find((n: Json) => n.name === 'Health settings').parameters.assignments.assignments as Json[];
	settings.find((a) => a.name === 'max_hours_since_success')!.value = String(maxHours);
	return wf;
};

const checkWorkflow = {
	id: CHECK_ID,
	name: 'e2e: Cin7 Core webhook check',
	nodes: [
		{ id: '8b2f0c8e-0002-4000-8000-000000000001', name: 'Run now', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: '8b2f0c8e-0002-4000-8000-000000000002',
			name: 'Check webhooks',
			type: 'n8n-nodes-cin7.cin7Core',
			typeVersion: 1,
			position: [220, 0],
			parameters: { resource: 'webhook', operation: 'check', urlContains: '/webhook/', eventTypes: [], reactivate: true },
			credentials: CREDS,
		},
	],
	connections: { 'Run now': { main: [[{ node: 'Check webhooks', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
	pinData: {},
};

async function until<T>(what: string, read: () => Promise<T> | T, ok: (v: T) => boolean, ms = 60_000, log = () => ''): Promise<T> {
	const t0 = Date.now();
	let v = await read();
	while (!ok(v)) {
		if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}\n${log().slice(-3000)}`);
		await sleep(250);
		v = await read();
	}
	return v;
}

describe('Cin7 Core Webhook Trigger in server mode', () => {
	let sandbox: Sandbox & { state: Json };
	let n8n: N8n;
	let srv: Json | null = null;
	let api: (method: string, p: string, body?: unknown) => Promise<Json>;
	let webhookUrl = '';
	let base = '';
	const core = () => sandbox.state.cin7core;
	const ours = () => core().webhooks as Json[];
	const coreCall = async (method: string, p: string, body?: unknown) => {
		const r = await fetch(`${base}${p}`, {
			method,
			headers: { ...registry.authHeaders('cin7core'), 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const json = (await r.json()) as Json;
		if (!r.ok) throw new Error(`${method} ${p}: ${r.status} ${JSON.stringify(json)}`);
		return json;
	};
	/** A sale of a customer with an email, its order authorised: Sale/OrderAuthorised. */
	let customerIndex = 0;
	const authoriseSale = async () => {
		const customer = core().customers.filter((c: Json) => c.Status !== 'Deprecated' && c.Currency === 'AUD')[customerIndex++];
		const product = core().products.find((p: Json) => p.Status === 'Active' && p.Type === 'Stock');
		const sale = await coreCall('POST', '/sale', { Customer: customer.Name, Location: 'Main Warehouse', SkipQuote: true });
		await coreCall('POST', '/sale/order', { SaleID: sale.ID, Status: 'AUTHORISED', Lines: [{ SKU: product.SKU, Quantity: 1, Price: 12.5 }] });
		return sale.ID as string;
	};
	const executions = async () =>
		((await api('GET', `/executions?workflowId=${WF_ID}&limit=50`)).data as Json[]).sort((a, b) => Number(a.id) - Number(b.id));
	const serverLog = () => (srv ? srv.log() : '');
	const start = async () => {
		srv = server.startServer(n8n.inst, { env: { WEBHOOK_URL: `http://127.0.0.1:${n8n.inst.port}/` } });
		await server.waitReady(srv);
		api = await server.publicApi(srv, await server.login(srv, OWNER));
	};
	const stop = async () => {
		await server.stopServer(srv);
		srv = null;
	};
	/** An execution once finished (listed as soon as it starts). */
	const finished = async (id: string) =>
		await until(`execution ${id} to finish`, () => api('GET', `/executions/${id}?includeData=true`), (ex) => !['new', 'running', 'waiting'].includes(ex.status), 30_000, serverLog);
	/** The production URL of a feed, with the login inside it as entered in Emarsys. */
	const feedUrl = (path: string, login: { user: string; password: string } | null) =>
		`http://${login ? `${login.user}:${login.password}@` : ''}127.0.0.1:${n8n.inst.port}/webhook/${path}`;
	const outputOf = async (execution: Json) => {
		const ex = await finished(execution.id);
		expect(ex.status).toBe('success');
		return nodeOutput(ex.data.resultData.runData, TRIGGER);
	};

	beforeAll(async () => {
		sandbox = (await startSandbox()) as Sandbox & { state: Json };
		base = `${sandbox.url}/cin7core/ExternalApi/v2`;
		n8n = await createN8n('webhook', sandbox, { owner: OWNER });
		await n8n.importWorkflows([workflow, checkWorkflow, atsWorkflow, coreFeed, omniFeed, idleFlow]);
		await cli.importCredentials(n8n.inst, [{ ...FEED_AUTH.httpBasicAuth, type: 'httpBasicAuth', data: FEED_LOGIN }]);
		for (const id of [WF_ID, coreFeed.id, omniFeed.id, idleFlow.id]) await n8n.publish(id);
		await start();
		webhookUrl = `http://127.0.0.1:${n8n.inst.port}/webhook/${WEBHOOK_ID}/webhook`;
	}, T.setup);

	afterAll(async () => {
		await stop();
		await n8n?.cleanup();
		await sandbox?.close();
	}, T.run);

	test('activation registers one bearer-auth webhook with a secret of its own', async () => {
		const hooks = await until('the webhook registration', ours, (h) => h.length === 1, 30_000, serverLog);
		expect(hooks[0]).toEqual(
			expect.objectContaining({ Type: 'Sale/OrderAuthorised', IsActive: true, ExternalURL: webhookUrl, ExternalAuthorizationType: 'bearerauth' }),
		);
		expect(hooks[0].ExternalBearerToken).toMatch(/^[0-9a-f]{64}$/);
		// The inspection endpoint and n8n's log never show it.
		const shown = (await sandbox.getState('cin7core')).webhooks;
		expect(shown[0].ExternalBearerToken).toBe('***');
		expect(serverLog()).not.toContain(hooks[0].ExternalBearerToken);
	}, T.run);

	test("Emarsys fetches the Cin7 Omni catalog feed from n8n's production URL: the catalog equals Cin7 Omni's options and available to sell", async () => {
		const fetched = await emarsysFetchesCatalog(sandbox, feedUrl('emarsys-catalog-omni', FEED_LOGIN));
		expect({ httpStatus: fetched.httpStatus, status: fetched.status, errors: fetched.errors }).toEqual({ httpStatus: 200, status: 'imported', errors: [] });
		const exp = expectedOmniFeedItems({ sandbox, workflow: omniFeed, memo: {} }, await sandbox.getState('cin7omni'));
		expect((await assertCatalog(sandbox, exp)).length).toBe(fetched.items);
	}, T.run);

	let firstSale = '';
	test('a sale order authorised in Cin7 Core runs the workflow with the full sale; a replay starts nothing', async () => {
		const since = await sandbox.lastSeq();
		firstSale = await authoriseSale();
		const list = await until('the execution', executions, (l) => l.length === 1, 30_000, serverLog);
		const out = await outputOf(list[0]);
		const sale = core().saleById.get(firstSale);
		expect(out).toHaveLength(1);
		expect(out[0]).toEqual(
			expect.objectContaining({
				ID: firstSale,
				Customer: sale.Customer,
				Email: sale.Email,
				Status: sale.Status,
				Order: expect.objectContaining({ SaleOrderNumber: sale.Order.SaleOrderNumber, Lines: [expect.objectContaining({ Quantity: 1, Price: 12.5 })] }),
				webhookEvent: { SaleID: firstSale, SaleOrderNumber: sale.Order.SaleOrderNumber, EventType: 'Sale/OrderAuthorised' },
			}),
		);
		const reads = (await sandbox.getRequests({ system: 'cin7core', since })).filter((r) => r.method === 'GET' && /\/sale$/i.test(r.path));
		expect(reads.map((r) => r.query.ID)).toContain(firstSale);
		const delivery = core().webhookDeliveries.find((d: Json) => d.payload.SaleID === firstSale);
		expect(delivery).toEqual(expect.objectContaining({ status: 'delivered', attempts: [expect.objectContaining({ status: 200 })] }));

		// Cin7 delivering the same event again (a retry after a lost answer) is dropped.
		const replay = await fetch(webhookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${ours()[0].ExternalBearerToken}` },
			body: JSON.stringify(delivery.payload),
		});
		expect(replay.status).toBe(200);
		expect(await replay.json()).toEqual(expect.objectContaining({ started: false, reason: expect.stringMatching(/redelivery/) }));
		await sleep(2000);
		expect(await executions()).toHaveLength(1);
	}, T.run);

	test('a forged delivery without the secret gets 401 and starts nothing', async () => {
		const payload = { SaleID: firstSale, SaleOrderNumber: 'SO-FORGED', EventType: 'Sale/OrderAuthorised' };
		for (const headers of [{}, { authorization: 'Bearer 0000' }, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }] as Record<string, string>[]) {
			const r = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
			expect(r.status).toBe(401);
		}
		await sleep(2000);
		expect(await executions()).toHaveLength(1);
	}, T.run);

	test('Webhook → Check re-activates a webhook Cin7 deactivated and reports it', async () => {
		await sandbox.mutate('cin7core', { entity: 'webhook', id: ours()[0].ID, patch: { IsActive: false } });
		expect(ours()[0].IsActive).toBe(false);
		const run = await n8n.execute(CHECK_ID);
		expect(run.status).toBe('success');
		const rows = nodeOutput(run.runData, 'Check webhooks');
		expect(rows).toEqual([
			expect.objectContaining({ id: ours()[0].ID, type: 'Sale/OrderAuthorised', url: webhookUrl, wasDown: true, reactivated: true, isActive: true }),
		]);
		expect(JSON.stringify(rows)).not.toContain(ours()[0].ExternalBearerToken);
		expect(ours()[0].IsActive).toBe(true);
	}, T.run);

	test('n8n down: Cin7 deactivates the webhook after its retries; re-activating the workflow repairs it and the next delivery reports the gap', async () => {
		const lastDelivery = core().webhookDeliveries.filter((d: Json) => d.status === 'delivered').pop();
		const before = ours()[0];
		await stop();
		const missed = await authoriseSale();
		// 1 + 5 + 10 + 15 + 20 + 25 vendor minutes at time scale 60: 76 s.
		await until('Cin7 deactivating the webhook', ours, (h) => h[0].IsActive === false, 150_000);
		const failed = core().webhookDeliveries.find((d: Json) => d.payload.SaleID === missed);
		expect(failed.status).toBe('failed');
		expect(failed.attempts).toHaveLength(7);
		expect(failed.attempts.every((a: Json) => a.status === 0 && a.error)).toBe(true);
		expect(failed.deactivatedWebhook).toBe(true);

		await start();
		const since = await sandbox.lastSeq();
		await api('POST', `/workflows/${WF_ID}/deactivate`);
		await until('the deactivated webhook removed', ours, (h) => h.length === 0, 30_000, serverLog);
		await api('POST', `/workflows/${WF_ID}/activate`);
		const hooks = await until('the new webhook', ours, (h) => h.length === 1 && h[0].IsActive === true, 30_000, serverLog);
		expect(hooks[0].ID).not.toBe(before.ID);
		expect(hooks[0].ExternalBearerToken).not.toBe(before.ExternalBearerToken);
		const calls = (await sandbox.getRequests({ system: 'cin7core', since })).filter((r) => /\/webhooks$/i.test(r.path) && r.method !== 'GET');
		expect(calls.map((r) => `${r.method} ${r.status}`)).toEqual(['DELETE 200', 'POST 200']);

		const next = await authoriseSale();
		const list = await until('the execution after the repair', executions, (l) => l.length === 2, 30_000, serverLog);
		const out = await outputOf(list[1]);
		expect(out[0].ID).toBe(next);
		expect(out[0].webhookGap).toEqual(
			expect.objectContaining({
				type: 'Sale/OrderAuthorised',
				reason: expect.stringMatching(/deactivated by Cin7 Core/),
				missedSince: expect.any(String),
				reactivatedAt: expect.any(String),
			}),
		);
		// The gap runs from the last delivery n8n accepted (before the missed change) to the repair.
		const missedSince = Date.parse(out[0].webhookGap.missedSince);
		expect(missedSince).toBeGreaterThanOrEqual(Date.parse(lastDelivery.deliveredAt) - 2000);
		expect(missedSince).toBeLessThanOrEqual(Date.parse(failed.createdAt));
		expect(Date.parse(out[0].webhookGap.reactivatedAt)).toBeGreaterThan(Date.parse(failed.createdAt));
	}, T.server);

	test("the available-to-sell template's webhook path: a sold-out SKU back in stock reaches Back in stock? within seconds", async () => {
		await api('POST', `/workflows/${ATS_ID}/activate`);
		const stockHooks = () => ours().filter((h: Json) => h.Type === 'Stock/AvailableStockLevelChanged');
		try {
			// The levels are stored before the webhook is registered (a full availability scan).
			await until('the stock webhook', stockHooks, (h) => h.length === 1 && h[0].IsActive, 90_000, serverLog);
			const withRows = new Set(core().availability.filter((r: Json) => r.OnHand || r.Available || r.OnOrder).map((r: Json) => r.ID));
			const soldOut = core().products.find((p: Json) => p.Type === 'Stock' && p.Status === 'Active' && !withRows.has(p.ID));
			const changedAt = Date.now();
			await sandbox.mutate('cin7core', { entity: 'availability', sku: soldOut.SKU, location: 'Sydney Store', patch: { OnHand: 10, Allocated: 0 } });
			const runs = async () => (await api('GET', `/executions?workflowId=${ATS_ID}&limit=10`)).data as Json[];
			const list = await until('the back-in-stock execution', runs, (l) => l.length === 1, 60_000, serverLog);
			const ex = await finished(list[0].id);
			expect(ex.status).toBe('success');
			const back = nodeOutput(ex.data.resultData.runData, 'Back-in-stock SKUs');
			// 10 in Sydney Store, minus the 2-unit buffer; before: not held (0) since the activation.
			expect(back).toEqual([expect.objectContaining({ sku: soldOut.SKU, before: null, after: 8, backInStock: true, outOfStock: false })]);
			expect(back[0].availableToSell).toEqual(expect.objectContaining({ sku: soldOut.SKU, availableToSell: 8, buffer: 2 }));
			// Seconds, not the schedule's 15 minutes (the delivery's own reads include the open draft orders).
			expect(Date.parse(ex.startedAt) - changedAt).toBeLessThan(60_000);
		} finally {
			await api('POST', `/workflows/${ATS_ID}/deactivate`);
			await until('the stock webhook removed', stockHooks, (h) => h.length === 0, 30_000, serverLog);
		}
	}, T.run);

	test("Emarsys fetches the Cin7 Core catalog feed from n8n's production URL with basic auth: the catalog equals Cin7 Core's available to sell field by field; a wrong password gets 401", async () => {
		const runs = async () => (await api('GET', `/executions?workflowId=${coreFeed.id}&limit=20`)).data as Json[];
		const fetched = await emarsysFetchesCatalog(sandbox, feedUrl('emarsys-catalog', FEED_LOGIN));
		expect({ httpStatus: fetched.httpStatus, status: fetched.status, errors: fetched.errors }).toEqual({ httpStatus: 200, status: 'imported', errors: [] });
		const exp = expectedCoreFeedItems({ sandbox, workflow: coreFeed, memo: {} }, await sandbox.getState('cin7core'));
		expect((await assertCatalog(sandbox, exp)).length).toBe(fetched.items);
		// The file came from n8n: one successful production (webhook) run of the feed.
		const list = await until('the feed execution', runs, (l) => l.length === 1, 30_000, serverLog);
		const ex = await finished(list[0].id);
		expect({ mode: ex.mode, status: ex.status }).toEqual({ mode: 'webhook', status: 'success' });

		// A wrong password or none: 401, Emarsys keeps the catalog it has, and no run starts.
		const importedAt = (await emarsysState(sandbox)).catalog.importedAt;
		for (const login of [{ ...FEED_LOGIN, password: 'not-the-password' }, null]) {
			const rejected = await emarsysFetchesCatalog(sandbox, feedUrl('emarsys-catalog', login));
			expect({ httpStatus: rejected.httpStatus, status: rejected.status }).toEqual({ httpStatus: 401, status: 'rejected' });
			expect(rejected.errors).toEqual([expect.stringMatching(/HTTP 401/)]);
		}
		expect((await emarsysState(sandbox)).catalog.importedAt).toBe(importedAt);
		await sleep(1000);
		expect(await runs()).toHaveLength(1);
	}, T.run);

	test("sync health lists each Emarsys flow with its last successful run from n8n's API; an old run and a flow that never succeeded raise the alert", async () => {
		// The n8n account credential: an API key of this instance (Settings, n8n API in the editor).
		const session = await server.login(srv, OWNER);
		const scopes = (await session.rest('GET', '/rest/api-keys/scopes')).data;
		const key = (await session.rest('POST', '/rest/api-keys', { label: 'sync health', scopes, expiresAt: null })).data.rawApiKey as string;
		await cli.importCredentials(n8n.inst, [{ ...N8N_API.n8nApi, type: 'n8nApi', data: { apiKey: key, baseUrl: `${n8n.inst.baseUrl}/api/v1` } }]);

		// Each flow's last success, read independently: the latest end among its successful executions.
		const lastSuccess = async (id: string): Promise<string | null> => {
			const all = (await api('GET', `/executions?workflowId=${id}&limit=100`)).data as Json[];
			const ends = all.filter((e) => e.status === 'success').map((e) => e.stoppedAt as string);
			return ends.sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? null;
		};
		const core = (await lastSuccess(coreFeed.id))!;
		const omni = (await lastSuccess(omniFeed.id))!;
		expect(core && omni).toBeTruthy();
		expect(await lastSuccess(idleFlow.id)).toBeNull();
		// The Omni feed was fetched minutes before the Core feed (the n8n-down test lies between): an age
		// limit a second under the Omni run's age makes it old for good and leaves the Core run, younger
		// by the gap, recent for as long as the import and the run take (under a minute, even on a busy CI).
		const gap = Date.parse(core) - Date.parse(omni);
		expect(gap).toBeGreaterThan(60_000);
		const maxHours = Number(((Date.now() - Date.parse(omni) - 1000) / 3_600_000).toFixed(6));
		const wf = syncHealth(maxHours);
		await n8n.importWorkflows([wf]);
		const run = await n8n.execute(wf.id);
		expect(run.status).toBe('success');
		const [report] = nodeOutput(run.runData, 'Health report');

		const checkedAt = Date.parse(report.checkedAt);
		const expected = ([[coreFeed, core], [omniFeed, omni], [idleFlow, null]] as Array<[Json, string | null]>)
			.map(([flow, at]) => {
				const hours = at === null ? null : (checkedAt - Date.parse(at)) / 3_600_000;
				return { workflowId: flow.id, name: flow.name, lastSuccessAt: at, hoursSinceSuccess: hours === null ? null : Math.round(hours * 100) / 100, stale: hours === null || hours > maxHours };
			})
			.sort((a, b) => a.name.localeCompare(b.name));
		expect(expected.map((f) => [f.workflowId, f.stale])).toEqual(
			expect.arrayContaining([[coreFeed.id, false], [omniFeed.id, true], [idleFlow.id, true]]),
		);
		expect(report.flows).toEqual({ checked: true, maxHoursSinceSuccess: maxHours, flowCount: 3, staleCount: 2, flows: expected });
		expect(report.alerts).toEqual(
			expect.arrayContaining([`${omniFeed.name}: last successful run ${omni}, more than ${maxHours} h ago`, `${idleFlow.name}: no successful run on record`]),
		);
		expect(report.alerts.join('\n')).not.toContain(coreFeed.name);
		expect(report.summary).toContain(`; flows: 3 watched, 2 without a successful run in ${maxHours} h`);
		expect(report.healthy).toBe(false);
		expect(nodeOutput(run.runData, 'Alert')).toEqual([report]);
		// The API key stays in the credential.
		expect(JSON.stringify(run.runData)).not.toContain(key);
	}, T.run);

	test('deactivating the workflow removes the webhook from Cin7 Core', async () => {
		await api('POST', `/workflows/${WF_ID}/deactivate`);
		await until('the webhook removal', ours, (h) => h.length === 0, 30_000, serverLog);
		const r = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(r.status).toBe(404);
	}, T.run);
});
