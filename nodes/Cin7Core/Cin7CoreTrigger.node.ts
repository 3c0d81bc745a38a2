import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventSubtitle } from '../shared/subtitle';
import { getBins, getLocations } from './methods/loadOptions';
import { triggerProperties } from './trigger/description';
import { pollCore } from './trigger/poll';

export class Cin7CoreTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cin7 Core Trigger',
		name: 'cin7CoreTrigger',
		icon: { light: 'file:cin7Core.svg', dark: 'file:cin7Core.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(triggerProperties),
		description: 'Starts a workflow when products, customers, sales or stock levels change in Cin7 Core',
		defaults: { name: 'Cin7 Core Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cin7CoreApi', required: true }],
		properties: triggerProperties,
	};

	methods = { loadOptions: { getBins, getLocations } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollCore.call(this);
	}
}
