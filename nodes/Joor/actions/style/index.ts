import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as upsert from './upsert.operation';

export const operations = { get, getAll, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['style'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update styles',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a style with its colours, sizes, prices and linesheets',
				action: 'Get a style',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get styles, optionally modified in a time range',
				action: 'Get many styles',
			},
		],
		default: 'upsert',
	},
	...get.description,
	...getAll.description,
	...upsert.description,
];
