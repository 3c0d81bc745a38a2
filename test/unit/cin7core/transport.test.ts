import nock from 'nock';

import { coreBodyError, coreList, coreRequest } from '../../../nodes/Cin7Core/transport';
import { core, SECRET } from './fixture';

const { api, context, path, host } = core;

describe('Cin7 Core transport', () => {
	const t = core.useTestEnv();

	it('sends the auth headers and JSON accept to the credential Base URL', async () => {
		api().get(path('/me')).matchHeader('accept', 'application/json').reply(200, { Company: 'Acme' });
		const { ctx, requests } = context();
		expect(await coreRequest.call(ctx, 'GET', '/me')).toEqual({ Company: 'Acme' });
		expect(requests[0].url).toBe(`${host}/ExternalApi/v2/me`);
	});

	it('pages at Limit=1000 and stops when Total is reached', async () => {
		const rows = (n: number, from: number) => Array.from({ length: n }, (_, k) => ({ ID: String(from + k) }));
		api().get(path('/product')).query({ Page: 1, Limit: 1000 }).reply(200, { Total: 2000, Page: 1, Products: rows(1000, 0) });
		api().get(path('/product')).query({ Page: 2, Limit: 1000 }).reply(200, { Total: 2000, Page: 2, Products: rows(1000, 1000) });
		const { ctx } = context();
		const all = await coreList.call(ctx, '/product', 'Products');
		expect(all).toHaveLength(2000);
		expect(all[1999].ID).toBe('1999');
	});

	it('stops on a short page even when Total says more', async () => {
		api().get(path('/customer')).query({ Page: 1, Limit: 1000 }).reply(200, { Total: 5000, Page: 1, CustomerList: [{ ID: 'a' }] });
		const { ctx } = context();
		expect(await coreList.call(ctx, '/customer', 'CustomerList')).toEqual([{ ID: 'a' }]);
	});

	it('asks for only `limit` rows when limited', async () => {
		api().get(path('/product')).query({ Page: 1, Limit: 2 }).reply(200, { Total: 10, Page: 1, Products: [{ ID: 1 }, { ID: 2 }] });
		const { ctx } = context();
		expect(await coreList.call(ctx, '/product', 'Products', {}, 2)).toHaveLength(2);
	});

	it.each([
		['429 with Retry-After "60 Seconds"', 429, { 'Retry-After': '60 Seconds' }, 60_000],
		['503 with numeric Retry-After', 503, { 'Retry-After': '7' }, 7_000],
	])('retries a %s and waits as told', async (_name, status, headers, wait) => {
		api().get(path('/me')).reply(status, 'slow down', headers);
		api().get(path('/me')).reply(200, { Company: 'Acme' });
		const { ctx } = context();
		expect(await coreRequest.call(ctx, 'GET', '/me')).toEqual({ Company: 'Acme' });
		expect(t.clock().sleeps).toContain(wait);
	});

	it('retries a 503 without Retry-After with backoff, also for POST (a throttle never applied it)', async () => {
		api().post(path('/sale')).reply(503, 'You have reached 60 calls per minute API limit.');
		api().post(path('/sale')).reply(200, { ID: 's1' });
		const { ctx } = context();
		expect(await coreRequest.call(ctx, 'POST', '/sale', undefined, { Customer: 'A' })).toEqual({ ID: 's1' });
		const backoff = t.clock().sleeps.filter((s) => s > 0);
		expect(backoff.length).toBe(1);
		expect(backoff[0]).toBeGreaterThanOrEqual(500);
		expect(backoff[0]).toBeLessThanOrEqual(1000);
	});

	it('treats 200 + ErrorCode object as an error', async () => {
		api().get(path('/product')).query(true).reply(200, { ErrorCode: 404, Exception: 'Category not found.' });
		const { ctx } = context();
		await expect(coreRequest.call(ctx, 'GET', '/product', { ID: 'x' })).rejects.toThrow(/Cin7 Core.*Category not found\./);
	});

	it('says the answer was HTTP 200 carrying an ErrorCode, not an HTTP error', async () => {
		api().post(path('/sale')).reply(200, [{ ErrorCode: 400, Exception: 'Customer not found.' }]);
		const { ctx } = context();
		await expect(coreRequest.call(ctx, 'POST', '/sale', undefined, { Customer: 'x' })).rejects.toThrow(
			'Cin7 Core rejected the request as invalid: Customer not found. (HTTP 200 with ErrorCode 400)',
		);
	});

	it('treats 200 + ErrorCode array as an error, joining every exception', async () => {
		api().post(path('/customer')).reply(200, [
			{ ErrorCode: 400, Exception: 'Currency is required.' },
			{ ErrorCode: 400, Exception: 'TaxRule is required.' },
		]);
		const { ctx } = context();
		await expect(coreRequest.call(ctx, 'POST', '/customer', undefined, { Name: 'X' })).rejects.toThrow(
			/Currency is required\.; TaxRule is required\./,
		);
	});

	it('rejects an HTML 200 (wrong Base URL or endpoint)', async () => {
		api().get(path('/Products')).reply(200, '<html><body>Page not found</body></html>', { 'Content-Type': 'text/html' });
		const { ctx } = context();
		await expect(coreRequest.call(ctx, 'GET', '/Products')).rejects.toMatchObject({
			description: expect.stringMatching(/non-JSON body/),
		});
	});

	it('says the credentials were refused on 403, without the secret', async () => {
		api().get(path('/me')).reply(403, `Incorrect credentials! api-auth-applicationkey: ${SECRET}`);
		const { ctx } = context();
		const error = await coreRequest.call(ctx, 'GET', '/me').catch((e: Error) => e);
		expect((error as Error).message).toMatch(/Cin7 Core refused the Account ID \/ Application Key/);
		expect(JSON.stringify(error)).not.toContain(SECRET);
		expect(String((error as Error & { description?: string }).description)).not.toContain(SECRET);
		expect((error as Error).message).not.toContain(SECRET);
	});

	it('gives up on a persistent throttle with a clear error', async () => {
		api().get(path('/me')).times(7).reply(429, 'Too Many Requests');
		const { ctx } = context();
		await expect(coreRequest.call(ctx, 'GET', '/me')).rejects.toThrow(/throttled/);
	});

	it('paces calls under callsPerMinute', async () => {
		const { ctx } = context();
		api().get(path('/me')).times(61).reply(200, {});
		for (let k = 0; k < 61; k++) await coreRequest.call(ctx, 'GET', '/me');
		expect(t.clock().sleeps.some((s) => s > 0)).toBe(true);
	});

	it('coreBodyError leaves normal bodies alone', () => {
		expect(coreBodyError({ Total: 0, Products: [] })).toBeUndefined();
		expect(coreBodyError([{ ID: 1 }])).toBeUndefined();
		expect(coreBodyError({ ErrorCode: 503, Exception: 'limit' })).toEqual({ message: 'limit', code: 503 });
	});

});
