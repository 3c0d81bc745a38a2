import nock from 'nock';
import type { IHttpRequestOptions } from 'n8n-workflow';

import { ShopifyB2bApi } from '../../../credentials/ShopifyB2bApi.credentials';
import { ShopifyB2b } from '../../../nodes/ShopifyB2b/ShopifyB2b.node';
import { performRequest } from '../helpers/fakeContext';
import { ADMIN_TOKEN, GRAPHQL, shop } from './fixture';

const env = shop.useTestEnv();

const find = { resource: 'customer', operation: 'findByEmail', email: 'ann@acme.test' };
const empty = (available: number, requested = 12) => ({
	data: { customers: { nodes: [] } },
	extensions: { cost: { requestedQueryCost: requested, actualQueryCost: requested, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate: 100 } } },
});

describe('Shopify B2B transport', () => {
	it('a THROTTLED answer waits for exactly the missing points, then the call is sent again', async () => {
		shop
			.api()
			.post(GRAPHQL)
			.reply(200, {
				errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
				extensions: { cost: { requestedQueryCost: 112, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 12, restoreRate: 100 } } },
			});
		shop.api().post(GRAPHQL).reply(200, empty(1888));
		const { json } = await shop.run(find);
		expect(json[0].found).toBe(false);
		expect(env.clock().sleeps).toEqual([1050]); // (112 − 12) points ÷ 100 per second, plus 50 ms
	});

	it('waits before a call whose known cost exceeds the points left, instead of being throttled', async () => {
		shop.api().post(GRAPHQL).reply(200, empty(2, 12));
		shop.api().post(GRAPHQL).reply(200, empty(1990, 12));
		await shop.run(find);
		await shop.run(find);
		expect(env.clock().sleeps).toEqual([100]); // 10 points missing at 100 per second
	});

	it('top-level errors fail with Shopify\'s text; a missing scope says which scopes to give', async () => {
		shop
			.api()
			.post(GRAPHQL)
			.reply(200, { errors: [{ message: 'Access denied for customers field.', extensions: { code: 'ACCESS_DENIED' } }] });
		await expect(shop.run(find)).rejects.toThrow(/Shopify .*Access denied for customers field\. \[ACCESS_DENIED\] \(the app lacks a scope: give it read_customers and write_customers\)/);
	});

	it('a wrong admin token fails with the credential named and without the token', async () => {
		shop.api().post(GRAPHQL).reply(401, { errors: `[API] Invalid API key or access token ${ADMIN_TOKEN}` });
		const run = shop.run(find);
		await expect(run).rejects.toThrow(/^Shopify refused the access token/);
		await expect(run).rejects.not.toThrow(new RegExp(ADMIN_TOKEN));
	});

	it('client credentials: the 24 h token is fetched by preAuthentication and renewed once after a 401', async () => {
		nock('https://acme-b2b.myshopify.com')
			.post('/admin/oauth/access_token', { grant_type: 'client_credentials', client_id: 'cid', client_secret: 'csecret' })
			.reply(200, { access_token: 'shpca_new', scope: 'read_customers,write_customers', expires_in: 86399 });
		nock('https://acme-b2b.myshopify.com', { reqheaders: { 'x-shopify-access-token': 'shpca_old' } }).post(GRAPHQL).reply(401, { errors: 'expired' });
		nock('https://acme-b2b.myshopify.com', { reqheaders: { 'x-shopify-access-token': 'shpca_new' } }).post(GRAPHQL).reply(200, empty(1990));
		const creds = { authentication: 'clientCredentials', adminAccessToken: '', clientId: 'cid', clientSecret: 'csecret', sessionToken: 'shpca_old', expiresAt: '2099-01-01T00:00:00Z' };
		const fake = shop.context(find, { credentials: creds });
		const refreshed: string[] = [];
		const api = new ShopifyB2bApi();
		fake.ctx.getCredentials = async () => ({ ...shop.credentials, ...creds });
		fake.ctx.helpers.httpRequestWithAuthentication = async (_t: string, options: IHttpRequestOptions, extra?: { credentialsDecrypted?: { data: Record<string, unknown> } }) => {
			let data: Record<string, unknown> = { ...shop.credentials, ...creds };
			if (extra?.credentialsDecrypted?.data.sessionToken === '') {
				const fresh = await api.preAuthentication.call({ helpers: { httpRequest: performRequest } } as never, extra.credentialsDecrypted.data as never);
				refreshed.push(String(fresh.sessionToken));
				data = { ...data, ...fresh };
			}
			return await performRequest(await api.authenticate(data as never, options));
		};
		const out = await new ShopifyB2b().execute.call(fake.ctx);
		expect(out[0][0].json.found).toBe(false);
		expect(refreshed).toEqual(['shpca_new']);
	});

	it('the client credentials request names a wrong secret without echoing it', async () => {
		nock('https://acme-b2b.myshopify.com').post('/admin/oauth/access_token').reply(401, { error: 'invalid_client', error_description: 'bad secret csecret' });
		const pre = new ShopifyB2bApi().preAuthentication.call({ helpers: { httpRequest: performRequest } } as never, {
			shopDomain: 'acme-b2b.myshopify.com',
			authentication: 'clientCredentials',
			clientId: 'cid',
			clientSecret: 'csecret',
		} as never);
		await expect(pre).rejects.toThrow(/^Shopify refused the Client ID or Client Secret \(401\)/);
		await expect(pre).rejects.not.toThrow(/csecret/);
	});
});
