import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as addMany from './addMany.operation';

export const operations = { add, addMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['shipment'] } },
		options: [
			{ name: 'Add', value: 'add', description: 'Add a shipment with tracking to an order', action: 'Add a shipment to an order' },
			{
				name: 'Add Many',
				value: 'addMany',
				description: 'Add the shipments of many orders in batch calls, with a result per order',
				action: 'Add many shipments',
			},
		],
		default: 'add',
	},
	...add.description,
	...addMany.description,
];
