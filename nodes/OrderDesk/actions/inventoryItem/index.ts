import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as updateStock from './updateStock.operation';

export const operations = { getAll, updateStock };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inventoryItem'] } },
		options: [
			{ name: 'Get Many', value: 'getAll', description: 'Get many inventory items', action: 'Get many inventory items' },
			{
				name: 'Update Stock',
				value: 'updateStock',
				description: 'Set the stock of many SKUs in batch calls, with a result per SKU',
				action: 'Update stock of inventory items',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...updateStock.description,
];
