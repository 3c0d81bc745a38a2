import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations = { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['productFamily'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a product family with its variants',
				action: 'Get a product family',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many product families',
				action: 'Get many product families',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
