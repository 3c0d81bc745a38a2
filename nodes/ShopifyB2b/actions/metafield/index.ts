import type { INodeProperties } from 'n8n-workflow';

import * as setMany from './setMany.operation';

export const operations = { setMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['metafield'] } },
		options: [
			{
				name: 'Set Many',
				value: 'setMany',
				description: 'Set metafields on many customers, up to 25 per call, with a result per customer',
				action: 'Set metafields on customers',
			},
		],
		default: 'setMany',
	},
	...setMany.description,
];
