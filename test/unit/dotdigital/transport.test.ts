import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { takeRows } from '../../../nodes/shared/pagination';
import { dotdigitalList, dotdigitalPages, dotdigitalRequest } from '../../../nodes/Dotdigital/transport';
import { dd, PASSWORD, USER } from './fixture';

const env = dd.useTestEnv();

const accountInfo = (endpoint: string) => ({
	id: 1,
	properties: [
		{ name: 'Name', type: 'String', value: 'Acme' },
		{ name: 'ApiEndpoint', type: 'String', value: endpoint },
	],
});

/** A context whose credentials differ from the fixture's by these fields. */
const withCredentials = (credentials: IDataObject) => dd.context({}, { credentials }).ctx;

describe('Dotdigital transport', () => {
	it('sends HTTP Basic with the API user and password', async () => {
		dd.api().get('/v2/data-fields').basicAuth({ user: USER, pass: PASSWORD }).reply(200, []);
		const { ctx } = dd.context({});
		await expect(dotdigitalRequest.call(ctx, 'GET', '/v2/data-fields')).resolves.toEqual([]);
	});

	it('detects the region from account-info once per API user and uses it', async () => {
		dd.api().get('/v2/account-info').once().reply(200, accountInfo('https://r2-api.dotdigital.com/'));
		nock('https://r2-api.dotdigital.com').get('/v2/data-fields').twice().reply(200, [{ name: 'A' }]);
		const creds = { region: 'detect' };
		await dotdigitalRequest.call(withCredentials(creds), 'GET', '/v2/data-fields');
		// A second execution in the same process reuses the detected host: no second account-info call.
		await dotdigitalRequest.call(withCredentials(creds), 'GET', '/v2/data-fields');
	});

	it('does not cache a failed detection', async () => {
		dd.api().get('/v2/account-info').reply(401, { message: 'Authorization has been denied for this request.' });
		dd.api().get('/v2/account-info').reply(200, accountInfo('https://r3-api.dotdigital.com'));
		nock('https://r3-api.dotdigital.com').get('/v2/data-fields').reply(200, []);
		const creds = { region: 'detect' };
		await expect(dotdigitalRequest.call(withCredentials(creds), 'GET', '/v2/data-fields')).rejects.toThrow(/refused/);
		await dotdigitalRequest.call(withCredentials(creds), 'GET', '/v2/data-fields');
	});

	it('refuses an API endpoint outside Dotdigital', async () => {
		dd.api().get('/v2/account-info').reply(200, accountInfo('https://evil.example.com'));
		const creds = { region: 'detect' };
		await expect(dotdigitalRequest.call(withCredentials(creds), 'GET', '/v2/data-fields')).rejects.toThrow(
			/does not trust/,
		);
	});

	it('uses a Base URL override as the host root, following detection only on the same origin', async () => {
		const sandbox = 'http://127.0.0.1:4010';
		nock(sandbox).get('/dotdigital/r1/v2/account-info').reply(200, accountInfo(`${sandbox}/dotdigital/r2`));
		nock(sandbox).get('/dotdigital/r2/v2/address-books').query(true).reply(200, []);
		const creds = { region: 'detect', baseUrl: `${sandbox}/dotdigital/r1/` };
		await dotdigitalList.call(withCredentials(creds), '/v2/address-books');

		nock(sandbox).get('/dotdigital/r1/v2/data-fields').reply(200, []);
		await dotdigitalRequest.call(withCredentials({ region: 'r2', baseUrl: `${sandbox}/dotdigital/r1` }), 'GET', '/v2/data-fields');
	});

	it('uses the chosen region host without detection', async () => {
		nock('https://r3-api.dotdigital.com').get('/v2/data-fields').reply(200, []);
		await dotdigitalRequest.call(withCredentials({ region: 'r3' }), 'GET', '/v2/data-fields');
	});

	it('explains a 401 without ever showing the password', async () => {
		dd.api()
			.get('/v2/data-fields')
			.reply(401, { message: `Authorization has been denied for this request. password=${PASSWORD}` });
		const { ctx } = dd.context({});
		const error = await dotdigitalRequest.call(ctx, 'GET', '/v2/data-fields').catch((e) => e);
		expect(error.message).toMatch(/Dotdigital refused the API user email or password/);
		expect(JSON.stringify({ m: error.message, d: error.description })).not.toContain(PASSWORD);
		expect(error.httpCode).toBe('401');
	});

	it('hints at the region on 403', async () => {
		dd.api().get('/v2/data-fields').reply(403, { message: 'Forbidden' });
		const error = await dotdigitalRequest.call(dd.context({}).ctx, 'GET', '/v2/data-fields').catch((e) => e);
		expect(error.message).toMatch(/another region/);
	});

	it('retries a 429 with backoff and then succeeds', async () => {
		dd.api().get('/v2/data-fields').reply(429, { message: 'Too many requests' }, { 'X-RateLimit-Reset': '30' });
		dd.api().get('/v2/data-fields').reply(429, {}, { 'Retry-After': '7' });
		dd.api().get('/v2/data-fields').reply(200, [{ name: 'FIRSTNAME' }]);
		const body = await dotdigitalRequest.call(dd.context({}).ctx, 'GET', '/v2/data-fields');
		expect(body).toEqual([{ name: 'FIRSTNAME' }]);
		expect(env.clock().sleeps.length).toBeGreaterThanOrEqual(2);
		expect(env.clock().sleeps).toContain(7000);
	});

	it('treats a 2xx body that only carries a v2 message as an error', async () => {
		dd.api().get('/v2/data-fields').reply(200, { message: 'Error: ERROR_FEATURE_NOT_AVAILABLE' });
		await expect(dotdigitalRequest.call(dd.context({}).ctx, 'GET', '/v2/data-fields')).rejects.toThrow(
			/ERROR_FEATURE_NOT_AVAILABLE/,
		);
	});

	it('pages v2 lists with select and skip until a short page', async () => {
		const page = (n: number, from: number) => Array.from({ length: n }, (_, k) => ({ id: from + k }));
		dd.api().get('/v2/address-books').query({ select: 1000, skip: 0 }).reply(200, page(1000, 0));
		dd.api().get('/v2/address-books').query({ select: 1000, skip: 1000 }).reply(200, page(3, 1000));
		const rows = await takeRows(dotdigitalPages.call(dd.context({}).ctx, '/v2/address-books'));
		expect(rows).toHaveLength(1003);
		expect(rows[1002]).toEqual({ id: 1002 });
	});
});
