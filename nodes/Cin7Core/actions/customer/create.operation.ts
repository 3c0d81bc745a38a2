import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { coreRequest } from '../../transport';
import { requiredText } from '../common';
import { customerFieldOptions, customerInput, firstCustomer } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'Unique customer name' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Cin7 Core requires Currency, Payment Term, Account Receivable, Revenue Account and Tax Rule on create',
		options: customerFieldOptions.filter((o) => o.name !== 'Name'),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const input = customerInput(this, i, 'additionalFields');
	const body = {
		Status: 'Active',
		...input.fields,
		Name: requiredText(this, i, 'name', 'Name'),
		...(input.contacts ? { Contacts: input.contacts } : {}),
		...(input.addresses ? { Addresses: input.addresses } : {}),
	};
	return firstCustomer(this, i, await coreRequest.call(this, 'POST', '/customer', undefined, body));
}
