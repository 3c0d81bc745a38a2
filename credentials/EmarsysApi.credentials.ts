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
import { requestToken } from '../nodes/Emarsys/transport/oauth';
import { DEFAULT_CALLS_PER_MINUTE, DEFAULT_SALES_DATA_URL, DEFAULT_TOKEN_URL } from '../nodes/Emarsys/transport/settings';
import { wsseHeader } from '../nodes/Emarsys/transport/wsse';

// n8n's type allows one kind of rule per list, while its credential tester checks each rule by its
// own kind: status codes for refused calls, and a body check for a 200 that is not the API.
const testRules = [
	{
		type: 'responseCode',
		properties: {
			value: 401,
			message:
				'Emarsys refused the credentials (401): the secret (or, for WSSE, the user name) is wrong, or the token was not accepted',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 403,
			message:
				'Emarsys accepted the credentials but the API user lacks permission (403): grant it the API permissions under Management → Security Settings',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message: 'Nothing answers at this Base URL (404): leave it empty unless you use a sandbox; it must end in /api/v3 (OAuth2) or /api/v2 (WSSE)',
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'replyCode',
			value: undefined,
			message: 'The Base URL answered, but not with an Emarsys reply (a web page?): leave it empty unless you use a sandbox',
		},
	},
] as Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody> as IAuthenticateRuleResponseCode[];

const oauth2 = { show: { authType: ['oauth2'] } };
const wsse = { show: { authType: ['wsse'] } };

export class EmarsysApi implements ICredentialType {
	name = 'emarsysApi';

	displayName = 'Emarsys API';

	documentationUrl = 'https://github.com/n8n-nodes-cin7/n8n-nodes-cin7#emarsys-credentials';

	icon = {
		light: 'file:../nodes/Emarsys/emarsys.svg',
		dark: 'file:../nodes/Emarsys/emarsys.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{
					name: 'OAuth2 (Client Credentials)',
					value: 'oauth2',
					description: 'The default for new integrations; calls the v3 API',
				},
				{
					name: 'WSSE (Legacy)',
					value: 'wsse',
					description: 'API user and secret; Emarsys retires WSSE at the end of 2026',
				},
			],
			default: 'oauth2',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: oauth2,
			description: 'Shown in Emarsys under Management → Security Settings → OpenID Connect when you create the API credential',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: oauth2,
			description: 'The secret shown once when the OpenID Connect credential is created',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: DEFAULT_TOKEN_URL,
			displayOptions: oauth2,
			description: 'The token endpoint shown beside the Client ID in Emarsys',
		},
		{
			displayName: 'API User Name',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			displayOptions: wsse,
			placeholder: 'e.g. company001',
			description: 'The WSSE API user from Management → Security Settings → API Users',
		},
		{
			displayName: 'API Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: wsse,
			description: 'The secret of that API user',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:4010/emarsys/api/v3',
			description:
				'Leave empty for https://api.emarsys.net/api/v3 (OAuth2) or /api/v2 (WSSE). Set it only to target a sandbox; it must include the API version.',
		},
		{
			displayName: 'Calls Per Minute',
			name: 'callsPerMinute',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_CALLS_PER_MINUTE,
			description: 'Emarsys allows 1,000 requests a minute per API user; lower it when other integrations share the user',
		},
		{
			displayName: 'Sales Data Merchant ID',
			name: 'salesDataMerchantId',
			type: 'string',
			default: '',
			description: 'Only for the Sales Data resource: the merchant ID shown under Predict → Data Sources',
		},
		{
			displayName: 'Sales Data Token',
			name: 'salesDataToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for the Sales Data resource: the sales-data API token from the same page (not the API user)',
		},
		{
			displayName: 'Sales Data URL',
			name: 'salesDataUrl',
			type: 'string',
			default: DEFAULT_SALES_DATA_URL,
			description: 'Where sales data is uploaded; change it only to target a sandbox',
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
	 * OAuth2: n8n calls this when the stored token is empty; the node's transport hands n8n the
	 * token blanked once `expiresAt` has passed and once after a 401, so n8n fetches and stores a
	 * new one (docs/architecture.md, "Transport"). WSSE needs no token: a fresh digest is computed
	 * for every request instead.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		if (credentials.authType === 'wsse') return {};
		const token = await requestToken(async (options) => await this.helpers.httpRequest(options), credentials, clock.now());
		return { ...token };
	}

	/**
	 * A request that already carries Authorization (the sales-data upload's own token) or a WSSE
	 * digest the transport computed for this attempt is left as it is.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const headers = { ...((requestOptions.headers ?? {}) as IDataObject) };
		if (Object.keys(headers).some((h) => h.toLowerCase() === 'authorization' || h.toLowerCase() === 'x-wsse')) {
			return requestOptions;
		}
		if (credentials.authType === 'wsse') {
			headers['X-WSSE'] = wsseHeader(String(credentials.username ?? ''), String(credentials.secret ?? ''), clock.now());
		} else {
			headers.Authorization = `Bearer ${String(credentials.accessToken ?? '')}`;
		}
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.baseUrl ? $credentials.baseUrl.replace(/\\/+$/, "") : ($credentials.authType === "wsse" ? "https://api.emarsys.net/api/v2" : "https://api.emarsys.net/api/v3")}}',
			url: '/settings',
			method: 'GET',
		},
		rules: testRules,
	};
}
