/**
 * Each credential's test request, judged the way n8n's credential tester judges it (status-code
 * rules on a refused call, body rules on a 200, the first element of an array body), against the
 * sandbox's real answers: right login, wrong secret, wrong Base URL path, and a web page served
 * with 200 where the API should be.
 */
import axios from 'axios';
import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { Cin7CoreApi } from '../../credentials/Cin7CoreApi.credentials';
import { Cin7OmniApi } from '../../credentials/Cin7OmniApi.credentials';
import { DotdigitalApi } from '../../credentials/DotdigitalApi.credentials';
import { EmarsysApi } from '../../credentials/EmarsysApi.credentials';
import { JoorApi } from '../../credentials/JoorApi.credentials';
import { OrderDeskApi } from '../../credentials/OrderDeskApi.credentials';
import { ShopifyB2bApi } from '../../credentials/ShopifyB2bApi.credentials';
import { SparkLayerApi } from '../../credentials/SparkLayerApi.credentials';
import { authenticate, performRequest } from './helpers/fakeContext';
import { start, type Started } from './sandbox/helpers';

/** n8n credential expressions are `={{ js }}`; the test evaluates them with the credential in scope. */
function resolve(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return value.slice(1).replace(/\{\{([\s\S]+?)\}\}/g, (_m, js: string) =>
		String(new Function('$credentials', `return (${js});`)(credentials)),
	);
}

/** A rule's key read as n8n reads it (lodash `get`: `errors[0].extensions.code` is a path). */
const get = (o: unknown, key: string) =>
	key
		.split(/[.[\]]+/)
		.filter(Boolean)
		.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as IDataObject)[k] : undefined), o);

async function credentialTest(type: ICredentialType, credentials: ICredentialDataDecryptedObject) {
	const { request, rules = [] } = type.test!;
	const options = await authenticate(type, credentials, {
		url: String(resolve(request.url, credentials)),
		baseURL: String(resolve(request.baseURL, credentials)),
		method: request.method ?? 'GET',
		qs: request.qs as IDataObject | undefined,
		body: request.body as IDataObject | undefined,
	} as IHttpRequestOptions);
	const response = await axios.request({
		method: options.method,
		url: `${options.baseURL}${options.url}`,
		params: options.qs,
		data: options.body,
		headers: options.headers as Record<string, string>,
		auth: options.auth,
		validateStatus: () => true,
		responseType: 'text',
		transformResponse: [(d: unknown) => d],
	});
	const typed = rules as Array<{ type: string; properties: { value: unknown; key?: string; message: string } }>;
	if (response.status < 200 || response.status > 299) {
		const rule = typed.find((r) => r.type === 'responseCode' && r.properties.value === response.status);
		return { status: 'Error', message: rule?.properties.message ?? `Received HTTP status code: ${response.status}` };
	}
	let body: unknown = response.data;
	try {
		body = JSON.parse(String(response.data));
	} catch {
		// n8n hands a non-JSON body over as text
	}
	const first = Array.isArray(body) ? body[0] : body;
	for (const rule of typed.filter((r) => r.type === 'responseSuccessBody')) {
		if (get(first, rule.properties.key as string) === rule.properties.value) return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

let sb: Started;
beforeAll(async () => {
	sb = await start({ rateLimits: false });
});
afterAll(async () => await sb.close());

describe('Cin7 Core credential test', () => {
	const creds = (over: IDataObject = {}) => ({
		accountId: 'sandbox-core-account',
		applicationKey: 'sandbox-core-key-7f3a9c',
		baseUrl: `${sb.url}/cin7core/ExternalApi/v2`,
		...over,
	});

	it('passes with the right login', async () => {
		expect(await credentialTest(new Cin7CoreApi(), creds())).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it('names the key as the likely cause of a 403', async () => {
		const r = await credentialTest(new Cin7CoreApi(), creds({ applicationKey: 'wrong' }));
		expect(r).toEqual({ status: 'Error', message: expect.stringMatching(/^Cin7 Core refused the Account ID or Application Key \(403\)/) });
	});

	it('fails a Base URL that serves a web page with 200 (Cin7 does that for unknown paths)', async () => {
		const r = await credentialTest(new Cin7CoreApi(), creds({ baseUrl: `${sb.url}/cin7core/ExternalApi` }));
		expect(r).toEqual({ status: 'Error', message: expect.stringMatching(/not with Cin7 Core data \(a web page\?\): it should end in \/ExternalApi\/v2/) });
	});

	it('names the Base URL for a 404', async () => {
		const r = await credentialTest(new Cin7CoreApi(), creds({ baseUrl: `${sb.url}/cin7core/v2` }));
		expect(r).toEqual({ status: 'Error', message: expect.stringMatching(/^Nothing answers at this Base URL \(404\)/) });
	});
});

describe('Cin7 Omni credential test', () => {
	const creds = (over: IDataObject = {}) => ({
		username: 'sandbox-omni-user',
		apiKey: 'sandbox-omni-key-4b8e2d',
		baseUrl: `${sb.url}/cin7omni/api/v1`,
		...over,
	});

	it('passes with the right login', async () => {
		expect((await credentialTest(new Cin7OmniApi(), creds())).status).toBe('OK');
	});

	it('tells a wrong key (401) from a missing permission (403)', async () => {
		expect(await credentialTest(new Cin7OmniApi(), creds({ apiKey: 'wrong' }))).toEqual({
			status: 'Error',
			message: 'Wrong API username or API key (401)',
		});
		const rules = new Cin7OmniApi().test.rules as Array<{ properties: { value: unknown; message: string } }>;
		expect(rules.find((r) => r.properties.value === 403)?.properties.message).toMatch(/lacks Read permission on Branches/);
	});

	it('fails a Base URL that answers with a web page or with nothing', async () => {
		const page = await credentialTest(new Cin7OmniApi(), creds({ baseUrl: `${sb.url}/cin7core/ExternalApi/x` }));
		expect(page.message).toMatch(/not with Cin7 Omni data \(a web page\?\)/);
		const missing = await credentialTest(new Cin7OmniApi(), creds({ baseUrl: `${sb.url}/cin7omni/api/v9/x` }));
		expect(missing.message).toMatch(/^Nothing answers at this Base URL \(404\)/);
	});
});

describe('Dotdigital credential test', () => {
	const creds = (over: IDataObject = {}) => ({
		apiUser: 'apiuser-sandbox@apiconnector.com',
		password: 'sandbox-dd-pass-9c1e5a',
		region: 'r1',
		baseUrl: `${sb.url}/dotdigital/r1`,
		...over,
	});

	it('passes with the right login', async () => {
		expect((await credentialTest(new DotdigitalApi(), creds())).status).toBe('OK');
	});

	it('names the API user as the likely cause of a 401', async () => {
		const r = await credentialTest(new DotdigitalApi(), creds({ password: 'wrong' }));
		expect(r.message).toMatch(/^Dotdigital refused the API user or password \(401\): use an API user/);
	});

	it('fails a Base URL that answers with a web page or with nothing', async () => {
		expect((await credentialTest(new DotdigitalApi(), creds({ baseUrl: `${sb.url}/cin7core/ExternalApi/x` }))).message).toMatch(
			/not with Dotdigital account data/,
		);
		expect((await credentialTest(new DotdigitalApi(), creds({ baseUrl: `${sb.url}/dotdigital/r9` }))).message).toMatch(
			/^Nothing answers at this Base URL \(404\)/,
		);
	});
});

describe('Order Desk credential test', () => {
	const creds = (over: IDataObject = {}) => ({
		storeId: 'sandbox-od-store-2417',
		apiKey: 'sandbox-od-key-8d4f1b',
		baseUrl: `${sb.url}/orderdesk/api/v2/`,
		...over,
	});

	it('passes with the right store ID and API key (a trailing slash on the Base URL is fine)', async () => {
		expect((await credentialTest(new OrderDeskApi(), creds())).status).toBe('OK');
	});

	it('names the Store ID or API Key as the likely cause of a 401', async () => {
		const r = await credentialTest(new OrderDeskApi(), creds({ apiKey: 'wrong' }));
		expect(r.message).toMatch(/^Order Desk refused the Store ID or API Key \(401\): copy both from Store Settings → API/);
	});

	it('fails a Base URL that answers with a web page or with nothing', async () => {
		expect((await credentialTest(new OrderDeskApi(), creds({ baseUrl: `${sb.url}/cin7core/ExternalApi/x` }))).message).toMatch(
			/not with Order Desk data/,
		);
		expect((await credentialTest(new OrderDeskApi(), creds({ baseUrl: `${sb.url}/orderdesk/api/v9` }))).message).toMatch(
			/^Nothing answers at this Base URL \(404\)/,
		);
	});
});

describe('JOOR credential test', () => {
	const creds = (over: IDataObject = {}): ICredentialDataDecryptedObject => ({
		environment: 'sandbox',
		authType: 'apiToken',
		apiToken: 'sandbox-joor-token-5d2c8e',
		baseUrl: `${sb.url}/joor/api`,
		accessToken: '',
		...over,
	});
	const v4 = {
		authType: 'password',
		clientId: 'sandbox-joor-client',
		clientSecret: 'sandbox-joor-secret-3a7f1b',
		username: 'sandbox-joor-user',
		password: 'sandbox-joor-pass-8e4d2c',
		accountId: 'sandbox-joor-account',
	};
	/** n8n runs the credential's preAuthentication before testing a credential with an expirable token. */
	const preAuthenticated = async (c: ICredentialDataDecryptedObject) => ({
		...c,
		...((await new JoorApi().preAuthentication.call({ helpers: { httpRequest: performRequest } } as never, c)) as ICredentialDataDecryptedObject),
	});

	it('passes with the right v2 API token', async () => {
		expect((await credentialTest(new JoorApi(), creds())).status).toBe('OK');
	});

	it('passes with a v4 login, its token fetched first as n8n does', async () => {
		const c = await preAuthenticated(creds(v4));
		expect(String(c.accessToken)).not.toBe('');
		expect((await credentialTest(new JoorApi(), c)).status).toBe('OK');
	});

	it('names the credentials and the environment as the likely cause of a 401', async () => {
		const r = await credentialTest(new JoorApi(), creds({ apiToken: 'wrong' }));
		expect(r.message).toMatch(/^JOOR refused the credentials \(401\): check the API token/);
	});

	it('fails a Base URL that answers with a web page or with nothing', async () => {
		expect((await credentialTest(new JoorApi(), creds({ baseUrl: `${sb.url}/cin7core/ExternalApi/x` }))).message).toMatch(
			/not with a JOOR API answer/,
		);
		expect((await credentialTest(new JoorApi(), creds({ baseUrl: `${sb.url}/joor/nope` }))).message).toMatch(
			/^Nothing answers at this Base URL \(404\)/,
		);
	});
});

/** n8n runs a credential's preAuthentication (token exchange) before its test request. */
async function withToken(type: SparkLayerApi | ShopifyB2bApi, credentials: ICredentialDataDecryptedObject): Promise<ICredentialDataDecryptedObject> {
	const preAuthentication: (this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) => Promise<IDataObject> = type.preAuthentication;
	const token = await preAuthentication.call({ helpers: { httpRequest: performRequest } } as never, credentials);
	return { ...credentials, ...(token as ICredentialDataDecryptedObject) };
}

describe('SparkLayer credential test', () => {
	const creds = (over: IDataObject = {}): ICredentialDataDecryptedObject => ({
		environment: 'live',
		siteId: 'sandbox-site-1',
		clientId: 'sandbox-sl-client',
		clientSecret: 'sandbox-sl-secret-3d9f1b',
		baseUrl: `${sb.url}/sparklayer/live`,
		accessToken: '',
		...over,
	});

	it('passes with the right login, its token fetched first as n8n does', async () => {
		const c = await withToken(new SparkLayerApi(), creds());
		expect(String(c.accessToken)).not.toBe('');
		expect(await credentialTest(new SparkLayerApi(), c)).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it('tells a wrong secret (401) from a client without API access (403), at the token', async () => {
		await expect(withToken(new SparkLayerApi(), creds({ clientSecret: 'wrong' }))).rejects.toThrow(/^SparkLayer refused the Client ID or Client Secret \(401\)/);
		await expect(withToken(new SparkLayerApi(), creds({ clientId: 'sandbox-sl-noapi' }))).rejects.toThrow(/^SparkLayer refused API access \(403\): the API needs the Pro or Enterprise plan/);
	});

	it('the live keys are refused on the test host (each environment has its own keys)', async () => {
		await expect(withToken(new SparkLayerApi(), creds({ baseUrl: `${sb.url}/sparklayer/test` }))).rejects.toThrow(/\(401\)/);
	});

	it('a token that is not accepted is named at the test request', async () => {
		expect((await credentialTest(new SparkLayerApi(), creds({ accessToken: 'sl_forged' }))).message).toMatch(/^SparkLayer refused the access token \(401\)/);
	});

	it('fails a Base URL that answers with a web page or with nothing', async () => {
		await expect(withToken(new SparkLayerApi(), creds({ baseUrl: `${sb.url}/cin7core/ExternalApi/x` }))).rejects.toThrow(/Base URL/);
		await expect(withToken(new SparkLayerApi(), creds({ baseUrl: `${sb.url}/sparklayer/nope` }))).rejects.toThrow(/Base URL/);
	});
});

describe('Shopify B2B credential test', () => {
	const creds = (over: IDataObject = {}): ICredentialDataDecryptedObject => ({
		shopDomain: 'sandbox-b2b.myshopify.com',
		apiVersion: '2026-01',
		authentication: 'accessToken',
		adminAccessToken: 'shpat_sandbox0b2b0token0000000000001',
		baseUrl: `${sb.url}/shopify/sandbox-b2b`,
		sessionToken: '',
		...over,
	});
	const dev = { authentication: 'clientCredentials', adminAccessToken: '', clientId: 'sandbox-shopify-client', clientSecret: 'sandbox-shopify-secret-5e2c8a' };

	it('passes with an admin API access token, and with a Dev Dashboard app after its token is fetched', async () => {
		expect(await credentialTest(new ShopifyB2bApi(), creds())).toEqual({ status: 'OK', message: 'Connection successful!' });
		const c = await withToken(new ShopifyB2bApi(), creds(dev));
		expect(String(c.sessionToken)).toMatch(/^shpca_/);
		expect((await credentialTest(new ShopifyB2bApi(), c)).status).toBe('OK');
	});

	it('tells a wrong token (401) from a token without the customer scopes (ACCESS_DENIED)', async () => {
		expect((await credentialTest(new ShopifyB2bApi(), creds({ adminAccessToken: 'shpat_wrong' }))).message).toMatch(/^Shopify refused the access token \(401\)/);
		expect((await credentialTest(new ShopifyB2bApi(), creds({ adminAccessToken: 'shpat_sandbox0noscope00000000000000002' }))).message).toMatch(
			/lacks the customer scopes: give the app read_customers and write_customers/,
		);
	});

	it('names a wrong Dev Dashboard client secret at the token request', async () => {
		await expect(withToken(new ShopifyB2bApi(), creds({ ...dev, clientSecret: 'wrong' }))).rejects.toThrow(/^Shopify refused the Client ID or Client Secret \(401\)/);
	});

	it('names the shop domain for a 404, and fails a web page', async () => {
		expect((await credentialTest(new ShopifyB2bApi(), creds({ baseUrl: `${sb.url}/shopify/other-shop` }))).message).toMatch(/^Nothing answers at this shop domain/);
		expect((await credentialTest(new ShopifyB2bApi(), creds({ baseUrl: `${sb.url}/cin7core/ExternalApi/x` }))).message).toMatch(/not with Shopify Admin GraphQL data|Nothing answers/);
	});
});

describe('Emarsys credential test', () => {
	const oauth2 = (over: IDataObject = {}): ICredentialDataDecryptedObject => ({
		authType: 'oauth2',
		clientId: 'sandbox-emarsys-client',
		clientSecret: 'sandbox-emarsys-secret-3d9f1b',
		tokenUrl: `${sb.url}/emarsys/auth/oauth2/token`,
		baseUrl: `${sb.url}/emarsys/api/v3`,
		accessToken: '',
		...over,
	});
	const wsse = (over: IDataObject = {}): ICredentialDataDecryptedObject => ({
		authType: 'wsse',
		username: 'sandbox_emarsys001',
		secret: 'sandbox-emarsys-wsse-8a2c7e',
		baseUrl: `${sb.url}/emarsys/api/v2`,
		...over,
	});
	/** n8n fetches an OAuth2 token through the credential's preAuthentication before the test request. */
	const withEmarsysToken = async (c: ICredentialDataDecryptedObject) => ({
		...c,
		...((await new EmarsysApi().preAuthentication.call({ helpers: { httpRequest: performRequest } } as never, c)) as ICredentialDataDecryptedObject),
	});

	it('passes with the right OAuth2 client (token first, as n8n does) and with the right WSSE user', async () => {
		const c = await withEmarsysToken(oauth2());
		expect(String(c.accessToken)).not.toBe('');
		expect((await credentialTest(new EmarsysApi(), c)).status).toBe('OK');
		expect((await credentialTest(new EmarsysApi(), wsse())).status).toBe('OK');
	});

	it('tells a wrong secret from a missing permission', async () => {
		await expect(withEmarsysToken(oauth2({ clientSecret: 'wrong' }))).rejects.toThrow(
			/^Emarsys refused the Client ID or Client Secret at the token endpoint \(HTTP 401/,
		);
		expect((await credentialTest(new EmarsysApi(), wsse({ secret: 'wrong' }))).message).toMatch(/^Emarsys refused the credentials \(401\)/);
		const noPermission = await withEmarsysToken(oauth2({ clientId: 'sandbox-emarsys-noperm' }));
		expect((await credentialTest(new EmarsysApi(), noPermission)).message).toMatch(/lacks permission \(403\)/);
		expect((await credentialTest(new EmarsysApi(), wsse({ username: 'sandbox_emarsys_noperm' }))).message).toMatch(/lacks permission \(403\)/);
	});

	it('fails a Base URL that answers with a web page or with nothing', async () => {
		expect((await credentialTest(new EmarsysApi(), wsse({ baseUrl: `${sb.url}/cin7core/ExternalApi/x` }))).message).toMatch(
			/not with an Emarsys reply \(a web page\?\)/,
		);
		expect((await credentialTest(new EmarsysApi(), wsse({ baseUrl: `${sb.url}/emarsys/api/v9` }))).message).toMatch(
			/^Nothing answers at this Base URL \(404\)/,
		);
	});
});
