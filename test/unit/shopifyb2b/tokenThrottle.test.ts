import nock from 'nock';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ShopifyB2bApi } from '../../../credentials/ShopifyB2bApi.credentials';
import { ShopifyB2b } from '../../../nodes/ShopifyB2b/ShopifyB2b.node';
import { performRequest } from '../helpers/fakeContext';
import { GRAPHQL, shop } from './fixture';

const env = shop.useTestEnv();
const HOST = 'https://acme-b2b.myshopify.com';
const find = { resource: 'customer', operation: 'findByEmail', email: 'ann@acme.test' };
const empty = {
	data: { customers: { nodes: [] } },
	extensions: { cost: { requestedQueryCost: 12, actualQueryCost: 12, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1990, restoreRate: 100 } } },
};
const SECRET = 'csecret-7f6e';

/**
 * Stands in for n8n's httpRequestWithAuthentication: an empty stored token runs preAuthentication
 * first, and whatever it throws reaches the node wrapped in a NodeApiError, as n8n does.
 */
function likeN8n(creds: IDataObject) {
	const fake = shop.context(find, { credentials: creds });
	const api = new ShopifyB2bApi();
	const tokens: string[] = [];
	let stored: Record<string, unknown> = { ...shop.credentials, ...creds };
	fake.ctx.getCredentials = async () => stored as never;
	fake.ctx.helpers.httpRequestWithAuthentication = async (_t: string, options: IHttpRequestOptions, extra?: { credentialsDecrypted?: { data: Record<string, unknown> } }) => {
		try {
			const data = { ...stored, ...(extra?.credentialsDecrypted?.data ?? {}) };
			if (!data.sessionToken) {
				const fresh = await api.preAuthentication.call({ helpers: { httpRequest: performRequest } } as never, data as never);
				tokens.push(String(fresh.sessionToken));
				stored = { ...stored, ...fresh };
			}
			return await performRequest(await api.authenticate(stored as never, options));
		} catch (error) {
			throw new NodeApiError(fake.ctx.getNode(), error as never);
		}
	};
	return { fake, tokens };
}

const clientCredentials = { authentication: 'clientCredentials', adminAccessToken: '', clientId: 'cid', clientSecret: SECRET, sessionToken: '', expiresAt: '' };

describe('Shopify B2B: a throttled client credentials request', () => {
	it.each([
		['429 with Retry-After in seconds', 429, { 'Retry-After': '2' }, 2000],
		['429 with "Retry-After: N Seconds"', 429, { 'Retry-After': '3 Seconds' }, 3000],
		['429 with X-Retry-After', 429, { 'X-Retry-After': '4' }, 4000],
		['503 with "Retry-After: N Seconds"', 503, { 'Retry-After': '5 Seconds' }, 5000],
		['503 with X-Retry-After', 503, { 'X-Retry-After': '6' }, 6000],
	])('%s: the token is asked again after the wait, then the query is sent with it', async (_name, status, headers, waitMs) => {
		nock(HOST).post('/admin/oauth/access_token').reply(status, { errors: 'Too Many Requests' }, headers);
		nock(HOST).post('/admin/oauth/access_token').reply(200, { access_token: 'shpca_new', scope: 'read_customers', expires_in: 86399 });
		nock(HOST, { reqheaders: { 'x-shopify-access-token': 'shpca_new' } }).post(GRAPHQL).reply(200, empty);
		const { fake, tokens } = likeN8n(clientCredentials);
		const out = await new ShopifyB2b().execute.call(fake.ctx);
		expect(out[0][0].json.found).toBe(false);
		expect(tokens).toEqual(['shpca_new']);
		expect(env.clock().sleeps).toContain(waitMs);
	});

	it('a refused secret (401) is not retried and is named without echoing the secret', async () => {
		nock(HOST).post('/admin/oauth/access_token').reply(401, { error: 'invalid_client', error_description: `bad ${SECRET}` });
		const { fake, tokens } = likeN8n(clientCredentials);
		const failed = new ShopifyB2b().execute.call(fake.ctx);
		await expect(failed).rejects.toThrow(/401/);
		await expect(failed).rejects.not.toThrow(new RegExp(SECRET));
		expect(tokens).toEqual([]);
		expect(env.clock().sleeps).toEqual([]);
	});
});
