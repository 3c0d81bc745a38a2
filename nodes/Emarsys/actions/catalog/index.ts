import type { INodeProperties } from 'n8n-workflow';

import * as build from './build.operation';

export const operations = { build };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['catalog'] } },
		options: [
			{
				name: 'Build Product File',
				value: 'build',
				description: 'Turn products into an Emarsys product CSV (item, title, link, …) for Emarsys to fetch',
				action: 'Build a product file',
			},
		],
		default: 'build',
	},
	...build.description,
];
