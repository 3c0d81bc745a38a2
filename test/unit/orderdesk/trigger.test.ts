import type { IDataObject } from 'n8n-workflow';

import { OrderDeskTrigger } from '../../../nodes/OrderDesk/OrderDeskTrigger.node';
import { od, order, orderList, storeBody } from './fixture';

const env = od.useTestEnv();

const params = (extra: IDataObject = {}) => ({ event: 'orderChanged', folders: '', startDate: '', overlapMinutes: 5, maxPerPoll: 1000, ...extra });
const changed = (since: string, extra: IDataObject = {}) => ({ modified_start_date: since, order_by: 'id', order: 'asc', limit: 500, offset: 0, ...extra });
const ids = (out: Awaited<ReturnType<typeof od.poll>>['out']) => out?.[0].map((o) => o.json.id) ?? null;

describe('Order Desk Trigger', () => {
	it('seeds the cursor on the first run without a call, then emits each changed order once', async () => {
		const staticData: IDataObject = {};
		// The fake clock starts at 2026-01-01T00:00:00Z.
		expect((await od.poll(params(), { staticData })).out).toBeNull();
		expect((staticData.cursorState as IDataObject).cursor).toBe('2026-01-01T00:00:00.000Z');

		env.clock().advance(3_600_000);
		const rows = [order(1, { date_updated: '2026-01-01 00:10:00' }), order(2, { date_updated: '2026-01-01 00:20:00' })];
		od.api().get(od.path('/orders')).query(changed('2025-12-31 23:55:00')).reply(200, orderList(rows));
		expect(ids((await od.poll(params(), { staticData })).out)).toEqual(['1', '2']);
		expect((staticData.cursorState as IDataObject).cursor).toBe('2026-01-01T00:20:00.000Z');

		// The overlap reads both again (emitted already) plus order 1 changed once more.
		const again = [order(1, { date_updated: '2026-01-01 00:30:00' }), rows[1]];
		od.api().get(od.path('/orders')).query(changed('2026-01-01 00:15:00')).reply(200, orderList(again));
		const third = (await od.poll(params(), { staticData })).json;
		expect(third?.map((o) => [o.id, o.date_updated])).toEqual([['1', '2026-01-01 00:30:00']]);
	});

	it('reads store-local dates in the store time zone (a local reading as UTC would miss hours of changes)', async () => {
		const staticData: IDataObject = { cursorState: { configKey: 'orderChanged||', cursor: '2026-01-01T12:00:00.000Z', seen: {} } };
		env.clock().set(Date.parse('2026-01-01T13:00:00Z'));
		// 11:55 UTC is 06:55 in New York (UTC−5 in January).
		od.api()
			.get(od.path('/orders'))
			.query(changed('2026-01-01 06:55:00'))
			.reply(200, orderList([order(4, { date_updated: '2026-01-01 07:30:00' })]));
		const { json } = await od.poll(params(), { staticData, credentials: { timeZone: 'America/New_York' } });
		expect(json?.map((o) => o.id)).toEqual(['4']);
		expect((staticData.cursorState as IDataObject).cursor).toBe('2026-01-01T12:30:00.000Z');
	});

	it('watches only the chosen folders, one query each, named or by ID', async () => {
		const staticData: IDataObject = {};
		od.api().get(od.path('/store')).reply(200, storeBody());
		const start = '2025-12-31T00:00:00Z';
		od.api().get(od.path('/orders')).query(changed('2025-12-30 23:55:00', { folder_id: '10' })).reply(200, orderList([order(2, { date_updated: '2025-12-31 02:00:00' })]));
		od.api().get(od.path('/orders')).query(changed('2025-12-30 23:55:00', { folder_id: '14' })).reply(200, orderList([order(1, { date_updated: '2025-12-31 01:00:00', folder_id: 14 })]));
		const { json } = await od.poll(params({ folders: 'submit to cin7, 14', startDate: start }), { staticData });
		// Oldest first across the folders.
		expect(json?.map((o) => o.id)).toEqual(['1', '2']);
	});

	it('stops with the valid folders when a watched folder matches none', async () => {
		od.api().get(od.path('/store')).reply(200, storeBody());
		await expect(od.poll(params({ folders: 'Submit to Cin 7' }))).rejects.toThrow(
			/^Folders: "Submit to Cin 7" is not a folder of this store; folders: "New" \(1\)/,
		);
	});

	it('emits at most Max Records per Poll, oldest first; the backlog follows', async () => {
		const staticData: IDataObject = {};
		const rows = [1, 2, 3].map((n) => order(n, { date_updated: `2025-12-31 0${n}:00:00` }));
		od.api().get(od.path('/orders')).query(changed('2025-12-30 23:55:00')).reply(200, orderList(rows));
		const first = await od.poll(params({ maxPerPoll: 2, startDate: '2025-12-31T00:00:00Z' }), { staticData });
		expect(ids(first.out)).toEqual(['1', '2']);
		od.api().get(od.path('/orders')).query(changed('2025-12-31 01:55:00')).reply(200, orderList(rows.slice(1)));
		const second = await od.poll(params({ maxPerPoll: 2, startDate: '2025-12-31T00:00:00Z' }), { staticData });
		expect(ids(second.out)).toEqual(['3']);
	});

	it('returns the newest orders in manual mode and leaves the cursor alone', async () => {
		const staticData: IDataObject = { cursorState: { configKey: 'orderChanged||', cursor: '2025-06-01T00:00:00.000Z', seen: {} } };
		od.api()
			.get(od.path('/orders'))
			.query({ limit: 5, offset: 0, order_by: 'id', order: 'desc' })
			.reply(200, orderList([order(9), order(8)]));
		const { json } = await od.poll(params(), { staticData, mode: 'manual' });
		expect(json?.map((o) => o.id)).toEqual(['9', '8']);
		expect((staticData.cursorState as IDataObject).cursor).toBe('2025-06-01T00:00:00.000Z');
	});

	it('stops with a clear message when the Store Time Zone is no zone', async () => {
		await expect(od.poll(params(), { credentials: { timeZone: 'Mars/Olympus' } })).rejects.toThrow(
			/^Store Time Zone "Mars\/Olympus" is not a time zone name/,
		);
	});

	it('has the trigger shape n8n expects', () => {
		const trigger = new OrderDeskTrigger();
		expect(trigger.description.polling).toBe(true);
		expect(trigger.description.inputs).toEqual([]);
		expect(trigger.description.credentials).toEqual([{ name: 'orderDeskApi', required: true }]);
	});
});
