import type { INodeProperties } from 'n8n-workflow';

import * as findByEmail from './findByEmail.operation';
import * as getAll from './getAll.operation';
import * as sendInvite from './sendInvite.operation';
import * as upsert from './upsert.operation';

export const operations = { findByEmail, getAll, sendInvite, upsert };

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
				action: 'Create or update a customer',
			},
			{
				name: 'Find by Email',
				value: 'findByEmail',
				description: 'Find a customer by exact email address',
				action: 'Find a customer by email',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many customers, optionally only those updated since a time',
				action: 'Get many customers',
			},
			{
				name: 'Send Invite',
				value: 'sendInvite',
				description: 'Send the account invite email (classic customer accounts)',
				action: 'Send an account invite to a customer',
			},
		],
		default: 'upsert',
	},
	...upsert.description,
	...findByEmail.description,
	...getAll.description,
	...sendInvite.description,
];
