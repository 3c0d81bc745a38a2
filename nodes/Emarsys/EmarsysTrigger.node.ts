import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventSubtitle } from '../shared/subtitle';
import { triggerProperties } from './trigger/description';
import { pollContactChanges } from './trigger/poll';

export class EmarsysTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Emarsys Trigger',
		name: 'emarsysTrigger',
		icon: { light: 'file:emarsys.svg', dark: 'file:emarsys.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(triggerProperties),
		description: 'Starts the workflow when Emarsys contacts opt out or change',
		defaults: { name: 'Emarsys Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'emarsysApi', required: true }],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollContactChanges.call(this);
	}
}
