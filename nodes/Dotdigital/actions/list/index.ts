import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as getOrCreate from './getOrCreate.operation';

export const operations = { getAll, getOrCreate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['list'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many lists (address books)',
				action: 'Get many lists',
			},
			{
				name: 'Get or Create',
				value: 'getOrCreate',
				description: 'Get a list by name, creating it when missing',
				action: 'Get or create a list',
			},
		],
		default: 'getOrCreate',
	},
	...getAll.description,
	...getOrCreate.description,
];
