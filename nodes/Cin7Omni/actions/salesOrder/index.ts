import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as dispatch from './dispatch.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations = { create, dispatch, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['salesOrder'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create sales orders; an existing order with the same reference is returned instead',
				action: 'Create a sales order',
			},
			{
				name: 'Dispatch',
				value: 'dispatch',
				description: 'Mark orders dispatched with date and tracking code',
				action: 'Dispatch a sales order',
			},
			{ name: 'Get', value: 'get', description: 'Get a sales order by ID', action: 'Get a sales order' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many sales orders', action: 'Get many sales orders' },
			{ name: 'Update', value: 'update', description: 'Update sales orders by ID', action: 'Update a sales order' },
		],
		default: 'get',
	},
	...create.description,
	...dispatch.description,
	...get.description,
	...getAll.description,
	...update.description,
];
