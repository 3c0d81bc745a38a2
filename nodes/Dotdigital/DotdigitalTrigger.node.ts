import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventSubtitle } from '../shared/subtitle';
import { triggerProperties } from './trigger/description';
import { pollSuppressions } from './trigger/poll';

export class DotdigitalTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dotdigital Trigger',
		name: 'dotdigitalTrigger',
		icon: { light: 'file:dotdigital.svg', dark: 'file:dotdigital.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(triggerProperties),
		description: 'Starts the workflow when contacts unsubscribe or are suppressed in Dotdigital',
		defaults: { name: 'Dotdigital Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dotdigitalApi', required: true }],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollSuppressions.call(this);
	}
}
