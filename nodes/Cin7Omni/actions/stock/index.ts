import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as getAvailableToSell from './getAvailableToSell.operation';

export const operations = { getAll, getAvailableToSell };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['stock'] } },
		options: [
			{
				name: 'Get Available to Sell',
				value: 'getAvailableToSell',
				description: 'Available to sell per SKU, with a per-branch breakdown',
				action: 'Get available to sell',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many stock rows (one per option and branch)',
				action: 'Get many stock rows',
			},
		],
		default: 'getAvailableToSell',
	},
	...getAll.description,
	...getAvailableToSell.description,
];
