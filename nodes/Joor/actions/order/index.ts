import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as markExported from './markExported.operation';

export const operations = { get, getAll, markExported };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an order by ID (read-only)', action: 'Get an order' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get orders by type, export status and modified time (read-only)',
				action: 'Get many orders',
			},
			{
				name: 'Mark Exported',
				value: 'markExported',
				description: 'Commit the export of orders stored elsewhere',
				action: 'Mark orders exported',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
	...markExported.description,
];
