import { expectPaired } from '../helpers/systemFixture';
import { dd } from './fixture';

const env = dd.useTestEnv();

const upsert = (extra: Record<string, unknown> = {}) => ({
	resource: 'contact',
	operation: 'upsert',
	email: 'ann@example.com',
	listIds: [],
	dataFieldsJson: '{}',
	dataFieldsUi: {},
	additionalFields: {},
	mergeOption: 'overwrite',
	...extra,
});

describe('Dotdigital contact', () => {
	it('upserts with data fields from JSON and the visible pairs, lists and channel status in one call', async () => {
		let sent: Record<string, unknown> = {};
		dd.api()
			.patch('/contacts/v3/email/ann%2Btag%40example.com')
			.query({ 'merge-option': 'overwrite-if-not-empty' })
			.reply(201, (_uri, body) => {
				sent = body as Record<string, unknown>;
				return { contactId: 9, identifiers: { email: 'ann+tag@example.com' } };
			});
		const { out } = await dd.run(
			upsert({
				email: ' ann+tag@example.com ',
				listIds: [12, '34'],
				dataFieldsJson: { FIRSTNAME: 'Ann', CUSTOMER_ID: '123', COMPANY: 'old' },
				dataFieldsUi: { field: [{ key: 'NEWSLETTER_SUBSCRIBER', value: 'YES' }, { key: 'COMPANY', value: 'Acme' }] },
				additionalFields: { emailStatus: 'subscribed', optInType: 'single' },
				mergeOption: 'overwriteIfNotEmpty',
			}),
		);
		expect(sent).toEqual({
			identifiers: { email: 'ann+tag@example.com' },
			dataFields: { FIRSTNAME: 'Ann', CUSTOMER_ID: '123', COMPANY: 'Acme', NEWSLETTER_SUBSCRIBER: 'YES' },
			channelProperties: { email: { status: 'subscribed', optInType: 'single' } },
			lists: [12, 34],
		});
		expect(out[0].json).toMatchObject({ contactId: 9, created: true });
		expectPaired(out, [0]);
	});

	it('names the item and field for a bad email, and fails only that item under continue on fail', async () => {
		const params = [upsert(), upsert({ email: 'not-an-email' }), upsert({ email: 'bob@example.com' })];
		dd.api().patch('/contacts/v3/email/ann%40example.com').query(true).reply(200, { contactId: 1 });
		await expect(dd.run(params, { items: dd.items(3) })).rejects.toThrow(
			/Item 1: Email is not a valid email address/,
		);

		dd.api().patch('/contacts/v3/email/ann%40example.com').query(true).reply(200, { contactId: 1 });
		dd.api().patch('/contacts/v3/email/bob%40example.com').query(true).reply(200, { contactId: 2 });
		const { out } = await dd.run(params, { items: dd.items(3), continueOnFail: true });
		expectPaired(out, [0, 1, 2]);
		expect(out[1].json.error).toMatch(/Item 1: Email/);
		expect(out[2].json).toMatchObject({ contactId: 2, created: false });
	});

	it('rejects data fields JSON that is not an object', async () => {
		await expect(dd.run(upsert({ dataFieldsJson: '[1,2]' }))).rejects.toThrow(
			/Item 0: Data Fields \(JSON\) must be a JSON object/,
		);
	});

	it('gets a contact by email, and reports a missing one as found: false', async () => {
		dd.api().get('/contacts/v3/email/ann%40example.com').reply(200, { contactId: 5, identifiers: { email: 'ann@example.com' } });
		dd.api().get('/contacts/v3/email/zed%40example.com').reply(404, { errorCode: 'contacts:contactNotFound' });
		const params = [
			{ resource: 'contact', operation: 'get', email: 'ann@example.com' },
			{ resource: 'contact', operation: 'get', email: 'zed@example.com' },
		];
		const { out } = await dd.run(params, { items: dd.items(2) });
		expect(out.map((o) => o.json.found)).toEqual([true, false]);
		expectPaired(out, [0, 1]);
	});

	it('adds a contact to a list', async () => {
		dd.api()
			.post('/v2/address-books/77/contacts', { email: 'ann@example.com', optInType: 'Single', emailType: 'Html' })
			.reply(200, { id: 5, email: 'ann@example.com', status: 'Subscribed' });
		const { out } = await dd.run({
			resource: 'contact',
			operation: 'addToList',
			listId: 77,
			email: 'ann@example.com',
			optInType: 'Single',
		});
		expect(out[0].json).toMatchObject({ id: 5, listId: 77 });
		expectPaired(out, [0]);
	});

	it('removes a contact from a list by looking up its ID, and tolerates a missing contact', async () => {
		dd.api().get('/v2/contacts/ann%40example.com').reply(200, { id: 5, email: 'ann@example.com' });
		dd.api().delete('/v2/address-books/77/contacts/5').reply(204);
		dd.api().get('/v2/contacts/zed%40example.com').reply(404, { message: 'ERROR_CONTACT_NOT_FOUND' });
		const params = [
			{ resource: 'contact', operation: 'removeFromList', listId: '77', email: 'ann@example.com' },
			{ resource: 'contact', operation: 'removeFromList', listId: '77', email: 'zed@example.com' },
		];
		const { out } = await dd.run(params, { items: dd.items(2) });
		expect(out.map((o) => o.json.removed)).toEqual([true, false]);
		expectPaired(out, [0, 1]);
	});

	it('rejects a list ID that is not a number, naming the field', async () => {
		await expect(
			dd.run({ resource: 'contact', operation: 'addToList', listId: 'abc', email: 'a@b.co' }),
		).rejects.toThrow(/Item 0: List contains "abc"/);
	});
});

describe('Dotdigital contact bulk import', () => {
	const row = (email: string) => ({
		resource: 'contact',
		operation: 'bulkImport',
		email,
		listIds: [12],
		dataFieldsJson: { FIRSTNAME: email.split('@')[0] },
		dataFieldsUi: {},
		additionalFields: {},
		mergeOption: 'overwrite',
		importOptions: { batchSize: 2, pollIntervalSeconds: 5 },
	});
	const emails = ['a@example.com', 'bad@example.com', 'c@example.com'];

	function mockImports() {
		const bodies: Array<Record<string, unknown>> = [];
		dd.api()
			.put('/contacts/v3/import')
			.twice()
			.reply(202, (_uri, body) => {
				bodies.push(body as Record<string, unknown>);
				return { importId: `imp-${bodies.length}` };
			});
		dd.api().get('/contacts/v3/import/imp-1').reply(200, { importId: 'imp-1', status: 'NotFinished' });
		dd.api()
			.get('/contacts/v3/import/imp-1')
			.reply(200, {
				importId: 'imp-1',
				status: 'Finished',
				created: [{ identifiers: { email: 'a@example.com' } }],
				failures: [
					{
						matchIdentifier: 'email',
						identifiers: { email: 'BAD@example.com' },
						failures: [{ failureCode: 'invalidEmail', description: 'Email is suppressed' }],
					},
				],
			});
		dd.api().get('/contacts/v3/import/imp-2').reply(200, { importId: 'imp-2', status: 'Finished', updated: [{ identifiers: { email: 'c@example.com' } }] });
		return bodies;
	}

	it('imports all items in batches, polls each import, and fails only the rejected item under continue on fail', async () => {
		const bodies = mockImports();
		const { out } = await dd.run(emails.map(row), { items: dd.items(3), continueOnFail: true });
		expect(bodies).toHaveLength(2);
		expect(bodies[0]).toMatchObject({
			mergeOption: 'overwrite',
			contacts: [
				{ matchIdentifier: 'email', identifiers: { email: 'a@example.com' }, lists: [12], dataFields: { FIRSTNAME: 'a' } },
				{ matchIdentifier: 'email', identifiers: { email: 'bad@example.com' } },
			],
		});
		expectPaired(out, [0, 1, 2]);
		expect(out[0].json).toMatchObject({ email: 'a@example.com', result: 'created', importId: 'imp-1' });
		expect(out[1].json.error).toMatch(/invalidEmail: Email is suppressed/);
		expect(out[2].json).toMatchObject({ email: 'c@example.com', result: 'updated' });
		// Each import's first status check waits its expected duration (5 s for 2 records); the first
		// import's second check waits the interval after its NotFinished.
		expect(env.clock().sleeps).toEqual([5000, 5000, 5000]);
	});

	it('without continue on fail, the error names the rejected item', async () => {
		dd.api().put('/contacts/v3/import').reply(202, { importId: 'imp-1' });
		dd.api()
			.get('/contacts/v3/import/imp-1')
			.reply(200, {
				status: 'Finished',
				failures: [{ identifiers: { email: 'bad@example.com' }, failures: [{ failureCode: 'invalidEmail' }] }],
			});
		const error = await dd.run(emails.slice(0, 2).map(row), { items: dd.items(2) }).catch((e) => e);
		expect(error.message).toMatch(/^Item 1: Dotdigital rejected the contact "bad@example.com": invalidEmail/);
		expect(error.context.itemIndex).toBe(1);
	});

	it('fails every item of a batch whose import ends in a failed status', async () => {
		dd.api().put('/contacts/v3/import').reply(202, { importId: 'x' });
		dd.api().get('/contacts/v3/import/x').reply(200, { status: 'RejectedByWatchdog' });
		const { out } = await dd.run(emails.slice(0, 2).map(row), { items: dd.items(2), continueOnFail: true });
		expect(out.map((o) => o.json.error)).toEqual([
			expect.stringMatching(/RejectedByWatchdog/),
			expect.stringMatching(/RejectedByWatchdog/),
		]);
		expectPaired(out, [0, 1]);
	});

	it('sends a repeated email once and gives both items the outcome', async () => {
		let sent: Array<Record<string, unknown>> = [];
		dd.api()
			.put('/contacts/v3/import')
			.reply(202, (_u, body) => {
				sent = (body as { contacts: Array<Record<string, unknown>> }).contacts;
				return { importId: 'd' };
			});
		dd.api().get('/contacts/v3/import/d').reply(200, { status: 'Finished' });
		const params = [row('a@example.com'), { ...row('A@example.com'), dataFieldsJson: { FIRSTNAME: 'later' } }];
		const { out } = await dd.run(params, { items: dd.items(2) });
		expect(sent).toHaveLength(1);
		expect(sent[0].dataFields).toEqual({ FIRSTNAME: 'later' });
		expect(out[0].json).toMatchObject({ supersededByItem: 1, result: 'imported' });
		expectPaired(out, [0, 1]);
	});

	it('stops waiting after the max wait and says the import goes on', async () => {
		dd.api().put('/contacts/v3/import').reply(202, { importId: 'slow' });
		// The first check waits 5 s after the submit (no check at second 0), then every 5 s up to the
		// 1-minute deadline: checks at 5, 10, …, 60 s.
		dd.api().get('/contacts/v3/import/slow').times(12).reply(200, { status: 'NotFinished' });
		const params = { ...row('a@example.com'), importOptions: { maxWaitMinutes: 1, pollIntervalSeconds: 5 } };
		await expect(dd.run(params)).rejects.toThrow(/still "NotFinished" after 1 minute/);
	});
});
