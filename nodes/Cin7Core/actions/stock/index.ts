import type { INodeProperties } from 'n8n-workflow';

import * as getAvailability from './getAvailability.operation';
import * as getAvailableToSell from './getAvailableToSell.operation';

export const operations = { getAvailability, getAvailableToSell };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['stock'] } },
		options: [
			{
				name: 'Get Availability',
				value: 'getAvailability',
				description: 'Get raw availability rows (product × location × bin × batch)',
				action: 'Get stock availability',
			},
			{
				name: 'Get Available to Sell',
				value: 'getAvailableToSell',
				description:
					'Compute available to sell per SKU with location and bin exclusions, open orders and a safety buffer',
				action: 'Get available to sell',
			},
		],
		default: 'getAvailableToSell',
	},
	...getAvailability.description,
	...getAvailableToSell.description,
];
