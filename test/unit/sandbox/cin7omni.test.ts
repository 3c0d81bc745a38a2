import type { IDataObject } from 'n8n-workflow';

import { Cin7OmniApi } from '../../../credentials/Cin7OmniApi.credentials';
import { Cin7Omni } from '../../../nodes/Cin7Omni/Cin7Omni.node';
import { fetchStockRows } from '../../../nodes/Cin7Omni/helpers/stock';
import { omniQuotaExhausted, omniRequest } from '../../../nodes/Cin7Omni/transport';
import { createContext } from '../helpers/fakeContext';
import { start, call, OMNI_HEADERS, basic, Started } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const omniEmulation = require('../../../sandbox/cin7omni');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RateLimiter, DAY, MINUTE } = require('../../../sandbox/ratelimit');

describe('sandbox: Cin7 Omni', () => {
	let sb: Started;
	let base: string;
	beforeAll(async () => {
		sb = await start({ rateLimits: false });
		base = `${sb.url}/cin7omni/api/v1`;
	});
	afterAll(() => sb.close());
	const q = (s: string) => encodeURIComponent(s);

	it('rejects a wrong API key with 401', async () => {
		const r = await call(`${base}/Users?rows=1`, { headers: { Authorization: basic('sandbox-omni-user', 'nope') } });
		expect(r.status).toBe(401);
		expect((await call(`${base}/Users?rows=1`)).status).toBe(401);
	});

	it('returns bare arrays, caps rows at 250 and pages with page/rows', async () => {
		const r = await call(`${base}/Contacts?rows=250&page=1`, { headers: OMNI_HEADERS });
		expect(Array.isArray(r.body)).toBe(true);
		expect(r.body).toHaveLength(200 > 250 ? 250 : r.body.length);
		expect((await call(`${base}/Contacts?rows=251`, { headers: OMNI_HEADERS })).status).toBe(400);
		const p1 = await call(`${base}/Products?rows=10&page=1`, { headers: OMNI_HEADERS });
		const p2 = await call(`${base}/Products?rows=10&page=2`, { headers: OMNI_HEADERS });
		expect(p1.body[0].productOptions.length).toBeGreaterThan(0);
		expect(p1.body.map((x: any) => x.id)).not.toEqual(p2.body.map((x: any) => x.id));
		const empty = await call(`${base}/Products?rows=250&page=99`, { headers: OMNI_HEADERS });
		expect(empty.body).toEqual([]);
	});

	it('supports where (modifieddate>=, =, <>, LIKE, IN, AND), order and fields', async () => {
		const since = '2025-06-20T00:00:00Z';
		const r = await call(`${base}/Contacts?rows=250&where=${q(`modifieddate>='${since}' AND type='Customer'`)}&order=${q('modifiedDate ASC')}&fields=id,email,modifiedDate,customFields,type`, { headers: OMNI_HEADERS });
		expect(r.status).toBe(200);
		expect(r.body.length).toBeGreaterThan(0);
		const dates = r.body.map((c: any) => c.modifiedDate);
		expect([...dates].sort()).toEqual(dates);
		expect(dates.every((d: string) => d >= since)).toBe(true);
		expect(Object.keys(r.body[0]).sort()).toEqual(['customFields', 'email', 'id', 'modifiedDate', 'type']);
		const flags = new Set(sb.state.cin7omni.contacts.map((c: any) => c.customFields.receive_email));
		expect(flags).toEqual(new Set([true, false, undefined]));
		const inq = await call(`${base}/Stock?where=${q("code IN ('ST00001-S','ST00002-M') AND branchId<>999")}`, { headers: OMNI_HEADERS });
		expect(inq.body.every((s: any) => ['ST00001-S', 'ST00002-M'].includes(s.code))).toBe(true);
		const like = await call(`${base}/Contacts?where=${q("email LIKE '%example-omni.com'")}&rows=5`, { headers: OMNI_HEADERS });
		expect(like.body).toHaveLength(5);
		const bad = await call(`${base}/Contacts?where=${q("nosuchfield='x'")}`, { headers: OMNI_HEADERS });
		expect(bad.status).toBe(400);
	});

	it('serves stock per option × branch with available = stockOnHand − openSales', async () => {
		const r = await call(`${base}/Stock?rows=250`, { headers: OMNI_HEADERS });
		for (const s of r.body) expect(s.available).toBe(s.stockOnHand - s.openSales);
		expect(sb.state.cin7omni.stock.some((s: any) => s.holding > 0)).toBe(true);
		expect(sb.state.cin7omni.stock.some((s: any) => s.incoming > 0)).toBe(true);
	});

	it('writes arrays with per-record results; duplicate reference fails alone; dispatch moves stock', async () => {
		const contact = sb.state.cin7omni.contacts.find((c: any) => c.type === 'Customer' && c.isActive);
		const stockBefore = sb.state.cin7omni.stock.find((s: any) => s.code === 'ST00001-S' && s.branchId === 3);
		const r = await call(`${base}/SalesOrders`, {
			method: 'POST', headers: OMNI_HEADERS,
			body: [
				{ memberId: contact.id, reference: 'WEB-T-1', branchId: 3, lineItems: [{ code: 'ST00001-S', qty: 2 }] },
				{ memberId: contact.id, reference: 'SO-00001', lineItems: [{ code: 'ST00001-S', qty: 1 }] },
			],
		});
		expect(r.status).toBe(200);
		expect(r.body[0]).toEqual(expect.objectContaining({ index: 0, success: true, code: 'WEB-T-1' }));
		expect(r.body[1]).toEqual(expect.objectContaining({ index: 1, success: false }));
		expect(r.body[1].errors[0]).toMatch(/Duplicate reference/);
		const row = sb.state.cin7omni.stock.find((s: any) => s.code === 'ST00001-S' && s.branchId === 3);
		const soh = row.stockOnHand;
		const open = row.openSales;
		if (stockBefore) expect(open).toBe(stockBefore.openSales);
		const d = await call(`${base}/SalesOrders`, { method: 'PUT', headers: OMNI_HEADERS, body: [{ id: r.body[0].id, stage: 'Dispatched', trackingCode: 'NZP-1', dispatchedDate: '2025-07-01T00:00:00Z' }] });
		expect(d.body[0].success).toBe(true);
		expect(row.stockOnHand).toBe(Math.max(0, soh - 2));
		expect(row.openSales).toBe(open - 2);
		const got = await call(`${base}/SalesOrders/${r.body[0].id}`, { headers: OMNI_HEADERS });
		expect(got.body).toEqual(expect.objectContaining({ stage: 'Dispatched', trackingCode: 'NZP-1' }));
		expect(got.body.lineItems[0].qtyShipped).toBe(2);
	});

	it('PUT keeps null/omitted fields and clears fields sent as ""', async () => {
		const c = sb.state.cin7omni.contacts.find((x: any) => x.company && x.phone);
		const r = await call(`${base}/Contacts`, { method: 'PUT', headers: OMNI_HEADERS, body: [{ id: c.id, company: '', phone: null, jobTitle: 'Buyer' }] });
		expect(r.body[0].success).toBe(true);
		const got = await call(`${base}/Contacts/${c.id}`, { headers: OMNI_HEADERS });
		expect(got.body.company).toBe('');
		expect(got.body.phone).toBe(c.phone);
		expect(got.body.jobTitle).toBe('Buyer');
		const missing = await call(`${base}/Contacts`, { method: 'PUT', headers: OMNI_HEADERS, body: [{ id: 1, company: 'x' }] });
		expect(missing.body[0].success).toBe(false);
	});

	it('rejects non-array bodies and more than 250 records', async () => {
		expect((await call(`${base}/Contacts`, { method: 'POST', headers: OMNI_HEADERS, body: { type: 'Customer' } })).status).toBe(400);
		const many = Array.from({ length: 251 }, (_, i) => ({ type: 'Customer', email: `x${i}@y.z` }));
		expect((await call(`${base}/Contacts`, { method: 'POST', headers: OMNI_HEADERS, body: many })).status).toBe(400);
	});

	it('rejects a whole product batch with a duplicate styleCode', async () => {
		const p = (code: string) => ({ name: 'P', styleCode: code, productOptions: [{ productOptionCode: `${code}-1` }] });
		const dup = await call(`${base}/Products`, { method: 'POST', headers: OMNI_HEADERS, body: [p('NEWSTYLE'), p('NEWSTYLE')] });
		expect(dup.status).toBe(400);
		const ok = await call(`${base}/Products`, { method: 'POST', headers: OMNI_HEADERS, body: [p('NEWSTYLE'), p('ST00001')] });
		expect(ok.body.map((x: any) => x.success)).toEqual([true, false]);
	});

	describe('rows that tie on the order field have no stable order across pages', () => {
		const stockKey = (r: { productOptionId?: unknown; branchId?: unknown }) => `${String(r.productOptionId)}@${String(r.branchId)}`;
		const context = (parameters: IDataObject = {}) =>
			createContext({
				credentialType: new Cin7OmniApi(),
				credentials: { username: 'sandbox-omni-user', apiKey: 'sandbox-omni-key-4b8e2d', baseUrl: base, callsPerMinute: 100000, callsPerSecond: 10000, dailyCallBudget: 0 },
				parameters,
			});

		it('the same request twice returns tied rows in different orders', async () => {
			const url = `${base}/Stock?rows=250&order=${q('productOptionId ASC')}`;
			const orders: string[] = [];
			for (let i = 0; i < 4; i++) orders.push((await call(url, { headers: OMNI_HEADERS })).body.map(stockKey).join());
			expect(new Set(orders).size).toBeGreaterThan(1);
		});

		it('an offset walk ordered by productOptionId alone (the old client) reads rows twice and misses others', async () => {
			const all = sb.state.cin7omni.stock.map(stockKey).sort();
			let flawed = 0;
			for (let attempt = 0; attempt < 3; attempt++) {
				const read: string[] = [];
				for (let page = 1; ; page++) {
					const r = await call(`${base}/Stock?rows=50&page=${page}&order=${q('productOptionId ASC')}`, { headers: OMNI_HEADERS });
					read.push(...r.body.map(stockKey));
					if (r.body.length < 50) break;
				}
				if (JSON.stringify([...read].sort()) !== JSON.stringify(all)) flawed++;
			}
			expect(flawed).toBeGreaterThan(0);
		});

		it('the node reads every stock row exactly once', async () => {
			const all = sb.state.cin7omni.stock.map(stockKey).sort();
			for (let attempt = 0; attempt < 3; attempt++) {
				const rows = await fetchStockRows(context().ctx, [], undefined);
				expect(rows.map(stockKey).sort()).toEqual(all);
			}
		});

		it('available to sell without SKUs covers every active option: sold out at 0, disabled and inactive left out', async () => {
			const s = sb.state.cin7omni;
			const inactive = new Set(s.products.filter((p: any) => p.status === 'Inactive').flatMap((p: any) => p.productOptions.map((o: any) => o.id)));
			expect(inactive.size).toBeGreaterThan(0);
			expect(s.stock.some((r: any) => inactive.has(r.productOptionId))).toBe(true);
			const live = s.options.filter((o: any) => !inactive.has(o.id));
			const soldOut = live[3];
			const disabled = live[4];
			const stockBefore = s.stock;
			const statusBefore = disabled.status;
			try {
				s.stock = s.stock.filter((r: any) => r.productOptionId !== soldOut.id);
				disabled.status = 'Disabled';
				const { ctx } = context({ resource: 'stock', operation: 'getAvailableToSell', skus: '', branches: [] });
				const items = (await new Cin7Omni().execute!.call(ctx))[0].map((i) => i.json);
				const expected = live.filter((o: any) => o.id !== disabled.id).map((o: any) => o.productOptionCode);
				expect(items.map((i) => i.sku).sort()).toEqual(expected.sort());
				expect(items.find((i) => i.sku === soldOut.productOptionCode)).toMatchObject({ availableToSell: 0, noStockRows: true });
			} finally {
				s.stock = stockBefore;
				disabled.status = statusBefore;
			}
		});
	});

	describe('the daily limit answers unlike the short windows', () => {
		it('day: a text naming the used-up daily limit and a Retry-After to the scaled reset; second/minute: the generic text', () => {
			const day = omniEmulation.throttle({}, { window: 'day', limit: 5000, retryAfterMs: 90_000 }, '429');
			expect(day).toEqual({ status: 429, headers: { 'Retry-After': '90' }, body: expect.stringMatching(/Daily API limit exceeded.*5000 calls per day/) });
			const minute = omniEmulation.throttle({}, { window: 'minute', limit: 60, retryAfterMs: 800 }, '429');
			expect(minute.status).toBe(429);
			expect(minute.headers).toBeUndefined();
			// The node stops on the first and retries the second.
			expect(omniQuotaExhausted(day.status, day.body, day.headers)).toMatch(/daily API call limit/);
			expect(omniQuotaExhausted(minute.status, minute.body, {})).toBeUndefined();
		});

		it('a run that reaches the day window stops at once, with no retries', async () => {
			const limiter = sb.sandbox.limiter;
			sb.sandbox.limiter = new RateLimiter({ timeScale: 60, limits: { cin7omni: [{ name: 'minute', limit: 1000, windowMs: MINUTE }, { name: 'day', limit: 2, windowMs: DAY }] } });
			try {
				const { ctx, requests } = createContext({
					credentialType: new Cin7OmniApi(),
					credentials: { username: 'sandbox-omni-user', apiKey: 'sandbox-omni-key-4b8e2d', baseUrl: base, callsPerMinute: 100000, callsPerSecond: 10000, dailyCallBudget: 0 },
				});
				await omniRequest.call(ctx, 'GET', '/Branches');
				await omniRequest.call(ctx, 'GET', '/Branches');
				const error = (await omniRequest.call(ctx, 'GET', '/Branches').catch((e: unknown) => e)) as Error;
				expect(error.message).toMatch(/^Cin7 Omni: the daily API call limit of this API connection is used up \(HTTP 429\)\. Calls resume at /);
				expect(requests).toHaveLength(3);
			} finally {
				sb.sandbox.limiter = limiter;
			}
		});
	});
});
