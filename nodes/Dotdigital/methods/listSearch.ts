import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { httpStatusOf } from '../../shared/http';
import { matchesSearch, searchPage, searchText, shown } from '../../shared/resourceLocator';
import { isEmail } from '../helpers/email';
import { dotdigitalRequest, rowsOf, seg, V2_PAGE_SIZE } from '../transport';

/** Contacts per search page (v3 `limit`); the editor asks for the next page while scrolling. */
const CONTACT_PAGE = 100;

/**
 * Lists (address books) whose name or ID contains the text. Dotdigital has no search by name: each
 * page of 1000 lists (`select`/`skip`) is filtered here, and the token is the next `skip`.
 */
export async function searchLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const typed = searchText(filter);
	const skip = Math.max(0, Number(paginationToken) || 0);
	const rows = rowsOf(await dotdigitalRequest.call(this, 'GET', '/v2/address-books', { select: V2_PAGE_SIZE, skip }));
	const results: INodeListSearchItems[] = rows
		.filter((l) => l.id !== undefined && matchesSearch(typed, l.name, l.id))
		.map((l) => ({
			name: shown(l.name) || shown(l.id),
			value: shown(l.id),
			description: l.contacts === undefined ? undefined : `${shown(l.contacts)} contacts`,
		}));
	return searchPage(results, rows.length === V2_PAGE_SIZE ? skip + V2_PAGE_SIZE : undefined);
}

const contactItem = (c: IDataObject): INodeListSearchItems | undefined => {
	const email = shown((c.identifiers as IDataObject | undefined)?.email ?? c.email);
	if (!email) return undefined;
	const channel = (c.channelProperties as IDataObject | undefined)?.email as IDataObject | undefined;
	const status = shown(channel?.status);
	// The value is the email: the key every operation takes, and the one that still finds a suppressed contact.
	return { name: email, value: email, description: [`ID ${shown(c.contactId ?? c.id)}`, status].filter(Boolean).join(' · ') };
};

/** The `marker` of a v3 page's `next` link: where the following page starts. */
function nextMarker(body: IDataObject): string | undefined {
	const href = ((body._links as IDataObject | undefined)?.next as IDataObject | undefined)?.href;
	if (typeof href !== 'string') return undefined;
	const marker = /[?&]marker=([^&#]+)/.exec(href);
	return marker ? decodeURIComponent(marker[1]) : undefined;
}

/**
 * Contacts. A full email address or a contact ID is looked up directly; other text filters the
 * contacts list (v3, `limit`/`marker`, ascending) by email, page by page, the token being the marker.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const typed = searchText(filter);
	if (!paginationToken && (isEmail(typed) || /^\d+$/.test(typed))) {
		const path = isEmail(typed) ? `/contacts/v3/email/${seg(typed)}` : `/contacts/v3/contactId/${seg(typed)}`;
		// The transport's errors are NodeApiErrors already; only a 404 is an answer here (no such contact).
		const found = await dotdigitalRequest.call(this, 'GET', path).catch((error: unknown) => {
			if (httpStatusOf(error) === 404) return undefined;
			throw error;
		});
		const item = found ? contactItem(found) : undefined;
		return searchPage(item ? [item] : []);
	}
	const body = await dotdigitalRequest.call(this, 'GET', '/contacts/v3', {
		limit: CONTACT_PAGE,
		...(paginationToken ? { marker: paginationToken } : {}),
	});
	const rows = Array.isArray(body._items) ? (body._items as IDataObject[]) : [];
	const results = rows
		.filter((c) => matchesSearch(typed, (c.identifiers as IDataObject | undefined)?.email, c.contactId))
		.map(contactItem)
		.filter((c): c is INodeListSearchItems => c !== undefined);
	return searchPage(results, nextMarker(body));
}
