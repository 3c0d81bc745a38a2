import type { IDataObject } from 'n8n-workflow';

import { DotdigitalTrigger } from '../../../nodes/Dotdigital/DotdigitalTrigger.node';
import { dd, suppressed } from './fixture';

const env = dd.useTestEnv();
const trigger = new DotdigitalTrigger();

const params = (extra: IDataObject = {}) => ({ event: 'suppressed', startDate: '', overlapMinutes: 10, maxPerPoll: 2, ...extra });
const path = (iso: string) => `/v2/contacts/suppressed-since/${encodeURIComponent(iso)}`;
const poll = async (parameters: IDataObject, opts: Parameters<typeof dd.poll>[1] = {}) => (await dd.poll(parameters, opts)).out;

describe('Dotdigital Trigger', () => {
	it('seeds the cursor on the first run without calling the API, then emits new suppressions once', async () => {
		const staticData: IDataObject = {};
		// 2026-01-01T00:00:00Z is the fake clock's start.
		expect(await poll(params(), { staticData })).toBeNull();
		expect((staticData.cursorState as IDataObject).cursor).toBe('2026-01-01T00:00:00.000Z');

		env.clock().advance(3_600_000);
		dd.api()
			.get(path('2025-12-31T23:50:00Z'))
			.query(true)
			.reply(200, [suppressed(1, '2026-01-01T00:10:00Z'), suppressed(2, '2026-01-01T00:20:00Z', 'HardBounced')]);
		const first = await poll(params(), { staticData });
		expect(first?.[0].map((o) => o.json.email)).toEqual(['c1@example.com', 'c2@example.com']);
		expect((staticData.cursorState as IDataObject).cursor).toBe('2026-01-01T00:20:00.000Z');

		// The overlap re-reads both records; they were emitted already, so nothing new: null.
		dd.api()
			.get(path('2026-01-01T00:10:00Z'))
			.query(true)
			.reply(200, [suppressed(1, '2026-01-01T00:10:00Z'), suppressed(2, '2026-01-01T00:20:00Z', 'HardBounced')]);
		expect(await poll(params(), { staticData })).toBeNull();
	});

	it('backfills from a start date, at most Max Records Per Poll at a time', async () => {
		const staticData: IDataObject = {};
		const rows = [suppressed(1, '2025-12-01T00:00:00Z'), suppressed(2, '2025-12-02T00:00:00Z'), suppressed(3, '2025-12-03T00:00:00Z')];
		dd.api().get(path('2025-11-30T23:50:00Z')).query(true).reply(200, rows);
		const first = await poll(params({ startDate: '2025-12-01T00:00:00Z' }), { staticData });
		expect(first?.[0].map((o) => o.json.contactId)).toEqual([1, 2]);

		dd.api().get(path('2025-12-01T23:50:00Z')).query(true).reply(200, rows.slice(1));
		const second = await poll(params({ startDate: '2025-12-01T00:00:00Z' }), { staticData });
		expect(second?.[0].map((o) => o.json.contactId)).toEqual([3]);
	});

	it('returns a recent sample in manual mode and leaves the cursor alone', async () => {
		const staticData: IDataObject = { cursorState: { configKey: 'suppressed|', cursor: '2025-06-01T00:00:00.000Z', seen: {} } };
		dd.api().get(path('2025-12-31T00:00:00Z')).query(true).reply(200, []);
		dd.api()
			.get(path('2025-12-25T00:00:00Z'))
			.query(true)
			.reply(200, [suppressed(1, '2025-12-26T00:00:00Z'), suppressed(2, '2025-12-28T00:00:00Z')]);
		const out = await poll(params(), { staticData, mode: 'manual' });
		expect(out?.[0].map((o) => o.json.contactId)).toEqual([2, 1]);
		expect((staticData.cursorState as IDataObject).cursor).toBe('2025-06-01T00:00:00.000Z');
	});

	it('has the trigger shape n8n expects', () => {
		expect(trigger.description.polling).toBe(true);
		expect(trigger.description.inputs).toEqual([]);
		expect(trigger.description.group).toEqual(['trigger']);
	});
});
