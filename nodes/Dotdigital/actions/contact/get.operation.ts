import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { httpStatusOf } from '../../../shared/http';
import { withItemIndex, type ItemResult } from '../../../shared/items';
import { locatorValue } from '../../../shared/params';
import { contactLocator, readContactKey } from '../../helpers/locators';
import { dotdigitalRequest, seg } from '../../transport';

const properties: INodeProperties[] = [{ ...contactLocator, description: 'The contact to read: search by email, or give its email address or contact ID' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['get'] } },
	properties,
);

/**
 * GET /contacts/v3/email/{email} (or contactId/{id}). A missing contact is an answer, not a
 * failure: the item comes out as `{email, found: false}` (or `{contactId, found: false}`) so a
 * workflow can branch on it.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const key = readContactKey(this, i, 'Contact', locatorValue(this, i, 'email'));
	const path = 'email' in key ? `/contacts/v3/email/${seg(key.email)}` : `/contacts/v3/contactId/${seg(key.contactId)}`;
	try {
		const contact = await dotdigitalRequest.call(this, 'GET', path);
		return { ...contact, found: true };
	} catch (error) {
		if (httpStatusOf(error) === 404) return { ...key, found: false };
		throw withItemIndex(this, error, i);
	}
}
