import type { INodeProperties } from 'n8n-workflow';

import * as getFolders from './getFolders.operation';

export const operations = { getFolders };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['store'] } },
		options: [{ name: 'Get Folders', value: 'getFolders', description: 'Get the store\'s folders', action: 'Get the folders of the store' }],
		default: 'getFolders',
	},
	...getFolders.description,
];
