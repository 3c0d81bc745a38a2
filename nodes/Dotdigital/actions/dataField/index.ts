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
		displayOptions: { show: { resource: ['dataField'] } },
		options: [
			{
				name: 'Ensure',
				value: 'ensure',
				description: 'Create the data fields that are missing and report type conflicts',
				action: 'Ensure data fields exist',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many contact data fields',
				action: 'Get many data fields',
			},
		],
		default: 'ensure',
	},
	...ensure.description,
	...getAll.description,
];
