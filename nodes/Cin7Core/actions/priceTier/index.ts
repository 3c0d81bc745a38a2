import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export const operations = { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['priceTier'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the price tiers (code and name)',
				action: 'Get many price tiers',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
