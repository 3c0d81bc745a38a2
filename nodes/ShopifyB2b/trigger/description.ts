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
				name: 'Customer Created or Updated',
				value: 'customerUpdated',
				description: 'A customer was created, or any of its fields, tags or addresses changed',
			},
		],
		default: 'customerUpdated',
		description: 'Which customer changes start the workflow',
	},
	{
		displayName: 'Search Query',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. tag:b2b',
		description: 'Only customers matching this Shopify customer search (e.g. the B2B ones); empty watches every customer',
	},
	...pollSettingsProperties({ noun: 'customers' }),
];
