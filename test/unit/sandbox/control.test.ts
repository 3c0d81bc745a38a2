import { start, call, CORE_HEADERS, OMNI_HEADERS, DD_HEADERS, sleep, Started } from './helpers';

describe('sandbox: control, faults, rate limits, log', () => {
	let sb: Started;
	beforeAll(async () => { sb = await start({ timeScale: 60 }); });
	afterAll(() => sb.close());
	const core = () => `${sb.url}/cin7core/ExternalApi/v2`;

	it('reports health and state', async () => {
		const h = await call(`${sb.url}/_sandbox/health`);
		expect(h.body.ok).toBe(true);
		expect(h.body.baseUrls.cin7core).toBe(`${sb.url}/cin7core/ExternalApi/v2`);
		const s = await call(`${sb.url}/_sandbox/state?system=cin7omni`);
		expect(s.body.stock.length).toBeGreaterThan(0);
	});

	it('injects faults deterministically and stops when cleared', async () => {
		await call(`${sb.url}/_sandbox/faults`, { method: 'POST', body: { rate: 1, kinds: ['errorCode200'], systems: ['cin7core'] } });
		const r = await call(`${core()}/me`, { headers: CORE_HEADERS });
		expect(r.status).toBe(200);
		expect(r.body[0].ErrorCode).toBeDefined();
		await call(`${sb.url}/_sandbox/faults`, { method: 'POST', body: { rate: 1, kinds: ['html200'] } });
		const html = await call(`${core()}/me`, { headers: CORE_HEADERS });
		expect(html.status).toBe(200);
		expect(html.headers.get('content-type')).toMatch(/text\/html/);
		await call(`${sb.url}/_sandbox/faults`, { method: 'POST', body: { rate: 1, kinds: ['retryAfterText'], max: 1 } });
		const t = await call(`${core()}/me`, { headers: CORE_HEADERS });
		expect(t.status).toBe(429);
		expect(t.headers.get('retry-after')).toMatch(/^\d+ Seconds$/);
		expect((await call(`${core()}/me`, { headers: CORE_HEADERS })).status).toBe(200); // max reached
		// same seed → same sequence
		const seq = async () => {
			await call(`${sb.url}/_sandbox/faults`, { method: 'POST', body: { rate: 0.5, kinds: ['error500', 'error502'], seed: 7, systems: ['cin7omni'] } });
			const out: number[] = [];
			for (let i = 0; i < 8; i++) { out.push((await call(`${sb.url}/cin7omni/api/v1/Users?rows=1`, { headers: OMNI_HEADERS })).status); await sleep(20); }
			return out;
		};
		const a = await seq();
		const b = await seq();
		expect(a).toEqual(b);
		expect(a.some((x) => x >= 500)).toBe(true);
		await call(`${sb.url}/_sandbox/faults`, { method: 'DELETE' });
		expect((await call(`${core()}/me`, { headers: CORE_HEADERS })).status).toBe(200);
		const stats = await call(`${sb.url}/_sandbox/stats`);
		expect(stats.body.systems.cin7core.faults.errorCode200).toBe(1);
	});

	it('throttles Cin7 Core beyond 60 calls per (scaled) minute and counts it', async () => {
		await sleep(1100); // a fresh 1 s "minute" at time-scale 60
		const statuses = await Promise.all(Array.from({ length: 70 }, () => call(`${core()}/me`, { headers: CORE_HEADERS }).then((r) => r.status)));
		const ok = statuses.filter((s) => s === 200).length;
		const throttled = statuses.filter((s) => s === 429 || s === 503).length;
		expect(ok).toBeLessThanOrEqual(60);
		expect(throttled).toBeGreaterThanOrEqual(10);
		const stats = await call(`${sb.url}/_sandbox/stats`);
		expect(stats.body.systems.cin7core.throttled).toBeGreaterThanOrEqual(10);
		expect(stats.body.systems.cin7core.peakAcceptedPerMinute).toBeLessThanOrEqual(60);
		await sleep(1100);
		expect((await call(`${core()}/me`, { headers: CORE_HEADERS })).status).toBe(200);
	});

	it('throttles Cin7 Omni at 3 calls per (scaled) second with 429', async () => {
		const fast = await start({ timeScale: 1 }); // real 1 s window
		try {
			const statuses = await Promise.all(Array.from({ length: 6 }, () => call(`${fast.url}/cin7omni/api/v1/Users?rows=1`, { headers: OMNI_HEADERS }).then((r) => r.status)));
			expect(statuses.filter((s) => s === 200)).toHaveLength(3);
			expect(statuses.filter((s) => s === 429)).toHaveLength(3);
		} finally { await fast.close(); }
	});

	it('sends Dotdigital X-RateLimit headers', async () => {
		const r = await call(`${sb.url}/dotdigital/r1/v2/data-fields`, { headers: DD_HEADERS });
		expect(r.headers.get('x-ratelimit-limit')).toBeTruthy();
		expect(r.headers.get('x-ratelimit-scope')).toBe('Low');
	});

	it('keeps a request log with secrets masked', async () => {
		await call(`${sb.url}/_sandbox/requests`, { method: 'DELETE' });
		await call(`${core()}/me?apiKey=supersecret&Page=1`, { headers: CORE_HEADERS });
		await call(`${sb.url}/cin7omni/api/v1/Users?rows=1`, { headers: OMNI_HEADERS });
		const log = await call(`${sb.url}/_sandbox/requests`);
		const text = JSON.stringify(log.body);
		expect(text).not.toMatch(/supersecret|sandbox-core-key-7f3a9c|sandbox-omni-key-4b8e2d|c2FuZGJveC1vbW5p/);
		const coreRows = (await call(`${sb.url}/_sandbox/requests?system=cin7core`)).body;
		expect(coreRows[0]).toEqual(expect.objectContaining({ method: 'GET', path: '/cin7core/ExternalApi/v2/me', status: 200 }));
		expect(coreRows[0].query).toEqual({ apiKey: '***', Page: '1' });
	});

	it('mutates records (bumping LastModifiedOn) and resets to the seed', async () => {
		const c = sb.state.cin7core.customers[5];
		const m = await call(`${sb.url}/_sandbox/mutate`, { method: 'POST', body: { system: 'cin7core', entity: 'customer', id: c.ID, patch: { Comments: 'changed' } } });
		expect(m.body.Comments).toBe('changed');
		const since = new Date(Date.now() - 5000).toISOString().slice(0, 19);
		const r = await call(`${core()}/customer?ModifiedSince=${since}`, { headers: CORE_HEADERS });
		expect(r.body.CustomerList.map((x: any) => x.ID)).toContain(c.ID);
		const a = await call(`${sb.url}/_sandbox/mutate`, { method: 'POST', body: { system: 'cin7core', entity: 'availability', sku: 'SKU-00003', location: 'Main Warehouse', patch: { OnHand: 7, Allocated: 2 } } });
		expect(a.body.Available).toBe(5);
		await call(`${sb.url}/_sandbox/reset`, { method: 'POST' });
		expect(sb.state.cin7core.customers[5].Comments).toBe('');
	});

	it('is deterministic for a seed', async () => {
		const other = await start({ seed: 1 });
		try {
			expect(other.state.cin7core.customers[10]).toEqual(sb.state.cin7core.customers[10]);
			expect(other.state.cin7omni.stock.slice(0, 20)).toEqual(sb.state.cin7omni.stock.slice(0, 20));
		} finally { await other.close(); }
	});
});
