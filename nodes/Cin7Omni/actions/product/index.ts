import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations = { create, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create products with their options', action: 'Create a product' },
			{ name: 'Get', value: 'get', description: 'Get a product with its options', action: 'Get a product' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many products', action: 'Get many products' },
			{ name: 'Update', value: 'update', description: 'Update products by ID', action: 'Update a product' },
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
];
