import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getJobStatus from './getJobStatus.operation';
import * as upsert from './upsert.operation';

export const operations = { get, getJobStatus, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update customers',
			},
			{ name: 'Get', value: 'get', description: 'Get a customer by customer code', action: 'Get a customer' },
			{
				name: 'Get Job Status',
				value: 'getJobStatus',
				description: 'Get the status of a customer bulk job',
				action: 'Get a customer job status',
			},
		],
		default: 'upsert',
	},
	...get.description,
	...getJobStatus.description,
	...upsert.description,
];
