import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { actionSubtitle } from '../shared/subtitle';
import * as customer from './actions/customer';
import * as metafield from './actions/metafield';
import * as order from './actions/order';
import { router } from './actions/router';
import * as tag from './actions/tag';
import { searchCustomers } from './methods/listSearch';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Customer', value: 'customer' },
			{ name: 'Metafield', value: 'metafield' },
			{ name: 'Order', value: 'order' },
			{ name: 'Tag', value: 'tag' },
		],
		default: 'customer',
	},
	...customer.description,
	...tag.description,
	...metafield.description,
	...order.description,
];

export class ShopifyB2b implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify B2B',
		name: 'shopifyB2b',
		icon: { light: 'file:shopifyB2b.svg', dark: 'file:shopifyB2b.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: actionSubtitle(properties),
		description: 'Create and update B2B customers, their tags and metafields, and read orders in Shopify (Admin GraphQL)',
		defaults: { name: 'Shopify B2B' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shopifyB2bApi', required: true }],
		properties,
	};

	methods = {
		listSearch: { searchCustomers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
