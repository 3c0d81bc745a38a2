import type { INodeProperties } from 'n8n-workflow';

import * as batchUpdatePricing from './batchUpdatePricing.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getOrCreate from './getOrCreate.operation';
import * as updatePricing from './updatePricing.operation';

export const operations = { batchUpdatePricing, create, get, getAll, getOrCreate, updatePricing };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['priceList'] } },
		options: [
			{
				name: 'Batch Update Pricing',
				value: 'batchUpdatePricing',
				description: 'Replace the prices of many SKUs across several price lists in batched calls',
				action: 'Update prices across price lists',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a price list',
				action: 'Create a price list',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a price list by slug',
				action: 'Get a price list',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many price lists',
				action: 'Get many price lists',
			},
			{
				name: 'Get or Create',
				value: 'getOrCreate',
				description: 'Get a price list by slug, creating it when missing and updating its name, currency or rule when they changed',
				action: 'Get or create a price list',
			},
			{
				name: 'Update Pricing',
				value: 'updatePricing',
				description: 'Replace the prices of many SKUs on a price list in batched calls',
				action: 'Update prices on a price list',
			},
		],
		default: 'getOrCreate',
	},
	...getAll.description,
	...get.description,
	...create.description,
	...getOrCreate.description,
	...updatePricing.description,
	...batchUpdatePricing.description,
];
