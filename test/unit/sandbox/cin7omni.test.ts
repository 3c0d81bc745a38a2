import { start, call, OMNI_HEADERS, basic, Started } from './helpers';

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
});
