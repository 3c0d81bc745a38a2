import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export const operations = { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customerPricing'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Fetch the prices a customer\'s price lists give a set of SKUs',
				action: 'Get customer prices',
			},
		],
		default: 'get',
	},
	...get.description,
];
