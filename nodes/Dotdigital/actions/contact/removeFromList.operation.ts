import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { httpStatusOf } from '../../../shared/http';
import { withItemIndex, type ItemResult } from '../../../shared/items';
import { requireEmail } from '../../helpers/email';
import { oneListId } from '../../helpers/lists';
import { dotdigitalRequest, seg } from '../../transport';
import { listField } from '../list/fields';

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
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const listId = oneListId(this, i);
	const email = requireEmail(this, i, 'Email', this.getNodeParameter('email', i));
	let contactId: number;
	try {
		const contact = await dotdigitalRequest.call(this, 'GET', `/v2/contacts/${seg(email)}`);
		contactId = Number(contact.id);
	} catch (error) {
		if (httpStatusOf(error) === 404) return { email, listId, removed: false, reason: 'No contact has this email' };
		throw withItemIndex(this, error, i);
	}
	await dotdigitalRequest.call(this, 'DELETE', `/v2/address-books/${listId}/contacts/${contactId}`);
	return { email, listId, contactId, removed: true };
}
