import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { EmarsysApi } from '../../../credentials/EmarsysApi.credentials';
import { emarsysList, emarsysRequest } from '../../../nodes/Emarsys/transport';
import { wsseDigest, wsseHeader } from '../../../nodes/Emarsys/transport/wsse';
import { em, n8nStoresTokens, ok, SECRET, USER } from './fixture';

const env = em.useTestEnv();

const oauth = (over: IDataObject = {}) => ({
	authType: 'oauth2',
	clientId: 'client-1',
	clientSecret: 'client-SECRET-1',
	tokenUrl: 'https://auth.emarsys.net/oauth2/token',
	...over,
});
const V3 = 'https://api.emarsys.net';
const basic = `Basic ${Buffer.from('client-1:client-SECRET-1').toString('base64')}`;

describe('Emarsys WSSE', () => {
	it('digests the hex SHA-1, not the raw bytes (vector computed independently, with Python hashlib)', () => {
		expect(wsseDigest('d36e316282959a9ed4c89851497a717f', '2014-03-20T12:51:45Z', 'customer_secret')).toBe(
			'ODYzYzA2OTdlZTc0ZWU2MzkzMDEzYmVkYTdiYmZiNjk1MTc4MWIzZA==',
		);
	});

	it('builds the header Emarsys documents, with a fresh nonce each time', () => {
		const h = wsseHeader('acme', 'customer_secret', Date.parse('2014-03-20T12:51:45.123Z'), 'd36e316282959a9ed4c89851497a717f');
		expect(h).toBe(
			'UsernameToken Username="acme", PasswordDigest="ODYzYzA2OTdlZTc0ZWU2MzkzMDEzYmVkYTdiYmZiNjk1MTc4MWIzZA==", Nonce="d36e316282959a9ed4c89851497a717f", Created="2014-03-20T12:51:45Z"',
		);
		const nonces = new Set([1, 2, 3].map(() => /Nonce="([0-9a-f]{32})"/.exec(wsseHeader('a', 'b', 0))?.[1]));
		expect(nonces.size).toBe(3);
	});

	it('signs every request (retries too) with a new nonce that verifies against the secret', async () => {
		const seen: string[] = [];
		const capture = function (this: { req: { headers: IDataObject } }) {
			seen.push(String(this.req.headers['x-wsse']));
		};
		em.api().get('/api/v2/field').reply(function () {
			capture.call(this as never);
			return [429, { replyCode: 1, replyText: 'Too many requests' }, { 'Retry-After': '1' }];
		});
		em.api().get('/api/v2/field').reply(function () {
			capture.call(this as never);
			return [200, ok([{ id: 3, name: 'Email' }])];
		});
		const rows = await emarsysList.call(em.context().ctx, '/field');
		expect(rows).toEqual([{ id: 3, name: 'Email' }]);
		expect(seen).toHaveLength(2);
		const parse = (h: string) => Object.fromEntries([...h.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
		const [a, b] = seen.map(parse);
		expect(a.Username).toBe(USER);
		expect(a.Nonce).not.toBe(b.Nonce);
		for (const p of [a, b]) expect(p.PasswordDigest).toBe(wsseDigest(p.Nonce, p.Created, SECRET));
	});
});

describe('Emarsys OAuth2 (token on the credential, docs/architecture.md "Transport")', () => {
	/** A fake context whose credential n8n fills through preAuthentication, and the tokens it fetched. */
	const ctx = (over: IDataObject = {}) => {
		const fake = em.context({}, { credentials: { ...oauth(), ...over } });
		return { ...fake, fetched: n8nStoresTokens(fake) };
	};

	it('gets a token by client credentials, stores it on the credential, and reuses it as Bearer for later calls', async () => {
		nock('https://auth.emarsys.net')
			.post('/oauth2/token', 'grant_type=client_credentials')
			.matchHeader('authorization', basic)
			.once()
			.reply(200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: 3600 });
		nock(V3).get('/api/v3/event').matchHeader('authorization', 'Bearer tok-1').thrice().reply(200, ok([{ id: 1, name: 'first_purchase' }]));
		const fake = ctx();
		await emarsysList.call(fake.ctx, '/event');
		env.clock().advance(3000_000);
		await emarsysList.call(fake.ctx, '/event');
		await emarsysList.call(fake.ctx, '/event');
		expect(fake.fetched).toEqual(['tok-1']);
		const stored = await fake.ctx.getCredentials('emarsysApi');
		expect(stored.accessToken).toBe('tok-1');
		// Renewed a minute before Emarsys's expires_in runs out.
		expect(stored.expiresAt).toBe(new Date(env.clock().now() - 3000_000 + 3540_000).toISOString());
	});

	it('renews the token before a call once its renewal time has passed', async () => {
		nock('https://auth.emarsys.net').post('/oauth2/token').reply(200, { access_token: 'tok-1', expires_in: 3600 });
		nock('https://auth.emarsys.net').post('/oauth2/token').reply(200, { access_token: 'tok-2', expires_in: 3600 });
		nock(V3).get('/api/v3/event').matchHeader('authorization', 'Bearer tok-1').reply(200, ok([]));
		nock(V3).get('/api/v3/event').matchHeader('authorization', 'Bearer tok-2').twice().reply(200, ok([]));
		const fake = ctx();
		await emarsysList.call(fake.ctx, '/event');
		env.clock().advance(3540_000);
		await emarsysList.call(fake.ctx, '/event');
		await emarsysList.call(fake.ctx, '/event');
		expect(fake.fetched).toEqual(['tok-1', 'tok-2']);
	});

	it('a stored token Emarsys answers 401 to is renewed once and the call sent again', async () => {
		nock(V3).get('/api/v3/event').matchHeader('authorization', 'Bearer stored-old').reply(401, { replyCode: 1, replyText: 'Unauthorized' });
		nock('https://auth.emarsys.net').post('/oauth2/token').reply(200, { access_token: 'tok-new', expires_in: 3600 });
		nock(V3).get('/api/v3/event').matchHeader('authorization', 'Bearer tok-new').twice().reply(200, ok([{ id: 7 }]));
		const fake = ctx({ accessToken: 'stored-old', expiresAt: '2030-01-01T00:00:00.000Z' });
		expect(await emarsysList.call(fake.ctx, '/event')).toEqual([{ id: 7 }]);
		expect(await emarsysList.call(fake.ctx, '/event')).toEqual([{ id: 7 }]);
		expect(fake.fetched).toEqual(['tok-new']);
	});

	it('a second 401 is the credential\'s error: a clear message, one renewal, no secret', async () => {
		nock('https://auth.emarsys.net').post('/oauth2/token').reply(200, { access_token: 'tok-x', expires_in: 3600 });
		nock('https://auth.emarsys.net').post('/oauth2/token').reply(200, { access_token: 'tok-y', expires_in: 3600 });
		nock(V3).get('/api/v3/event').twice().reply(401, { replyCode: 1, replyText: 'Unauthorized for client-SECRET-1' });
		const fake = ctx();
		const err = await emarsysList.call(fake.ctx, '/event').catch((e: Error) => e);
		expect(String((err as Error).message)).toMatch(/^Emarsys refused the credentials \(HTTP 401\)/);
		expect(fake.fetched).toEqual(['tok-x', 'tok-y']);
		expect(JSON.stringify(err)).not.toContain('client-SECRET-1');
		expect(String((err as Error).message)).not.toContain('client-SECRET-1');
	});

	it('a token renewed because it was due is not renewed again on a 401', async () => {
		nock('https://auth.emarsys.net').post('/oauth2/token').reply(200, { access_token: 'tok-due', expires_in: 3600 });
		nock(V3).get('/api/v3/event').matchHeader('authorization', 'Bearer tok-due').reply(401, { replyCode: 1, replyText: 'Unauthorized' });
		const fake = ctx({ accessToken: 'stored-old', expiresAt: new Date(env.clock().now() - 1).toISOString() });
		await expect(emarsysList.call(fake.ctx, '/event')).rejects.toThrow(/^Emarsys refused the credentials \(HTTP 401\)/);
		expect(fake.fetched).toEqual(['tok-due']);
	});

	it('tells a wrong client secret at the token endpoint apart, without echoing it', async () => {
		nock('https://auth.emarsys.net').post('/oauth2/token').reply(401, { error: 'invalid_client client-SECRET-1' });
		const err = (await emarsysList.call(ctx().ctx, '/event').catch((e: Error) => e)) as Error;
		expect(err.message).toMatch(/refused the Client ID or Client Secret at the token endpoint \(HTTP 401/);
		expect(err.message).not.toContain('client-SECRET-1');
	});

	it('preAuthentication returns the token and its renewal time for n8n to store; WSSE needs none', async () => {
		const cred = new EmarsysApi();
		const httpRequest = jest.fn(async () => ({ statusCode: 200, body: JSON.stringify({ access_token: 'tok-p', expires_in: 600 }) }));
		const out = await cred.preAuthentication.call({ helpers: { httpRequest } } as never, oauth());
		expect(out).toEqual({ accessToken: 'tok-p', expiresAt: new Date(env.clock().now() + 540_000).toISOString() });
		expect(httpRequest).toHaveBeenCalledWith(expect.objectContaining({ method: 'POST', url: 'https://auth.emarsys.net/oauth2/token', body: 'grant_type=client_credentials' }));
		await expect(cred.preAuthentication.call({ helpers: { httpRequest } } as never, { authType: 'wsse' })).resolves.toEqual({});
	});

	it('WSSE fetches no token: every call carries its own digest', async () => {
		em.api().get('/api/v2/event').matchHeader('x-wsse', /^UsernameToken Username="acme001"/).reply(200, ok([]));
		const fake = em.context();
		const fetched = n8nStoresTokens(fake);
		await emarsysList.call(fake.ctx, '/event');
		expect(fetched).toEqual([]);
		expect(fake.requests[0].headers).not.toHaveProperty('Authorization');
	});
});

describe('Emarsys envelope', () => {
	it('fails a 200 whose replyCode is not 0, naming the code and text', async () => {
		em.api().post('/api/v2/contactlist').reply(200, { replyCode: 3003, replyText: 'List name already exists', data: '' });
		await expect(emarsysRequest.call(em.context().ctx, 'POST', '/contactlist', undefined, { name: 'x' })).rejects.toThrow(
			/Emarsys answered HTTP 200: replyCode 3003: List name already exists/,
		);
	});

	it('names a 400 with the vendor text, and never shows the secrets', async () => {
		em.api().put('/api/v2/contact/').query(true).reply(400, { replyCode: 1000, replyText: 'Too many contacts in the batch' });
		const err = (await emarsysRequest
			.call(em.context().ctx, 'PUT', '/contact/', { create_if_not_exists: 1 }, { key_id: '3', contacts: [] })
			.catch((e: Error) => e)) as Error;
		expect(err.message).toMatch(/Emarsys rejected the request as invalid: Too many contacts in the batch \(HTTP 400\)/);
		expect(JSON.stringify(err)).not.toContain(SECRET);
	});
});
