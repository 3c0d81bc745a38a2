import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getBins, getLocations } from './methods/loadOptions';
import { receiveDelivery } from './webhook/delivery';
import { eventSubtitle } from '../shared/subtitle';
import { webhookTriggerProperties } from './webhook/description';
import { checkWebhook, createWebhook, deleteWebhook } from './webhook/registration';

export class Cin7CoreWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cin7 Core Webhook Trigger',
		name: 'cin7CoreWebhookTrigger',
		icon: { light: 'file:cin7Core.svg', dark: 'file:cin7Core.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(webhookTriggerProperties),
		description: 'Starts a workflow within seconds of a change in Cin7 Core, through a Cin7 Core webhook',
		defaults: { name: 'Cin7 Core Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cin7CoreApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: webhookTriggerProperties,
	};

	methods = { loadOptions: { getBins, getLocations } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkWebhook.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhook.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhook.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
