import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceDescription } from '../shared/nodeDescription';
import * as customer from './actions/customer';
import * as metafield from './actions/metafield';
import * as order from './actions/order';
import { router } from './actions/router';
import * as tag from './actions/tag';
import { searchCustomers } from './methods/listSearch';

const { properties, subtitle } = resourceDescription('customer', { customer, tag, metafield, order });

export class ShopifyB2b implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify B2B',
		name: 'shopifyB2b',
		icon: { light: 'file:shopifyB2b.svg', dark: 'file:shopifyB2b.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle,
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
