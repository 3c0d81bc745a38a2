import { expectPaired } from '../helpers/systemFixture';
import { joor, V4 } from './fixture';
import nock from 'nock';

joor.useTestEnv();

const v4 = { credentials: V4 };
const token = () =>
	nock('https://atlas.jooraccess.com').post('/auth/').reply(200, { access_token: 'tok', expires_in: 36000, token_type: 'Bearer' });

describe('JOOR linesheet', () => {
	it('gets every collection page by offset and limit', async () => {
		token();
		joor
			.api()
			.matchHeader('authorization', 'Bearer tok')
			.get('/v4/collections')
			.query({ account: 'acct-1', offset: 0, limit: 100 })
			.reply(200, { data: Array.from({ length: 100 }, (_, i) => ({ id: `c${i}`, name: `L${i}` })), errors: [], meta: { total: 101 } });
		joor
			.api()
			.get('/v4/collections')
			.query({ account: 'acct-1', offset: 100, limit: 100 })
			.reply(200, { data: [{ id: 'c100', name: 'L100' }], errors: [], meta: { total: 101 } });
		const { json } = await joor.run({ resource: 'linesheet', operation: 'getAll', returnAll: true }, v4);
		expect(json).toHaveLength(101);
	});

	it('gets or creates by name once per run', async () => {
		token();
		joor.api().get('/v4/collections').query(true).reply(200, { data: [{ id: 'c1', name: 'Core', external_id: 'core' }], errors: [] });
		let created = 0;
		joor
			.api()
			.post('/v4/collections/bulk_create', [{ name: 'Collection_SS27', external_id: 'Collection_SS27' }])
			.query({ account: 'acct-1' })
			.reply(200, () => {
				created++;
				return { data: [{ id: 'c2', name: 'Collection_SS27', external_id: 'Collection_SS27' }], errors: [] };
			});
		const params = [' core ', 'Collection_SS27', 'collection_ss27'].map((name) => ({ resource: 'linesheet', operation: 'getOrCreate', name, externalId: '' }));
		const { out, json } = await joor.run(params, { ...v4, items: joor.items(3) });
		expect(created).toBe(1);
		expect(json.map((c) => [c.id, c.created])).toEqual([
			['c1', false],
			['c2', true],
			['c2', false],
		]);
		expectPaired(out, [0, 1, 2]);
	});

	it('names the v4 credential as the cause when linesheets are asked with a v2 token', async () => {
		await expect(joor.run({ resource: 'linesheet', operation: 'getAll', returnAll: true })).rejects.toThrow(
			/need the credential's "Client ID and Password \(V4\)" authentication with an Account ID/,
		);
	});

	it.each([
		['addStyles', 3, 'added'],
		['removeStyles', 4, 'removed'],
	])('%s sends only the key, the linesheets and delivery_overwrite %i', async (operation, overwrite, membership) => {
		let sent: unknown;
		joor
			.api()
			.post('/v2/bulk-style')
			.reply(202, (_u, body) => {
				sent = body;
				return { response: { code: 202, job_id: 'J9' } };
			});
		joor
			.api()
			.get('/v2/bulk-style/J9')
			.reply(200, { response: { code: 200 }, job: { id: 'J9', status: 'completed', results: [{ style_identifier: 'S1', status: 'success' }] } });
		const { json } = await joor.run({
			resource: 'linesheet',
			operation,
			styleNumber: 'S1',
			styleIdentifier: '',
			linesheets: ['Collection_SS27'],
			waitForCompletion: true,
			statusIntervalSeconds: 1,
			maxWaitMinutes: 1,
		});
		expect(sent).toEqual({
			styles: { style: [{ style_number: 'S1', style_identifier: 'S1', deliveries: [{ linesheet: 'Collection_SS27' }], delivery_overwrite: overwrite }] },
		});
		expect(json[0]).toMatchObject({ style_identifier: 'S1', status: 'success', linesheets: ['Collection_SS27'], membership });
	});

	it('names the item when no linesheet is given', async () => {
		await expect(
			joor.run({ resource: 'linesheet', operation: 'addStyles', styleNumber: 'S1', linesheets: '', waitForCompletion: false }),
		).rejects.toThrow(/Item 0: Linesheets is empty/);
	});
});
