import type { INodeProperties } from 'n8n-workflow';

import * as addNote from './addNote.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as moveToFolder from './moveToFolder.operation';
import * as update from './update.operation';

export const operations = { addNote, create, get, getAll, moveToFolder, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{ name: 'Add Note', value: 'addNote', description: 'Add a note to the order history', action: 'Add a note to an order' },
			{ name: 'Create', value: 'create', description: 'Create an order, or return the one with its source ID', action: 'Create an order' },
			{ name: 'Get', value: 'get', description: 'Get an order', action: 'Get an order' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many orders', action: 'Get many orders' },
			{ name: 'Move to Folder', value: 'moveToFolder', description: 'Move orders to a folder', action: 'Move an order to a folder' },
			{
				name: 'Update',
				value: 'update',
				description: 'Change an order, keeping everything not changed (read, merge, write)',
				action: 'Update an order',
			},
		],
		default: 'get',
	},
	...addNote.description,
	...create.description,
	...get.description,
	...getAll.description,
	...moveToFolder.description,
	...update.description,
];
