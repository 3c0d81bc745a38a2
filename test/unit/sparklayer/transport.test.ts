import type { IHttpRequestOptions } from 'n8n-workflow';

import { SparkLayerApi } from '../../../credentials/SparkLayerApi.credentials';
import { performRequest } from '../helpers/fakeContext';
import { SECRET, SITE, sl, TOKEN } from './fixture';

const env = sl.useTestEnv();

/** Stands in for n8n: credentials handed over with the token blanked get a new one from preAuthentication. */
function honourFreshToken(fake: ReturnType<typeof sl.context>, refreshed: string[]) {
	const original = fake.ctx.helpers.httpRequestWithAuthentication;
	fake.ctx.helpers.httpRequestWithAuthentication = async (type: string, options: IHttpRequestOptions, extra?: { credentialsDecrypted?: { data: Record<string, unknown> } }) => {
		const data = extra?.credentialsDecrypted?.data;
		if (data && data.accessToken === '') {
			const fresh = await new SparkLayerApi().preAuthentication.call({ helpers: { httpRequest: performRequest } } as never, data as never);
			refreshed.push(String(fresh.accessToken));
			const headers = { ...(options.headers ?? {}), Authorization: `Bearer ${String(fresh.accessToken)}`, 'Site-Id': SITE };
			return await performRequest({ ...options, headers });
		}
		return await original(type, options);
	};
}

const groups = { resource: 'customerGroup', operation: 'getAll', returnAll: true };

describe('SparkLayer transport', () => {
	it('sends the bearer token, the Site-Id and a User-Agent on every call', async () => {
		sl.api().matchHeader('user-agent', 'n8n-nodes-cin7').get('/api/v1/customer-groups').reply(200, [{ slug: 'base' }]);
		const { json } = await sl.run(groups);
		expect(json).toEqual([{ slug: 'base' }]);
	});

	it('a 401 gets one new token (JSON body, Site-Id) and the call is sent again with it', async () => {
		sl.api().get('/api/v1/customer-groups').reply(401, { title: 'Unauthorized', status: 401, detail: 'Token expired' });
		let tokenBody: unknown;
		require('nock')('https://app.sparklayer.io')
			.matchHeader('site-id', SITE)
			.matchHeader('content-type', 'application/json')
			.post('/api/auth/token', (b: unknown) => {
				tokenBody = b;
				return true;
			})
			.reply(200, { token_type: 'bearer', expires_in: 3600, access_token: 'tok-new' });
		require('nock')('https://app.sparklayer.io', { reqheaders: { authorization: 'Bearer tok-new' } })
			.get('/api/v1/customer-groups')
			.reply(200, [{ slug: 'base' }]);
		const fake = sl.context(groups);
		const refreshed: string[] = [];
		honourFreshToken(fake, refreshed);
		const out = await new (require('../../../nodes/SparkLayer/SparkLayer.node').SparkLayer)().execute.call(fake.ctx);
		expect(out[0][0].json).toEqual({ slug: 'base' });
		expect(refreshed).toEqual(['tok-new']);
		expect(tokenBody).toEqual({ grant_type: 'client_credentials', client_id: 'client-1', client_secret: SECRET });
	});

	it('renews a token that reached its renewal time before calling, and a second 401 fails without the secret', async () => {
		require('nock')('https://app.sparklayer.io').post('/api/auth/token').reply(200, { expires_in: 3600, access_token: 'tok-2' });
		require('nock')('https://app.sparklayer.io').get('/api/v1/customer-groups').reply(401, { title: 'Unauthorized', detail: `bad ${SECRET}` });
		const fake = sl.context(groups, { credentials: { expiresAt: new Date(env.clock().now() - 1000).toISOString() } });
		const refreshed: string[] = [];
		honourFreshToken(fake, refreshed);
		const run = new (require('../../../nodes/SparkLayer/SparkLayer.node').SparkLayer)().execute.call(fake.ctx);
		await expect(run).rejects.toThrow(/^SparkLayer refused the access token even after a new one was fetched/);
		await expect(run).rejects.not.toThrow(new RegExp(SECRET));
		expect(refreshed).toEqual(['tok-2']);
	});

	it('retries a 409 concurrent update with backoff and a 429 after its Retry-After', async () => {
		sl.api().patch('/api/v1/price-lists/a/pricing').reply(409, { title: 'Conflict', detail: 'Concurrent update' });
		sl.api().patch('/api/v1/price-lists/a/pricing').reply(429, { title: 'Too Many Requests' }, { 'Retry-After': '3' });
		sl.api().patch('/api/v1/price-lists/a/pricing').reply(200, { updated: 1 });
		const { json } = await sl.run({ resource: 'priceList', operation: 'updatePricing', priceListSlug: 'a', sku: 'X', pricing: 1, additionalFields: {} });
		expect(json[0].status).toBe('updated');
		expect(env.clock().sleeps).toContain(3000);
	});

	it('the token request names the cause: wrong secret (401) vs no API access (403), never echoing the secret', async () => {
		const pre = (status: number, body: object) => {
			require('nock')('https://test.app.sparklayer.io').post('/api/auth/token').reply(status, body);
			return new SparkLayerApi().preAuthentication.call({ helpers: { httpRequest: performRequest } } as never, {
				environment: 'test',
				siteId: SITE,
				clientId: 'c',
				clientSecret: SECRET,
			} as never);
		};
		await expect(pre(401, { detail: `Invalid client credentials ${SECRET}` })).rejects.toThrow(/^SparkLayer refused the Client ID or Client Secret \(401\)/);
		await expect(pre(401, { detail: `Invalid ${SECRET}` })).rejects.not.toThrow(new RegExp(SECRET));
		await expect(pre(403, { detail: 'No API on this plan' })).rejects.toThrow(/Pro or Enterprise plan/);
		require('nock')('https://test.app.sparklayer.io').post('/api/auth/token').reply(200, { expires_in: 3600, access_token: 'abc' });
		const ok = await new SparkLayerApi().preAuthentication.call({ helpers: { httpRequest: performRequest } } as never, {
			environment: 'test',
			siteId: SITE,
			clientId: 'c',
			clientSecret: SECRET,
		} as never);
		expect(ok.accessToken).toBe('abc');
		expect(Date.parse(String(ok.expiresAt))).toBeGreaterThan(Date.now() + 3000_000);
	});

	it('uses the test host for the test environment', async () => {
		require('nock')('https://test.app.sparklayer.io', { reqheaders: { authorization: `Bearer ${TOKEN}` } })
			.get('/api/v1/customer-groups')
			.reply(200, []);
		const { json } = await sl.run(groups, { credentials: { environment: 'test' } });
		expect(json).toEqual([]);
	});
});
