// The JOOR emulation (sandbox/joor*.js) against the vendor reference (targets-api.md §5, §9): both
// auth schemes and the token endpoint, credits per fixed window with 429, the export queue that a
// read with the default sync consumes, export_status values, delivery_overwrite (the default strips
// linesheets), images, inventory per warehouse with overwrite=1 replacing the whole account and
// dec_pending, asynchronous bulk jobs and connections with price types that must exist.
import * as http from 'http';

import { start, call, sleep, Started } from './helpers';

// the registry's fixed sandbox login (sandbox/systems.js)
const joor = require('../../../sandbox/systems').BY_KEY.joor;
const ACCOUNT: string = joor.login.account;
const V2 = { ...joor.auth.headers, 'Content-Type': 'application/json' };
const LOGIN: Record<string, string> = {
	grant_type: 'password', client_id: joor.login.clientId, client_secret: joor.login.clientSecret, username: joor.login.username, password: joor.login.password,
};

/** What the sandbox's token endpoint answers: tokens on success, an OAuth error code on failure. */
interface TokenAnswer {
	access_token: string;
	refresh_token: string;
	error?: string;
}

async function tokenCall(url: string, fields: Record<string, string>) {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.append(k, v);
	const res = await fetch(url, { method: 'POST', body: form });
	return { status: res.status, body: (await res.json()) as TokenAnswer };
}

async function waitJob(url: string, kind: string, id: string) {
	for (let i = 0; i < 100; i++) {
		const r = await call(`${url}/bulk-${kind}/${id}`, { headers: V2 });
		if (r.body.job.status === 'completed') return r.body.job;
		await sleep(20);
	}
	throw new Error(`job ${id} never completed`);
}

describe('sandbox: JOOR', () => {
	let sb: Started;
	let api: string;
	let v2: string;
	beforeAll(async () => {
		sb = await start({ rateLimits: false });
		api = `${sb.url}/joor/api`;
		v2 = `${api}/v2`;
	});
	afterAll(() => sb.close());

	describe('auth', () => {
		test('v2 API token as OAuth2 <base64>; a wrong or missing one is 401 in the v2 envelope', async () => {
			expect((await call(`${v2}/style?count=1`, { headers: V2 })).status).toBe(200);
			const bad = await call(`${v2}/style?count=1`, { headers: { Authorization: `OAuth2 ${Buffer.from('nope').toString('base64')}` } });
			expect(bad.status).toBe(401);
			expect(bad.body.response.code).toBe(401);
			expect((await call(`${v2}/style?count=1`)).status).toBe(401);
		});

		test('password grant (multipart) → bearer accepted by v2 and v4; refresh grant; wrong password is invalid_grant', async () => {
			const t = await tokenCall(`${api}/auth/`, LOGIN);
			expect(t.status).toBe(200);
			expect(t.body).toMatchObject({ expires_in: 36000, refresh_expires_in: 7776000, token_type: 'Bearer' });
			const bearer = { Authorization: `Bearer ${t.body.access_token}` };
			expect((await call(`${v2}/style?count=1`, { headers: bearer })).status).toBe(200);
			expect((await call(`${api}/v4/collections?account=${ACCOUNT}`, { headers: bearer })).status).toBe(200);
			expect((await call(`${api}/v4/collections`, { headers: bearer })).status).toBe(403);
			const r = await tokenCall(`${api}/auth/`, { grant_type: 'refresh_token', client_id: LOGIN.client_id, client_secret: LOGIN.client_secret, refresh_token: t.body.refresh_token });
			expect(r.status).toBe(200);
			expect(r.body.access_token).not.toBe(t.body.access_token);
			const wrong = await tokenCall(`${api}/auth/`, { ...LOGIN, password: 'wrong' });
			expect(wrong.status).toBe(401);
			expect(wrong.body.error).toBe('invalid_grant');
			expect((await call(`${v2}/style?count=1`, { headers: { Authorization: 'Bearer not-a-token' } })).status).toBe(401);
		});
	});

	describe('orders and the export queue', () => {
		test('sync=0 reads without consuming; the default sync=1 returns unrequested orders once and marks them exported', async () => {
			const q = 'order_type=6&export_status=5';
			const a = await call(`${v2}/orders?${q}&sync=0`, { headers: V2 });
			const b = await call(`${v2}/orders?${q}&sync=0`, { headers: V2 });
			expect(a.body.orders.length).toBeGreaterThan(0);
			expect(b.body.orders.map((o: any) => o.id)).toEqual(a.body.orders.map((o: any) => o.id));
			for (const o of a.body.orders) expect(o.status).toBe('Approved');
			const id = a.body.orders[0].id;
			const commit = await call(`${v2}/orders?order_id=${id}&order_type=8&export_status=5&sync=1`, { headers: V2 });
			expect(commit.body.orders.map((o: any) => o.id)).toEqual([id]);
			expect(commit.body.orders[0].export_status).toBe('Not Exported'); // as it was when read
			const again = await call(`${v2}/orders?order_id=${id}&order_type=8&export_status=5&sync=1`, { headers: V2 });
			expect(again.body.orders).toEqual([]);
			const exported = await call(`${v2}/orders?order_id=${id}&order_type=8&export_status=3&sync=0`, { headers: V2 });
			expect(exported.body.orders[0].export_status).toBe('Exported');
			expect(exported.body.orders[0].exported_on).toEqual(expect.any(String));
		});

		test('a change after export makes export_status 4 (modified since last export); re-export reads it again', async () => {
			const list = await call(`${v2}/orders?order_type=6&export_status=3&sync=0`, { headers: V2 });
			const id = list.body.orders[0].id;
			await call(`${sb.url}/_sandbox/mutate`, { method: 'POST', body: { system: 'joor', entity: 'order', action: 'modify', id, patch: { quantities: { 0: 99 } } } });
			const modified = await call(`${v2}/orders?order_type=6&export_status=4&sync=0`, { headers: V2 });
			const o = modified.body.orders.find((x: any) => x.id === id);
			expect(o.export_status).toBe('Modified Since Last Export');
			expect(o.line_items[0].quantity).toBe(99);
		});

		test('paging: start_from / count with next_start; date_start without date_end is 400', async () => {
			const p1 = await call(`${v2}/orders?order_type=8&sync=0&count=3`, { headers: V2 });
			expect(p1.body.orders).toHaveLength(3);
			expect(p1.body.response.next_start).toBe(3);
			const p2 = await call(`${v2}/orders?order_type=8&sync=0&count=3&start_from=3`, { headers: V2 });
			expect(p2.body.orders[0].id).not.toBe(p1.body.orders[0].id);
			const bad = await call(`${v2}/orders?sync=0&date_start=2025-01-01T00:00:00Z`, { headers: V2 });
			expect(bad.status).toBe(400);
		});
	});

	describe('styles and linesheets', () => {
		const style = (extra: Record<string, unknown> = {}) => ({
			style_number: 'TST-001', style_identifier: 'TST-001', style_name: 'Test Style', colors: [{ color_code: 'BLK', color_name: 'Black' }], sizes: [{ size: 'S' }, { size: 'M' }],
			skus: [{ color_code: 'BLK', size: 'S', upc: '0777000000011' }, { color_code: 'BLK', size: 'M', upc: '0777000000028' }],
			prices: [{ currency: 'AUD', price_label: 'Wholesale', wholesale: 20, retail: 45 }], ...extra,
		});
		const snapshot = async () => (await call(`${sb.url}/_sandbox/state?system=joor`)).body;
		const sheetsOf = async (n: string) => (await snapshot()).styles.find((s: any) => s.style_number === n).deliveries.map((d: any) => d.linesheet).sort();

		test('bulk job: queued → completed with one result per style; a bad price type fails only its style', async () => {
			const r = await call(`${v2}/bulk-style`, { method: 'POST', headers: V2, body: { styles: { style: [style({ deliveries: [{ linesheet: 'SS26' }], delivery_overwrite: 3 }), style({ style_number: 'TST-002', style_identifier: 'TST-002', skus: [], prices: [{ currency: 'EUR', price_label: 'Wholesale', wholesale: 1 }] })] } } });
			expect(r.status).toBe(202);
			const job = await waitJob(v2, 'style', r.body.response.job_id);
			expect(job.results.map((x: any) => x.status)).toEqual(['success', 'error']);
			expect(job.results[1].message).toMatch(/EUR/);
			expect(await sheetsOf('TST-001')).toEqual(['SS26']);
		});

		test('delivery_overwrite 3 adds, 4 removes, and the default (1) strips every other linesheet', async () => {
			await call(`${sb.url}/_sandbox/mutate`, { method: 'POST', body: { system: 'joor', entity: 'style', action: 'addToLinesheet', style_number: 'TST-001', linesheet: 'Showroom Picks' } });
			await call(`${v2}/style-number`, { method: 'POST', headers: V2, body: style({ deliveries: [{ linesheet: 'AW26' }], delivery_overwrite: 3 }) });
			expect(await sheetsOf('TST-001')).toEqual(['AW26', 'SS26', 'Showroom Picks']);
			await call(`${v2}/style-number`, { method: 'POST', headers: V2, body: style({ deliveries: [{ linesheet: 'SS26' }], delivery_overwrite: 4 }) });
			expect(await sheetsOf('TST-001')).toEqual(['AW26', 'Showroom Picks']);
			await call(`${v2}/style-number`, { method: 'POST', headers: V2, body: style({ deliveries: [{ linesheet: 'AW26' }] }) });
			expect(await sheetsOf('TST-001')).toEqual(['AW26']);
		});

		test('images: JPEG/PNG by URL (downloaded as JOOR does), replace_existing replaces the same filename, other formats are refused', async () => {
			// the image host JOOR downloads from; b.jpg serves a WEBP under a JPEG name
			const types: Record<string, string> = { 'a.jpg': 'image/jpeg', 'b.webp': 'image/webp', 'b.jpg': 'image/webp', 'c.png': 'image/png' };
			const cdn = http.createServer((req, res) => {
				const type = types[String(req.url).slice(1)];
				if (!type) return void res.writeHead(404).end();
				res.writeHead(200, { 'Content-Type': type }).end(Buffer.alloc(1000, 1));
			});
			await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
			const host = `http://127.0.0.1:${(cdn.address() as { port: number }).port}/`;
			try {
				const url = (f: string, extra = '') => `${v2}/style-number/TST-001/TST-001/image/?url=${encodeURIComponent(host + f)}${extra}`;
				expect((await call(url('a.jpg', '&color_code=BLK'), { method: 'POST', headers: V2 })).status).toBe(201);
				expect((await call(url('a.jpg', '&replace_existing=1'), { method: 'POST', headers: V2 })).status).toBe(201);
				expect((await call(url('b.webp'), { method: 'POST', headers: V2 })).status).toBe(400);
				expect((await call(url('b.jpg'), { method: 'POST', headers: V2 })).body.response.comment).toMatch(/image\/webp; only JPEG and PNG/);
				expect((await call(url('gone.jpg'), { method: 'POST', headers: V2 })).body.response.comment).toMatch(/could not be downloaded .*HTTP 404/);
				expect((await call(url('c.png', '&color_code=RED'), { method: 'POST', headers: V2 })).status).toBe(400);
				const st = (await snapshot()).styles.find((s: any) => s.style_number === 'TST-001');
				expect(st.images.map((i: any) => [i.filename, i.bytes])).toEqual([['a.jpg', 1000]]);
			} finally {
				cdn.close();
			}
		});
	});

	describe('inventory', () => {
		const post = (items: unknown[], qs = '') => call(`${v2}/bulk-inventory${qs}`, { method: 'POST', headers: V2, body: { inventory_items: { inventory_item: items } } });
		const rows = async () => (await call(`${sb.url}/_sandbox/state?system=joor`)).body.inventory;

		test('per warehouse by UPC; an unknown warehouse or UPC fails only that item', async () => {
			const r = await post([{ warehouse: 'Sydney', upc: '0777000000011', inventory: 5 }, { warehouse: 'Nowhere', upc: '0777000000011', inventory: 1 }, { warehouse: 'Main', upc: '000', inventory: 1 }]);
			expect(r.body.inventory_items.inventory_item.map((x: any) => x.status)).toEqual(['success', 'error', 'error']);
			expect(r.body.inventory_items.inventory_item[1].message).toMatch(/Warehouse 'Nowhere' does not exist/);
			expect((await rows()).filter((x: any) => x.upc === '0777000000011')).toEqual([expect.objectContaining({ warehouse: 'Sydney', inventory: 5, color_code: 'BLK', size: 'S' })]);
		});

		test('dec_pending=1 deducts pending orders of the SKU', async () => {
			const state = (await call(`${sb.url}/_sandbox/state?system=joor`)).body;
			const pending = state.orders.find((o: any) => o.status === 'Pending');
			const line = pending.line_items[0];
			const units = state.orders.filter((o: any) => o.status === 'Pending').flatMap((o: any) => o.line_items).filter((l: any) => l.upc === line.upc).reduce((a: number, l: any) => a + l.quantity, 0);
			await call(`${v2}/bulk-style`, { method: 'POST', headers: V2, body: { styles: [{ style_number: line.style_number, style_identifier: line.style_identifier, style_name: line.style_name, colors: [{ color_code: line.color_code }], sizes: [{ size: line.size }], skus: [{ color_code: line.color_code, size: line.size, upc: line.upc }], delivery_overwrite: 3 }] } }).then((x) => waitJob(v2, 'style', x.body.response.job_id));
			const r = await post([{ warehouse: 'Main', upc: line.upc, inventory: 100 }], '?dec_pending=1');
			expect(r.body.inventory_items.inventory_item[0].inventory).toBe(100 - units);
		});

		test('overwrite=1 replaces the whole account inventory (every warehouse, made-to-order rows too)', async () => {
			const before = await rows();
			expect(before.some((x: any) => x.made_to_order)).toBe(true);
			await post([{ warehouse: 'Main', upc: '0777000000028', inventory: 3 }], '?overwrite=1');
			expect(await rows()).toEqual([expect.objectContaining({ upc: '0777000000028', warehouse: 'Main', inventory: 3 })]);
		});
	});

	describe('connections', () => {
		test('bulk job upserts by customer code; price types must exist; get by code', async () => {
			const r = await call(`${v2}/bulk-connection`, { method: 'POST', headers: V2, body: { connections: { connection: [
				{ customer_code: 'C-1', customer_name: 'One Store', price_types: [{ currency: 'AUD', price_label: 'Wholesale' }] },
				{ customer_code: 'C-2', customer_name: 'Two Store', price_types: [{ currency: 'USD', price_label: 'Wholesale' }] },
			] } } });
			const job = await waitJob(v2, 'connection', r.body.response.job_id);
			expect(job.results.map((x: any) => [x.customer_code, x.status])).toEqual([['C-1', 'success'], ['C-2', 'error']]);
			const got = await call(`${v2}/connection/customer_code/C-1/`, { headers: V2 });
			expect(got.body.connection).toMatchObject({ customer_name: 'One Store', status: 'Pending Match' });
			expect((await call(`${v2}/connection/customer_code/C-2/`, { headers: V2 })).status).toBe(404);
		});
	});
});

describe('sandbox: JOOR credits', () => {
	let sb: Started;
	// real time: the 300-second window opens with the first call and outlasts the test
	beforeAll(async () => { sb = await start({ timeScale: 1 }); });
	afterAll(() => sb.close());

	test('GET costs 1, a write 5, 300 per fixed window; a call that does not fit is 429 with X-Throttling-* and Retry-After', async () => {
		const v2 = `${sb.url}/joor/api/v2`;
		const g = await call(`${v2}/style?count=1`, { headers: V2 });
		expect(g.headers.get('x-throttling-remaining')).toBe('299');
		const w = await call(`${v2}/bulk-inventory`, { method: 'POST', headers: V2, body: { inventory_items: { inventory_item: [] } } });
		expect(w.headers.get('x-throttling-remaining')).toBe('294');
		const statuses: number[] = [];
		for (let i = 0; i < 300; i++) statuses.push((await call(`${v2}/style?count=1`, { headers: V2 })).status);
		expect(statuses.filter((s) => s === 200)).toHaveLength(294);
		const r = await call(`${v2}/style?count=1`, { headers: V2 });
		expect(r.status).toBe(429);
		expect(r.headers.get('x-throttling-remaining')).toBe('0');
		expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		const stats = (await call(`${sb.url}/_sandbox/stats`)).body.systems.joor;
		expect(stats.throttled).toBeGreaterThanOrEqual(7);
	}, 20000);
});
