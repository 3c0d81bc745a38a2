import type { INodeProperties } from 'n8n-workflow';

import * as upload from './upload.operation';

export const operations = { upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['salesData'] } },
		options: [
			{
				name: 'Upload',
				value: 'upload',
				description: 'Upload order lines as a sales-data CSV, each order version once (refunds as negative lines)',
				action: 'Upload sales data',
			},
		],
		default: 'upload',
	},
	...upload.description,
];
