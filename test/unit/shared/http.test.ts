import nock from 'nock';
import type { ICredentialType } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { vendorJson, vendorRequest, type VendorProfile } from '../../../nodes/shared/http';
import { pacedWindowMs } from '../../../nodes/shared/pacer';
import { createContext, useFakeClock } from '../helpers/fakeContext';

const BASE = 'https://api.testy.local';
const KEY = 'SECRETKEY-1234567890abcdef';
const TOKEN = 'tok_ABCDEFGHIJKLMNOP';

const credentialType: ICredentialType = {
	name: 'testyApi',
	displayName: 'Testy API',
	properties: [],
	authenticate: {
		type: 'generic',
		properties: {
			headers: {
				'api-auth-applicationkey': '={{$credentials.key}}',
				Authorization: '=Bearer {{$credentials.token}}',
			},
		},
	},
};

function profile(over: Partial<VendorProfile> = {}): VendorProfile {
	return {
		vendor: 'Testy',
		credentialType: 'testyApi',
		baseUrl: (c) => String(c.baseUrl),
		accountKey: (c) => String(c.account),
		secretFields: ['key', 'token'],
		pacing: () => ({ perMinute: 10_000 }),
		retry: { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 120_000 },
		bodyError: (body) => {
			const b = (Array.isArray(body) ? body[0] : body) as { ErrorCode?: number; Exception?: string } | undefined;
			return b && typeof b === 'object' && b.ErrorCode !== undefined
				? { code: b.ErrorCode, message: b.Exception ?? 'error' }
				: undefined;
		},
		statusMessages: { 403: 'refused the credentials: check the Account ID and Application Key' },
		...over,
	};
}

function ctx() {
	return createContext({
		credentialType,
		credentials: { baseUrl: `${BASE}/v2/`, account: 'acc-1', key: KEY, token: TOKEN },
	});
}

const call = (c: ReturnType<typeof ctx>, p: VendorProfile, method: 'GET' | 'POST' = 'GET', path = '/thing') =>
	vendorJson.call(c.ctx, p, { method, path, ...(method === 'POST' ? { body: { a: 1 } } : {}) });

function netError(code: string, message: string): Error {
	return Object.assign(new Error(message), { code });
}

async function caught(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected a rejection');
}

let clock: ReturnType<typeof useFakeClock>;
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(() => {
	clock = useFakeClock();
	jest.spyOn(Math, 'random').mockReturnValue(0.5);
});
afterEach(() => {
	clock.restore();
	nock.cleanAll();
	jest.restoreAllMocks();
});

describe('vendorRequest: authentication and success', () => {
	it('sends the credential headers, joins the base URL and parses JSON', async () => {
		const scope = nock(BASE, { reqheaders: { 'api-auth-applicationkey': KEY, authorization: `Bearer ${TOKEN}` } })
			.get('/v2/thing')
			.query({ Page: '1' })
			.reply(200, { ok: true });
		const c = ctx();
		const out = await vendorJson.call(c.ctx, profile(), { method: 'GET', path: 'thing', qs: { Page: 1 } });
		expect(out).toEqual({ ok: true });
		expect(scope.isDone()).toBe(true);
	});

	it('accepts 204 and an empty 200 body', async () => {
		nock(BASE).delete('/v2/thing').reply(204);
		nock(BASE).get('/v2/thing').reply(200, '');
		const c = ctx();
		const r = await vendorRequest.call(c.ctx, profile(), { method: 'DELETE', path: '/thing' });
		expect(r.status).toBe(204);
		expect(r.body).toBeUndefined();
		expect(await call(c, profile())).toBeUndefined();
	});

	it('returns plain text when the request does not expect JSON', async () => {
		nock(BASE).get('/v2/thing').reply(200, 'plain ok');
		const c = ctx();
		expect(await vendorJson.call(c.ctx, profile(), { method: 'GET', path: '/thing', expectJson: false })).toBe('plain ok');
	});

	it('sends a raw body (a CSV file) as it is, with its own Content-Type, throttles retried like any call', async () => {
		const csv = 'order,item,price\nSO-1,"A, B",10\n';
		const bodies: string[] = [];
		nock(BASE).post('/v2/upload').reply(429, 'slow down', { 'Retry-After': '2' });
		const scope = nock(BASE, { reqheaders: { 'content-type': 'text/csv', accept: 'text/plain' } })
			.post('/v2/upload')
			.reply(200, (_u, body) => {
				bodies.push(String(body));
				return 'OK: 1 lines';
			});
		const c = ctx();
		const r = await vendorRequest.call(c.ctx, profile(), {
			method: 'POST',
			path: '/upload',
			rawBody: { text: csv, contentType: 'text/csv' },
			headers: { Accept: 'text/plain' },
			expectJson: false,
		});
		expect(r.body).toBe('OK: 1 lines');
		expect(bodies).toEqual([csv]);
		expect(clock.sleeps).toEqual([2000]);
		expect(scope.isDone()).toBe(true);
	});
});

describe('vendorRequest: retries', () => {
	it.each([
		['numeric Retry-After', { 'Retry-After': '7' }, 7000],
		['"60 Seconds" text', { 'Retry-After': '60 Seconds' }, 60_000],
		['X-Retry-After', { 'X-Retry-After': '3' }, 3000],
		['X-RateLimit-Reset as seconds to wait (no Retry-After)', { 'X-RateLimit-Reset': '4' }, 4000],
	])('429 honours %s', async (_n, headers, wait) => {
		nock(BASE).get('/v2/thing').reply(429, 'slow down', headers).get('/v2/thing').reply(200, { ok: 1 });
		const c = ctx();
		expect(await call(c, profile())).toEqual({ ok: 1 });
		expect(clock.sleeps).toEqual([wait]);
	});

	it('429 honours X-RateLimit-Reset as a Unix timestamp (Emarsys) when there is no Retry-After', async () => {
		const reset = String(Math.floor(clock.now() / 1000) + 6);
		nock(BASE).get('/v2/thing').reply(429, 'slow down', { 'X-RateLimit-Reset': reset }).get('/v2/thing').reply(200, { ok: 1 });
		const c = ctx();
		expect(await call(c, profile())).toEqual({ ok: 1 });
		expect(clock.sleeps).toHaveLength(1);
		expect(clock.sleeps[0]).toBeGreaterThan(5000);
		expect(clock.sleeps[0]).toBeLessThanOrEqual(6000);
	});

	it('503 honours an HTTP-date Retry-After', async () => {
		const at = new Date(clock.now() + 12_000).toUTCString();
		nock(BASE).get('/v2/thing').reply(503, 'busy', { 'Retry-After': at }).get('/v2/thing').reply(200, { ok: 1 });
		const c = ctx();
		expect(await call(c, profile())).toEqual({ ok: 1 });
		expect(clock.sleeps).toEqual([12_000]);
	});

	it('caps a huge Retry-After at maxDelayMs', async () => {
		nock(BASE).get('/v2/thing').reply(429, '', { 'Retry-After': '3600' }).get('/v2/thing').reply(200, {});
		const c = ctx();
		await call(c, profile({ retry: { maxRetries: 2, baseDelayMs: 1000, maxDelayMs: 30_000 } }));
		expect(clock.sleeps).toEqual([30_000]);
	});

	it('without Retry-After backs off exponentially, with bounded jitter, capped', async () => {
		nock(BASE).get('/v2/thing').times(6).reply(503, 'busy').get('/v2/thing').reply(200, {});
		const c = ctx();
		const p = profile({ retry: { maxRetries: 6, baseDelayMs: 1000, maxDelayMs: 10_000 } });
		(Math.random as jest.Mock).mockReturnValue(0.5);
		await call(c, p);
		// ceiling = min(10 s, 1 s · 2^attempt); delay = ceiling/2 + random · ceiling/2
		expect(clock.sleeps).toEqual([750, 1500, 3000, 6000, 7500, 7500]);
		for (const [attempt, ms] of clock.sleeps.entries()) {
			const ceiling = Math.min(10_000, 1000 * 2 ** attempt);
			expect(ms).toBeGreaterThanOrEqual(ceiling / 2);
			expect(ms).toBeLessThanOrEqual(ceiling);
		}
	});

	it.each([502, 504])('%i is retried for GET but not for POST', async (status) => {
		nock(BASE).get('/v2/thing').reply(status, 'gw').get('/v2/thing').reply(200, { ok: 1 });
		const c = ctx();
		expect(await call(c, profile())).toEqual({ ok: 1 });
		const post = nock(BASE).post('/v2/thing').reply(status, 'gw');
		const err = await caught(call(c, profile(), 'POST'));
		expect(post.isDone()).toBe(true);
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toContain(`HTTP ${status}`);
		expect(c.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('429 and 503 are retried for POST too (a throttle applied nothing)', async () => {
		nock(BASE).post('/v2/thing').reply(429).post('/v2/thing').reply(503).post('/v2/thing').reply(200, { id: 1 });
		const c = ctx();
		expect(await call(c, profile(), 'POST')).toEqual({ id: 1 });
	});

	it('ECONNRESET is retried for GET but not for POST', async () => {
		nock(BASE)
			.get('/v2/thing')
			.replyWithError(netError('ECONNRESET', 'socket hang up'))
			.get('/v2/thing')
			.reply(200, { ok: 1 });
		const c = ctx();
		expect(await call(c, profile())).toEqual({ ok: 1 });
		nock(BASE).post('/v2/thing').replyWithError(netError('ECONNRESET', 'socket hang up'));
		const err = await caught(call(c, profile(), 'POST'));
		expect(err.message).toMatch(/^Testy could not be reached/);
		expect(err.description).toContain('ECONNRESET');
	});

	it('ECONNREFUSED is retried for every method, and the final message keeps the vendor name', async () => {
		nock(BASE)
			.post('/v2/thing')
			.replyWithError(netError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:443'))
			.post('/v2/thing')
			.reply(200, { id: 2 });
		const c = ctx();
		expect(await call(c, profile(), 'POST')).toEqual({ id: 2 });
		nock(BASE)
			.get('/v2/thing')
			.times(4)
			.replyWithError(netError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:443'));
		const err = await caught(call(c, profile()));
		// NodeApiError would swap this for "The service refused the connection" without the vendor.
		expect(err.message).toMatch(/^Testy could not be reached/);
		expect(err.description).toMatch(/ECONNREFUSED\) after 4 attempt/);
	});

	it('500 on a read is retried a bounded number of times, then a clear error', async () => {
		nock(BASE).get('/v2/thing').reply(500, { message: 'boom' }).get('/v2/thing').reply(200, { ok: 1 });
		const c = ctx();
		expect(await call(c, profile())).toEqual({ ok: 1 });
		expect(clock.sleeps).toHaveLength(1);

		nock(BASE).get('/v2/thing').times(3).reply(500, { message: 'An unexpected error occurred' });
		const err = await caught(call(c, profile()));
		expect(err.message).toBe('Testy had an internal error: An unexpected error occurred (HTTP 500)');
		expect(err.description).toContain('after 3 attempts');
		expect(clock.sleeps).toHaveLength(3);
	});

	it('500 on a POST is not retried (the write may have happened)', async () => {
		nock(BASE).post('/v2/thing').reply(500, { message: 'boom' });
		const c = ctx();
		const err = await caught(call(c, profile(), 'POST'));
		expect(err.httpCode).toBe('500');
		expect(clock.sleeps).toHaveLength(0);
	});

	it('a policy may allow more or fewer server-error retries', async () => {
		nock(BASE).get('/v2/thing').times(2).reply(500, 'boom');
		const c = ctx();
		await caught(call(c, profile({ retry: { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 1000, maxServerErrorRetries: 1 } })));
		expect(clock.sleeps).toHaveLength(1);
	});

	it('exhausted retries give a NodeApiError naming the vendor and the status', async () => {
		nock(BASE).get('/v2/thing').times(4).reply(429, 'You have exceeded 60 calls per minute');
		const c = ctx();
		const err = await caught(call(c, profile()));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toMatch(/^Testy throttled the request.*60 calls per minute.*\(HTTP 429\)$/);
		expect(err.httpCode).toBe('429');
		expect(err.description).toContain('after 4 attempts');
		expect(clock.sleeps).toHaveLength(3);
	});
});

describe('vendorRequest: a used-up quota (quotaExhausted)', () => {
	const quotaProfile = profile({
		quotaExhausted: (status, body, headers) =>
			status === 429 && /per day/.test(String(body)) ? `daily quota used up (Retry-After ${String(headers['retry-after'])})` : undefined,
	});

	it('fails at once, without retries, with the profile\'s message, the call and the vendor text', async () => {
		nock(BASE).get('/v2/thing').reply(429, `Limit of 5000 calls per day reached for ${KEY}`, { 'Retry-After': '3600' });
		const c = ctx();
		const err = await caught(call(c, quotaProfile));
		expect(err).toBeInstanceOf(NodeApiError);
		expect(err.message).toBe('Testy: daily quota used up (Retry-After 3600)');
		expect(err.httpCode).toBe('429');
		expect(err.description).toContain('GET /thing');
		expect(err.description).toContain('calls per day');
		expect(err.description).not.toContain(KEY);
		expect(clock.sleeps).toEqual([]);
		expect(c.requests).toHaveLength(1);
	});

	it('other throttles are retried as before', async () => {
		nock(BASE).get('/v2/thing').reply(429, '3 calls per second', { 'Retry-After': '2' }).get('/v2/thing').reply(200, { ok: 1 });
		const c = ctx();
		expect(await call(c, quotaProfile)).toEqual({ ok: 1 });
		expect(clock.sleeps).toEqual([2000]);
	});
});

describe('vendorRequest: errors inside 200 and odd bodies', () => {
	it('200 + ErrorCode 503 is retried like a throttle', async () => {
		nock(BASE)
			.get('/v2/thing')
			.reply(200, [{ ErrorCode: 503, Exception: 'limit' }])
			.get('/v2/thing')
			.reply(200, { ok: 1 });
		const c = ctx();
		expect(await call(c, profile())).toEqual({ ok: 1 });
		expect(clock.sleeps).toHaveLength(1);
	});

	it('200 + ErrorCode 400 is an error with the vendor text that says the HTTP status was 200', async () => {
		nock(BASE).post('/v2/thing').reply(200, [{ ErrorCode: 400, Exception: 'Required attribute SKU is not provided.' }]);
		const c = ctx();
		const err = await caught(call(c, profile(), 'POST'));
		expect(err.message).toBe(
			'Testy rejected the request as invalid: Required attribute SKU is not provided. (HTTP 200 with error code 400)',
		);
		expect(err.httpCode).toBe('400');
	});

	it('names the code as the vendor does when the profile says what it is called', async () => {
		nock(BASE).post('/v2/thing').reply(200, { ErrorCode: 400, Exception: 'Currency is required.' });
		const c = ctx();
		const err = await caught(call(c, profile({ bodyErrorCodeName: 'ErrorCode' }), 'POST'));
		expect(err.message).toBe('Testy rejected the request as invalid: Currency is required. (HTTP 200 with ErrorCode 400)');
	});

	it('200 + ErrorCode 500 on a read gets the bounded server-error retries, then names both codes', async () => {
		nock(BASE).get('/v2/thing').times(3).reply(200, [{ ErrorCode: 500, Exception: 'Unexpected error' }]);
		const c = ctx();
		const err = await caught(call(c, profile()));
		expect(err.message).toBe('Testy had an internal error: Unexpected error (HTTP 200 with error code 500)');
		expect(clock.sleeps).toHaveLength(2);
	});

	it('a non-JSON 200 (HTML page) is a clear error', async () => {
		nock(BASE).get('/v2/thing').reply(200, '<html><body>Page not found</body></html>', { 'Content-Type': 'text/html' });
		const c = ctx();
		const err = await caught(call(c, profile()));
		expect(err.message).toMatch(/^Testy answered HTTP 200 with a non-JSON body.*Base URL or the endpoint is probably wrong/);
		expect(err.description).toContain('Page not found');
	});

	it('401 and 403 use the vendor status messages (or the defaults)', async () => {
		nock(BASE).get('/v2/thing').reply(403, 'Incorrect credentials!').get('/v2/thing').reply(401, { Message: 'nope' });
		const c = ctx();
		const e403 = await caught(call(c, profile()));
		expect(e403.message).toBe(
			'Testy refused the credentials: check the Account ID and Application Key: Incorrect credentials! (HTTP 403)',
		);
		const e401 = await caught(call(c, profile()));
		expect(e401.message).toBe('Testy refused the credentials: check the credential fields: nope (HTTP 401)');
		expect(clock.sleeps).toEqual([]);
	});

	it('an unknown status still names vendor and status', async () => {
		nock(BASE).get('/v2/thing').reply(418, 'teapot');
		const err = await caught(call(ctx(), profile()));
		expect(err.message).toBe('Testy answered HTTP 418: teapot');
		expect(err.httpCode).toBe('418');
	});

	it("a vendor's text inside a response envelope (JOOR v2's response.comment) reaches the message", async () => {
		nock(BASE).post('/v2/thing').reply(413, { response: { code: 413, comment: 'Image larger than 4 MB.', log_id: 'log-9' } });
		const err = await caught(call(ctx(), profile(), 'POST'));
		expect(err.message).toBe('Testy answered HTTP 413: Image larger than 4 MB.');
	});
});

describe('vendorRequest: secrets never reach messages', () => {
	const all = (e: NodeApiError) => JSON.stringify([e.message, e.description, (e as { messages?: string[] }).messages, e.cause]);

	it('redacts a vendor error body echoing the key, the token and an Authorization header', async () => {
		nock(BASE)
			.get('/v2/thing')
			.reply(400, {
				Exception: `Bad key ${KEY}; headers: Authorization: Bearer ${TOKEN}, api-auth-applicationkey=${KEY} Authorization: Basic dXNlcjpzZWNyZXQ=`,
			});
		const err = await caught(call(ctx(), profile()));
		const text = all(err);
		expect(text).not.toContain(KEY);
		expect(text).not.toContain(TOKEN);
		expect(text).not.toContain('dXNlcjpzZWNyZXQ=');
		expect(err.message).toContain('***');
	});

	it('redacts a secret that straddles the excerpt cut, and in non-JSON bodies', async () => {
		const padText = 'x'.repeat(390);
		nock(BASE).get('/v2/thing').reply(400, `${padText}${KEY} tail`);
		const err = await caught(call(ctx(), profile()));
		expect(all(err)).not.toContain(KEY.slice(0, 8));
		nock(BASE).get('/v2/thing').reply(200, `<html>${'y'.repeat(100)}${KEY}</html>`);
		const err2 = await caught(call(ctx(), profile()));
		expect(all(err2)).not.toContain(KEY.slice(0, 8));
	});

	it('redacts secrets from network error text', async () => {
		nock(BASE).post('/v2/thing').replyWithError(netError('EPROTO', `bad handshake for key ${KEY}`));
		const err = await caught(call(ctx(), profile(), 'POST'));
		expect(all(err)).not.toContain(KEY);
	});
});

describe('vendorRequest: pacing and daily budget', () => {
	it('paces N calls under perSecond and perMinute limits', async () => {
		nock(BASE).get('/v2/thing').times(7).reply(200, {});
		const c = ctx();
		const p = profile({ pacing: () => ({ perMinute: 5, perSecond: 3 }) });
		for (let i = 0; i < 7; i++) await call(c, p);
		// 3 a second: one call every 417 ms (a second held 1.25 s, ÷ 3); the 6th waits for the
		// minute window (held 61.2 s) since the 1st, the 7th for the interval after the 6th
		expect(clock.sleeps).toEqual([417, 417, 417, 417, 61_200 - 4 * 417, 417]);
		expect(clock.now() - Date.parse('2026-01-01T00:00:00Z')).toBe(61_617);
	});

	it('perMinute alone spaces a burst into the next minute', async () => {
		nock(BASE).get('/v2/thing').times(4).reply(200, {});
		const c = ctx();
		const p = profile({ pacing: () => ({ perMinute: 3 }) });
		for (let i = 0; i < 4; i++) await call(c, p);
		expect(clock.sleeps).toEqual([61_200]);
	});

	it('counts a call from when the next one is asked for, so time spent sending it is inside the window', async () => {
		// Each answer takes 2 s (a slow connection): the window of the 1st call runs from when the
		// 2nd was asked for, not from when the 1st was granted.
		nock(BASE)
			.get('/v2/thing')
			.times(3)
			.reply(200, () => {
				clock.advance(2000);
				return {};
			});
		const c = ctx();
		const p = profile({ pacing: () => ({ perMinute: 2 }) });
		for (let i = 0; i < 3; i++) await call(c, p);
		// 1st granted at 0 s, answered at 2 s (2nd asked for); 2nd answered at 4 s; the 3rd waits
		// until 2 s + 61.2 s.
		expect(clock.sleeps).toEqual([63_200 - 4000]);
	});

	it('spaces calls under a per-second limit from their grants: time spent answering counts towards the interval', async () => {
		nock(BASE)
			.get('/v2/thing')
			.times(3)
			.reply(200, () => {
				clock.advance(300);
				return {};
			});
		const c = ctx();
		const p = profile({ pacing: () => ({ perMinute: 60, perSecond: 3 }) });
		for (let i = 0; i < 3; i++) await call(c, p);
		// 417 ms between grants; each answer took 300 ms of it.
		expect(clock.sleeps).toEqual([117, 117]);
	});

	it('holds each window a margin longer than documented, so network jitter at its edge is not throttled', async () => {
		expect(pacedWindowMs(60_000)).toBe(61_200);
		expect(pacedWindowMs(1_000)).toBe(1_250);
		// A vendor that counts a call when it arrives, 0–200 ms after it is granted: with calls
		// granted exactly one window apart, one arriving late and the next early would land in
		// the same window.
		nock(BASE).get('/v2/thing').times(8).reply(200, {});
		const c = ctx();
		const p = profile({ pacing: () => ({ perMinute: 2 }) });
		const granted: number[] = [];
		for (let i = 0; i < 8; i++) {
			await call(c, p);
			granted.push(clock.now());
		}
		const arrivals = granted.map((t, i) => t + (i % 2 === 0 ? 200 : 0));
		for (let i = 2; i < arrivals.length; i++) expect(arrivals[i] - arrivals[i - 2]).toBeGreaterThan(60_000);
	});

	it('warns once at warnRatio, stops with a clear error at stopRatio, resets the next UTC day', async () => {
		nock(BASE).get('/v2/thing').times(10).reply(200, {});
		const c = ctx();
		const p = profile({ dailyBudget: () => ({ limit: 10, warnRatio: 0.5, stopRatio: 0.8 }) });
		for (let i = 0; i < 8; i++) await call(c, p);
		expect(c.warnings).toHaveLength(1);
		expect(c.warnings[0]).toMatch(/^Testy: 5 of 10 daily API calls/);
		const err = await caught(call(c, p));
		expect(err.message).toMatch(/^Testy: Daily API budget reached: 8 of 10 calls/);
		expect(c.requests).toHaveLength(8);
		clock.set(Date.parse('2026-01-02T00:00:01Z'));
		await call(c, p);
		expect(c.requests).toHaveLength(9);
		expect(c.warnings).toHaveLength(1);
	});
});
