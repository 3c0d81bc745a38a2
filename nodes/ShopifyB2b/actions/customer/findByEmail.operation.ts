import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { findCustomerByEmail } from '../../helpers/find';
import { readEmail } from '../../helpers/locators';

export const emailField: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	default: '',
	required: true,
	description: 'The customer\'s email address (matched exactly, ignoring case)',
};

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['findByEmail'] } }, [emailField]);

/** customers(query: "email:…"), exact match only; a missing customer is an answer, not an error. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const email = readEmail(this, i, this.getNodeParameter('email', i));
	const customer = await findCustomerByEmail(this, email);
	return customer ? { ...customer, found: true } : { email, found: false };
}
