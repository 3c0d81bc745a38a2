import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export const operations = { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['suppression'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get contacts unsubscribed or suppressed since a date',
				action: 'Get many suppressed contacts',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
