import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

import { TokenRequestError } from '../nodes/shared/expiringToken';

const LIVE_HOST = 'https://app.sparklayer.io';
const TEST_HOST = 'https://test.app.sparklayer.io';
/** A token is renewed this long before SparkLayer's `expires_in` runs out (docs/architecture.md, "Transport"). */
const RENEW_MARGIN_S = 60;

/** The API root: the override, else the live or test host (each has its own data and keys). */
export function sparkLayerBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
	if (override) return override;
	return credentials.environment === 'test' ? TEST_HOST : LIVE_HOST;
}

const TOKEN_FAILURES: Record<number, string> = {
	400: 'SparkLayer rejected the token request (400): check the Site ID (Settings → API)',
	401: 'SparkLayer refused the Client ID or Client Secret (401): copy both again from Settings → API; the test environment has its own keys',
	403: 'SparkLayer refused API access (403): the API needs the Pro or Enterprise plan, and the API client must be enabled under Settings → API',
	404: 'Nothing answers at this Base URL, or SparkLayer does not know this Site ID (404): leave Base URL empty unless you use a sandbox',
};

function problemText(body: unknown): string {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body);
		} catch {
			return '';
		}
	}
	const o = (parsed ?? {}) as IDataObject;
	return String(o.detail ?? o.title ?? '');
}

// n8n's type allows one kind of rule per list, while its credential tester checks each rule by its
// own kind: status codes for refused calls, and a body check for a 200 that is not the API.
const testRules = [
	{
		type: 'responseCode',
		properties: {
			value: 401,
			message: 'SparkLayer refused the access token (401): check that the Site ID belongs to this Client ID, then save the credential again',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 403,
			message: 'SparkLayer accepted the login but refused to show price lists (403): the API client lacks access to the Pricing API',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message: 'Nothing answers at this Base URL (404): leave it empty unless you use a sandbox',
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'pagination',
			value: undefined,
			message: 'The Base URL answered, but not with SparkLayer price lists (a web page?): leave it empty unless you use a sandbox',
		},
	},
] as Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody> as IAuthenticateRuleResponseCode[];

export class SparkLayerApi implements ICredentialType {
	name = 'sparkLayerApi';

	displayName = 'SparkLayer API';

	documentationUrl = 'https://github.com/n8n-nodes-cin7/n8n-nodes-cin7#sparklayer-credentials';

	icon = {
		light: 'file:../nodes/SparkLayer/sparkLayer.svg',
		dark: 'file:../nodes/SparkLayer/sparkLayer.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Live', value: 'live', description: 'https://app.sparklayer.io' },
				{ name: 'Test', value: 'test', description: 'https://test.app.sparklayer.io (its own data and keys)' },
			],
			default: 'live',
			description: 'SparkLayer live and test environments have separate data and separate API keys',
		},
		{
			displayName: 'Site ID',
			name: 'siteId',
			type: 'string',
			default: '',
			required: true,
			description: 'The Site ID shown under Settings → API in the SparkLayer Dashboard',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The Client ID of the API key created under Settings → API (needs the Pro or Enterprise plan)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The Client Secret shown once when the API key is created',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:4010/sparklayer/live',
			description: 'Leave empty to use the environment\'s host. Set it only to target a sandbox or an emulator.',
		},
		{
			displayName: 'Calls Per Minute',
			name: 'callsPerMinute',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 300,
			description:
				'SparkLayer publishes no numeric limit and answers 429 with Retry-After when it throttles; this spaces calls so that rarely happens',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token Expires At',
			name: 'expiresAt',
			type: 'hidden',
			default: '',
		},
	];

	/**
	 * SparkLayer's token endpoint takes a JSON body, so n8n's OAuth2 credential cannot fetch it.
	 * n8n runs this when the token is empty or refused; the node's transport asks for a new one
	 * shortly before `expiresAt` and once after a 401.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${sparkLayerBaseUrl(credentials)}/api/auth/token`,
			headers: { 'Site-Id': String(credentials.siteId ?? ''), 'Content-Type': 'application/json', Accept: 'application/json', 'User-Agent': 'n8n-nodes-cin7' },
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
		if (status < 200 || status > 299) {
			const detail = problemText(response.body).replace(String(credentials.clientSecret ?? '\u0000'), '***');
			const known = TOKEN_FAILURES[status] ?? `SparkLayer answered HTTP ${status} to the token request`;
			// Status and headers go along, so the node's transport retries a throttle (429/503, Retry-After).
			throw new TokenRequestError(`${known}${detail ? ` — SparkLayer said: ${detail}` : ''}`, status, response.headers ?? {}, response.body);
		}
		let token: IDataObject;
		try {
			token = (typeof response.body === 'string' ? JSON.parse(response.body) : response.body) as IDataObject;
		} catch {
			throw new ApplicationError('The Base URL answered the token request, but not with SparkLayer data (a web page?): leave it empty unless you use a sandbox');
		}
		if (!token?.access_token) {
			throw new ApplicationError('SparkLayer answered the token request without an access_token: check the Base URL');
		}
		const lifetime = Number(token.expires_in) > 0 ? Number(token.expires_in) : 3600;
		return {
			accessToken: String(token.access_token),
			expiresAt: new Date(Date.now() + (lifetime - RENEW_MARGIN_S) * 1000).toISOString(),
		};
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
				'Site-Id': '={{$credentials.siteId}}',
				'User-Agent': 'n8n-nodes-cin7',
			},
		},
	};

	// Price lists are what every flow of this package reads first: a 403 here means the login
	// worked but the Pricing API is not open to this client (a wrong secret fails at the token).
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.baseUrl ? $credentials.baseUrl.replace(/\\/+$/, "") : ($credentials.environment === "test" ? "https://test.app.sparklayer.io" : "https://app.sparklayer.io")}}',
			url: '/api/v2/price-lists',
			method: 'GET',
			qs: { page: 1, page_size: 1 },
		},
		rules: testRules,
	};
}
