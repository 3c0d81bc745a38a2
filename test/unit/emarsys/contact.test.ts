import type { IDataObject } from 'n8n-workflow';

import { expectPaired } from '../helpers/systemFixture';
import { em, ok } from './fixture';

em.useTestEnv();

const upsert = (keyValue: string, extra: IDataObject = {}): IDataObject => ({
	resource: 'contact',
	operation: 'upsert',
	keyField: 'email',
	keyValue,
	optIn: 'keep',
	fieldsUi: {},
	fieldsJson: '{}',
	contactListId: 0,
	...extra,
});

const FIELDS = [
	{ id: 3, name: 'E-Mail', string_id: 'email', application_type: 'email' },
	{ id: 7001, name: 'Cin7 Lifetime Value', string_id: 'cin7_lifetime_value', application_type: 'numeric' },
];

describe('Emarsys contact upsert', () => {
	it('sends one batch keyed by email, fields by name → id, opt-in as 1/2, and maps per-record errors to their items', async () => {
		let sent: IDataObject = {};
		em.api().get('/api/v2/field').reply(200, ok(FIELDS));
		em.api()
			.put('/api/v2/contact/')
			.query({ create_if_not_exists: 1 })
			.reply(200, (_u, body) => {
				sent = body as IDataObject;
				return ok({ ids: [11, 13], errors: { 'bad@example.com': { 2004: 'Invalid key field value' } } });
			});
		const params = [
			upsert(' Ann@Example.com ', { optIn: 'true', fieldsJson: { cin7_lifetime_value: 120.5, first_name: 'Ann' } }),
			upsert('bad@example.com'),
			upsert('bob@example.com', { optIn: 'false', fieldsUi: { field: [{ name: 'Cin7 Lifetime Value', value: '0' }] } }),
			upsert('ann@example.com', { optIn: 'false' }),
		];
		const { out } = await em.run(params, { items: em.items(4), continueOnFail: true });
		expect(sent).toEqual({
			key_id: '3',
			contacts: [
				{ '3': 'ann@example.com', '7001': 120.5, '1': 'Ann', '31': 1 },
				{ '3': 'bad@example.com' },
				{ '3': 'bob@example.com', '7001': '0', '31': 2 },
			],
		});
		expectPaired(out, [0, 1, 2, 3]);
		expect(out[0].json).toMatchObject({ key: 'ann@example.com', id: 11, keyFieldId: 3 });
		expect(out[1].json.error).toBe('Item 1: Emarsys rejected the contact "bad@example.com": 2004: Invalid key field value');
		expect(out[2].json).toMatchObject({ key: 'bob@example.com', id: 13 });
		// The same key twice in one run is sent once: the first item wins.
		expect(out[3].json).toMatchObject({ key: 'ann@example.com', duplicateOfItem: 0 });
	});

	it('splits more than 1,000 contacts into calls of at most 1,000, without reading fields it knows', async () => {
		const sizes: number[] = [];
		em.api()
			.put('/api/v2/contact/')
			.query(true)
			.times(3)
			.reply(200, (_u, body) => {
				sizes.push(((body as IDataObject).contacts as unknown[]).length);
				return ok({ ids: [] });
			});
		const n = 2001;
		const { out } = await em.run(
			Array.from({ length: n }, (_, i) => upsert(`c${i}@example.com`, { fieldsJson: { first_name: `C${i}` } })),
			{ items: em.items(n) },
		);
		expect(sizes).toEqual([1000, 1000, 1]);
		expect(out).toHaveLength(n);
	});

	it('works a page of 1,000 contacts at a time: pages fill past bad and repeated items, a key repeated pages later is sent once', async () => {
		const sent: string[][] = [];
		em.api()
			.put('/api/v2/contact/')
			.query(true)
			.times(2)
			.reply(200, (_u, body) => {
				const emails = ((body as IDataObject).contacts as IDataObject[]).map((c) => String(c['3']));
				sent.push(emails);
				return ok({ ids: emails.map((_e, k) => 500_000 + sent.length * 10_000 + k) });
			});
		// 2,002 items: item 2 has a bad email, item 1,500 repeats item 7's key: 2,000 distinct contacts.
		const n = 2002;
		const key = (i: number) => (i === 2 ? 'not-an-email' : i === 1500 ? 'c7@example.com' : `c${i}@example.com`);
		const { out } = await em.run(
			Array.from({ length: n }, (_, i) => upsert(key(i))),
			{ items: em.items(n), continueOnFail: true },
		);
		// Two calls, not three: the bad and the repeated item do not take a place in a page.
		expect(sent.map((s) => s.length)).toEqual([1000, 1000]);
		const all = sent.flat();
		expect(new Set(all).size).toBe(all.length);
		expect(all).not.toContain('not-an-email');
		expect(sent[0][0]).toBe('c0@example.com');
		expect(sent[1][999]).toBe('c2001@example.com');
		expectPaired(out, Array.from({ length: n }, (_, i) => i));
		expect(out[2].json.error).toMatch(/^Item 2: Key Value is not a valid email address/);
		// Item 7 is the 7th contact of the first call (item 2 took no place): the id at position 6.
		expect(out[7].json.id).toBe(510_006);
		expect(out[1500].json).toMatchObject({ key: 'c7@example.com', id: 510_006, duplicateOfItem: 7 });
	});

	it('without continue on fail, bad input on a later page stops the node before the first page is sent', async () => {
		// No call is mocked: a page sent would fail on the network instead of naming item 1,500.
		const n = 1501;
		await expect(
			em.run(
				Array.from({ length: n }, (_, i) => upsert(i === 1500 ? 'not-an-email' : `c${i}@example.com`)),
				{ items: em.items(n) },
			),
		).rejects.toThrow(/^Item 1500: Key Value is not a valid email address/);
	});

	it('names the item and the field for an unknown field name and a bad email, before anything is sent', async () => {
		em.api().get('/api/v2/field').reply(200, ok(FIELDS));
		await expect(em.run([upsert('a@example.com', { fieldsJson: { no_such_field: 1 } })])).rejects.toThrow(
			/Item 0: Fields \(JSON\) key "no_such_field" names no Emarsys contact field/,
		);
		await expect(em.run([upsert('not-an-email')])).rejects.toThrow(/Item 0: Key Value is not a valid email address/);
	});
});

describe('Emarsys contact get and delete', () => {
	it('reads many contacts in one getdata call, fields by name, missing ones as found: false', async () => {
		let sent: IDataObject = {};
		em.api()
			.post('/api/v2/contact/getdata')
			.reply(200, (_u, body) => {
				sent = body as IDataObject;
				return ok({
					result: [{ id: '501', '1': 'Ann', '3': 'ann@example.com', '31': '1' }],
					errors: [{ key: 'zed@example.com', errorCode: 2008, errorMsg: 'No contact found with the external id: 3' }],
				});
			});
		const params = ['ann@example.com', 'zed@example.com'].map((keyValue) => ({
			resource: 'contact',
			operation: 'get',
			keyField: 'email',
			keyValue,
			fields: 'first_name,email,optin',
		}));
		const { json } = await em.run(params, { items: em.items(2) });
		expect(sent).toEqual({ keyId: '3', keyValues: ['ann@example.com', 'zed@example.com'], fields: [3, 31, 1] });
		expect(json).toEqual([
			{ key: 'ann@example.com', found: true, id: '501', optIn: true, fields: { first_name: 'Ann', email: 'ann@example.com', optin: '1' } },
			{ key: 'zed@example.com', found: false },
		]);
	});

	it('deletes contacts in one call; one already gone counts as deleted', async () => {
		let sent: IDataObject = {};
		em.api()
			.post('/api/v2/contact/delete')
			.reply(200, (_u, body) => {
				sent = body as IDataObject;
				return ok({ deleted_contacts: 1, errors: { 'gone@example.com': { 2008: 'No contact found' } } });
			});
		const params = ['ann@example.com', 'gone@example.com'].map((keyValue) => ({ resource: 'contact', operation: 'delete', keyField: 'email', keyValue }));
		const { json } = await em.run(params, { items: em.items(2) });
		expect(sent).toEqual({ key_id: '3', contacts: [{ '3': 'ann@example.com' }, { '3': 'gone@example.com' }] });
		expect(json).toEqual([
			{ key: 'ann@example.com', deleted: true },
			{ key: 'gone@example.com', deleted: true, alreadyAbsent: true },
		]);
	});
});
