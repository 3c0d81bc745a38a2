import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { EmarsysApi } from '../../../credentials/EmarsysApi.credentials';
import { emarsysList } from '../../../nodes/Emarsys/transport';
import { performRequest } from '../helpers/fakeContext';
import { em, ok } from './fixture';

const env = em.useTestEnv();

const CLIENT_SECRET = 'client-SECRET-1';
const oauth = { authType: 'oauth2', clientId: 'client-1', clientSecret: CLIENT_SECRET, tokenUrl: 'https://auth.emarsys.net/oauth2/token' };
const AUTH = 'https://auth.emarsys.net';
const V3 = 'https://api.emarsys.net';

/**
 * Stands in for n8n's httpRequestWithAuthentication: credentials without a token run
 * preAuthentication first (the new token is stored for later calls), and whatever it throws reaches
 * the node wrapped in a NodeApiError, as n8n does.
 */
function likeN8n(over: IDataObject) {
	const fake = em.context({}, { credentials: { ...oauth, ...over } });
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
				const fresh = await new EmarsysApi().preAuthentication.call({ helpers: { httpRequest: performRequest } } as never, handed);
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

describe('Emarsys: throttles on the OAuth2 token request', () => {
	it.each([
		['429 with Retry-After in seconds', 429, { 'Retry-After': '2' }, 2000],
		['429 with "Retry-After: N Seconds"', 429, { 'Retry-After': '3 Seconds' }, 3000],
		['429 with X-Retry-After', 429, { 'X-Retry-After': '4' }, 4000],
		['503 with "Retry-After: N Seconds"', 503, { 'Retry-After': '5 Seconds' }, 5000],
		['503 with X-Retry-After', 503, { 'X-Retry-After': '6' }, 6000],
	])('a first token request throttled (%s) is asked again after the wait, then the call is sent', async (_name, status, headers, waitMs) => {
		nock(AUTH).post('/oauth2/token').reply(status, { error: 'too_many_requests' }, headers);
		nock(AUTH).post('/oauth2/token').reply(200, { access_token: 'tok-new', expires_in: 3600 });
		nock(V3).get('/api/v3/event').matchHeader('authorization', 'Bearer tok-new').reply(200, ok([{ id: 1 }]));
		const { fake, tokens } = likeN8n({ accessToken: '', expiresAt: '' });
		expect(await emarsysList.call(fake.ctx, '/event')).toEqual([{ id: 1 }]);
		expect(tokens).toEqual(['tok-new']);
		expect(env.clock().sleeps).toContain(waitMs);
	});

	it('a 502 at the token endpoint is retried like one on the call', async () => {
		nock(AUTH).post('/oauth2/token').reply(502, 'Bad Gateway');
		nock(AUTH).post('/oauth2/token').reply(200, { access_token: 'tok-new', expires_in: 3600 });
		nock(V3).get('/api/v3/event').matchHeader('authorization', 'Bearer tok-new').reply(200, ok([{ id: 2 }]));
		const { fake, tokens } = likeN8n({ accessToken: '', expiresAt: '' });
		expect(await emarsysList.call(fake.ctx, '/event')).toEqual([{ id: 2 }]);
		expect(tokens).toEqual(['tok-new']);
		expect(env.clock().sleeps).toHaveLength(1);
	});

	it('a renewal due before the call survives a throttled token request too', async () => {
		nock(AUTH).post('/oauth2/token').reply(503, 'busy', { 'Retry-After': '7 Seconds' });
		nock(AUTH).post('/oauth2/token').reply(200, { access_token: 'tok-2', expires_in: 3600 });
		nock(V3).get('/api/v3/event').matchHeader('authorization', 'Bearer tok-2').reply(200, ok([{ id: 3 }]));
		const { fake, tokens } = likeN8n({ accessToken: 'tok-old', expiresAt: new Date(env.clock().now() - 1000).toISOString() });
		expect(await emarsysList.call(fake.ctx, '/event')).toEqual([{ id: 3 }]);
		expect(tokens).toEqual(['tok-2']);
		expect(env.clock().sleeps).toContain(7000);
	});

	it('a renewal after a 401 survives a throttled token request too', async () => {
		nock(V3).get('/api/v3/event').matchHeader('authorization', 'Bearer tok-old').reply(401, { replyCode: 1, replyText: 'Unauthorized' });
		nock(AUTH).post('/oauth2/token').reply(429, { error: 'slow down' }, { 'X-Retry-After': '8' });
		nock(AUTH).post('/oauth2/token').reply(200, { access_token: 'tok-3', expires_in: 3600 });
		nock(V3).get('/api/v3/event').matchHeader('authorization', 'Bearer tok-3').reply(200, ok([{ id: 4 }]));
		const { fake, tokens } = likeN8n({ accessToken: 'tok-old', expiresAt: '2030-01-01T00:00:00.000Z' });
		expect(await emarsysList.call(fake.ctx, '/event')).toEqual([{ id: 4 }]);
		expect(tokens).toEqual(['tok-3']);
		expect(env.clock().sleeps).toContain(8000);
	});

	it('a token request refused for good (401) is not retried and names the cause without the secret', async () => {
		const token = nock(AUTH).post('/oauth2/token').reply(401, { error: `invalid_client ${CLIENT_SECRET}` });
		const { fake, tokens } = likeN8n({ accessToken: '', expiresAt: '' });
		const err = (await emarsysList.call(fake.ctx, '/event').catch((e: Error) => e)) as Error;
		expect(err.message).toMatch(/refused the Client ID or Client Secret at the token endpoint \(HTTP 401/);
		expect(err.message).not.toContain(CLIENT_SECRET);
		expect(JSON.stringify(err)).not.toContain(CLIENT_SECRET);
		expect(token.isDone()).toBe(true);
		expect(tokens).toEqual([]);
		expect(env.clock().sleeps).toEqual([]);
	});

	it('a token request throttled past the retry budget fails as a throttle, without the secret', async () => {
		nock(AUTH).post('/oauth2/token').times(7).reply(429, { error: `slow down ${CLIENT_SECRET}` }, { 'Retry-After': '1 Seconds' });
		const { fake } = likeN8n({ accessToken: '', expiresAt: '' });
		const err = (await emarsysList.call(fake.ctx, '/event').catch((e: Error) => e)) as Error;
		expect(err.message).toMatch(/Emarsys throttled the request/);
		expect(err.message).not.toContain(CLIENT_SECRET);
		expect(JSON.stringify(err)).not.toContain(CLIENT_SECRET);
		expect(env.clock().sleeps).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
	});
});
