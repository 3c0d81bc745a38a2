import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { requiredText } from '../../../shared/params';
import { coreRequest } from '../../transport';
import { createBody, customerInput, firstCustomer, updateBody } from './body';
import { customerFieldOptions } from './fields';
import { findCustomerByName, findCustomersByEmail } from './find';

const properties: INodeProperties[] = [
	{
		displayName: 'Match By',
		name: 'matchBy',
		type: 'options',
		options: [
			{ name: 'Contact Email', value: 'email' },
			{ name: 'Name', value: 'name' },
		],
		default: 'email',
		description: 'How an existing customer is recognised',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show: { matchBy: ['email'] } },
		description: 'On create, a default contact with this email is added',
	},
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'Unique customer name' },
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Fields set on the customer, whether it is created or updated',
		options: customerFieldOptions.filter((o) => o.name !== 'Name'),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['upsert'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const matchBy = this.getNodeParameter('matchBy', i) as string;
	const name = requiredText(this, i, 'Name', this.getNodeParameter('name', i, ''));
	const input = customerInput(this, i, 'fields');
	let existing: IDataObject | undefined;
	let email = '';
	if (matchBy === 'email') {
		email = requiredText(this, i, 'Email', this.getNodeParameter('email', i, ''));
		const found = await findCustomersByEmail(this, email);
		if (found.length > 1) {
			throw new NodeOperationError(
				this.getNode(),
				`${found.length} customers have a contact with email ${email}; match by name instead`,
				{ itemIndex: i },
			);
		}
		existing = found[0];
	} else {
		existing = await findCustomerByName(this, name);
	}
	if (existing) {
		const body = updateBody(existing, { ...input, fields: { ...input.fields, Name: name } });
		return firstCustomer(this, i, await coreRequest.call(this, 'PUT', '/customer', undefined, body));
	}
	const contacts = input.contacts ?? (email ? [{ Name: name, Email: email, Default: true }] : undefined);
	const body = createBody(name, input, contacts);
	return firstCustomer(this, i, await coreRequest.call(this, 'POST', '/customer', undefined, body));
}
