import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export const operations = { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many orders with their customer and lines, optionally only those created or updated since a time',
				action: 'Get many orders',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
