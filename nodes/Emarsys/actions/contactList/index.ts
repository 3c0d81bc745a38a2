import type { INodeProperties } from 'n8n-workflow';

import * as addContacts from './addContacts.operation';
import * as getAll from './getAll.operation';
import * as getOrCreate from './getOrCreate.operation';
import * as removeContacts from './removeContacts.operation';

export const operations = { addContacts, getAll, getOrCreate, removeContacts };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contactList'] } },
		options: [
			{
				name: 'Add Contacts',
				value: 'addContacts',
				description: 'Add existing contacts to a list, 1,000 per call',
				action: 'Add contacts to a list',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many contact lists',
				action: 'Get many contact lists',
			},
			{
				name: 'Get or Create',
				value: 'getOrCreate',
				description: 'Find a list by name, creating it when missing',
				action: 'Get or create a contact list',
			},
			{
				name: 'Remove Contacts',
				value: 'removeContacts',
				description: 'Remove contacts from a list, keeping the contacts',
				action: 'Remove contacts from a list',
			},
		],
		default: 'getOrCreate',
	},
	...getOrCreate.description,
	...getAll.description,
	...addContacts.description,
	...removeContacts.description,
];
