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
		displayOptions: { show: { resource: ['customerGroup'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many customer groups',
				action: 'Get many customer groups',
			},
			{
				name: 'Get or Create',
				value: 'getOrCreate',
				description: 'Get a customer group by slug or name, creating it when missing',
				action: 'Get or create a customer group',
			},
		],
		default: 'getOrCreate',
	},
	...getAll.description,
	...getOrCreate.description,
];
