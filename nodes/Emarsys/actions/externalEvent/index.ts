import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as trigger from './trigger.operation';

export const operations = { getAll, trigger };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['externalEvent'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many external events',
				action: 'Get many external events',
			},
			{
				name: 'Trigger',
				value: 'trigger',
				description: 'Trigger an external event for contacts, 1,000 per call, with a result per contact',
				action: 'Trigger an external event',
			},
		],
		default: 'trigger',
	},
	...trigger.description,
	...getAll.description,
];
