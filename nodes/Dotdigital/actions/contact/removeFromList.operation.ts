import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { httpStatusOf } from '../../../shared/http';
import { withItemIndex, type ItemResult } from '../../../shared/items';
import { locatorValue } from '../../../shared/params';
import { oneListId } from '../../helpers/lists';
import { contactLocator, listLocator, readContactKey } from '../../helpers/locators';
import { dotdigitalRequest, seg } from '../../transport';

const properties: INodeProperties[] = [
	{ ...listLocator, description: 'The list to remove the contact from: search by name, or give its ID' },
	{
		...contactLocator,
		description: 'The contact to remove from the list (the contact itself is kept): search by email, or give its email address or contact ID',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['removeFromList'] } },
	properties,
);

/**
 * The v2 removal takes a contact ID, so a contact given by email is looked up first. A contact that
 * does not exist, or is not in the list, is reported as `removed: false` rather than failing, so
 * re-runs are harmless.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const listId = oneListId(this, i);
	const key = readContactKey(this, i, 'Contact', locatorValue(this, i, 'email'));
	let contactId: number;
	if ('contactId' in key) contactId = key.contactId;
	else {
		try {
			const contact = await dotdigitalRequest.call(this, 'GET', `/v2/contacts/${seg(key.email)}`);
			contactId = Number(contact.id);
		} catch (error) {
			if (httpStatusOf(error) === 404) return { ...key, listId, removed: false, reason: 'No contact has this email' };
			throw withItemIndex(this, error, i);
		}
	}
	try {
		await dotdigitalRequest.call(this, 'DELETE', `/v2/address-books/${listId}/contacts/${contactId}`);
	} catch (error) {
		if ('contactId' in key && httpStatusOf(error) === 404) {
			return { ...key, listId, removed: false, reason: 'No contact with this ID is in the list' };
		}
		throw withItemIndex(this, error, i);
	}
	return { ...key, listId, contactId, removed: true };
}
