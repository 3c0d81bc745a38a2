import { excerpt, redact } from '../../../nodes/shared/redact';
import {
	backoffDelay,
	isIdempotent,
	isRetryableNetworkError,
	isRetryableStatus,
	parseRateLimitReset,
	parseRetryAfter,
	retriesFor,
} from '../../../nodes/shared/retry';
import { updateDisplayOptions } from '../../../nodes/shared/displayOptions';

describe('retry rules', () => {
	const now = Date.parse('2026-01-01T00:00:00Z');
	it('parses Retry-After in every form', () => {
		expect(parseRetryAfter('60', now)).toBe(60_000);
		expect(parseRetryAfter(' 60 Seconds ', now)).toBe(60_000);
		expect(parseRetryAfter('1.5', now)).toBe(1500);
		expect(parseRetryAfter('2 minutes', now)).toBe(120_000);
		expect(parseRetryAfter(['5'], now)).toBe(5000);
		expect(parseRetryAfter(new Date(now + 9000).toUTCString(), now)).toBe(9000);
		expect(parseRetryAfter(new Date(now - 9000).toUTCString(), now)).toBe(0);
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter('', now)).toBeUndefined();
	});

	it('reads X-RateLimit-Reset as seconds to wait, Unix seconds or Unix milliseconds', () => {
		expect(parseRateLimitReset('30', now)).toBe(30_000);
		expect(parseRateLimitReset(String(now / 1000 + 45), now)).toBe(45_000);
		expect(parseRateLimitReset(String(now + 2500), now)).toBe(2500);
		expect(parseRateLimitReset(String(now / 1000 - 5), now)).toBe(0);
		expect(parseRateLimitReset('soon', now)).toBeUndefined();
		expect(parseRateLimitReset(undefined, now)).toBeUndefined();
	});

	it('backoff: exponential ceiling, jitter in [ceiling/2, ceiling], capped, vendor wait wins', () => {
		const policy = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 5000 };
		expect(backoffDelay(0, policy, undefined, () => 0)).toBe(500);
		expect(backoffDelay(0, policy, undefined, () => 1)).toBe(1000);
		expect(backoffDelay(2, policy, undefined, () => 1)).toBe(4000);
		expect(backoffDelay(10, policy, undefined, () => 1)).toBe(5000);
		expect(backoffDelay(10, policy, undefined, () => 0)).toBe(2500);
		expect(backoffDelay(0, policy, 3000)).toBe(3000);
		expect(backoffDelay(0, policy, 60_000)).toBe(5000);
	});

	it('which statuses and network errors retry for which methods', () => {
		expect(isIdempotent('get')).toBe(true);
		expect(isIdempotent('POST')).toBe(false);
		for (const m of ['GET', 'POST']) {
			expect(isRetryableStatus(429, m)).toBe(true);
			expect(isRetryableStatus(503, m)).toBe(true);
			expect(isRetryableNetworkError('ECONNREFUSED', m)).toBe(true);
		}
		expect(isRetryableStatus(500, 'GET')).toBe(true);
		expect(isRetryableStatus(500, 'PUT')).toBe(true);
		expect(isRetryableStatus(500, 'POST')).toBe(false);
		expect(retriesFor(500, { maxRetries: 6, baseDelayMs: 1, maxDelayMs: 1 })).toBe(2);
		expect(retriesFor(429, { maxRetries: 6, baseDelayMs: 1, maxDelayMs: 1 })).toBe(6);
		expect(isRetryableStatus(502, 'PUT')).toBe(true);
		expect(isRetryableStatus(504, 'POST')).toBe(false);
		expect(isRetryableNetworkError('ECONNRESET', 'GET')).toBe(true);
		expect(isRetryableNetworkError('ECONNRESET', 'POST')).toBe(false);
		expect(isRetryableNetworkError(undefined, 'GET')).toBe(false);
	});
});

describe('redact', () => {
	it('removes given secrets, longest first, also URL-encoded', () => {
		expect(redact('key abcd1234 and abcd', ['abcd', 'abcd1234'])).toBe('key *** and ***');
		expect(redact('u=a%2Fb%2Bc', ['a/b+c'])).toBe('u=***');
		expect(redact('short ab', ['ab'])).toBe('short ab');
	});

	it('removes values of secret-looking headers and fields, including the auth scheme payload', () => {
		expect(redact('Authorization: Basic dXNlcjprZXk=')).toBe('Authorization: Basic ***');
		expect(redact('authorization: Bearer eyJhbGciOi.x.y')).toBe('authorization: Bearer ***');
		expect(redact('"Authorization":"OAuth2 am9vci10b2tlbg=="')).toBe('"Authorization":"OAuth2 ***"');
		expect(redact('{"api-auth-applicationkey":"0f0f-aaaa"}')).toBe('{"api-auth-applicationkey":"***"}');
		expect(redact('?apiKey=zzz&x=1')).toBe('?apiKey=***&x=1');
		expect(redact('client_secret=abc access_token=def')).toBe('client_secret=*** access_token=***');
	});

	it('excerpt cuts long text', () => {
		expect(excerpt('abcdef', 3)).toBe('abc…');
		expect(excerpt({ a: 1 })).toBe('{"a":1}');
	});
});

describe('updateDisplayOptions', () => {
	it('merges show/hide into every property', () => {
		const [p] = updateDisplayOptions({ show: { resource: ['sale'], operation: ['get'] }, hide: { x: [true] } }, [
			{ displayName: 'A', name: 'a', type: 'string', default: '', displayOptions: { show: { mode: ['m'] } } },
		]);
		expect(p.displayOptions).toEqual({ show: { mode: ['m'], resource: ['sale'], operation: ['get'] }, hide: { x: [true] } });
	});
});
