import type { INodeProperties } from 'n8n-workflow';

import * as set from './set.operation';

export const operations = { set };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inventory'] } },
		options: [
			{
				name: 'Set',
				value: 'set',
				description: 'Set inventory for many SKUs per warehouse in bulk',
				action: 'Set inventory',
			},
		],
		default: 'set',
	},
	...set.description,
];
