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
export function joorTokenForm(credentials: ICredentialDataDecryptedObject, refreshToken?: string): FormData {
	const form = new FormData();
	form.append('client_id', String(credentials.clientId ?? ''));
	form.append('client_secret', String(credentials.clientSecret ?? ''));
	if (refreshToken) {
		form.append('grant_type', 'refresh_token');
		form.append('refresh_token', refreshToken);
	} else {
		form.append('grant_type', 'password');
		form.append('username', String(credentials.username ?? ''));
		form.append('password', String(credentials.password ?? ''));
	}
	return form;
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
	];

	/**
	 * Fetches a v4 access token for n8n's credential test and for the HTTP Request node. The JOOR
	 * node keeps its own token cache in its transport (docs/architecture.md, "Transport").
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (credentials.authType !== 'password') return {};
		const answer = (await this.helpers.httpRequest({
			method: 'POST',
			url: joorTokenUrl(credentials),
			body: joorTokenForm(credentials),
		})) as IDataObject;
		return { accessToken: String(answer.access_token ?? '') };
	}

	/**
	 * v2 token: `OAuth2 <base64>`; v4: the bearer token. A request that already carries an
	 * Authorization header (the node's transport sets its cached bearer token) keeps it, and the
	 * token request itself carries none.
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
