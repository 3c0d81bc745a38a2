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
			{
				name: 'Order Created',
				value: 'orderCreated',
				description: 'An order was placed (each order once, with its customer and every line)',
			},
		],
		default: 'customerUpdated',
		description: 'Which changes start the workflow',
	},
	{
		displayName: 'Search Query',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. tag:b2b',
		description: 'Only customers matching this Shopify customer search (e.g. the B2B ones); empty watches every customer',
		displayOptions: { show: { event: ['customerUpdated'] } },
	},
	{
		displayName: 'Search Query',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. financial_status:paid',
		description: 'Only orders matching this Shopify order search; empty watches every order (an order\'s customer tags are in its output, to filter B2B orders after the trigger)',
		displayOptions: { show: { event: ['orderCreated'] } },
	},
	...pollSettingsProperties({ noun: 'customers or orders' }),
];
