import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { JoorApi } from '../../../credentials/JoorApi.credentials';
import { Joor } from '../../../nodes/Joor/Joor.node';
import { performRequest } from '../helpers/fakeContext';
import { joor, v2, V4 } from './fixture';

const env = joor.useTestEnv();

const ATLAS = 'https://atlas.jooraccess.com';
const orders = { resource: 'order', operation: 'getAll', orderType: 6, exportStatus: 5, returnAll: true };
const tokenAnswer = (token: string) => ({ access_token: token, expires_in: 36000, token_type: 'Bearer' });

/**
 * Stands in for n8n's httpRequestWithAuthentication: credentials without a token run
 * preAuthentication first (the new token is stored for later calls), and whatever it throws reaches
 * the node wrapped in a NodeApiError, as n8n does. (The fixture's own stand-in lets it through bare.)
 */
function likeN8n(over: IDataObject) {
	const fake = joor.context(orders, { credentials: { ...V4, ...over } });
	const tokens: string[] = [];
	const ctx = fake.ctx as unknown as {
		getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
		getNode(): never;
		helpers: { httpRequestWithAuthentication(type: string, options: IHttpRequestOptions, extra?: unknown): Promise<unknown> };
	};
	const original = ctx.helpers.httpRequestWithAuthentication;
	ctx.helpers.httpRequestWithAuthentication = async (type, options, extra) => {
		try {
			const stored = await ctx.getCredentials(type);
			const handed = (extra as { credentialsDecrypted?: { data: ICredentialDataDecryptedObject } } | undefined)?.credentialsDecrypted?.data ?? stored;
			if (!handed.accessToken) {
				const fresh = await new JoorApi().preAuthentication.call({ helpers: { httpRequest: performRequest } } as never, handed);
				tokens.push(String(fresh.accessToken));
				Object.assign(stored, fresh);
			}
			return await original(type, options);
		} catch (error) {
			throw new NodeApiError(ctx.getNode(), error as never);
		}
	};
	return { fake, tokens };
}

const run = async (fake: ReturnType<typeof likeN8n>['fake']) => ((await new Joor().execute.call(fake.ctx)) as Array<Array<{ json: IDataObject }>>)[0].map((i) => i.json);

describe('JOOR v4: throttles on the password-grant token request', () => {
	it.each([
		['429 with Retry-After in seconds', 429, { 'Retry-After': '2' }, 2000],
		['429 with "Retry-After: N Seconds"', 429, { 'Retry-After': '3 Seconds' }, 3000],
		['429 with X-Retry-After', 429, { 'X-Retry-After': '4' }, 4000],
		['503 with "Retry-After: N Seconds"', 503, { 'Retry-After': '5 Seconds' }, 5000],
		['503 with X-Retry-After', 503, { 'X-Retry-After': '6' }, 6000],
	])('a first token request throttled (%s) is asked again after the wait, then the call is sent', async (_name, status, headers, waitMs) => {
		nock(ATLAS).post('/auth/').reply(status, { error: 'too_many_requests' }, headers);
		nock(ATLAS).post('/auth/').reply(200, tokenAnswer('tok-new'));
		joor.api().matchHeader('authorization', 'Bearer tok-new').get('/v2/orders').query(true).reply(200, v2({ orders: [] }));
		const { fake, tokens } = likeN8n({ accessToken: '', expiresAt: '' });
		expect(await run(fake)).toEqual([]);
		expect(tokens).toEqual(['tok-new']);
		expect(env.clock().sleeps).toContain(waitMs);
	});

	it('a 502 at the token endpoint is retried like one on the call', async () => {
		nock(ATLAS).post('/auth/').reply(502, 'Bad Gateway');
		nock(ATLAS).post('/auth/').reply(200, tokenAnswer('tok-new'));
		joor.api().matchHeader('authorization', 'Bearer tok-new').get('/v2/orders').query(true).reply(200, v2({ orders: [] }));
		const { fake, tokens } = likeN8n({ accessToken: '', expiresAt: '' });
		expect(await run(fake)).toEqual([]);
		expect(tokens).toEqual(['tok-new']);
		expect(env.clock().sleeps.length).toBeGreaterThanOrEqual(1);
	});

	it('a renewal due before the call survives a throttled token request too', async () => {
		nock(ATLAS).post('/auth/').reply(503, 'busy', { 'Retry-After': '7 Seconds' });
		nock(ATLAS).post('/auth/').reply(200, tokenAnswer('tok-2'));
		joor.api().matchHeader('authorization', 'Bearer tok-2').get('/v2/orders').query(true).reply(200, v2({ orders: [] }));
		const { fake, tokens } = likeN8n({ accessToken: 'tok-old', expiresAt: new Date(env.clock().now() - 1000).toISOString() });
		expect(await run(fake)).toEqual([]);
		expect(tokens).toEqual(['tok-2']);
		expect(env.clock().sleeps).toContain(7000);
	});

	it('a renewal after a 401 survives a throttled token request too', async () => {
		joor.api().matchHeader('authorization', 'Bearer tok-old').get('/v2/orders').query(true).reply(401, v2({}, { code: 401, comment: 'expired' }));
		nock(ATLAS).post('/auth/').reply(429, { error: 'slow down' }, { 'X-Retry-After': '8' });
		nock(ATLAS).post('/auth/').reply(200, tokenAnswer('tok-3'));
		joor.api().matchHeader('authorization', 'Bearer tok-3').get('/v2/orders').query(true).reply(200, v2({ orders: [] }));
		const { fake, tokens } = likeN8n({ accessToken: 'tok-old', expiresAt: '2030-01-01T00:00:00.000Z' });
		expect(await run(fake)).toEqual([]);
		expect(tokens).toEqual(['tok-3']);
		expect(env.clock().sleeps).toContain(8000);
	});

	it('a token request refused for good (401) is not retried and names the cause without the secret', async () => {
		const token = nock(ATLAS).post('/auth/').reply(401, { error: 'invalid_grant', error_description: `bad password=${V4.password}` });
		const { fake, tokens } = likeN8n({ accessToken: '', expiresAt: '' });
		const err = (await run(fake).catch((e: Error) => e)) as Error;
		expect(err.message).toMatch(/JOOR refused the client ID, client secret, username or password at its token endpoint \(HTTP 401\)/);
		expect(JSON.stringify(err)).not.toContain(V4.password);
		expect(err.message).not.toContain(V4.password);
		expect(token.isDone()).toBe(true);
		expect(tokens).toEqual([]);
		expect(env.clock().sleeps).toEqual([]);
	});

	it('a token request throttled past the retry budget fails as a throttle, without the secret', async () => {
		nock(ATLAS).post('/auth/').times(9).reply(429, { error: `slow down ${V4.clientSecret}` }, { 'Retry-After': '1 Seconds' });
		const { fake } = likeN8n({ accessToken: '', expiresAt: '' });
		const err = (await run(fake).catch((e: Error) => e)) as Error;
		expect(err.message).toMatch(/JOOR has no credits left/);
		expect(err.message).not.toContain(V4.clientSecret);
		expect(JSON.stringify(err)).not.toContain(V4.clientSecret);
		expect(env.clock().sleeps).toEqual(Array(8).fill(1000));
	});
});
