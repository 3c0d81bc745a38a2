import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventSubtitle } from '../shared/subtitle';
import { getBranches } from './methods/loadOptions';
import { triggerProperties } from './trigger/description';
import { pollOmni } from './trigger/poll';

export class Cin7OmniTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cin7 Omni Trigger',
		name: 'cin7OmniTrigger',
		icon: { light: 'file:cin7Omni.svg', dark: 'file:cin7Omni.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(triggerProperties),
		description: 'Starts a workflow when Cin7 Omni contacts, products, sales orders or stock change',
		defaults: { name: 'Cin7 Omni Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cin7OmniApi', required: true }],
		properties: triggerProperties,
	};

	methods = { loadOptions: { getBranches } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollOmni.call(this);
	}
}
