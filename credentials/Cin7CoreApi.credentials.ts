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
			message: 'Cin7 Core refused the Account ID or Application Key (401): copy both again from Integrations → API',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 403,
			message:
				'Cin7 Core refused the Account ID or Application Key (403): copy both again from Integrations → API, and check that the API application is still active',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message: 'Nothing answers at this Base URL (404): it should be https://inventory.dearsystems.com/ExternalApi/v2',
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'Company',
			value: undefined,
			message:
				'The Base URL answered, but not with Cin7 Core data (a web page?): it should end in /ExternalApi/v2, e.g. https://inventory.dearsystems.com/ExternalApi/v2',
		},
	},
] as Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody> as IAuthenticateRuleResponseCode[];

export class Cin7CoreApi implements ICredentialType {
	name = 'cin7CoreApi';

	displayName = 'Cin7 Core API';

	documentationUrl = 'https://github.com/n8n-nodes-cin7/n8n-nodes-cin7#cin7-core-credentials';

	icon = {
		light: 'file:../nodes/Cin7Core/cin7Core.svg',
		dark: 'file:../nodes/Cin7Core/cin7Core.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			description: 'The Account ID shown under Integrations → API in Cin7 Core',
		},
		{
			displayName: 'Application Key',
			name: 'applicationKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The key of the API application created under Integrations → API in Cin7 Core',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://inventory.dearsystems.com/ExternalApi/v2',
			placeholder: 'e.g. https://inventory.dearsystems.com/ExternalApi/v2',
			description: 'Change only to target a sandbox or an emulator',
		},
		{
			displayName: 'Calls Per Minute',
			name: 'callsPerMinute',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description:
				'Cin7 Core allows 60 calls a minute per account. Lower it when other integrations share the account.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'api-auth-accountid': '={{$credentials.accountId}}',
				'api-auth-applicationkey': '={{$credentials.applicationKey}}',
			},
		},
	};

	// `/me` answers with the company's settings. Cin7 answers unknown paths under its host with a
	// 200 web page, so a wrong Base URL is found by the missing `Company`, not by the status.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/me',
			method: 'GET',
		},
		rules: testRules,
	};
}
