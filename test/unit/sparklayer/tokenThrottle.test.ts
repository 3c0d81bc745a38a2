import nock from 'nock';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { SparkLayerApi } from '../../../credentials/SparkLayerApi.credentials';
import { SparkLayer } from '../../../nodes/SparkLayer/SparkLayer.node';
import { performRequest } from '../helpers/fakeContext';
import { SECRET, SITE, sl } from './fixture';

const env = sl.useTestEnv();
const HOST = 'https://app.sparklayer.io';
const groups = { resource: 'customerGroup', operation: 'getAll', returnAll: true };

/**
 * Stands in for n8n's httpRequestWithAuthentication: an empty stored token runs preAuthentication
 * first, and whatever it throws reaches the node wrapped in a NodeApiError, as n8n does.
 */
function likeN8n(credentials: IDataObject) {
	const fake = sl.context(groups, { credentials });
	const tokens: string[] = [];
	let stored = { ...credentials };
	fake.ctx.helpers.httpRequestWithAuthentication = async (_t: string, options: IHttpRequestOptions, extra?: { credentialsDecrypted?: { data: Record<string, unknown> } }) => {
		try {
			const data = { ...stored, ...(extra?.credentialsDecrypted?.data ?? {}) };
			if (!data.accessToken) {
				const fresh = await new SparkLayerApi().preAuthentication.call({ helpers: { httpRequest: performRequest } } as never, data as never);
				tokens.push(String(fresh.accessToken));
				stored = { ...stored, ...fresh };
			}
			const headers = { ...(options.headers ?? {}), Authorization: `Bearer ${String(stored.accessToken)}`, 'Site-Id': SITE };
			return await performRequest({ ...options, headers });
		} catch (error) {
			throw new NodeApiError(fake.ctx.getNode(), error as never);
		}
	};
	return { fake, tokens };
}

const run = async (fake: ReturnType<typeof sl.context>) => await new SparkLayer().execute.call(fake.ctx);

describe('SparkLayer: throttles on the token request and on the call', () => {
	it.each([
		['429 with Retry-After in seconds', 429, { 'Retry-After': '2' }, 2000],
		['429 with "Retry-After: N Seconds"', 429, { 'Retry-After': '3 Seconds' }, 3000],
		['429 with X-Retry-After', 429, { 'X-Retry-After': '4' }, 4000],
		['503 with "Retry-After: N Seconds"', 503, { 'Retry-After': '5 Seconds' }, 5000],
		['503 with X-Retry-After', 503, { 'X-Retry-After': '6' }, 6000],
	])('a first token request throttled (%s) is asked again after the wait, then the call is sent', async (_name, status, headers, waitMs) => {
		nock(HOST).post('/api/auth/token').reply(status, { title: 'Too Many Requests' }, headers);
		nock(HOST).post('/api/auth/token').reply(200, { expires_in: 3600, access_token: 'tok-new' });
		nock(HOST, { reqheaders: { authorization: 'Bearer tok-new' } }).get('/api/v1/customer-groups').reply(200, [{ slug: 'base' }]);
		const { fake, tokens } = likeN8n({ ...sl.credentials, accessToken: '', expiresAt: '' });
		const out = await run(fake);
		expect(out[0].map((i) => i.json)).toEqual([{ slug: 'base' }]);
		expect(tokens).toEqual(['tok-new']);
		expect(env.clock().sleeps).toContain(waitMs);
	});

	it('a renewal due before the call survives a throttled token request too', async () => {
		nock(HOST).post('/api/auth/token').reply(503, 'busy', { 'Retry-After': '7 Seconds' });
		nock(HOST).post('/api/auth/token').reply(200, { expires_in: 3600, access_token: 'tok-2' });
		nock(HOST, { reqheaders: { authorization: 'Bearer tok-2' } }).get('/api/v1/customer-groups').reply(200, [{ slug: 'vip' }]);
		const { fake, tokens } = likeN8n({ ...sl.credentials, expiresAt: new Date(env.clock().now() - 1000).toISOString() });
		const out = await run(fake);
		expect(out[0].map((i) => i.json)).toEqual([{ slug: 'vip' }]);
		expect(tokens).toEqual(['tok-2']);
		expect(env.clock().sleeps).toContain(7000);
	});

	it('every throttle form on GET /api/v1/customer-groups is waited out and retried', async () => {
		const api = () => nock(HOST).get('/api/v1/customer-groups');
		api().reply(429, { title: 'Too Many Requests' }, { 'Retry-After': '2 Seconds' });
		api().reply(503, 'Service Unavailable', { 'X-Retry-After': '3' });
		api().reply(429, { title: 'Too Many Requests' }, { 'X-Retry-After': '4 Seconds' });
		api().reply(503, { title: 'Service Unavailable' }, { 'Retry-After': '5' });
		api().reply(429, { title: 'Too Many Requests' });
		api().reply(200, [{ slug: 'base' }]);
		const { fake } = likeN8n({ ...sl.credentials });
		const out = await run(fake);
		expect(out[0].map((i) => i.json)).toEqual([{ slug: 'base' }]);
		expect(env.clock().sleeps.slice(0, 4)).toEqual([2000, 3000, 4000, 5000]);
		expect(env.clock().sleeps).toHaveLength(5);
	});

	it('a token request refused for good (401) is not retried and names the cause without the secret', async () => {
		nock(HOST).post('/api/auth/token').reply(401, { title: 'Unauthorized', detail: `bad secret ${SECRET}` });
		const { fake, tokens } = likeN8n({ ...sl.credentials, accessToken: '', expiresAt: '' });
		const failed = run(fake);
		await expect(failed).rejects.toThrow(/Client ID or Client Secret/);
		await expect(failed).rejects.not.toThrow(new RegExp(SECRET));
		expect(tokens).toEqual([]);
		expect(env.clock().sleeps).toEqual([]);
	});

	it('a token request throttled past the retry budget fails as a throttle, without the secret', async () => {
		nock(HOST).post('/api/auth/token').times(7).reply(429, { detail: `slow down ${SECRET}` }, { 'Retry-After': '1 Seconds' });
		const { fake } = likeN8n({ ...sl.credentials, accessToken: '', expiresAt: '' });
		const failed = run(fake);
		await expect(failed).rejects.toThrow(/SparkLayer throttled the request/);
		await expect(failed).rejects.not.toThrow(new RegExp(SECRET));
		expect(env.clock().sleeps).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
	});
});
