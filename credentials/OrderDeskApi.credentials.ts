import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

// n8n's type allows one kind of rule per list, while its credential tester checks each rule by its
// own kind: status codes for refused calls, and a body check for a 200 that is not the API.
const testRules = [
	{
		type: 'responseCode',
		properties: {
			value: 401,
			message:
				'Order Desk refused the Store ID or API Key (401): copy both from Store Settings → API in Order Desk',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 403,
			message:
				'Order Desk refused the request (403): the API Key does not belong to this Store ID, or API access is off for the store',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message: 'Nothing answers at this Base URL (404): it should be https://app.orderdesk.me/api/v2',
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'status',
			value: undefined,
			message:
				'The Base URL answered, but not with Order Desk data (a web page?): it should be https://app.orderdesk.me/api/v2',
		},
	},
] as Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody> as IAuthenticateRuleResponseCode[];

/**
 * Order Desk API v2: two headers per request, the store's ID and its API key. The bucket fields
 * feed the transport's pacing, because Order Desk throttles each store with a leaky bucket
 * (docs/architecture.md, "Transport").
 */
export class OrderDeskApi implements ICredentialType {
	name = 'orderDeskApi';

	displayName = `Order Desk API`;

	icon: Icon = {
		light: 'file:../nodes/OrderDesk/orderDesk.svg',
		dark: 'file:../nodes/OrderDesk/orderDesk.dark.svg',
	};

	// A template literal, as in the other credentials: the base plugin's documentationUrl rules and
	// the community-nodes rule cannot both be met by a string literal.
	documentationUrl = `https://github.com/n8n-nodes-cin7/n8n-nodes-cin7#order-desk-credentials`;

	properties: INodeProperties[] = [
		{
			displayName: 'Store ID',
			name: 'storeId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 12345',
			description: 'The Store ID shown in Order Desk under Store Settings → API',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key shown beside the Store ID under Store Settings → API',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.orderdesk.me/api/v2',
			placeholder: 'e.g. https://app.orderdesk.me/api/v2',
			description: 'Change only to point at a sandbox or emulator',
		},
		{
			displayName: 'Store Time Zone',
			name: 'timeZone',
			type: 'string',
			default: '',
			placeholder: 'e.g. America/New_York',
			description:
				'The IANA time zone in which Order Desk writes order dates (date_updated) and reads the modified-date filters. Leave empty to use the time zone of the store settings (UTC when the store names none).',
		},
		{
			displayName: 'Bucket Size',
			name: 'bucketSize',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 20,
			description:
				'Order Desk lets a store burst 20 requests, then refills 3 a second (a leaky bucket). The nodes also follow the X-Tokens-Remaining header of every answer.',
		},
		{
			displayName: 'Refill Per Second',
			name: 'refillPerSecond',
			type: 'number',
			typeOptions: { minValue: 0.1 },
			default: 3,
			description: 'Requests the bucket regains each second; Order Desk documents 3',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'ORDERDESK-STORE-ID': '={{$credentials.storeId}}',
				'ORDERDESK-API-KEY': '={{$credentials.apiKey}}',
			},
		},
	};

	// GET /test is Order Desk's own connectivity check; every answer of the API carries `status`.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/test',
			method: 'GET',
		},
		rules: testRules,
	};
}
