import nock from 'nock';

import { ddRequest } from '../../../nodes/Dotdigital/transport';
import { collect, v2Pages, v3Pages } from '../../../nodes/Dotdigital/transport/paging';
import { credentials, dd, HOST, PASSWORD, USER, useDotdigitalTestEnv } from './setup';

const env = useDotdigitalTestEnv();

const accountInfo = (endpoint: string) => ({
	id: 1,
	properties: [
		{ name: 'Name', type: 'String', value: 'Acme' },
		{ name: 'ApiEndpoint', type: 'String', value: endpoint },
	],
});

describe('Dotdigital transport', () => {
	it('sends HTTP Basic with the API user and password', async () => {
		nock(HOST).get('/v2/data-fields').basicAuth({ user: USER, pass: PASSWORD }).reply(200, []);
		const { ctx } = dd({});
		await expect(ddRequest(ctx, 'GET', '/v2/data-fields')).resolves.toEqual([]);
	});

	it('detects the region from account-info once per API user and uses it', async () => {
		nock(HOST).get('/v2/account-info').once().reply(200, accountInfo('https://r2-api.dotdigital.com/'));
		nock('https://r2-api.dotdigital.com').get('/v2/data-fields').twice().reply(200, [{ name: 'A' }]);
		const creds = credentials({ region: 'detect' });
		await ddRequest(dd({}, { credentials: creds }).ctx, 'GET', '/v2/data-fields');
		// A second execution in the same process reuses the detected host: no second account-info call.
		await ddRequest(dd({}, { credentials: creds }).ctx, 'GET', '/v2/data-fields');
	});

	it('does not cache a failed detection', async () => {
		nock(HOST).get('/v2/account-info').reply(401, { message: 'Authorization has been denied for this request.' });
		nock(HOST).get('/v2/account-info').reply(200, accountInfo('https://r3-api.dotdigital.com'));
		nock('https://r3-api.dotdigital.com').get('/v2/data-fields').reply(200, []);
		const creds = credentials({ region: 'detect' });
		await expect(ddRequest(dd({}, { credentials: creds }).ctx, 'GET', '/v2/data-fields')).rejects.toThrow(/refused/);
		await ddRequest(dd({}, { credentials: creds }).ctx, 'GET', '/v2/data-fields');
	});

	it('refuses an API endpoint outside Dotdigital', async () => {
		nock(HOST).get('/v2/account-info').reply(200, accountInfo('https://evil.example.com'));
		const creds = credentials({ region: 'detect' });
		await expect(ddRequest(dd({}, { credentials: creds }).ctx, 'GET', '/v2/data-fields')).rejects.toThrow(
			/does not trust/,
		);
	});

	it('uses a Base URL override as the host root, following detection only on the same origin', async () => {
		const sandbox = 'http://127.0.0.1:4010';
		nock(sandbox).get('/dotdigital/r1/v2/account-info').reply(200, accountInfo(`${sandbox}/dotdigital/r2`));
		nock(sandbox).get('/dotdigital/r2/v2/address-books').query(true).reply(200, []);
		const creds = credentials({ region: 'detect', baseUrl: `${sandbox}/dotdigital/r1/` });
		await collect(v2Pages(dd({}, { credentials: creds }).ctx, '/v2/address-books'));

		nock(sandbox).get('/dotdigital/r1/v2/data-fields').reply(200, []);
		await ddRequest(dd({}, { credentials: credentials({ region: 'r2', baseUrl: `${sandbox}/dotdigital/r1` }) }).ctx, 'GET', '/v2/data-fields');
	});

	it('uses the chosen region host without detection', async () => {
		nock('https://r3-api.dotdigital.com').get('/v2/data-fields').reply(200, []);
		await ddRequest(dd({}, { credentials: credentials({ region: 'r3' }) }).ctx, 'GET', '/v2/data-fields');
	});

	it('explains a 401 without ever showing the password', async () => {
		nock(HOST)
			.get('/v2/data-fields')
			.reply(401, { message: `Authorization has been denied for this request. password=${PASSWORD}` });
		const { ctx } = dd({});
		const error = await ddRequest(ctx, 'GET', '/v2/data-fields').catch((e) => e);
		expect(error.message).toMatch(/Dotdigital refused the API user email or password/);
		expect(JSON.stringify({ m: error.message, d: error.description })).not.toContain(PASSWORD);
		expect(error.httpCode).toBe('401');
	});

	it('hints at the region on 403', async () => {
		nock(HOST).get('/v2/data-fields').reply(403, { message: 'Forbidden' });
		const error = await ddRequest(dd({}).ctx, 'GET', '/v2/data-fields').catch((e) => e);
		expect(error.message).toMatch(/another region/);
	});

	it('retries a 429 with backoff and then succeeds', async () => {
		nock(HOST).get('/v2/data-fields').reply(429, { message: 'Too many requests' }, { 'X-RateLimit-Reset': '30' });
		nock(HOST).get('/v2/data-fields').reply(429, {}, { 'Retry-After': '7' });
		nock(HOST).get('/v2/data-fields').reply(200, [{ name: 'FIRSTNAME' }]);
		const body = await ddRequest(dd({}).ctx, 'GET', '/v2/data-fields');
		expect(body).toEqual([{ name: 'FIRSTNAME' }]);
		expect(env.clock().sleeps.length).toBeGreaterThanOrEqual(2);
		expect(env.clock().sleeps).toContain(7000);
	});

	it('treats a 2xx body that only carries a v2 message as an error', async () => {
		nock(HOST).get('/v2/data-fields').reply(200, { message: 'Error: ERROR_FEATURE_NOT_AVAILABLE' });
		await expect(ddRequest(dd({}).ctx, 'GET', '/v2/data-fields')).rejects.toThrow(/ERROR_FEATURE_NOT_AVAILABLE/);
	});

	it('pages v2 lists with select and skip until a short page', async () => {
		const page = (n: number, from: number) => Array.from({ length: n }, (_, k) => ({ id: from + k }));
		nock(HOST).get('/v2/address-books').query({ select: 1000, skip: 0 }).reply(200, page(1000, 0));
		nock(HOST).get('/v2/address-books').query({ select: 1000, skip: 1000 }).reply(200, page(3, 1000));
		const rows = await collect(v2Pages(dd({}).ctx, '/v2/address-books'));
		expect(rows).toHaveLength(1003);
		expect(rows[1002]).toEqual({ id: 1002 });
	});

	it('pages v3 lists by following the marker of _links.next', async () => {
		nock(HOST)
			.get('/contacts/v3')
			.query({ limit: 2 })
			.reply(200, { _items: [{ id: 1 }, { id: 2 }], _links: { next: { href: '/contacts/v3?limit=2&marker=abc%3D' } } });
		nock(HOST)
			.get('/contacts/v3')
			.query({ limit: 2, marker: 'abc=' })
			.reply(200, { _items: [{ id: 3 }], _links: {} });
		const rows = await collect(v3Pages(dd({}).ctx, '/contacts/v3', {}, 2));
		expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
	});
});
