import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getPurchaseSummary from './getPurchaseSummary.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations = { create, get, getAll, getPurchaseSummary, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a customer', action: 'Create a customer' },
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a customer',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a customer, with its marketingContact (default contact, email consent)',
				action: 'Get a customer',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many customers, each with its marketingContact (default contact, email consent)',
				action: 'Get many customers',
			},
			{
				name: 'Get Purchase Summary',
				value: 'getPurchaseSummary',
				description: 'Lifetime value, order count, first and last order date and refunds of a customer',
				action: 'Get a customer purchase summary',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a customer; contacts and addresses are merged by ID',
				action: 'Update a customer',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
	...create.description,
	...update.description,
	...upsert.description,
	...getPurchaseSummary.description,
];
