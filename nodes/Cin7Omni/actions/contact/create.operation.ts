import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { omniBatchJob } from '../../helpers/batchJob';
import { readSubscriptionSource } from '../../helpers/subscriptionOptions';
import { buildContact, contactFieldOptions, contactTypeProperty } from './fields';

const properties: INodeProperties[] = [
	{ ...contactTypeProperty, required: true },
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Must be unique in Cin7 Omni',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: contactFieldOptions,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['create'] } },
	properties,
);

/** Creates contacts in arrays of up to 250; a rejected record fails only its own item. */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	return await batchWrite(this, {
		...omniBatchJob(this, { method: 'POST', resource: 'Contacts' }),
		build: (i) => ({
			record: buildContact(
				this,
				i,
				{
					...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
					type: this.getNodeParameter('type', i, 'Customer') as string,
					email: this.getNodeParameter('email', i, '') as string,
				},
				readSubscriptionSource(this, i),
				'Additional Fields',
			),
		}),
	});
}
