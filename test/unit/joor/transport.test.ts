import nock from 'nock';

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

	it('fetches a v4 token once by password grant (multipart form) and sends it as a bearer token', async () => {
		let form = '';
		nock('https://atlas.jooraccess.com')
			.post('/auth/', (body) => {
				form = String(body);
				return true;
			})
			.reply(200, tokenAnswer('tok-1'));
		joor.api().matchHeader('authorization', 'Bearer tok-1').get('/v2/orders').query(true).times(2).reply(200, v2({ orders: [] }));
		const params = { resource: 'order', operation: 'getAll', orderType: 6, exportStatus: 5, returnAll: true };
		await joor.run(params, { credentials: V4 });
		await joor.run(params, { credentials: V4 });
		expect(form).toContain('name="grant_type"');
		expect(form).toContain('password');
		expect(form).toContain('brand-user');
	});

	it('renews an expired v4 token with the refresh token, and fetches a new one after a 401', async () => {
		nock('https://atlas.jooraccess.com').post('/auth/').reply(200, tokenAnswer('tok-1', 600));
		joor.api().matchHeader('authorization', 'Bearer tok-1').get('/v2/orders').query(true).reply(200, v2({ orders: [] }));
		const params = { resource: 'order', operation: 'getAll', orderType: 6, exportStatus: 5, returnAll: true };
		await joor.run(params, { credentials: V4 });

		// 10 minutes later the token is within the renewal margin: the refresh grant is used.
		env.clock().advance(600_000);
		let refreshForm = '';
		nock('https://atlas.jooraccess.com')
			.post('/auth/', (body) => {
				refreshForm = String(body);
				return true;
			})
			.reply(200, tokenAnswer('tok-2'));
		joor.api().matchHeader('authorization', 'Bearer tok-2').get('/v2/orders').query(true).reply(401, v2({}, { code: 401, comment: 'expired' }));
		nock('https://atlas.jooraccess.com').post('/auth/').reply(200, tokenAnswer('tok-3'));
		joor.api().matchHeader('authorization', 'Bearer tok-3').get('/v2/orders').query(true).reply(200, v2({ orders: [] }));
		await joor.run(params, { credentials: V4 });
		expect(refreshForm).toContain('refresh_token');
		expect(refreshForm).toContain('refresh-tok-1');
	});

	it('names a refused v4 login without echoing the secret', async () => {
		nock('https://atlas.jooraccess.com')
			.post('/auth/')
			.reply(401, { error: 'invalid_grant', error_description: `Invalid user credentials for password=${V4.password}` });
		const error = (await joor
			.run({ resource: 'order', operation: 'getAll', orderType: 6, exportStatus: 5, returnAll: true }, { credentials: V4 })
			.catch((e: Error) => e)) as Error;
		expect(error.message).toMatch(/JOOR refused the client ID, client secret, username or password at its token endpoint \(HTTP 401\)/);
		expect(error.message).not.toContain(V4.password);
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
