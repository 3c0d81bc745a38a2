import type { IDataObject } from 'n8n-workflow';

import { em, ok } from './fixture';

const env = em.useTestEnv();

const FIELDS = [
	{ id: 1, name: 'First Name', string_id: 'first_name', application_type: 'shorttext' },
	{ id: 3, name: 'E-Mail', string_id: 'email', application_type: 'email' },
	{ id: 31, name: 'Opt-In', string_id: 'optin', application_type: 'singlechoice' },
];

const params = (event = 'optOut'): IDataObject => ({ event, fields: 'email,optin,first_name', maxPerPoll: 1000, overlapMinutes: 5, startDate: '' });

/** One getchanges export: start, one "in progress" status, done, then the CSV. */
function expectExport(csv: string, check?: (body: IDataObject) => void) {
	em.api().get('/api/v2/field').reply(200, ok(FIELDS));
	em.api()
		.post('/api/v2/contact/getchanges')
		.reply(200, (_u, body) => {
			check?.(body as IDataObject);
			return ok({ id: 880001 });
		});
	em.api().get('/api/v2/export/880001').reply(200, ok({ id: 880001, status: 'in progress' }));
	em.api().get('/api/v2/export/880001').reply(200, ok({ id: 880001, status: 'done' }));
	em.api().get('/api/v2/export/880001/data').reply(200, csv, { 'Content-Type': 'text/csv' });
}

const CSV1 = 'user_id,E-Mail,Opt-In,First Name\n101,Ann@Example.com,False,Ann\n102,bob@example.com,True,Bob\n';

describe('Emarsys trigger (contact changes export)', () => {
	it('seeds the cursor on the first poll, then emits opted-out contacts of the window once', async () => {
		const staticData: IDataObject = {};
		expect((await em.poll(params(), { staticData, mode: 'trigger' })).json).toBeNull();
		env.clock().advance(60_000);

		let sent: IDataObject = {};
		expectExport(CSV1, (b) => (sent = b));
		const first = await em.poll(params(), { staticData, mode: 'trigger' });
		expect(sent).toMatchObject({
			distribution_method: 'local',
			origin: 'all',
			time_range: ['2025-12-31T23:55:00Z', '2026-01-01T00:01:00Z'],
			contact_fields: [3, 31, 1],
			add_field_names_header: 1,
		});
		expect(first.json).toEqual([
			{ id: '101', email: 'ann@example.com', optIn: false, fields: { email: 'Ann@Example.com', optin: 'False', first_name: 'Ann' } },
		]);

		// The next window re-reads the overlap: the same version is not emitted again.
		env.clock().advance(60_000);
		expectExport(CSV1);
		expect((await em.poll(params(), { staticData, mode: 'trigger' })).json).toBeNull();

		// A new change of another contact is.
		env.clock().advance(60_000);
		expectExport(`${CSV1}103,cy@example.com,False,\n`);
		expect((await em.poll(params(), { staticData, mode: 'trigger' })).json).toMatchObject([{ id: '103', optIn: false }]);
	});

	it('"Contact Changed" emits every changed contact; the cap leaves the rest for the next poll', async () => {
		const staticData: IDataObject = {};
		const p = { ...params('changed'), maxPerPoll: 1, startDate: '2025-12-31T00:00:00Z' };
		expectExport(CSV1);
		expect((await em.poll(p, { staticData, mode: 'trigger' })).json).toMatchObject([{ id: '101' }]);
		expectExport(CSV1);
		expect((await em.poll(p, { staticData, mode: 'trigger' })).json).toMatchObject([{ id: '102', optIn: true }]);
	});

	it('returns a sample on a manual run and leaves the cursor alone', async () => {
		const staticData: IDataObject = {};
		expectExport(CSV1);
		const { json } = await em.poll(params(), { staticData, mode: 'manual' });
		expect(json).toMatchObject([{ id: '101', optIn: false }]);
		expect(staticData).toEqual({});
	});
});
