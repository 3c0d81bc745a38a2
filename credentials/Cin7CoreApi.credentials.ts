import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

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

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/me',
			method: 'GET',
		},
	};
}
