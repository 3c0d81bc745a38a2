import type { INodeProperties } from 'n8n-workflow';

import * as ensure from './ensure.operation';
import * as getAll from './getAll.operation';

export const operations = { ensure, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['field'] } },
		options: [
			{
				name: 'Ensure',
				value: 'ensure',
				description: 'Create the custom fields that are missing and report type conflicts',
				action: 'Ensure contact fields exist',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many contact fields with their IDs and types',
				action: 'Get many contact fields',
			},
		],
		default: 'ensure',
	},
	...ensure.description,
	...getAll.description,
];
