import nock from 'nock';

import { omniList, omniProfile, omniRequest } from '../../../nodes/Cin7Omni/transport';
import { readKey } from '../../../nodes/Cin7Omni/helpers/keys';
import { dailyCallsUsed } from '../../../nodes/shared/budget';
import { useFakeClock } from '../helpers/fakeContext';
import { API, BASE, omniContext } from './omniContext';

describe('Cin7 Omni transport', () => {
	let clock: ReturnType<typeof useFakeClock>;
	beforeEach(() => {
		clock = useFakeClock();
		nock.disableNetConnect();
	});
	// Each test file loads its own nock; the previous file's interceptor must not linger.
	afterAll(() => nock.restore());
	afterEach(() => {
		nock.cleanAll();
		clock.restore();
	});

	it('sends HTTP Basic auth with the username and API key', async () => {
		const scope = nock(BASE)
			.get(`${API}/Branches`)
			.basicAuth({ user: 'acme-api', pass: 'SECRET-KEY-123456' })
			.query({ rows: 1 })
			.reply(200, []);
		const { ctx } = omniContext({});
		await omniRequest.call(ctx, 'GET', '/Branches', { rows: 1 });
		scope.done();
	});

	it('walks pages of 250 without a total and stops on a short page', async () => {
		const page = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: from + i }));
		nock(BASE).get(`${API}/Contacts`).query({ page: 1, rows: 250, order: 'id ASC' }).reply(200, page(250));
		nock(BASE).get(`${API}/Contacts`).query({ page: 2, rows: 250, order: 'id ASC' }).reply(200, page(10, 250));
		const { ctx, requests } = omniContext({});
		const rows = await omniList.call(ctx, 'Contacts', { order: 'id ASC' });
		expect(rows).toHaveLength(260);
		expect(requests).toHaveLength(2);
		expect(nock.isDone()).toBe(true);
	});

	it('stops on an empty page when the last page was exactly full', async () => {
		const page = Array.from({ length: 250 }, (_, i) => ({ id: i }));
		nock(BASE).get(`${API}/Stock`).query({ page: 1, rows: 250 }).reply(200, page);
		nock(BASE).get(`${API}/Stock`).query({ page: 2, rows: 250 }).reply(200, []);
		const { ctx } = omniContext({});
		expect(await omniList.call(ctx, 'Stock', {})).toHaveLength(250);
		expect(nock.isDone()).toBe(true);
	});

	it('asks for no more rows than the limit', async () => {
		nock(BASE).get(`${API}/Products`).query({ page: 1, rows: 5 }).reply(200, [{ id: 1 }, { id: 2 }]);
		const { ctx } = omniContext({});
		expect(await omniList.call(ctx, 'Products', {}, 5)).toHaveLength(2);
	});

	it('retries a 429 after the Retry-After delay', async () => {
		nock(BASE).get(`${API}/Branches`).reply(429, 'Too many requests', { 'Retry-After': '7' });
		nock(BASE).get(`${API}/Branches`).reply(200, [{ id: 1 }]);
		const { ctx } = omniContext({});
		expect(await omniRequest.call(ctx, 'GET', '/Branches')).toEqual([{ id: 1 }]);
		expect(clock.sleeps).toContain(7000);
	});

	it('retries a 429 without Retry-After with exponential backoff', async () => {
		nock(BASE).get(`${API}/Branches`).times(2).reply(429, 'Please retry later');
		nock(BASE).get(`${API}/Branches`).reply(200, []);
		const { ctx } = omniContext({});
		await omniRequest.call(ctx, 'GET', '/Branches');
		const backoffs = clock.sleeps.filter((ms) => ms >= 500);
		expect(backoffs.length).toBeGreaterThanOrEqual(2);
		expect(backoffs[0]).toBeGreaterThanOrEqual(500);
		expect(backoffs[0]).toBeLessThanOrEqual(1000);
		expect(backoffs[1]).toBeGreaterThanOrEqual(1000);
		expect(backoffs[1]).toBeLessThanOrEqual(2000);
	});

	it('retries a 500-class gateway error on GET and gives up with a clear message', async () => {
		nock(BASE).get(`${API}/Branches`).times(7).reply(503, 'Maintenance');
		const { ctx } = omniContext({});
		await expect(omniRequest.call(ctx, 'GET', '/Branches')).rejects.toThrow(/Cin7 Omni was unavailable/);
	});

	it('paces calls under 3 per second', async () => {
		nock(BASE).get(`${API}/Branches`).times(4).reply(200, []);
		const { ctx } = omniContext({});
		for (let i = 0; i < 4; i++) await omniRequest.call(ctx, 'GET', '/Branches');
		expect(clock.sleeps.some((ms) => ms > 0 && ms <= 1000)).toBe(true);
	});

	it('tells 401 (wrong credentials) apart from 403 (missing permission) and never leaks the key', async () => {
		nock(BASE).get(`${API}/Contacts`).reply(401, { Message: 'Authorization has been denied for SECRET-KEY-123456' });
		nock(BASE).get(`${API}/SalesOrders`).reply(403, { Message: 'Forbidden' });
		const { ctx } = omniContext({});
		const e401 = (await omniRequest.call(ctx, 'GET', '/Contacts').catch((e: unknown) => e)) as { message: string; description: string };
		expect(e401.message).toMatch(/API username or API key/);
		expect(e401.message).not.toContain('SECRET-KEY-123456');
		const e403 = (await omniRequest.call(ctx, 'GET', '/SalesOrders').catch((e: unknown) => e)) as { message: string; description: string };
		expect(e403.message).toMatch(/lacks permission for this endpoint/);
		expect(e403.description).toContain('/SalesOrders');
	});

	it('warns at 80% of the daily budget and stops at 95% before a lock-out', async () => {
		nock(BASE).get(`${API}/Branches`).times(20).reply(200, []);
		const { ctx, warnings } = omniContext({}, { credentials: { dailyCallBudget: 10, callsPerSecond: 100, callsPerMinute: 1000 } });
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
