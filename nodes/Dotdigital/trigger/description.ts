import type { INodeProperties } from 'n8n-workflow';

import { pollSettingsProperties } from '../../shared/pollSettings';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Contact Suppressed (Any Reason)',
				value: 'suppressed',
				description: 'Unsubscribes, hard bounces, complaints and every other suppression',
			},
			{
				name: 'Contact Unsubscribed',
				value: 'unsubscribed',
				description: 'Only contacts who unsubscribed',
			},
		],
		default: 'suppressed',
		description: 'Which suppressions start the workflow',
	},
	...pollSettingsProperties({ noun: 'suppressions' }),
];
