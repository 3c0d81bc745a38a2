import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { locatorValue, readId } from '../../../shared/params';
import { contactLocator } from '../../helpers/locators';
import { omniBatchJob } from '../../helpers/batchJob';
import { requireChanges } from '../../helpers/changes';
import { readSubscriptionSource } from '../../helpers/subscriptionOptions';
import { buildContact, contactFieldOptions, contactTypeProperty } from './fields';

const updateOptions: INodeProperties[] = [
	...contactFieldOptions,
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'New email address (sent as email; must stay unique in Cin7 Omni; left empty, it is not sent)',
	} as INodeProperties,
	contactTypeProperty,
].sort((a, b) => a.displayName.localeCompare(b.displayName));

const properties: INodeProperties[] = [
	contactLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields set here are sent; empty values are left out so they are not cleared',
		options: updateOptions,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['update'] } },
	properties,
);

export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	return await batchWrite(this, {
		...omniBatchJob(this, { method: 'PUT', resource: 'Contacts' }),
		build: (i) => {
			const id = readId(this, i, 'Contact', locatorValue(this, i, 'contactId'));
			const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
			const contact = buildContact(this, i, fields, readSubscriptionSource(this, i), 'Update Fields');
			return { record: requireChanges(this, i, { id, ...contact }) };
		},
	});
}
