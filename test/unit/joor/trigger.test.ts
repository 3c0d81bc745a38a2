import { joor, order, v2 } from './fixture';

const env = joor.useTestEnv();

const settings = { event: 'approvedAwaitingExport', maxPerPoll: 1000, overlapMinutes: 5, startDate: '' };

describe('JOOR trigger', () => {
	it('seeds on the first poll, then emits approved orders awaiting export read with sync=0, each version once', async () => {
		const staticData = {};
		expect((await joor.poll(settings, { staticData })).out).toBeNull();

		env.clock().advance(60_000);
		const queries: Array<Record<string, string>> = [];
		joor
			.api()
			.get('/v2/orders')
			.query((q) => {
				queries.push(q as Record<string, string>);
				return true;
			})
			.reply(200, v2({ orders: [order(1, '2026-01-01T00:00:30Z'), order(2, '2026-01-01T00:00:40Z')] }));
		const first = await joor.poll(settings, { staticData });
		expect(first.json?.map((o) => o.id)).toEqual([1, 2]);
		expect(queries[0]).toMatchObject({ order_type: '6', export_status: '5', sync: '0' });
		expect(Date.parse(queries[0].date_start)).toBeLessThanOrEqual(Date.parse('2026-01-01T00:00:00Z'));

		// The next poll re-reads the overlap: the same versions are dropped, a modified one is emitted.
		env.clock().advance(60_000);
		joor
			.api()
			.get('/v2/orders')
			.query(true)
			.reply(200, v2({ orders: [order(1, '2026-01-01T00:00:30Z'), order(2, '2026-01-01T00:01:50Z', { export_status_code: 4 })] }));
		const second = await joor.poll(settings, { staticData });
		expect(second.json?.map((o) => [o.id, o.date_modified])).toEqual([[2, '2026-01-01T00:01:50Z']]);
	});

	it.each([
		['approvedNew', '2'],
		['approvedModified', '4'],
	])('%s reads export_status %s', async (event, status) => {
		joor
			.api()
			.get('/v2/orders')
			.query((q) => q.export_status === status && q.sync === '0')
			.reply(200, v2({ orders: [order(3, '2026-01-01T00:00:00Z')] }));
		const { json } = await joor.poll({ ...settings, event }, { mode: 'manual' });
		expect(json?.map((o) => o.id)).toEqual([3]);
	});
});
