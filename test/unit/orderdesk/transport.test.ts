import type { IDataObject } from 'n8n-workflow';

import { orderDeskList, orderDeskRequest } from '../../../nodes/OrderDesk/transport';
import { formatOrderDeskDate, parseOrderDeskDate } from '../../../nodes/OrderDesk/transport/dates';
import { LEAK_MARKER, od, order, orderList } from './fixture';

const env = od.useTestEnv();
const ctxWith = (credentials: IDataObject = {}) => od.context({}, { credentials }).ctx;

describe('Order Desk transport', () => {
	it('sends the store ID and API key headers and a User-Agent of its own', async () => {
		od.api()
			.get(od.path('/test'))
			.matchHeader('user-agent', /n8n-nodes-cin7/)
			.reply(200, { status: 'success', message: 'Connection Successful' });
		await expect(orderDeskRequest.call(ctxWith(), 'GET', '/test')).resolves.toEqual({ status: 'success', message: 'Connection Successful' });
	});

	it('bursts the bucket less one reserve token, then waits for its refill (3 a second, less a 2 % margin)', async () => {
		od.api().get(od.path('/test')).times(23).reply(200, { status: 'success' });
		const ctx = ctxWith();
		for (let n = 0; n < 23; n++) await orderDeskRequest.call(ctx, 'GET', '/test');
		// 19 at once (one token kept in reserve for arrival jitter), then one every 1 / 2.94 s.
		expect(env.clock().sleeps).toEqual([341, 340, 340, 340]);
	});

	it('slows down when X-Tokens-Remaining says the bucket is emptier than it thinks', async () => {
		od.api().get(od.path('/test')).reply(200, { status: 'success' }, { 'X-Tokens-Remaining': '0' });
		od.api().get(od.path('/test')).reply(200, { status: 'success' }, { 'X-Tokens-Remaining': '0' });
		const ctx = ctxWith();
		await orderDeskRequest.call(ctx, 'GET', '/test');
		expect(env.clock().sleeps).toEqual([]);
		await orderDeskRequest.call(ctx, 'GET', '/test');
		// Someone else emptied the store's bucket: at most one token (the header's cut fraction) is
		// left, so the second request waited for the one it needs above the reserve.
		expect(env.clock().sleeps).toEqual([341]);
	});

	it('keeps the refill pace when every request takes time and the header reports whole tokens', async () => {
		// A store bucket exactly as generous as the model (20, refilling 2.94 a second), whole tokens in
		// the header.
		let level = 20;
		let at = env.clock().now();
		let lowest = level;
		od.api()
			.get(od.path('/test'))
			.times(80)
			.reply(() => {
				const now = env.clock().now();
				level = Math.min(20, level + ((now - at) / 1000) * 2.94);
				at = now;
				level -= 1;
				lowest = Math.min(lowest, level);
				// Each request takes 200 ms on its way back.
				env.clock().advance(200);
				return [200, { status: 'success' }, { 'X-Tokens-Remaining': String(Math.floor(level)) }];
			});
		const ctx = ctxWith();
		const start = env.clock().now();
		for (let n = 0; n < 80; n++) await orderDeskRequest.call(ctx, 'GET', '/test');
		const seconds = (env.clock().now() - start) / 1000;
		// Never below zero (no 429), and 80 requests in about the time the refill allows: the 61
		// after the first 19 at 2.94 a second ≈ 20.7 s (the latency alone would allow 16 s), not one
		// per latency + refill interval (0.54 s each, ≈ 37 s).
		expect(lowest).toBeGreaterThanOrEqual(0);
		expect(seconds).toBeGreaterThan(20);
		expect(seconds).toBeLessThan(23);
	});

	it('retries a 429 after X-Retry-After, for a POST too', async () => {
		od.api()
			.post(od.path('/orders'))
			.reply(429, { status: 'error', message: 'Rate limit exceeded' }, { 'X-Retry-After': '2', 'X-Tokens-Remaining': '0' });
		od.api().post(od.path('/orders')).reply(201, { status: 'success', order: { id: '9' } });
		const body = await orderDeskRequest.call(ctxWith(), 'POST', '/orders', undefined, { email: 'a@b.c' });
		expect(body.order).toEqual({ id: '9' });
		expect(env.clock().sleeps).toContain(2_000);
	});

	it('names the vendor, the meaning and the call in errors, never the API key', async () => {
		od.api().get(od.path('/orders/5')).reply(401, { status: 'error', message: `Invalid API key ${LEAK_MARKER}` });
		const error = await orderDeskRequest.call(ctxWith(), 'GET', '/orders/5').catch((e: Error & { description?: string }) => e);
		expect(error.message).toMatch(/^Order Desk refused the Store ID or API Key/);
		expect(error.message).not.toContain(LEAK_MARKER);
		expect((error as { description?: string }).description).toBe('GET /orders/5');
	});

	it('reads an error hidden in a 2xx answer (status "error")', async () => {
		od.api().get(od.path('/orders/5')).reply(200, { status: 'error', message: 'Order not found' });
		await expect(orderDeskRequest.call(ctxWith(), 'GET', '/orders/5')).rejects.toThrow(/Order not found/);
	});

	it('pages lists by limit and offset at 500, stopping at a short page', async () => {
		const first = Array.from({ length: 500 }, (_, n) => order(n + 1));
		od.api().get(od.path('/orders')).query({ limit: 500, offset: 0 }).reply(200, orderList(first, 501));
		od.api().get(od.path('/orders')).query({ limit: 500, offset: 500 }).reply(200, orderList([order(501)], 501));
		const rows = await orderDeskList.call(ctxWith(), '/orders', 'orders');
		expect(rows).toHaveLength(501);
		expect(rows[500].id).toBe('501');
	});

	it('asks for no more rows than a limit needs', async () => {
		od.api().get(od.path('/inventory-items')).query({ limit: 3, offset: 0 }).reply(200, { inventory_items: [{ id: 1 }, { id: 2 }, { id: 3 }] });
		expect(await orderDeskList.call(ctxWith(), '/inventory-items', 'inventory_items', {}, 3)).toHaveLength(3);
	});
});

describe('Order Desk dates', () => {
	it('writes and reads store-local text in the store time zone, across daylight saving', () => {
		// 12:00 UTC is 07:00 in New York in winter (UTC−5) and 08:00 in summer (UTC−4).
		expect(formatOrderDeskDate(new Date('2026-01-15T12:00:00Z'), 'America/New_York')).toBe('2026-01-15 07:00:00');
		expect(formatOrderDeskDate(new Date('2026-07-15T12:00:00Z'), 'America/New_York')).toBe('2026-07-15 08:00:00');
		expect(parseOrderDeskDate('2026-01-15 07:00:00', 'America/New_York')?.toISOString()).toBe('2026-01-15T12:00:00.000Z');
		expect(parseOrderDeskDate('2026-07-15 08:00:00', 'America/New_York')?.toISOString()).toBe('2026-07-15T12:00:00.000Z');
	});

	it('reads UTC text as UTC and text with a zone as that instant', () => {
		expect(formatOrderDeskDate(new Date('2026-01-15T12:00:00.900Z'), 'UTC')).toBe('2026-01-15 12:00:00');
		expect(parseOrderDeskDate('2026-01-15 12:00:00', 'UTC')?.toISOString()).toBe('2026-01-15T12:00:00.000Z');
		expect(parseOrderDeskDate('2026-01-15T12:00:00Z', 'America/New_York')?.toISOString()).toBe('2026-01-15T12:00:00.000Z');
		expect(parseOrderDeskDate('not a date', 'UTC')).toBeUndefined();
	});
});

describe('Order Desk list pages', () => {
	it('fails an answer that is not a page of the list instead of reading it as empty', async () => {
		od.api().get(od.path('/orders')).query(true).reply(200, [{ ErrorCode: 500, Exception: 'Unexpected error' }]);
		await expect(orderDeskList.call(ctxWith(), '/orders', 'orders')).rejects.toThrow(/^Order Desk answered GET \/orders without a list of orders/);
	});

	it('reads a success envelope without the list as an empty page', async () => {
		od.api().get(od.path('/inventory-items')).query(true).reply(200, { status: 'success', records_returned: 0 });
		expect(await orderDeskList.call(ctxWith(), '/inventory-items', 'inventory_items')).toEqual([]);
	});
});
