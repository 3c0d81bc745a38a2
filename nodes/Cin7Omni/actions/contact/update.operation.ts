import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import { batchWrite } from '../../helpers/batchWrite';
import { hasChanges } from '../../helpers/compact';
import { readId } from '../../helpers/params';
import { readSubscriptionSource } from '../../helpers/subscriptionOptions';
import { buildContact, contactFieldOptions, contactTypeProperty } from './fields';

const updateOptions: INodeProperties[] = [
	...contactFieldOptions,
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' } as INodeProperties,
	contactTypeProperty,
].sort((a, b) => a.displayName.localeCompare(b.displayName));

const properties: INodeProperties[] = [
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		description: 'The Cin7 Omni contact ID',
	},
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

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await batchWrite(this, 'PUT', 'Contacts', (i) => {
		const id = readId(this, i, 'contactId', 'Contact ID');
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const record = { id, ...buildContact(this, i, fields, readSubscriptionSource(this, i), 'Update Fields') };
		if (!hasChanges(record)) throw inputError(this, i, 'Update Fields', 'has nothing to update');
		return record;
	});
}
