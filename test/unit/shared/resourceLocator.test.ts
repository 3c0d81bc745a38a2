import type { INodePropertyMode } from 'n8n-workflow';

import { byId, KEY_FORMATS, matchesSearch, pageOfToken, recordLocator, searchPage } from '../../../nodes/shared/resourceLocator';

/** n8n checks a typed mode's value against ^regex$ (expressions are not checked). */
const accepts = (format: { regex: string }, value: string) => new RegExp(`^${format.regex}$`).test(value);

describe('record locator builder', () => {
	const field = recordLocator({
		displayName: 'Sale',
		name: 'saleId',
		description: 'The sale',
		searchListMethod: 'searchSales',
		typed: [byId(KEY_FORMATS.guid, 'Not a sale ID')],
	});

	it('keeps the field name, starts in From List with search, then By ID with a placeholder and a check', () => {
		expect(field).toMatchObject({ name: 'saleId', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true });
		const modes = field.modes as INodePropertyMode[];
		expect(modes.map((m) => [m.name, m.type])).toEqual([
			['list', 'list'],
			['id', 'string'],
		]);
		expect(modes[0].typeOptions).toEqual({ searchListMethod: 'searchSales', searchable: true });
		expect(modes[1]).toMatchObject({
			displayName: 'By ID',
			placeholder: KEY_FORMATS.guid.placeholder,
			validation: [{ type: 'regex', properties: { regex: KEY_FORMATS.guid.regex, errorMessage: 'Not a sale ID' } }],
		});
		// No URL mode: no vendor here documents record URLs.
		expect(modes.some((m) => m.name === 'url')).toBe(false);
	});

	it.each([
		['guid', '3fa85f64-5717-4562-b3fc-2c963f66afa6', true],
		['guid', '3FA85F64-5717-4562-B3FC-2C963F66AFA6', true],
		['guid', '3fa85f64-5717-4562-b3fc-2c963f66afa', false],
		['guid', 'SO-00012', false],
		['wholeNumber', '12345', true],
		['wholeNumber', '0', false],
		['wholeNumber', '-4', false],
		['wholeNumber', '12a', false],
		['email', 'ann+tag@example.com', true],
		['email', 'ann@example', false],
		['email', 'ann example.com', false],
	] as const)('%s accepts %s: %s', (format, value, ok) => {
		expect(accepts(KEY_FORMATS[format], value)).toBe(ok);
	});

	it('searches case-insensitively over the shown texts; a page carries its token only when there is more', () => {
		expect(matchesSearch('news', 'Newsletter', 12)).toBe(true);
		expect(matchesSearch('12', 'Newsletter', 12)).toBe(true);
		expect(matchesSearch('vip', 'Newsletter', undefined)).toBe(false);
		expect(matchesSearch('  ', 'anything')).toBe(true);
		expect(searchPage([{ name: 'A', value: '1' }])).toEqual({ results: [{ name: 'A', value: '1' }] });
		expect(searchPage([], 3)).toEqual({ results: [], paginationToken: '3' });
		expect([pageOfToken(undefined), pageOfToken('2'), pageOfToken('x')]).toEqual([1, 2, 1]);
	});
});
