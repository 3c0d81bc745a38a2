import type { INodeProperties } from 'n8n-workflow';

import { subscriptionProperties } from '../../helpers/subscriptionOptions';
import * as create from './create.operation';
import * as findByEmail from './findByEmail.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations = { create, findByEmail, get, getAll, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create contacts (up to 250 per call)', action: 'Create a contact' },
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new contact, or update the current one if it already exists (upsert)',
				action: 'Create or update a contact',
			},
			{ name: 'Find by Email', value: 'findByEmail', description: 'Find contacts by email', action: 'Find contacts by email' },
			{ name: 'Get', value: 'get', description: 'Get a contact by ID', action: 'Get a contact' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many contacts', action: 'Get many contacts' },
			{ name: 'Update', value: 'update', description: 'Update contacts by ID', action: 'Update a contact' },
		],
		default: 'get',
	},
	...subscriptionProperties({ resource: ['contact'] }),
	...create.description,
	...findByEmail.description,
	...get.description,
	...getAll.description,
	...update.description,
	...upsert.description,
];
