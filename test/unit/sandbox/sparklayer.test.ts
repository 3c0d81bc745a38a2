// SparkLayer emulation (sandbox/sparklayer.js) against the vendor's documented behaviour: JSON token
// endpoint with Site-Id, bearer + Site-Id on every call, problem errors, price lists, pricing PATCH
// replacing each SKU's prices, whole-request line errors, batch pricing, groups, throttling, 409.
import { call, start, type Started } from './helpers';

const registry = require('../../../sandbox/systems');
/** The registry's sandbox login (sandbox/systems.js). */
const LOGIN: { siteId: string; clientId: string; clientSecret: string } = registry.BY_KEY.sparklayer.login;

describe('sandbox: SparkLayer', () => {
	let sb: Started;
	let base: string;
	let H: Record<string, string>;
	const token = async (body: unknown, headers: Record<string, string> = { 'Site-Id': LOGIN.siteId, 'Content-Type': 'application/json' }, host = base) =>
		call(`${host}/api/auth/token`, { method: 'POST', headers, body });
	beforeAll(async () => {
		sb = await start({ sparklayerConflictEvery: 0 });
		base = `${sb.url}/sparklayer/live`;
		const t = await token({ grant_type: 'client_credentials', client_id: LOGIN.clientId, client_secret: LOGIN.clientSecret });
		expect(t.status).toBe(200);
		expect(t.body).toEqual({ token_type: 'bearer', expires_in: 3600, access_token: expect.stringMatching(/^sl_/) });
		H = { Authorization: `Bearer ${t.body.access_token}`, 'Site-Id': LOGIN.siteId, 'Content-Type': 'application/json' };
	});
	afterAll(() => sb.close());

	it('issues tokens only for a JSON body with the right Site-Id and keys, and tells the causes apart', async () => {
		const good = { grant_type: 'client_credentials', client_id: LOGIN.clientId, client_secret: LOGIN.clientSecret };
		expect((await token({ ...good, client_secret: 'wrong' })).status).toBe(401);
		expect((await token(good, { 'Content-Type': 'application/json' })).status).toBe(400);
		expect((await token(good, { 'Site-Id': 'other-site', 'Content-Type': 'application/json' })).status).toBe(404);
		const form = await token('grant_type=client_credentials', { 'Site-Id': LOGIN.siteId, 'Content-Type': 'application/x-www-form-urlencoded' });
		expect(form.status).toBe(400);
		expect(form.body.detail).toMatch(/JSON/);
		expect((await token({ ...good, client_id: 'sandbox-sl-noapi' })).status).toBe(403);
		// the live keys do not open the test host
		expect((await token(good, undefined, `${sb.url}/sparklayer/test`)).status).toBe(401);
	});

	it('needs the bearer token and the Site-Id on every call; an expired token is a 401', async () => {
		expect((await call(`${base}/api/v1/customer-groups`, { headers: { Authorization: H.Authorization } })).status).toBe(400);
		expect((await call(`${base}/api/v1/customer-groups`, { headers: { 'Site-Id': LOGIN.siteId } })).status).toBe(401);
		expect((await call(`${base}/api/v1/customer-groups`, { headers: H })).status).toBe(200);
		await call(`${sb.url}/_sandbox/mutate`, { method: 'POST', body: { system: 'sparklayer', action: 'expireTokens' } });
		const expired = await call(`${base}/api/v1/customer-groups`, { headers: H });
		expect(expired.status).toBe(401);
		expect(expired.body).toMatchObject({ status: 401, title: 'Unauthorized', detail: expect.stringMatching(/expired/) });
		const t = await token({ grant_type: 'client_credentials', client_id: LOGIN.clientId, client_secret: LOGIN.clientSecret });
		H.Authorization = `Bearer ${t.body.access_token}`;
	});

	it('creates price lists, refuses a duplicate slug and pages the v2 list', async () => {
		const made = await call(`${base}/api/v1/price-lists`, { method: 'POST', headers: H, body: { slug: 'cin7-tier-2', name: 'Wholesale', currency_code: 'AUD', source: 'integration' } });
		expect(made.status).toBe(201);
		expect(made.body).toMatchObject({ slug: 'cin7-tier-2', name: 'Wholesale', currency_code: 'AUD', source: 'integration', rules: [] });
		const dup = await call(`${base}/api/v1/price-lists`, { method: 'POST', headers: H, body: { slug: 'cin7-tier-2', name: 'X', currency_code: 'AUD' } });
		expect(dup.status).toBe(400);
		expect(dup.body.errors[0]).toMatchObject({ code: 'resource-already-exists', property: 'slug' });
		const fx = await call(`${base}/api/v1/price-lists`, { method: 'POST', headers: H, body: { slug: 'cin7-tier-2-nzd', name: 'Wholesale NZD', currency_code: 'NZD', rules: [{ source_price_list_slug: 'cin7-tier-2', adjustment_percentage: 0, adjustment_direction: 'plus', currency_exchange_rate: 1.1 }] } });
		expect(fx.status).toBe(201);
		const p1 = await call(`${base}/api/v2/price-lists?page=1&page_size=2`, { headers: H });
		expect(p1.body.pagination).toEqual({ current_page: 1, page_size: 2, total_pages: 2, total_items: 4 });
		expect((await call(`${base}/api/v2/price-lists?page_size=251`, { headers: H })).status).toBe(400);
		expect((await call(`${base}/api/v1/price-lists/nope`, { headers: H })).status).toBe(404);
	});

	it('replaces the prices of each SKU sent, leaves the others, and rejects a body with a bad line whole', async () => {
		const url = `${base}/api/v1/price-lists/cin7-tier-2/pricing`;
		expect((await call(url, { method: 'PATCH', headers: H, body: [{ sku: 'A', pricing: [{ quantity: 1, price: 10 }, { quantity: 10, price: 9 }] }, { sku: 'B', pricing: [{ quantity: 1, price: 5 }] }] })).body).toEqual({ updated: 2 });
		await call(url, { method: 'PATCH', headers: H, body: [{ sku: 'A', pricing: [{ quantity: 1, price: 11 }] }] });
		const bad = await call(url, { method: 'PATCH', headers: H, body: [{ sku: 'B', pricing: [{ quantity: 1, price: 6 }] }, { sku: '', pricing: [{ quantity: 0, price: 1 }] }] });
		expect(bad.status).toBe(400);
		expect(bad.body).toEqual([
			{ line: 2, field: 'sku', message: 'sku is required' },
			{ line: 2, field: 'pricing[0].quantity', message: 'quantity must be a whole number ≥ 1' },
		]);
		const back = await call(`${url}?skus=A,B`, { headers: H });
		expect(back.body).toEqual([
			{ sku: 'A', display_tax_rate: null, pricing: [{ quantity: 1, price: 11 }] },
			{ sku: 'B', display_tax_rate: null, pricing: [{ quantity: 1, price: 5 }] },
		]);
		const csv = await call(url, { method: 'PATCH', headers: { ...H, 'Content-Type': 'text/csv' }, body: 'sku,quantity,price\nC,1,3.5\nC,5,3\n' });
		expect(csv.body).toEqual({ updated: 1 });
		// a rule-derived list prices from its source: × FX 1.1
		const fetched = await call(`${base}/api/v1/fetch-customer-pricing`, { method: 'POST', headers: H, body: { price_list_slugs: ['cin7-tier-2-nzd'], skus: ['C'] } });
		expect(fetched.body).toEqual([{ sku: 'C', price_list_slug: 'cin7-tier-2-nzd', currency_code: 'NZD', pricing: [{ quantity: 1, price: 3.85 }, { quantity: 5, price: 3.3 }] }]);
	});

	it('batch-updates across lists and names an unknown list as a line error', async () => {
		const url = `${base}/api/v1/batch-update-pricing`;
		const bad = await call(url, { method: 'PATCH', headers: H, body: [{ sku: 'A', price_list_slug: 'nope', pricing: [{ quantity: 1, price: 1 }] }] });
		expect(bad.body).toEqual([{ line: 1, field: 'price_list_slug', message: 'Price list "nope" does not exist' }]);
		const ok = await call(url, { method: 'PATCH', headers: H, body: [{ sku: 'A', price_list_slug: 'base', pricing: [{ quantity: 1, price: 20 }] }, { sku: 'A', price_list_slug: 'cin7-tier-2', pricing: [] }] });
		expect(ok.status).toBe(200);
		const state = (await call(`${sb.url}/_sandbox/state?system=sparklayer`)).body;
		expect(state.prices.filter((p: any) => p.sku === 'A')).toEqual([{ price_list_slug: 'base', sku: 'A', display_tax_rate: null, pricing: [{ quantity: 1, price: 20 }] }]);
	});

	it('creates customer groups (answering the full list) and refuses a duplicate', async () => {
		const r = await call(`${base}/api/v1/customer-groups`, { method: 'POST', headers: H, body: { slug: 'gold', name: 'Gold' } });
		expect(r.status).toBe(201);
		expect(r.body.map((g: any) => g.slug)).toEqual(['base', 'trade', 'vip', 'gold']);
		expect(r.body[3]).toEqual({ slug: 'gold', name: 'Gold', parent_slug: 'base' });
		const dup = await call(`${base}/api/v1/customer-groups`, { method: 'POST', headers: H, body: { slug: 'gold', name: 'Gold' } });
		expect(dup.body.errors[0].code).toBe('resource-already-exists');
	});

	it('throttles above 10 calls a (scaled) second with 429 and Retry-After', async () => {
		const s2 = await start({ timeScale: 1 });
		try {
			const h = { Authorization: `Bearer ${registry.BY_KEY.sparklayer.plainClientToken}`, 'Site-Id': LOGIN.siteId };
			const answers = await Promise.all(Array.from({ length: 14 }, () => call(`${s2.url}/sparklayer/live/api/v1/customer-groups`, { headers: h })));
			const throttled = answers.filter((a) => a.status === 429);
			expect(throttled.length).toBeGreaterThan(0);
			expect(Number(throttled[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
			expect(throttled[0].body).toMatchObject({ status: 429, title: 'Too Many Requests' });
		} finally {
			await s2.close();
		}
	});

	it('answers every Nth write 409 (concurrent update) when asked to', async () => {
		const s3 = await start({ sparklayerConflictEvery: 2 });
		try {
			const h = { Authorization: `Bearer ${registry.BY_KEY.sparklayer.plainClientToken}`, 'Site-Id': LOGIN.siteId, 'Content-Type': 'application/json' };
			const body = [{ sku: 'A', pricing: [{ quantity: 1, price: 1 }] }];
			const first = await call(`${s3.url}/sparklayer/live/api/v1/price-lists/base/pricing`, { method: 'PATCH', headers: h, body });
			const second = await call(`${s3.url}/sparklayer/live/api/v1/price-lists/base/pricing`, { method: 'PATCH', headers: h, body });
			expect([first.status, second.status]).toEqual([200, 409]);
			expect(second.body.title).toBe('Conflict');
		} finally {
			await s3.close();
		}
	});
});
