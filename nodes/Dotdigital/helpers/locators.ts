import type { IExecuteFunctions } from 'n8n-workflow';

import { readId } from '../../shared/params';
import { byId, KEY_FORMATS, recordLocator } from '../../shared/resourceLocator';
import { requireEmail } from './email';

/** Dotdigital's record fields (nodes/shared/resourceLocator.ts): search, or a key typed or mapped. */
export const listLocator = recordLocator({
	displayName: 'List',
	name: 'listId',
	description: 'The list (address book): search by name, or give its ID',
	searchListMethod: 'searchLists',
	typed: [byId(KEY_FORMATS.wholeNumber, 'Not a Dotdigital list ID (a whole number above 0)')],
});

/**
 * A contact is keyed by email or by Dotdigital's contact ID. The field keeps its old name `email`,
 * which workflows saved before it was a locator hold.
 */
export const contactLocator = recordLocator({
	displayName: 'Contact',
	name: 'email',
	description: 'The contact: search by email, or give its email address or contact ID',
	searchListMethod: 'searchContacts',
	typed: [
		{ displayName: 'By Email', name: 'email', format: KEY_FORMATS.email, errorMessage: 'Not an email address' },
		byId(KEY_FORMATS.wholeNumber, 'Not a Dotdigital contact ID (a whole number above 0)'),
	],
});

export type ContactKey = { email: string } | { contactId: number };

/**
 * The contact a Contact field names, whatever its mode: a whole number is a contact ID, anything
 * else must be an email address (so an expression may map either).
 */
export function readContactKey(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): ContactKey {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (/^\d+$/.test(text)) return { contactId: readId(ctx, itemIndex, field, text) };
	return { email: requireEmail(ctx, itemIndex, field, value) };
}
