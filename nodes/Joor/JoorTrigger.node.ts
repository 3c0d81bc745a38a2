import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventSubtitle } from '../shared/subtitle';
import { triggerProperties } from './trigger/description';
import { pollOrders } from './trigger/poll';

export class JoorTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'JOOR Trigger',
		name: 'joorTrigger',
		icon: { light: 'file:joor.svg', dark: 'file:joor.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(triggerProperties),
		description: 'Starts the workflow when JOOR orders are approved or modified after their export, without consuming the export queue',
		defaults: { name: 'JOOR Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'joorApi', required: true }],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollOrders.call(this);
	}
}
