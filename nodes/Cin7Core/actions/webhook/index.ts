import type { INodeProperties } from 'n8n-workflow';

import * as check from './check.operation';

export const operations = { check };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Check',
				value: 'check',
				description: 'List the webhooks and re-activate the ones Cin7 Core deactivated after failed deliveries',
				action: 'Check webhooks',
			},
		],
		default: 'check',
	},
	...check.description,
];
