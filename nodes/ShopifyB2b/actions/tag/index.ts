import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as remove from './remove.operation';

export const operations = { add, remove };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tag'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Add tags to a customer, keeping its other tags',
				action: 'Add tags to a customer',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: 'Remove tags from a customer',
				action: 'Remove tags from a customer',
			},
		],
		default: 'add',
	},
	...add.description,
	...remove.description,
];
