import type { INodeProperties } from 'n8n-workflow';

import * as addStyles from './addStyles.operation';
import * as getAll from './getAll.operation';
import * as getOrCreate from './getOrCreate.operation';
import * as removeStyles from './removeStyles.operation';

export const operations = { addStyles, getAll, getOrCreate, removeStyles };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['linesheet'] } },
		options: [
			{
				name: 'Add Styles',
				value: 'addStyles',
				description: 'Add styles to linesheets, keeping their other linesheets',
				action: 'Add styles to linesheets',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the account\'s linesheets (collections, v4)',
				action: 'Get many linesheets',
			},
			{
				name: 'Get or Create',
				value: 'getOrCreate',
				description: 'Get a linesheet by name, creating it when missing (v4)',
				action: 'Get or create a linesheet',
			},
			{
				name: 'Remove Styles',
				value: 'removeStyles',
				description: 'Remove styles from linesheets, keeping their other linesheets',
				action: 'Remove styles from linesheets',
			},
		],
		default: 'getOrCreate',
	},
	...addStyles.description,
	...getAll.description,
	...getOrCreate.description,
	...removeStyles.description,
];
