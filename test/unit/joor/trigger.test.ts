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

describe('JOOR trigger re-emitting orders still waiting for export', () => {
	it('emits an order again once it has waited the set minutes since its emission, and forgets it once exported', async () => {
		const staticData = {};
		const params = { ...settings, reEmitAfterMinutes: 10 };
		const queue = (...orders: object[]) => {
			joor
				.api()
				.get('/v2/orders')
				.query((q) => q.date_start === undefined && q.export_status === '5')
				.reply(200, v2({ orders }));
		};
		const changed = (...orders: object[]) => {
			joor
				.api()
				.get('/v2/orders')
				.query((q) => q.date_start !== undefined)
				.reply(200, v2({ orders }));
		};
		expect((await joor.poll(params, { staticData })).out).toBeNull();

		// Order 1 arrives and is emitted; order 9 waited from before activation and is never picked up.
		env.clock().advance(60_000);
		changed(order(1, '2026-01-01T00:00:30Z'));
		queue(order(1, '2026-01-01T00:00:30Z'), order(9, '2025-12-01T00:00:00Z'));
		expect((await joor.poll(params, { staticData })).json?.map((o) => o.id)).toEqual([1]);

		// 5 minutes later it is still waiting: not yet.
		env.clock().advance(5 * 60_000);
		changed(order(1, '2026-01-01T00:00:30Z'));
		queue(order(1, '2026-01-01T00:00:30Z'), order(9, '2025-12-01T00:00:00Z'));
		expect((await joor.poll(params, { staticData })).json).toBeNull();

		// 10 minutes after its emission it is emitted again, marked.
		env.clock().advance(5 * 60_000);
		changed();
		queue(order(1, '2026-01-01T00:00:30Z'), order(9, '2025-12-01T00:00:00Z'));
		const again = await joor.poll(params, { staticData });
		expect(again.json?.map((o) => [o.id, o.reEmitted])).toEqual([[1, true]]);

		// Exported meanwhile: it leaves the queue and is forgotten.
		env.clock().advance(60_000);
		changed();
		queue(order(9, '2025-12-01T00:00:00Z'));
		expect((await joor.poll(params, { staticData })).json).toBeNull();
		expect((staticData as { emittedAt: object }).emittedAt).toEqual({});
	});
});
