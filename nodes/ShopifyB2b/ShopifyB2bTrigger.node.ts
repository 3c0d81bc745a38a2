import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventSubtitle } from '../shared/subtitle';
import { triggerProperties } from './trigger/description';
import { pollCustomers } from './trigger/poll';
import { pollOrders } from './trigger/pollOrders';

export class ShopifyB2bTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify B2B Trigger',
		name: 'shopifyB2bTrigger',
		icon: { light: 'file:shopifyB2b.svg', dark: 'file:shopifyB2b.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(triggerProperties),
		description: 'Starts the workflow when Shopify customers are created or updated, or orders are placed (Admin GraphQL, polling)',
		defaults: { name: 'Shopify B2B Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shopifyB2bApi', required: true }],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return this.getNodeParameter('event', 'customerUpdated') === 'orderCreated' ? await pollOrders.call(this) : await pollCustomers.call(this);
	}
}
