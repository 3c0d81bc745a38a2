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

import { clock } from '../nodes/shared/clock';
import { TokenRequestError } from '../nodes/shared/expiringToken';
import { redact } from '../nodes/shared/redact';

/** JOOR's API hosts per environment; v2 and v4 paths hang below them (`/v2/…`, `/v4/…`). */
const API_HOSTS: Record<string, string> = {
	production: 'https://api.jooraccess.com',
	sandbox: 'https://apisandbox.jooraccess.com',
};
/** The v4 token endpoints (password grant) per environment. */
const TOKEN_URLS: Record<string, string> = {
	production: 'https://atlas.jooraccess.com/auth/',
	sandbox: 'https://atlas-sandbox.jooraccess.com/auth/',
};

const trimSlash = (url: unknown) => String(url ?? '').trim().replace(/\/+$/, '');

/** The API root for these credentials: the Base URL override, else the environment's host. */
export function joorApiRoot(credentials: ICredentialDataDecryptedObject): string {
	return trimSlash(credentials.baseUrl) || API_HOSTS[String(credentials.environment)] || API_HOSTS.production;
}

/**
 * The v4 token URL: the Token URL override; else, beside a Base URL override (a sandbox standing
 * in for every JOOR host), `<Base URL>/auth/`; else the environment's atlas host.
 */
export function joorTokenUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = String(credentials.authUrl ?? '').trim();
	if (override) return override;
	const base = trimSlash(credentials.baseUrl);
	if (base) return `${base}/auth/`;
	return TOKEN_URLS[String(credentials.environment)] || TOKEN_URLS.production;
}

/** v2's own scheme: `OAuth2 <base64 of the API token>` (not a standard OAuth2 bearer). */
export function joorV2Authorization(apiToken: unknown): string {
	return `OAuth2 ${Buffer.from(String(apiToken ?? '').trim(), 'utf8').toString('base64')}`;
}

/** The form of a password-grant token request (JOOR asks for multipart form fields). */
export function joorTokenForm(credentials: ICredentialDataDecryptedObject): FormData {
	const form = new FormData();
	form.append('client_id', String(credentials.clientId ?? ''));
	form.append('client_secret', String(credentials.clientSecret ?? ''));
	form.append('grant_type', 'password');
	form.append('username', String(credentials.username ?? ''));
	form.append('password', String(credentials.password ?? ''));
	return form;
}

/** A v4 token is renewed this long before JOOR's `expires_in` (10 hours) runs out. */
const RENEW_BEFORE_MS = 5 * 60_000;
/** JOOR's documented token lifetime, used when an answer leaves `expires_in` out. */
const DEFAULT_LIFETIME_S = 36_000;

function parseBody(body: unknown): IDataObject {
	if (typeof body === 'string') {
		try {
			return JSON.parse(body) as IDataObject;
		} catch {
			return {};
		}
	}
	return (body ?? {}) as IDataObject;
}

// n8n's type allows one kind of rule per list, while its credential tester checks each rule by its
// own kind: status codes for refused calls, and a body check for a 200 that is not the API.
const testRules = [
	{
		type: 'responseCode',
		properties: {
			value: 401,
			message:
				'JOOR refused the credentials (401): check the API token (v2), or the client ID, secret, username and password (v4), and that Environment matches the account (sandbox or production)',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 403,
			message: 'JOOR refused the request (403): the API user lacks access to styles, ask JOOR support to enable API access',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message: 'Nothing answers at this Base URL (404): leave it empty unless you use a sandbox or an emulator',
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'response',
			value: undefined,
			message:
				'The Base URL answered, but not with a JOOR API answer (a web page?): leave it empty unless you use a sandbox or an emulator',
		},
	},
] as Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody> as IAuthenticateRuleResponseCode[];

export class JoorApi implements ICredentialType {
	name = 'joorApi';

	displayName = 'JOOR API';

	documentationUrl = 'https://github.com/n8n-nodes-cin7/n8n-nodes-cin7#joor-credentials';

	icon = {
		light: 'file:../nodes/Joor/joor.svg',
		dark: 'file:../nodes/Joor/joor.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: 'api.jooraccess.com' },
				{ name: 'Sandbox', value: 'sandbox', description: 'apisandbox.jooraccess.com (test account from JOOR)' },
			],
			default: 'production',
		},
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{
					name: 'API Token (V2)',
					value: 'apiToken',
					description: 'The API token from JOOR → Settings → Integrations; enough for orders, styles, inventory and customers',
				},
				{
					name: 'Client ID and Password (V4)',
					value: 'password',
					description: 'Client ID and secret from JOOR\'s integrations team plus a JOOR login; needed for linesheets (collections)',
				},
			],
			default: 'apiToken',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['apiToken'] } },
			description: 'The plain API token; it is Base64-encoded into the Authorization header for you',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authType: ['password'] } },
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['password'] } },
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authType: ['password'] } },
			description: 'A JOOR user login of the brand account',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['password'] } },
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			displayOptions: { show: { authType: ['password'] } },
			description: 'The JOOR account ID sent as "account" on v4 calls (linesheets / collections)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:4010/joor',
			description:
				'Leave empty to use the environment\'s host. Set it only to target an emulator; it replaces the host (without /v2), and the token URL becomes <Base URL>/auth/.',
		},
		{
			displayName: 'Token URL',
			name: 'authUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://atlas-sandbox.jooraccess.com/auth/',
			displayOptions: { show: { authType: ['password'] } },
			description: 'Leave empty for the environment\'s token endpoint (atlas.jooraccess.com/auth/)',
		},
		{
			displayName: 'Credits Per 5 Minutes',
			name: 'creditsPerWindow',
			type: 'number',
			typeOptions: { minValue: 5 },
			default: 300,
			description:
				'JOOR spends 1 credit per read and 5 per write, 300 credits per fixed 5-minute window per account; calls are paced under this budget',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token Renew At',
			name: 'expiresAt',
			type: 'hidden',
			default: '',
		},
	];

	/**
	 * v4 (docs/architecture.md, "Transport", fetched tokens): n8n runs this when the stored token is
	 * empty; the JOOR node's transport hands n8n the token blanked once `expiresAt` has passed and
	 * once after a 401, so n8n fetches and stores a new one. Every renewal is a new password grant:
	 * the refresh token JOOR also returns would need a second stored field that n8n refills only
	 * together with the expirable one, and a password grant every ten hours costs the same one call.
	 * v2 needs no token.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		if (credentials.authType !== 'password') return {};
		const url = joorTokenUrl(credentials);
		const answer = (await this.helpers.httpRequest({
			method: 'POST',
			url,
			body: joorTokenForm(credentials),
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			json: false,
			encoding: 'text',
			timeout: 30_000,
		})) as { statusCode: number; headers?: IDataObject; body: unknown };
		const status = Number(answer.statusCode);
		const body = parseBody(answer.body);
		const token = typeof body.access_token === 'string' ? body.access_token : '';
		if (status >= 200 && status < 300 && token) {
			const lifetimeMs = Math.max(60, Number(body.expires_in) || DEFAULT_LIFETIME_S) * 1000;
			return {
				accessToken: token,
				expiresAt: new Date(clock.now() + lifetimeMs - Math.min(RENEW_BEFORE_MS, lifetimeMs / 2)).toISOString(),
			};
		}
		const secrets = [credentials.clientSecret, credentials.password].map((v) => (v ? String(v) : undefined));
		const said = redact(String(body.error_description ?? body.error ?? body.message ?? '').slice(0, 300), secrets);
		// Status and headers go along, so the node's transport retries a throttle on the token endpoint
		// (429/503 with Retry-After, 5xx) like one on the call (docs/architecture.md, "Transport").
		throw new TokenRequestError(
			status === 400 || status === 401
				? `JOOR refused the client ID, client secret, username or password at its token endpoint (HTTP ${status})${said ? `: ${said}` : ''}`
				: `JOOR's token endpoint ${url} answered HTTP ${status || 'nothing'} without an access token${said ? `: ${said}` : ''}: check the Environment and Token URL`,
			status,
			answer.headers ?? {},
			redact(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? ''), secrets),
		);
	}

	/**
	 * v2 token: `OAuth2 <base64>`; v4: the bearer token stored on the credential. A request that
	 * already carries an Authorization header keeps it, and the token request itself carries none.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers = { ...((requestOptions.headers as IDataObject) ?? {}) };
		const has = Object.keys(headers).some((k) => k.toLowerCase() === 'authorization');
		const toTokenUrl = String(requestOptions.url ?? '') === joorTokenUrl(credentials);
		if (!has && !toTokenUrl) {
			if (credentials.authType === 'password') {
				if (credentials.accessToken) headers.Authorization = `Bearer ${String(credentials.accessToken)}`;
			} else {
				headers.Authorization = joorV2Authorization(credentials.apiToken);
			}
		}
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.baseUrl ? $credentials.baseUrl.replace(/\\/+$/, "") : ($credentials.environment === "sandbox" ? "https://apisandbox.jooraccess.com" : "https://api.jooraccess.com")}}',
			url: '/v2/style',
			method: 'GET',
			qs: { count: 1 },
		},
		rules: testRules,
	};
}
