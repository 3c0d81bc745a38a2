import { start, call, DD_HEADERS, basic, sleep, Started } from './helpers';

describe('sandbox: Dotdigital', () => {
	let sb: Started;
	let r1: string;
	beforeAll(async () => {
		// timeScale 10: a small import runs 200 ms (2 documented seconds of queueing), long enough
		// for an immediate status call to see it unfinished on a busy machine.
		sb = await start({ rateLimits: false, timeScale: 10 });
		r1 = `${sb.url}/dotdigital/r1`;
	});
	afterAll(() => sb.close());

	async function poll(url: string) {
		for (let i = 0; i < 50; i++) {
			const r = await call(url, { headers: DD_HEADERS });
			if (!['NotFinished', 'NotStarted', 'Processing'].includes(r.body.status)) return r;
			await sleep(20);
		}
		throw new Error('import never finished');
	}

	it('rejects bad credentials with 401 and the wrong region with 403; account-info names the endpoint', async () => {
		expect((await call(`${r1}/v2/address-books`, { headers: { Authorization: basic('apiuser-sandbox@apiconnector.com', 'x') } })).status).toBe(401);
		const r3 = `${sb.url}/dotdigital/r3`;
		expect((await call(`${r3}/v2/address-books`, { headers: DD_HEADERS })).status).toBe(403);
		const info = await call(`${r3}/v2/account-info`, { headers: DD_HEADERS });
		expect(info.status).toBe(200);
		expect(info.body.properties.find((p: any) => p.name === 'ApiEndpoint').value).toBe(r1);
	});

	it('creates data fields and reports duplicates with ERROR_NON_UNIQUE_DATAFIELD', async () => {
		const r = await call(`${r1}/v2/data-fields`, { method: 'POST', headers: DD_HEADERS, body: { name: 'CIN7_TIER', type: 'String', visibility: 'Private' } });
		expect(r.status).toBe(200);
		const dup = await call(`${r1}/v2/data-fields`, { method: 'POST', headers: DD_HEADERS, body: { name: 'cin7_tier', type: 'String' } });
		expect(dup.status).toBe(400);
		expect(dup.body.message).toMatch(/ERROR_NON_UNIQUE_DATAFIELD/);
	});

	it('round-trips a v3 contact upsert and an address-book add', async () => {
		const book = await call(`${r1}/v2/address-books`, { method: 'POST', headers: DD_HEADERS, body: { name: 'Cin7 Customers', visibility: 'Private' } });
		const p = await call(`${r1}/contacts/v3/email/jo@example.com?merge-option=overwrite`, { method: 'PATCH', headers: DD_HEADERS, body: { dataFields: { firstName: 'Jo', CIN7_TIER: 'Gold' }, lists: [book.body.id], channelProperties: { email: { status: 'subscribed', optInType: 'single', emailType: 'html' } } } });
		expect(p.status).toBe(201);
		const again = await call(`${r1}/contacts/v3/email/jo@example.com`, { method: 'PATCH', headers: DD_HEADERS, body: { dataFields: { LASTNAME: 'Lee' } } });
		expect(again.status).toBe(200);
		expect(again.body.dataFields).toEqual(expect.objectContaining({ FIRSTNAME: 'Jo', LASTNAME: 'Lee', CIN7_TIER: 'Gold' }));
		const members = await call(`${r1}/v2/address-books/${book.body.id}/contacts`, { headers: DD_HEADERS });
		expect(members.body.map((c: any) => c.email)).toEqual(['jo@example.com']);
		const unknown = await call(`${r1}/contacts/v3/email/x@example.com`, { method: 'PATCH', headers: DD_HEADERS, body: { dataFields: { NOPE: 1 } } });
		expect(unknown.status).toBe(400);
		expect(unknown.body.errorCode).toMatch(/^contacts:/);
	});

	it('imports contacts asynchronously (NotFinished → Finished) with per-record failures', async () => {
		const imp = await call(`${r1}/contacts/v3/import`, {
			method: 'PUT', headers: DD_HEADERS,
			body: { mergeOption: 'overwriteIfNotEmpty', contacts: [{ matchIdentifier: 'email', identifiers: { email: 'imp1@example.com' }, dataFields: { FIRSTNAME: 'Imp' } }, { matchIdentifier: 'email', identifiers: { email: 'not-an-email' } }] },
		});
		expect(imp.status).toBe(202);
		const first = await call(`${r1}/contacts/v3/import/${imp.body.importId}`, { headers: DD_HEADERS });
		expect(first.body.status).toBe('NotFinished');
		const done = await poll(`${r1}/contacts/v3/import/${imp.body.importId}`);
		expect(done.body.status).toBe('Finished');
		expect(done.body.summary).toEqual(expect.objectContaining({ newContacts: 1, invalidEntries: 1 }));
		expect(done.body.failures[0].identifiers.email).toBe('not-an-email');
	});

	it('runs an import for a time proportional to its size, scaled, and reports it at the first call after that', async () => {
		const n = 5000;
		const contacts = Array.from({ length: n }, (_, i) => ({ matchIdentifier: 'email', identifiers: { email: `size${i}@example.com` } }));
		const imp = await call(`${r1}/contacts/v3/import`, { method: 'PUT', headers: DD_HEADERS, body: { mergeOption: 'overwrite', contacts } });
		const job = sb.state.dotdigital._jobs.get(imp.body.importId);
		// 2 s of queueing + 0.4 ms per record = 4 documented seconds, 400 ms at timeScale 10
		expect(job.readyAt - job.created).toBe((2000 + n * 0.4) / 10);
		const early = await call(`${r1}/contacts/v3/import/${imp.body.importId}`, { headers: DD_HEADERS });
		expect(early.body.status).toBe('NotFinished');
		await sleep(job.readyAt - Date.now() + 30);
		const due = await call(`${r1}/contacts/v3/import/${imp.body.importId}`, { headers: DD_HEADERS });
		expect(due.body.status).toBe('Finished');
		expect(due.body.summary.newContacts).toBe(n);
	});

	it('answers an insight import NotStarted while queued, Processing while running, then its report', async () => {
		const records = Array.from({ length: 5000 }, (_, i) => ({ key: `S${i}`, json: { sku: `S${i}`, price: i } }));
		const imp = await call(`${r1}/insightData/v3/import`, { method: 'PUT', headers: DD_HEADERS, body: { collectionName: 'catalog_size', collectionScope: 'account', collectionType: 'catalog', records } });
		const job = sb.state.dotdigital._jobs.get(imp.body.importId);
		const status = async () => (await call(`${r1}/insightData/v3/import/${imp.body.importId}`, { headers: DD_HEADERS })).body.status;
		expect(await status()).toBe('NotStarted');
		await sleep(job.startsAt - Date.now() + 50);
		expect(await status()).toBe('Processing');
		await sleep(job.readyAt - Date.now() + 30);
		expect(await status()).toBe('Finished');
	});

	it('ddImportPolls adds NotFinished answers after the import is due', async () => {
		const slow = await start({ rateLimits: false, timeScale: 100, ddImportPolls: 2 });
		try {
			const base = `${slow.url}/dotdigital/r1`;
			const imp = await call(`${base}/contacts/v3/import`, { method: 'PUT', headers: DD_HEADERS, body: { contacts: [{ matchIdentifier: 'email', identifiers: { email: 'polls@example.com' } }] } });
			await sleep(60);
			const seen: string[] = [];
			for (let i = 0; i < 3; i++) seen.push((await call(`${base}/contacts/v3/import/${imp.body.importId}`, { headers: DD_HEADERS })).body.status);
			expect(seen).toEqual(['NotFinished', 'NotFinished', 'Finished']);
		} finally {
			await slow.close();
		}
	});

	it('imports insight data, rejects unknown contacts, replaces records by key', async () => {
		const body = (total: number) => ({ collectionName: 'Orders', collectionScope: 'contact', collectionType: 'orders', records: [
			{ key: 'SO-1', contactIdentity: { identifier: 'email', value: 'jo@example.com' }, json: { orderTotal: total, products: [{ sku: 'A', qty: 1 }] } },
			{ key: 'SO-2', contactIdentity: { identifier: 'email', value: 'ghost@example.com' }, json: { orderTotal: 1 } },
		] });
		const imp = await call(`${r1}/insightData/v3/import`, { method: 'PUT', headers: DD_HEADERS, body: body(10) });
		expect(imp.status).toBe(202);
		const done = await poll(`${r1}/insightData/v3/import/${imp.body.importId}`);
		expect(done.body.summary).toEqual({ totalRecords: 2, totalImported: 1, totalRejected: 1 });
		expect(done.body.failures[0].failureReason).toBe('ContactEmailDoesNotExist');
		const put = await call(`${r1}/insightData/v3/contacts/email/jo@example.com/Orders/SO-1`, { method: 'PUT', headers: DD_HEADERS, body: { orderTotal: 20, products: [] } });
		expect(put.status).toBe(204);
		const recs = await call(`${r1}/insightData/v3/contacts/email/jo@example.com/Orders`, { headers: DD_HEADERS });
		expect(recs.body._items).toHaveLength(1);
		expect(recs.body._items[0].json.orderTotal).toBe(20);
	});

	it('lists unsubscribed/suppressed contacts since a date, including a mutation', async () => {
		const email = sb.state.dotdigital.contacts.find((c: any) => c.status === 'Subscribed').email;
		const m = await call(`${sb.url}/_sandbox/mutate`, { method: 'POST', body: { system: 'dotdigital', entity: 'contact', email, action: 'unsubscribe', date: '2025-07-01T10:00:00Z' } });
		expect(m.status).toBe(200);
		const r = await call(`${r1}/v2/contacts/unsubscribed-since/2025-07-01T00:00:00Z`, { headers: DD_HEADERS });
		expect(r.body.map((x: any) => x.suppressedContact.email)).toContain(email);
		const s = await call(`${r1}/v2/contacts/suppressed-since/2024-01-01`, { headers: DD_HEADERS });
		expect(new Set(s.body.map((x: any) => x.reason)).size).toBeGreaterThan(1);
	});
});
