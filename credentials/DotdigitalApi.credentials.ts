import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	IAuthenticateGeneric,
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
				'Dotdigital refused the API user or password (401): use an API user (apiuser-…@apiconnector.com, created under Settings → Access → API users), not your login',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 403,
			message:
				'Dotdigital refused the request (403): the account probably lives in another region, so set Region to "Detect Automatically"',
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
			key: 'id',
			value: undefined,
			message: 'The Base URL answered, but not with Dotdigital account data (a web page?): leave it empty unless you use a sandbox',
		},
	},
] as Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody> as IAuthenticateRuleResponseCode[];

export class DotdigitalApi implements ICredentialType {
	name = 'dotdigitalApi';

	displayName = 'Dotdigital API';

	documentationUrl = 'https://github.com/n8n-nodes-cin7/n8n-nodes-cin7#dotdigital-credentials';

	icon = {
		light: 'file:../nodes/Dotdigital/dotdigital.svg',
		dark: 'file:../nodes/Dotdigital/dotdigital.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API User Email',
			name: 'apiUser',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. apiuser-1a2b3c@apiconnector.com',
			description:
				'The API user created in Dotdigital under Settings → Access → API users (not your login email)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The password set for that API user',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{
					name: 'Detect Automatically',
					value: 'detect',
					description: 'Ask Dotdigital for the account\'s API endpoint once, then use it',
				},
				{ name: 'R1 (Europe)', value: 'r1' },
				{ name: 'R2 (North America)', value: 'r2' },
				{ name: 'R3 (Asia Pacific)', value: 'r3' },
			],
			default: 'detect',
			description:
				'The region of the Dotdigital account. A wrong region answers 403 Forbidden, so keep "Detect Automatically" unless you know it.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:4010/dotdigital/r1',
			description:
				'Leave empty to use the region host (https://r1-api.dotdigital.com and so on). Set it only to target a sandbox or an emulator; it then replaces the region host.',
		},
		{
			displayName: 'Calls Per Minute',
			name: 'callsPerMinute',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 35,
			description:
				'Dotdigital rate limits are per API user and per tier; 35 calls a minute (Low tier, Basic package) is the smallest documented budget. Raise it to the figure shown under Settings → Access → API rate limits.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.apiUser}}',
				password: '={{$credentials.password}}',
			},
		},
	};

	// account-info answers on any region host, so r1 works for the test even when the account lives elsewhere.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.baseUrl ? $credentials.baseUrl.replace(/\\/+$/, "") : "https://" + ($credentials.region === "detect" ? "r1" : $credentials.region) + "-api.dotdigital.com"}}',
			url: '/v2/account-info',
			method: 'GET',
		},
		rules: testRules,
	};
}
