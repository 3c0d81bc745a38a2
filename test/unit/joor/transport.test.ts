import nock from 'nock';

import { Joor } from '../../../nodes/Joor/Joor.node';
import { joorResponse } from '../../../nodes/Joor/transport';
import { ENCODED, joor, TOKEN, v2, V4 } from './fixture';

const env = joor.useTestEnv();

const tokenAnswer = (token: string, expiresIn = 36000) => ({
	access_token: token,
	expires_in: expiresIn,
	refresh_token: `refresh-${token}`,
	refresh_expires_in: 7776000,
	token_type: 'Bearer',
});

describe('JOOR transport', () => {
	it('sends a v2 token as "OAuth2 <base64>" and reads orders with sync=0', async () => {
		joor
			.api()
			.matchHeader('authorization', `OAuth2 ${ENCODED}`)
			.get('/v2/orders')
			.query((q) => q.sync === '0')
			.reply(200, v2({ orders: [] }));
		const { json } = await joor.run({ resource: 'order', operation: 'getAll', orderType: 6, exportStatus: 5, returnAll: true });
		expect(json).toEqual([]);
	});

	const orders = { resource: 'order', operation: 'getAll', orderType: 6, exportStatus: 5, returnAll: true };

	it('fetches a v4 token by password grant (multipart form), stores it on the credential and reuses it as bearer', async () => {
		let form = '';
		nock('https://atlas.jooraccess.com')
			.post('/auth/', (body) => {
				form = String(body);
				return true;
			})
			.once()
			.reply(200, tokenAnswer('tok-1'));
		joor.api().matchHeader('authorization', 'Bearer tok-1').get('/v2/orders').query(true).times(3).reply(200, v2({ orders: [] }));
		const fake = joor.context(orders, { credentials: V4 });
		await new Joor().execute.call(fake.ctx);
		env.clock().advance(9 * 3600_000);
		await new Joor().execute.call(fake.ctx);
		await new Joor().execute.call(fake.ctx);
		expect(fake.fetched).toEqual(['tok-1']);
		expect(form).toContain('name="grant_type"');
		expect(form).toContain('password');
		expect(form).toContain('brand-user');
		// Renewed 5 minutes before JOOR's 10 hours run out.
		const stored = await fake.ctx.getCredentials('joorApi');
		expect(stored.expiresAt).toBe(new Date(env.clock().now() - 9 * 3600_000 + 36_000_000 - 300_000).toISOString());
	});

	it('renews the v4 token by a new password grant once its renewal time has passed', async () => {
		nock('https://atlas.jooraccess.com').post('/auth/').reply(200, tokenAnswer('tok-1', 600));
		let renewal = '';
		nock('https://atlas.jooraccess.com')
			.post('/auth/', (body) => {
				renewal = String(body);
				return true;
			})
			.reply(200, tokenAnswer('tok-2'));
		joor.api().matchHeader('authorization', 'Bearer tok-1').get('/v2/orders').query(true).reply(200, v2({ orders: [] }));
		joor.api().matchHeader('authorization', 'Bearer tok-2').get('/v2/orders').query(true).reply(200, v2({ orders: [] }));
		const fake = joor.context(orders, { credentials: V4 });
		await new Joor().execute.call(fake.ctx);
		// 5 minutes before a 10-minute token runs out it is due.
		env.clock().advance(300_000);
		await new Joor().execute.call(fake.ctx);
		expect(fake.fetched).toEqual(['tok-1', 'tok-2']);
		expect(renewal).toContain('brand-user');
		expect(renewal).not.toContain('refresh_token');
	});

	it('a stored v4 token JOOR answers 401 to is renewed once and the call sent again', async () => {
		joor.api().matchHeader('authorization', 'Bearer stored-old').post('/v2/bulk-inventory').query(true).reply(401, v2({}, { code: 401, comment: 'expired' }));
		nock('https://atlas.jooraccess.com').post('/auth/').reply(200, tokenAnswer('tok-new'));
		joor.api().matchHeader('authorization', 'Bearer tok-new').post('/v2/bulk-inventory').query(true).reply(200, v2({}));
		const fake = joor.context({}, { credentials: { ...V4, accessToken: 'stored-old', expiresAt: '2030-01-01T00:00:00.000Z' } });
		const response = await joorResponse.call(fake.ctx, 'POST', '/v2/bulk-inventory', { account: 'acct-1' }, [{ upc: '1', quantity: 1 }]);
		expect(response.status).toBe(200);
		expect(fake.fetched).toEqual(['tok-new']);
	});

	it('a second 401 is the credential\'s error: a clear message, one renewal, no secret', async () => {
		nock('https://atlas.jooraccess.com').post('/auth/').reply(200, tokenAnswer('tok-1'));
		nock('https://atlas.jooraccess.com').post('/auth/').reply(200, tokenAnswer('tok-2'));
		joor.api().get('/v2/orders').query(true).twice().reply(401, v2({}, { code: 401, comment: `refused ${V4.password}` }));
		const fake = joor.context(orders, { credentials: V4 });
		const error = (await new Joor().execute.call(fake.ctx).catch((e: Error) => e)) as Error;
		expect(error.message).toMatch(/^JOOR refused the credentials \(HTTP 401\)/);
		expect(fake.fetched).toEqual(['tok-1', 'tok-2']);
		expect(JSON.stringify(error)).not.toContain(V4.password);
		expect(JSON.stringify(error)).not.toContain(V4.clientSecret);
	});

	it('names a refused v4 login without echoing the secret', async () => {
		nock('https://atlas.jooraccess.com')
			.post('/auth/')
			.reply(401, { error: 'invalid_grant', error_description: `Invalid user credentials for password=${V4.password}` });
		const error = (await joor.run(orders, { credentials: V4 }).catch((e: Error) => e)) as Error;
		expect(error.message).toMatch(/JOOR refused the client ID, client secret, username or password at its token endpoint \(HTTP 401\)/);
		expect(error.message).not.toContain(V4.password);
	});

	it('v2 fetches no token: the API token is sent on every call', async () => {
		joor.api().matchHeader('authorization', `OAuth2 ${ENCODED}`).get('/v2/orders').query(true).reply(200, v2({ orders: [] }));
		const fake = joor.context(orders);
		await new Joor().execute.call(fake.ctx);
		expect(fake.fetched).toEqual([]);
	});

	it('paces writes at 5 credits and reads at 1 under the credits per 5 minutes', async () => {
		// 25 credits per 5 minutes → 5 slots per held minute: one write fills the minute, the read after it waits.
		joor.api().post('/v2/bulk-inventory').query(true).reply(200, v2({}));
		joor.api().get('/v2/orders').query(true).reply(200, v2({ orders: [] }));
		await joor.run(
			{ resource: 'inventory', operation: 'set', warehouse: 'Main', skuKey: 'upc', upc: '0001', inventory: 3, options: {} },
			{ credentials: { creditsPerWindow: 25 } },
		);
		expect(env.clock().sleeps).toEqual([]);
		await joor.run(
			{ resource: 'order', operation: 'getAll', orderType: 6, exportStatus: 5, returnAll: true },
			{ credentials: { creditsPerWindow: 25 } },
		);
		expect(env.clock().sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(60_000);
	});

	it('retries a 429 after the Retry-After JOOR sends', async () => {
		joor.api().get('/v2/orders').query(true).reply(429, v2({}, { code: 429, comment: 'Rate limit exceeded' }), { 'Retry-After': '42' });
		joor.api().get('/v2/orders').query(true).reply(200, v2({ orders: [{ id: 1 }] }));
		const { json } = await joor.run({ resource: 'order', operation: 'getAll', orderType: 6, exportStatus: 5, returnAll: true });
		expect(json).toEqual([{ id: 1 }]);
		expect(env.clock().sleeps).toContain(42_000);
	});

	it('reads a failure code inside a 200 body as an error, and never shows the token', async () => {
		joor.api().get('/v2/orders').query(true).reply(200, { response: { code: 400, comment: `bad request for OAuth2 ${ENCODED} ${TOKEN}` } });
		const error = await joor.run({ resource: 'order', operation: 'getAll', orderType: 6, exportStatus: 5, returnAll: true }).catch((e: Error) => e);
		expect(String((error as Error).message)).toMatch(/JOOR rejected the request as invalid/);
		expect(JSON.stringify({ m: (error as Error).message, d: (error as { description?: string }).description })).not.toMatch(
			new RegExp(`${TOKEN}|${ENCODED}`),
		);
	});

	it('sends the whole inventory body as JSON', async () => {
		let sent: unknown;
		joor.api().post('/v2/bulk-inventory').query({ overwrite: 0, dec_pending: 0 }).reply(200, (_u, body) => {
			sent = body;
			return v2({});
		});
		await joor.run({ resource: 'inventory', operation: 'set', warehouse: '', skuKey: 'upc', upc: '0001', inventory: 3, options: {} });
		expect(sent).toEqual({ inventory_items: { inventory_item: [{ upc: '0001', inventory: 3 }] } });
	});
});

describe('JOOR writes under faults', () => {
	it('resends a bulk inventory call after a gateway error (absolute values: nothing doubles)', async () => {
		joor.api().post('/v2/bulk-inventory').query(true).reply(502, 'Bad Gateway');
		joor.api().post('/v2/bulk-inventory').query(true).reply(200, v2({}));
		const { json } = await joor.run({ resource: 'inventory', operation: 'set', warehouse: 'Main', skuKey: 'upc', upc: '1', inventory: 2, options: {} });
		expect(json[0]).toMatchObject({ upc: '1', status: 'success' });
	});

	it('does not resend an image added without replacing (it could add a copy)', async () => {
		joor.api().post('/v2/style-number/S1/S1/image/').query(true).reply(502, 'Bad Gateway');
		const run = joor.run({
			resource: 'image',
			operation: 'add',
			styleNumber: 'S1',
			styleIdentifier: '',
			imageUrl: 'https://cdn.example.com/a.jpg',
			options: { replaceExisting: false },
		});
		await expect(run).rejects.toThrow(/JOOR was unreachable through its gateway/);
	});
});
