import type { INodeProperties } from 'n8n-workflow';

import { pollSettingsProperties } from '../../shared/pollSettings';

export const DEFAULT_TRIGGER_FIELDS = 'email,optin,first_name,last_name';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Contact Opted Out',
				value: 'optOut',
				description: 'Contacts changed since the last poll whose opt-in (field 31) is now false',
			},
			{
				name: 'Contact Changed',
				value: 'changed',
				description: 'Every contact changed since the last poll',
			},
		],
		default: 'optOut',
		description: 'Which contact changes start the workflow',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'string',
		default: DEFAULT_TRIGGER_FIELDS,
		description: 'Contact fields to include, comma-separated names or IDs (at most 20; email and opt-in are always included)',
	},
	...pollSettingsProperties({ noun: 'contacts' }),
];
