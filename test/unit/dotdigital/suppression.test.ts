import { expectPaired } from '../helpers/systemFixture';
import { dd, suppressed } from './fixture';

dd.useTestEnv();

describe('Dotdigital suppression', () => {
	it('gets unsubscribes since a date, flattened, asking only for the limit', async () => {
		dd.api()
			.get('/v2/contacts/unsubscribed-since/2026-01-01T00%3A00%3A00Z')
			.query({ select: 3, skip: 0 })
			.reply(200, [suppressed(1, '2026-01-02T00:00:00Z'), suppressed(2, '2026-01-03T00:00:00Z'), suppressed(3, '2026-01-04T00:00:00Z')]);
		const { out } = await dd.run({
			resource: 'suppression',
			operation: 'getAll',
			kind: 'unsubscribed',
			since: '2026-01-01T00:00:00',
			returnAll: false,
			limit: 3,
		});
		expect(out.map((o) => o.json.email)).toEqual(['c1@example.com', 'c2@example.com', 'c3@example.com']);
		expect(out[0].json).toMatchObject({ contactId: 1, reason: 'Unsubscribed', dateRemoved: '2026-01-02T00:00:00Z' });
		expectPaired(out, [0, 0, 0]);
	});

	it('uses suppressed-since for all suppressions and names a bad date', async () => {
		dd.api().get('/v2/contacts/suppressed-since/2026-02-01T10%3A00%3A00Z').query(true).reply(200, [suppressed(4, '2026-02-02T00:00:00Z', 'HardBounced')]);
		const { out } = await dd.run({
			resource: 'suppression',
			operation: 'getAll',
			kind: 'suppressed',
			since: '2026-02-01T10:00:00Z',
			returnAll: true,
		});
		expect(out[0].json.reason).toBe('HardBounced');
		await expect(
			dd.run({ resource: 'suppression', operation: 'getAll', kind: 'suppressed', since: 'soon', returnAll: true }),
		).rejects.toThrow(/Item 0: Since is not a date/);
	});
});
