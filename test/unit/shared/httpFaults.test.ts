/**
 * Transport rules found by the e2e fault runs (test/e2e/faults.test.ts): an idempotent write sent
 * as PATCH/POST (Dotdigital's upsert by email) retries gateway errors and dropped connections like
 * a PUT; a JSON body cut short is retried for idempotent calls, a web page served instead of data
 * is not (it means a wrong Base URL); a non-idempotent write never retries a maybe-applied failure.
 */
import nock from 'nock';
import type { ICredentialType } from 'n8n-workflow';

import { vendorJson, type VendorProfile, type VendorRequest } from '../../../nodes/shared/http';
import { createContext, useFakeClock } from '../helpers/fakeContext';

const BASE = 'https://api.faulty.local';
const credentialType: ICredentialType = {
	name: 'faultyApi',
	displayName: 'Faulty API',
	properties: [],
	authenticate: { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } } },
};
const profile: VendorProfile = {
	vendor: 'Faulty',
	credentialType: 'faultyApi',
	baseUrl: () => BASE,
	accountKey: () => 'acc',
	secretFields: ['token'],
	pacing: () => ({ perMinute: 10_000 }),
	retry: { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 120_000 },
};
const ctx = () => createContext({ credentialType, credentials: { token: 'tok_SECRET_0123456789' } });
const send = (request: Partial<VendorRequest>) =>
	vendorJson.call(ctx().ctx, profile, { method: 'GET', path: '/thing', ...request } as VendorRequest);

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

describe('idempotent writes', () => {
	it('a PATCH marked idempotent retries a 502 and a dropped connection', async () => {
		nock(BASE)
			.patch('/thing')
			.reply(502, '<html>Bad Gateway</html>')
			.patch('/thing')
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
			.patch('/thing')
			.reply(200, { ok: true });
		await expect(send({ method: 'PATCH', body: { a: 1 }, idempotent: true })).resolves.toEqual({ ok: true });
		expect(clock.sleeps).toHaveLength(2);
	});

	it('an unmarked PATCH or POST fails at once on a 502 (the write may have happened)', async () => {
		nock(BASE).patch('/thing').reply(502, 'Bad Gateway').post('/thing').reply(502, 'Bad Gateway');
		await expect(send({ method: 'PATCH', body: { a: 1 } })).rejects.toThrow(/HTTP 502/);
		await expect(send({ method: 'POST', body: { a: 1 } })).rejects.toThrow(/HTTP 502/);
		expect(clock.sleeps).toHaveLength(0);
	});

	it('idempotent: false keeps a PUT from retrying a 502', async () => {
		nock(BASE).put('/thing').reply(502, 'Bad Gateway');
		await expect(send({ method: 'PUT', body: { a: 1 }, idempotent: false })).rejects.toThrow(/HTTP 502/);
		expect(clock.sleeps).toHaveLength(0);
	});

	it('throttles still retry for every method', async () => {
		nock(BASE).post('/thing').reply(429, 'slow down', { 'Retry-After': '2' }).post('/thing').reply(200, { ok: 1 });
		await expect(send({ method: 'POST', body: { a: 1 } })).resolves.toEqual({ ok: 1 });
		expect(clock.sleeps).toEqual([2000]);
	});
});

describe('bodies that do not parse', () => {
	it('a GET whose JSON body was cut short is retried', async () => {
		nock(BASE).get('/thing').reply(200, '{"Total":1,"Page":1,"Data":[{"ID":"').get('/thing').reply(200, { Total: 0 });
		await expect(send({})).resolves.toEqual({ Total: 0 });
		expect(clock.sleeps).toHaveLength(1);
	});

	it('a cut-short body on a POST is an error, not a retry (the write may have happened)', async () => {
		nock(BASE).post('/thing').reply(200, '[{"id":');
		await expect(send({ method: 'POST', body: { a: 1 } })).rejects.toThrow(/non-JSON body/);
		expect(clock.sleeps).toHaveLength(0);
	});

	it('a cut-short body that keeps coming fails after the retries with the clear message', async () => {
		nock(BASE).get('/thing').times(4).reply(200, '{"a":');
		await expect(send({})).rejects.toThrow(/non-JSON body/);
		expect(clock.sleeps).toHaveLength(3);
	});

	it('an HTML page instead of data is not retried', async () => {
		nock(BASE).get('/thing').reply(200, '<!DOCTYPE html><html>Page not found</html>', { 'Content-Type': 'text/html' });
		await expect(send({})).rejects.toThrow(/Base URL or the endpoint is probably wrong/);
		expect(clock.sleeps).toHaveLength(0);
	});
});
