import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';

export const operations = { add };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['image'] } },
		options: [
			{
				name: 'Add by URL',
				value: 'add',
				description: 'Add an image to a style or one of its colours from a URL',
				action: 'Add an image to a style',
			},
		],
		default: 'add',
	},
	...add.description,
];
