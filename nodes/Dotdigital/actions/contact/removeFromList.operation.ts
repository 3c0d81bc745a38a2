import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { runPerItem } from '../../../shared/items';
import { asNodeError } from '../../helpers/errors';
import { requireEmail } from '../../helpers/validation';
import { ddRequest, isNotFound, seg } from '../../transport';
import { listField } from '../list/fields';
import { oneListId } from './addToList.operation';

const properties: INodeProperties[] = [
	{ ...listField, description: `The list to remove the contact from. ${listField.description}` },
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'Email address of the contact to remove from the list (the contact itself is kept)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['removeFromList'] } },
	properties,
);

/**
 * The v2 removal takes a contact ID, so the contact is looked up by email first. A contact that does
 * not exist is reported as `removed: false` rather than failing, so re-runs are harmless.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (i) => {
		const listId = oneListId(this, i);
		const email = requireEmail(this, i, 'Email', this.getNodeParameter('email', i));
		let contactId: number;
		try {
			const contact = await ddRequest(this, 'GET', `/v2/contacts/${seg(email)}`);
			contactId = Number(contact.id);
		} catch (error) {
			if (isNotFound(error)) return { email, listId, removed: false, reason: 'No contact has this email' };
			throw asNodeError(this, error);
		}
		await ddRequest(this, 'DELETE', `/v2/address-books/${listId}/contacts/${contactId}`);
		return { email, listId, contactId, removed: true };
	});
}
