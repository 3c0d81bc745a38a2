/**
 * List and contact fields as resource locators (nodes/shared/resourceLocator.ts): a contact is an
 * email or a contact ID in any mode (and as saved before the field was a locator); "From List"
 * filters lists page by page and pages contacts by marker.
 */
import type { IDataObject } from 'n8n-workflow';

import { searchContacts, searchLists } from '../../../nodes/Dotdigital/methods/listSearch';
import { dd } from './fixture';

const rl = (mode: string, value: string | number) => ({ __rl: true, mode, value });
const search = () => dd.context({}, { poll: true });

describe('Dotdigital record fields', () => {
	dd.useTestEnv();

	it('gets a contact by email (By Email, From List, or a plain string) or by contact ID; a missing one is an answer', async () => {
		dd.api().get('/contacts/v3/email/ann%40example.com').times(3).reply(200, { contactId: 5, identifiers: { email: 'ann@example.com' } });
		dd.api().get('/contacts/v3/contactId/5').reply(200, { contactId: 5, identifiers: { email: 'ann@example.com' } });
		dd.api().get('/contacts/v3/contactId/6').reply(404, { errorCode: 'contacts:contactNotFound', description: 'Not found' });
		const get = (email: IDataObject[string]) => ({ resource: 'contact', operation: 'get', email });
		const { out } = await dd.run(
			[get(rl('email', 'ann@example.com')), get(rl('list', 'ann@example.com')), get('ann@example.com'), get(rl('id', '5')), get(rl('id', '6'))],
			{ items: dd.items(5) },
		);
		expect(out.map((o) => [o.json.contactId, o.json.found])).toEqual([
			[5, true],
			[5, true],
			[5, true],
			[5, true],
			[6, false],
		]);
	});

	it('removes a contact given by ID without looking it up, and reports one not in the list', async () => {
		dd.api().delete('/v2/address-books/77/contacts/5').reply(204);
		dd.api().delete('/v2/address-books/77/contacts/6').reply(404, { message: 'Error: ERROR_CONTACT_NOT_FOUND' });
		const remove = (email: IDataObject[string]) => ({ resource: 'contact', operation: 'removeFromList', listId: rl('list', '77'), email });
		const { out } = await dd.run([remove(rl('id', '5')), remove(rl('id', 6))], { items: dd.items(2) });
		expect(out.map((o) => o.json)).toEqual([
			{ contactId: 5, listId: 77, removed: true },
			{ contactId: 6, listId: 77, removed: false, reason: 'No contact with this ID is in the list' },
		]);
	});

	it('names the item and the field for a contact that is neither an email nor an ID, and for an empty list', async () => {
		await expect(dd.run({ resource: 'contact', operation: 'get', email: rl('email', 'ann@@example') })).rejects.toThrow(
			/^Item 0: Contact is not a valid email address/,
		);
		await expect(dd.run({ resource: 'contact', operation: 'addToList', listId: rl('list', ''), email: 'a@b.co' })).rejects.toThrow(
			/^Item 0: List must name exactly one list/,
		);
	});

	it('searches lists by name or ID over pages of 1000, the token being the next skip', async () => {
		const page = Array.from({ length: 1000 }, (_, k) => ({ id: k + 1, name: k === 4 ? 'Newsletter' : `List ${k + 1}`, contacts: k }));
		dd.api().get('/v2/address-books').query({ select: 1000, skip: 0 }).reply(200, page);
		dd.api().get('/v2/address-books').query({ select: 1000, skip: 1000 }).reply(200, [{ id: 1001, name: 'VIP newsletter', contacts: 3 }]);
		const { ctx } = search();
		expect(await searchLists.call(ctx, 'newsletter')).toEqual({
			results: [{ name: 'Newsletter', value: '5', description: '4 contacts' }],
			paginationToken: '1000',
		});
		expect(await searchLists.call(ctx, 'newsletter', '1000')).toEqual({
			results: [{ name: 'VIP newsletter', value: '1001', description: '3 contacts' }],
		});
	});

	it('looks a typed email or ID up directly, and filters the contact pages by email otherwise, following the marker', async () => {
		dd.api().get('/contacts/v3/email/ann%40example.com').reply(200, { contactId: 5, identifiers: { email: 'ann@example.com' }, channelProperties: { email: { status: 'subscribed' } } });
		dd.api().get('/contacts/v3/contactId/9').reply(404, { errorCode: 'contacts:contactNotFound' });
		dd.api().get('/contacts/v3').query({ limit: 100 }).reply(200, {
			_items: [
				{ contactId: 5, identifiers: { email: 'ann@example.com' } },
				{ contactId: 6, identifiers: { email: 'bob@other.test' } },
			],
			_links: { next: { href: 'https://r1-api.dotdigital.com/contacts/v3?limit=100&marker=NQ' } },
		});
		dd.api().get('/contacts/v3').query({ limit: 100, marker: 'NQ' }).reply(200, { _items: [{ contactId: 7, identifiers: { email: 'cat@example.com' } }], _links: {} });
		const { ctx } = search();
		expect(await searchContacts.call(ctx, 'ann@example.com')).toEqual({
			results: [{ name: 'ann@example.com', value: 'ann@example.com', description: 'ID 5 · subscribed' }],
		});
		expect(await searchContacts.call(ctx, '9')).toEqual({ results: [] });
		expect(await searchContacts.call(ctx, 'example')).toEqual({
			results: [{ name: 'ann@example.com', value: 'ann@example.com', description: 'ID 5' }],
			paginationToken: 'NQ',
		});
		expect(await searchContacts.call(ctx, 'example', 'NQ')).toEqual({
			results: [{ name: 'cat@example.com', value: 'cat@example.com', description: 'ID 7' }],
		});
	});
});
