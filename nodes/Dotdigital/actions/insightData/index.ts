import type { INodeProperties } from 'n8n-workflow';

import * as importRecords from './import.operation';

export const operations = { import: importRecords };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['insightData'] } },
		options: [
			{
				name: 'Import',
				value: 'import',
				description: 'Create or replace records in a contact or account collection, batched, and wait for the result',
				action: 'Import insight data records',
			},
		],
		default: 'import',
	},
	...importRecords.description,
];
