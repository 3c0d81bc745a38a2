import nock from 'nock';

import { omniList, omniProfile, omniRequest, ORDER } from '../../../nodes/Cin7Omni/transport';
import { readKey } from '../../../nodes/Cin7Omni/helpers/keys';
import { dailyCallsUsed } from '../../../nodes/shared/budget';
import { omni } from './fixture';

describe('Cin7 Omni transport', () => {
	const env = omni.useTestEnv();

	it('sends HTTP Basic auth with the username and API key', async () => {
		const scope = omni.api()
			.get(omni.path('/Branches'))
			.basicAuth({ user: 'acme-api', pass: 'SECRET-KEY-123456' })
			.query({ rows: 1 })
			.reply(200, []);
		const { ctx } = omni.context({});
		await omniRequest.call(ctx, 'GET', '/Branches', { rows: 1 });
		scope.done();
	});

	it('walks pages of 250 by id (keyset: every query is page 1 after the last id) and stops on a short page', async () => {
		const page = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: from + i }));
		omni.api().get(omni.path('/Contacts')).query({ page: 1, rows: 250, order: 'id ASC' }).reply(200, page(250));
		omni.api().get(omni.path('/Contacts')).query({ page: 1, rows: 250, order: 'id ASC', where: 'id>249' }).reply(200, page(10, 250));
		const { ctx, requests } = omni.context({});
		const rows = await omniList.call(ctx, 'Contacts', { order: ORDER.byId });
		expect(rows).toHaveLength(260);
		expect(requests).toHaveLength(2);
		expect(nock.isDone()).toBe(true);
	});

	it('stops on an empty page when the last page was exactly full', async () => {
		const page = Array.from({ length: 250 }, (_, i) => ({ id: i + 1 }));
		omni.api().get(omni.path('/Contacts')).query({ page: 1, rows: 250, order: 'id ASC' }).reply(200, page);
		omni.api().get(omni.path('/Contacts')).query({ page: 1, rows: 250, order: 'id ASC', where: 'id>250' }).reply(200, []);
		const { ctx } = omni.context({});
		expect(await omniList.call(ctx, 'Contacts', { order: ORDER.byId })).toHaveLength(250);
		expect(nock.isDone()).toBe(true);
	});

	it('asks for no more rows than the limit', async () => {
		omni.api().get(omni.path('/Products')).query({ page: 1, rows: 5, order: 'id ASC' }).reply(200, [{ id: 1 }, { id: 2 }]);
		const { ctx } = omni.context({});
		expect(await omniList.call(ctx, 'Products', { order: ORDER.byId }, 5)).toHaveLength(2);
	});

	it('retries a 429 after the Retry-After delay', async () => {
		omni.api().get(omni.path('/Branches')).reply(429, 'Too many requests', { 'Retry-After': '7' });
		omni.api().get(omni.path('/Branches')).reply(200, [{ id: 1 }]);
		const { ctx } = omni.context({});
		expect(await omniRequest.call(ctx, 'GET', '/Branches')).toEqual([{ id: 1 }]);
		expect(env.clock().sleeps).toContain(7000);
	});

	it('retries a 429 without Retry-After with exponential backoff', async () => {
		omni.api().get(omni.path('/Branches')).times(2).reply(429, 'Please retry later');
		omni.api().get(omni.path('/Branches')).reply(200, []);
		const { ctx } = omni.context({});
		await omniRequest.call(ctx, 'GET', '/Branches');
		const backoffs = env.clock().sleeps.filter((ms) => ms >= 500);
		expect(backoffs.length).toBeGreaterThanOrEqual(2);
		expect(backoffs[0]).toBeGreaterThanOrEqual(500);
		expect(backoffs[0]).toBeLessThanOrEqual(1000);
		expect(backoffs[1]).toBeGreaterThanOrEqual(1000);
		expect(backoffs[1]).toBeLessThanOrEqual(2000);
	});

	it('stops at once on a daily-limit 429 and says calls resume at midnight UTC (no Retry-After)', async () => {
		omni.api()
			.get(omni.path('/Stock'))
			.query(true)
			.reply(429, 'Daily API limit exceeded: this API connection has used its 5000 calls per day.');
		const { ctx, requests } = omni.context({});
		const error = (await omniList.call(ctx, 'Stock', { order: ORDER.stockByOption }).catch((e: unknown) => e)) as { message: string; description: string; httpCode: string };
		expect(requests).toHaveLength(1);
		expect(env.clock().sleeps.filter((ms) => ms >= 500)).toEqual([]);
		expect(error.message).toMatch(/^Cin7 Omni: the daily API call limit of this API connection is used up \(HTTP 429\)/);
		// The fixture's clock starts at 2026-01-01T00:00:00Z.
		expect(error.message).toContain('Calls resume at 2026-01-02T00:00:00.000Z (in about 24 h, midnight UTC');
		expect(error.httpCode).toBe('429');
		expect(error.description).toContain('GET /Stock');
	});

	it('stops at once on a 429 with a long Retry-After and resumes at that time', async () => {
		env.clock().set(Date.parse('2026-05-01T10:00:00Z'));
		omni.api().get(omni.path('/Branches')).reply(429, 'Too many requests. Please retry later.', { 'Retry-After': '5400' });
		const { ctx, requests } = omni.context({});
		const error = (await omniRequest.call(ctx, 'GET', '/Branches').catch((e: unknown) => e)) as { message: string };
		expect(requests).toHaveLength(1);
		expect(error.message).toContain('Calls resume at 2026-05-01T11:30:00.000Z (in about 1 h 30 min, its Retry-After of 5400 s)');
	});

	it('a daily-limit text with a short Retry-After still stops, resuming at midnight UTC', async () => {
		env.clock().set(Date.parse('2026-05-01T22:15:00Z'));
		omni.api().get(omni.path('/Branches')).reply(429, { Message: 'Daily limit of 5000 calls reached' }, { 'Retry-After': '30' });
		const { ctx, requests } = omni.context({});
		const error = (await omniRequest.call(ctx, 'GET', '/Branches').catch((e: unknown) => e)) as { message: string };
		expect(requests).toHaveLength(1);
		expect(error.message).toContain('Calls resume at 2026-05-02T00:00:00.000Z (in about 1 h 45 min, midnight UTC');
	});

	it('the per-second / per-minute 429 (which also names the daily figure) is still retried', async () => {
		omni.api().get(omni.path('/Branches')).reply(429, 'Too many requests. API limits are 3 calls per second, 60 per minute and 5000 per day. Please retry later.');
		omni.api().get(omni.path('/Branches')).reply(200, []);
		const { ctx, requests } = omni.context({});
		expect(await omniRequest.call(ctx, 'GET', '/Branches')).toEqual([]);
		expect(requests).toHaveLength(2);
	});

	it('retries a 500-class gateway error on GET and gives up with a clear message', async () => {
		omni.api().get(omni.path('/Branches')).times(7).reply(503, 'Maintenance');
		const { ctx } = omni.context({});
		await expect(omniRequest.call(ctx, 'GET', '/Branches')).rejects.toThrow(/Cin7 Omni was unavailable/);
	});

	it('paces calls under 3 per second', async () => {
		omni.api().get(omni.path('/Branches')).times(4).reply(200, []);
		const { ctx } = omni.context({});
		for (let i = 0; i < 4; i++) await omniRequest.call(ctx, 'GET', '/Branches');
		expect(env.clock().sleeps.some((ms) => ms > 0 && ms <= 1000)).toBe(true);
	});

	it('tells 401 (wrong credentials) apart from 403 (missing permission) and never leaks the key', async () => {
		omni.api().get(omni.path('/Contacts')).reply(401, { Message: 'Authorization has been denied for SECRET-KEY-123456' });
		omni.api().get(omni.path('/SalesOrders')).reply(403, { Message: 'Forbidden' });
		const { ctx } = omni.context({});
		const e401 = (await omniRequest.call(ctx, 'GET', '/Contacts').catch((e: unknown) => e)) as { message: string; description: string };
		expect(e401.message).toMatch(/API username or API key/);
		expect(e401.message).not.toContain('SECRET-KEY-123456');
		const e403 = (await omniRequest.call(ctx, 'GET', '/SalesOrders').catch((e: unknown) => e)) as { message: string; description: string };
		expect(e403.message).toMatch(/lacks permission for this endpoint/);
		expect(e403.description).toContain('/SalesOrders');
	});

	it('warns at 80% of the daily budget and stops at 95% before a lock-out', async () => {
		omni.api().get(omni.path('/Branches')).times(9).reply(200, []);
		const { ctx, warnings } = omni.context({}, { credentials: { dailyCallBudget: 10, callsPerSecond: 100, callsPerMinute: 1000 } });
		for (let i = 0; i < 8; i++) await omniRequest.call(ctx, 'GET', '/Branches');
		expect(warnings.join()).toMatch(/8 of 10 daily API calls/);
		await omniRequest.call(ctx, 'GET', '/Branches'); // 9th: 95% of 10 = 9.5 → stop at 9 calls used
		const error = (await omniRequest.call(ctx, 'GET', '/Branches').catch((e: unknown) => e)) as { message: string; description: string };
		expect(error.message).toMatch(/Daily API budget reached: 9 of 10/);
		expect(dailyCallsUsed('Cin7 Omni|https://omni.test/api/v1|acme-api')).toBe(9);
	});

	it('exposes pacing and budget from the credential', () => {
		expect(omniProfile.pacing({ callsPerMinute: 60, callsPerSecond: 3 })).toEqual({ perMinute: 60, perSecond: 3 });
		expect(omniProfile.dailyBudget!({ dailyCallBudget: 5000 })).toEqual({ limit: 5000, warnRatio: 0.8, stopRatio: 0.95 });
		expect(omniProfile.dailyBudget!({ dailyCallBudget: 0 })).toBeUndefined();
	});

	it('reads keys regardless of case', () => {
		expect(readKey({ StockOnHand: 4 }, 'stockOnHand')).toBe(4);
		expect(readKey({ success: true }, 'Success')).toBe(true);
		expect(readKey(null, 'x')).toBeUndefined();
	});
});
