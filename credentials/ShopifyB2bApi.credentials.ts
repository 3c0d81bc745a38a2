import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

import { TokenRequestError } from '../nodes/shared/expiringToken';

/** A token is renewed this long before Shopify's `expires_in` runs out (docs/architecture.md, "Transport"). */
const RENEW_MARGIN_S = 300;

/** The shop's root: the override, else https://{shop}.myshopify.com however the domain was typed. */
export function shopifyBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
	if (override) return override;
	const shop = String(credentials.shopDomain ?? '')
		.trim()
		.replace(/^https?:\/\//i, '')
		.replace(/\/.*$/, '')
		.toLowerCase();
	return `https://${shop.includes('.') ? shop : `${shop}.myshopify.com`}`;
}

/** The token the call carries: the admin token of a legacy custom app, or the client-credentials token. */
export function shopifyToken(credentials: ICredentialDataDecryptedObject): string {
	return String((credentials.authentication === 'clientCredentials' ? credentials.sessionToken : credentials.adminAccessToken) ?? '');
}

const TOKEN_FAILURES: Record<number, string> = {
	400: 'Shopify rejected the client credentials request (400): check the Client ID, and that the app is installed on this shop',
	401: 'Shopify refused the Client ID or Client Secret (401): copy both again from the app\'s Settings in the Dev Dashboard',
	403: 'Shopify refused the client credentials grant (403): the app must be installed on this shop and owned by the same organization',
	404: 'Nothing answers at this shop domain (404): use the shop\'s myshopify.com domain',
};

// n8n's type allows one kind of rule per list, while its credential tester checks each rule by its
// own kind: status codes for refused calls, and body checks for a 200 that is not what we need.
const testRules = [
	{
		type: 'responseCode',
		properties: {
			value: 401,
			message: 'Shopify refused the access token (401): copy the Admin API access token (shpat_…) again, or use the Dev Dashboard client ID and secret',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message: 'Nothing answers at this shop domain and API version (404): use the myshopify.com domain and a supported version such as 2026-01',
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'errors[0].extensions.code',
			value: 'ACCESS_DENIED',
			message: 'The token works but lacks the customer scopes: give the app read_customers and write_customers, then reinstall it',
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'data',
			value: undefined,
			message: 'The shop answered, but not with Shopify Admin GraphQL data (a web page?): check the shop domain and leave Base URL empty',
		},
	},
] as Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody> as IAuthenticateRuleResponseCode[];

export class ShopifyB2bApi implements ICredentialType {
	name = 'shopifyB2bApi';

	displayName = 'Shopify B2B API';

	documentationUrl = 'https://github.com/n8n-nodes-cin7/n8n-nodes-cin7#shopify-b2b-credentials';

	icon = {
		light: 'file:../nodes/ShopifyB2b/shopifyB2b.svg',
		dark: 'file:../nodes/ShopifyB2b/shopifyB2b.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Shop Domain',
			name: 'shopDomain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. my-store.myshopify.com',
			description: 'The shop\'s myshopify.com domain (the shop name alone works too)',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: '2026-01',
			description: 'Admin GraphQL API version; customerSet and the customer operations used here need 2025-04 or later',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Admin API Access Token',
					value: 'accessToken',
					description: 'A custom app created in the Shopify admin before 2026 (token starts with shpat_)',
				},
				{
					name: 'Client Credentials (Dev Dashboard App)',
					value: 'clientCredentials',
					description: 'An app created in the Dev Dashboard since 2026: its token lasts 24 h and is renewed here',
				},
			],
			default: 'accessToken',
		},
		{
			displayName: 'Admin API Access Token',
			name: 'adminAccessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['accessToken'] } },
			description: 'Shown once under Settings → Apps → Develop apps → the app → API credentials',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			displayOptions: { show: { authentication: ['clientCredentials'] } },
			description: 'The app\'s Client ID under Settings in the Shopify Dev Dashboard',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['clientCredentials'] } },
			description: 'The app\'s Client Secret under Settings in the Shopify Dev Dashboard',
		},
		{
			displayName: 'Points Per Second',
			name: 'pointsPerSecond',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 100,
			description:
				'GraphQL cost points the shop restores each second: 100 Standard, 200 Advanced, 1000 Plus, 2000 Enterprise. Calls wait for points instead of being throttled.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:4010/shopify',
			description: 'Leave empty to use https://{shop domain}. Set it only to target a sandbox or an emulator.',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Session Token Expires At',
			name: 'expiresAt',
			type: 'hidden',
			default: '',
		},
	];

	/**
	 * Dev Dashboard apps get a 24-hour token by the client credentials grant. n8n runs this when
	 * the token is empty or refused; the node's transport asks for a new one shortly before
	 * `expiresAt`. Admin API tokens need nothing.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (credentials.authentication !== 'clientCredentials') return {};
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${shopifyBaseUrl(credentials)}/admin/oauth/access_token`,
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify({
				grant_type: 'client_credentials',
				client_id: String(credentials.clientId ?? ''),
				client_secret: String(credentials.clientSecret ?? ''),
			}),
			json: false,
			encoding: 'text',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; headers?: IDataObject; body: unknown };
		const status = response.statusCode;
		let body: IDataObject | undefined;
		try {
			body = (typeof response.body === 'string' ? JSON.parse(response.body) : response.body) as IDataObject;
		} catch {
			body = undefined;
		}
		if (status < 200 || status > 299) {
			const said = String(body?.error_description ?? body?.error ?? '').replace(String(credentials.clientSecret ?? '\u0000'), '***');
			// Status and headers go along, so the node's transport retries a throttle (429/503, Retry-After).
			throw new TokenRequestError(
				`${TOKEN_FAILURES[status] ?? `Shopify answered HTTP ${status} to the client credentials request`}${said ? ` — Shopify said: ${said}` : ''}`,
				status,
				response.headers ?? {},
				response.body,
			);
		}
		if (!body?.access_token) {
			throw new ApplicationError('The shop answered the token request, but not with a Shopify access token (a web page?): check the shop domain');
		}
		const lifetime = Number(body.expires_in) > 0 ? Number(body.expires_in) : 86_399;
		return {
			sessionToken: String(body.access_token),
			expiresAt: new Date(Date.now() + (lifetime - RENEW_MARGIN_S) * 1000).toISOString(),
		};
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...(requestOptions.headers ?? {}), 'X-Shopify-Access-Token': shopifyToken(credentials) },
		};
	}

	// A customers query: a wrong token answers 401, a token without the customer scopes answers 200
	// with ACCESS_DENIED, so the two causes get their own messages.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.baseUrl ? $credentials.baseUrl.replace(/\\/+$/, "") : "https://" + (String($credentials.shopDomain).trim().replace(/^https?:\\/\\//i, "").replace(/\\/.*$/, "").toLowerCase().includes(".") ? String($credentials.shopDomain).trim().replace(/^https?:\\/\\//i, "").replace(/\\/.*$/, "").toLowerCase() : String($credentials.shopDomain).trim().toLowerCase() + ".myshopify.com")}}',
			url: '={{"/admin/api/" + ($credentials.apiVersion || "2026-01") + "/graphql.json"}}',
			method: 'POST',
			body: { query: '{ shop { name } customers(first: 1) { nodes { id } } }' },
		},
		rules: testRules,
	};
}
