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
		properties: { value: 401, message: 'Wrong API username or API key (401)' },
	},
	{
		type: 'responseCode',
		properties: {
			value: 403,
			message:
				'The credentials are valid, but this API connection lacks Read permission on Branches (403)',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message: 'Nothing answers at this Base URL (404): it should be https://api.cin7.com/api/v1',
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'id',
			value: undefined,
			message:
				'The Base URL answered, but not with Cin7 Omni data (a web page?): it should be https://api.cin7.com/api/v1',
		},
	},
] as Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody> as IAuthenticateRuleResponseCode[];

/**
 * Cin7 Omni API v1: HTTP Basic with the account's API username and one API connection's key.
 * The pacing and budget fields feed the shared transport, because Omni locks a connection out
 * for the day after 5,000 calls and throttles above 3 calls a second or 60 a minute.
 */

export class Cin7OmniApi implements ICredentialType {
	name = 'cin7OmniApi';

	displayName = `Cin7 Omni API`;

	icon: Icon = {
		light: 'file:../nodes/Cin7Omni/cin7Omni.svg',
		dark: 'file:../nodes/Cin7Omni/cin7Omni.dark.svg',
	};

	// Template literals here and in displayName: the base plugin's documentationUrl rules demand a
	// camelCase slug (n8n's own docs) and an http URL at once, which no string literal satisfies;
	// the community-nodes rule, which applies to community packages, still checks this URL.
	documentationUrl = `https://github.com/n8n-nodes-cin7/n8n-nodes-cin7#cin7-omni-credentials`;

	properties: INodeProperties[] = [
		{
			displayName: 'API Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description:
				'The account API username shown in Cin7 Omni under Settings → Integrations & API → API v1',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The key of one API connection. Enable Read, Create and Update on every endpoint the workflows use.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.cin7.com/api/v1',
			placeholder: 'e.g. https://api.cin7.com/api/v1',
			description: 'Change only to point at a sandbox or emulator',
		},
		{
			displayName: 'Calls Per Minute',
			name: 'callsPerMinute',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description: 'Omni allows 60 calls a minute per API connection',
		},
		{
			displayName: 'Calls Per Second',
			name: 'callsPerSecond',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 3,
			description: 'Omni allows 3 calls a second per API connection',
		},
		{
			displayName: 'Daily Call Budget',
			name: 'dailyCallBudget',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 5000,
			description:
				'Omni locks the connection after 5,000 calls a day. The nodes warn at 80% and stop at 95% of this number (counted per n8n process, UTC day). 0 turns the check off.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.username}}',
				password: '={{$credentials.apiKey}}',
			},
		},
	};

	// Branches is a small, documented list endpoint that any useful connection may read, and every
	// account has at least one branch: an answer without a branch id is not the Omni API.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/Branches',
			method: 'GET',
			qs: { rows: 1 },
		},
		rules: testRules,
	};
}
