import type { INodeProperties } from 'n8n-workflow';

import * as addToList from './addToList.operation';
import * as bulkImport from './bulkImport.operation';
import * as get from './get.operation';
import * as removeFromList from './removeFromList.operation';
import * as upsert from './upsert.operation';

export const operations = { addToList, bulkImport, get, removeFromList, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Add to List',
				value: 'addToList',
				description: 'Add a contact to a list, creating the contact when missing',
				action: 'Add a contact to a list',
			},
			{
				name: 'Bulk Import',
				value: 'bulkImport',
				description: 'Create or update all input contacts in batched imports and wait for the result',
				action: 'Import contacts in bulk',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new contact, or update the current one if it already exists (upsert)',
				action: 'Create or update a contact',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a contact by email',
				action: 'Get a contact',
			},
			{
				name: 'Remove From List',
				value: 'removeFromList',
				description: 'Remove a contact from a list, keeping the contact',
				action: 'Remove a contact from a list',
			},
		],
		default: 'upsert',
	},
	...upsert.description,
	...get.description,
	...addToList.description,
	...removeFromList.description,
	...bulkImport.description,
];
