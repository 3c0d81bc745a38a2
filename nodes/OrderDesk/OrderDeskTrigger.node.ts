import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventSubtitle } from '../shared/subtitle';
import { triggerProperties } from './trigger/description';
import { pollOrders } from './trigger/poll';

export class OrderDeskTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Order Desk Trigger',
		name: 'orderDeskTrigger',
		icon: { light: 'file:orderDesk.svg', dark: 'file:orderDesk.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(triggerProperties),
		description: 'Starts the workflow when Order Desk orders are added or changed in chosen folders',
		defaults: { name: 'Order Desk Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'orderDeskApi', required: true }],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollOrders.call(this);
	}
}
