/**
 * Cin7 Core → Webhook → Check: lists the webhooks calling n8n, re-activates the ones Cin7 Core
 * deactivated, and reports type, URL, down or not, since when (what earlier checks saw) and whether
 * each was re-activated; never a password, token or header value.
 */
import type { IDataObject } from 'n8n-workflow';

import { core, SECRET } from './fixture';

const { api, path, run } = core;
const T0 = Date.parse('2026-03-01T12:00:00Z');
const N8N = 'https://n8n.example.com/webhook/abc/webhook';

const hook = (o: IDataObject): IDataObject => ({
	Type: 'Sale/OrderAuthorised',
	IsActive: true,
	ExternalAuthorizationType: 'bearerauth',
	ExternalBearerToken: 'tok-SECRET-1',
	ExternalHeaders: [{ Key: 'X-Shop', Value: 'hdr-SECRET' }],
	...o,
});

const HOOKS = [
	hook({ ID: 'a', Name: 'Orders', ExternalURL: N8N, IsActive: false }),
	hook({ ID: 'b', Name: 'Stock', Type: 'Stock/AvailableStockLevelChanged', ExternalURL: 'https://n8n.example.com/webhook/def/webhook' }),
	hook({ ID: 'c', Name: 'ERP', ExternalURL: 'https://erp.example.com/cin7', ExternalAuthorizationType: 'basicauth', ExternalUserName: 'u', ExternalPassword: 'pw-SECRET', ExternalBearerToken: '' }),
];

const CHECK = { resource: 'webhook', operation: 'check', urlContains: '/webhook/', eventTypes: [], reactivate: true };

describe('Cin7 Core → Webhook → Check', () => {
	const t = core.useTestEnv();

	it('re-activates a deactivated webhook and reports every webhook calling n8n', async () => {
		const staticData: IDataObject = {};
		api().get(path('/webhooks')).reply(200, { Webhooks: HOOKS });
		let put: IDataObject = {};
		api()
			.put(path('/webhooks'), (b) => ((put = b), true))
			.reply(200, {});
		const { json } = await run(CHECK, { staticData });
		// The PUT sends the webhook back as it was, active: its secret and headers unchanged.
		expect(put).toEqual({
			ID: 'a',
			Type: 'Sale/OrderAuthorised',
			IsActive: true,
			ExternalURL: N8N,
			ExternalAuthorizationType: 'bearerauth',
			ExternalBearerToken: 'tok-SECRET-1',
			ExternalHeaders: [{ Key: 'X-Shop', Value: 'hdr-SECRET' }],
		});
		const now = new Date(T0).toISOString();
		expect(json).toEqual([
			{ id: 'a', name: 'Orders', type: 'Sale/OrderAuthorised', url: N8N, authorizationType: 'bearerauth', isActive: true, wasDown: true, downSince: now, lastSeenActiveAt: null, reactivated: true, checkedAt: now },
			{ id: 'b', name: 'Stock', type: 'Stock/AvailableStockLevelChanged', url: 'https://n8n.example.com/webhook/def/webhook', authorizationType: 'bearerauth', isActive: true, wasDown: false, downSince: null, lastSeenActiveAt: null, reactivated: false, checkedAt: now },
		]);
		expect(JSON.stringify(json)).not.toMatch(/SECRET/);
	});

	it('reports since when a webhook is down from what earlier checks saw', async () => {
		const staticData: IDataObject = {};
		api().get(path('/webhooks')).reply(200, { Webhooks: [hook({ ID: 'a', ExternalURL: N8N })] });
		await run(CHECK, { staticData });
		const seenActive = new Date(T0).toISOString();

		// Down at the next check; re-activation left off: still down, since then.
		t.clock().advance(15 * 60_000);
		api().get(path('/webhooks')).reply(200, { Webhooks: [hook({ ID: 'a', ExternalURL: N8N, IsActive: false })] });
		const first = (await run({ ...CHECK, reactivate: false }, { staticData })).json[0];
		const foundDown = new Date(T0 + 15 * 60_000).toISOString();
		expect(first).toEqual(expect.objectContaining({ wasDown: true, reactivated: false, isActive: false, lastSeenActiveAt: seenActive, downSince: foundDown }));

		// Still down later: down since the first check that found it down; then re-activated.
		t.clock().advance(15 * 60_000);
		api().get(path('/webhooks')).reply(200, { Webhooks: [hook({ ID: 'a', ExternalURL: N8N, IsActive: false })] });
		api().put(path('/webhooks')).reply(200, {});
		const second = (await run(CHECK, { staticData })).json[0];
		expect(second).toEqual(expect.objectContaining({ wasDown: true, reactivated: true, isActive: true, lastSeenActiveAt: seenActive, downSince: foundDown }));
		expect((staticData.webhookHealth as IDataObject).a).toEqual({ lastSeenActiveAt: new Date(T0 + 30 * 60_000).toISOString() });
	});

	it('filters by URL and type; an empty URL filter lists every webhook of the account', async () => {
		api().get(path('/webhooks')).reply(200, { Webhooks: HOOKS.map((h) => ({ ...h, IsActive: true })) });
		const stock = await run({ ...CHECK, eventTypes: ['Stock/AvailableStockLevelChanged'] });
		expect(stock.json.map((j) => j.id)).toEqual(['b']);
		api().get(path('/webhooks')).reply(200, { Webhooks: HOOKS.map((h) => ({ ...h, IsActive: true })) });
		const all = await run({ ...CHECK, urlContains: '' });
		expect(all.json.map((j) => j.id)).toEqual(['a', 'b', 'c']);
		expect(JSON.stringify(all.json)).not.toMatch(/SECRET/);
	});

	it('a refused re-activation is reported on that webhook, without its secrets, and the others still are', async () => {
		api().get(path('/webhooks')).reply(200, { Webhooks: HOOKS });
		api()
			.put(path('/webhooks'))
			.reply(400, (_u, b) => [{ ErrorCode: 400, Exception: `Cannot activate ${JSON.stringify(b)}` }]);
		const { json } = await run(CHECK);
		expect(json[0]).toEqual(expect.objectContaining({ id: 'a', wasDown: true, reactivated: false, isActive: false, error: expect.stringMatching(/Cannot activate/) }));
		expect(json[1].id).toBe('b');
		expect(JSON.stringify(json)).not.toMatch(/tok-SECRET-1/);
		expect(JSON.stringify(json)).not.toContain(SECRET);
	});
});
