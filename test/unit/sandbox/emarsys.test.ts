// The Emarsys emulation (sandbox/emarsys.js, sandbox/emarsys-catalog.js) against the vendor reference:
// OAuth tokens and their expiry, WSSE digests computed here independently, nonce replay, the
// permission-less user, envelopes and per-record errors, the 1,000-contact batch limit, external
// events needing contacts, the changes export, sales data appended without de-duplication, the
// catalog fetched from a URL and validated, and the 1,000-a-minute limit.
import * as http from 'http';
import { createHash, randomBytes } from 'crypto';
import { start, call, basic, sleep, Started } from './helpers';

const CLIENT = 'sandbox-emarsys-client';
const SECRET = 'sandbox-emarsys-secret-3d9f1b';
const WSSE_USER = 'sandbox_emarsys001';
const WSSE_SECRET = 'sandbox-emarsys-wsse-8a2c7e';
const MERCHANT = '1A2B3C4D5E6F7A8B';
const SALES_TOKEN = 'sandbox-emarsys-sales-token-5e7b2f';

/** WSSE as the reference spells it: base64 of the 40-char hex SHA-1 of nonce + created + secret. */
function wsse(user = WSSE_USER, secret = WSSE_SECRET, nonce = randomBytes(16).toString('hex'), created = new Date().toISOString().replace(/\.\d+Z$/, 'Z')) {
	const hex = createHash('sha1').update(nonce + created + secret).digest('hex');
	const digest = Buffer.from(hex, 'utf8').toString('base64');
	return `UsernameToken Username="${user}", PasswordDigest="${digest}", Nonce="${nonce}", Created="${created}"`;
}

describe('sandbox: Emarsys', () => {
	let sb: Started;
	let v3: string;
	let v2: string;
	let bearer: Record<string, string>;
	beforeAll(async () => {
		sb = await start({ rateLimits: false, timeScale: 60 });
		v3 = `${sb.url}/emarsys/api/v3`;
		v2 = `${sb.url}/emarsys/api/v2`;
		const t = await token();
		bearer = { Authorization: `Bearer ${t.body.access_token}`, 'Content-Type': 'application/json' };
	});
	afterAll(() => sb.close());

	const token = (id = CLIENT, secret = SECRET, url = `${sb.url}/emarsys/auth/oauth2/token`) =>
		call(url, { method: 'POST', headers: { Authorization: basic(id, secret), 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });

	it('issues OAuth tokens for the client credentials (both token URLs) and tells a wrong secret (401) from a missing permission (403)', async () => {
		const ok = await token();
		expect(ok.status).toBe(200);
		expect(ok.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600, scope: '' });
		expect((await token(CLIENT, SECRET, `${v3}/auth/token`)).status).toBe(200);
		const bad = await token(CLIENT, 'wrong');
		expect(bad.status).toBe(401);
		expect(bad.body.error).toBe('invalid_client');
		const settings = await call(`${v3}/settings`, { headers: bearer });
		expect(settings.status).toBe(200);
		expect(settings.body).toMatchObject({ replyCode: 0, replyText: 'OK', data: { id: expect.any(Number) } });
		const noperm = await token('sandbox-emarsys-noperm', SECRET);
		const denied = await call(`${v3}/settings`, { headers: { Authorization: `Bearer ${noperm.body.access_token}` } });
		expect(denied.status).toBe(403);
		expect(denied.body.replyText).toMatch(/Permission denied/);
		expect((await call(`${v3}/settings`, { headers: { Authorization: 'Bearer forged.token.value' } })).status).toBe(401);
		expect((await call(`${v3}/settings`, { headers: { 'X-WSSE': wsse() } })).status).toBe(401);
	});

	it('expires tokens after expires_in', async () => {
		const short = await start({ rateLimits: false, emarsysTokenTtl: 1 });
		try {
			const t = await call(`${short.url}/emarsys/auth/oauth2/token`, { method: 'POST', headers: { Authorization: basic(CLIENT, SECRET) }, body: 'grant_type=client_credentials' });
			expect(t.body.expires_in).toBe(1);
			const h = { Authorization: `Bearer ${t.body.access_token}` };
			expect((await call(`${short.url}/emarsys/api/v3/settings`, { headers: h })).status).toBe(200);
			await sleep(1100);
			const late = await call(`${short.url}/emarsys/api/v3/settings`, { headers: h });
			expect(late.status).toBe(401);
			expect(late.headers.get('www-authenticate')).toMatch(/invalid_token/);
		} finally { await short.close(); }
	});

	it('verifies WSSE digests on v2, rejects the raw-bytes digest, a stale Created and a replayed nonce', async () => {
		const h = wsse();
		expect((await call(`${v2}/settings`, { headers: { 'X-WSSE': h } })).status).toBe(200);
		const replay = await call(`${v2}/settings`, { headers: { 'X-WSSE': h } });
		expect(replay.status).toBe(401);
		expect(replay.headers.get('x-sandbox-reason')).toMatch(/nonce/);
		const nonce = randomBytes(16).toString('hex');
		const created = new Date().toISOString();
		const raw = createHash('sha1').update(nonce + created + WSSE_SECRET).digest('base64');
		const wrongForm = `UsernameToken Username="${WSSE_USER}", PasswordDigest="${raw}", Nonce="${nonce}", Created="${created}"`;
		expect((await call(`${v2}/settings`, { headers: { 'X-WSSE': wrongForm } })).status).toBe(401);
		const stale = wsse(WSSE_USER, WSSE_SECRET, undefined, new Date(Date.now() - 10 * 60000).toISOString());
		expect((await call(`${v2}/settings`, { headers: { 'X-WSSE': stale } })).status).toBe(401);
		expect((await call(`${v2}/settings`, { headers: { 'X-WSSE': wsse(WSSE_USER, 'wrong') } })).status).toBe(401);
		expect((await call(`${v2}/settings`, { headers: { 'X-WSSE': wsse('sandbox_emarsys_noperm') } })).status).toBe(403);
		expect((await call(`${v2}/settings`, { headers: bearer })).status).toBe(401);
	});

	it('creates custom fields by name and type; single-choice types cannot be created and names are unique', async () => {
		const f = await call(`${v3}/field`, { method: 'POST', headers: bearer, body: { name: 'cin7_lifetime_value', application_type: 'numeric' } });
		expect(f.body).toEqual({ replyCode: 0, replyText: 'OK', data: { id: expect.any(Number) } });
		const list = await call(`${v3}/field`, { headers: bearer });
		expect(list.body.data).toEqual(expect.arrayContaining([{ id: 3, name: 'E-Mail', application_type: 'shorttext', string_id: 'email' }, { id: f.body.data.id, name: 'cin7_lifetime_value', application_type: 'numeric', string_id: 'cin7_lifetime_value' }]));
		expect((await call(`${v3}/field`, { method: 'POST', headers: bearer, body: { name: 'CIN7_LIFETIME_VALUE', application_type: 'shorttext' } })).status).toBe(400);
		expect((await call(`${v3}/field`, { method: 'POST', headers: bearer, body: { name: 'tier', application_type: 'singlechoice' } })).status).toBe(400);
		const choices = await call(`${v3}/field/31/choice`, { headers: bearer });
		expect(choices.body.data.map((c: any) => [c.id, c.choice])).toEqual([['1', 'True'], ['2', 'False']]);
	});

	it('upserts a batch with 200 and per-record errors keyed by the key value; reads with getdata (keyId or key_id)', async () => {
		const body = { key_id: '3', contacts: [
			{ 3: 'new.person@example.test', 1: 'New', 31: 1 },
			{ 3: 'bad-optin@example.test', 31: 'true' },
			{ 3: 'not-an-email' },
			{ 3: 'new.person@example.test', 1: 'Twice' },
		] };
		const r = await call(`${v3}/contact/?create_if_not_exists=1`, { method: 'PUT', headers: bearer, body });
		expect(r.status).toBe(200);
		expect(r.body.replyCode).toBe(0);
		expect(r.body.data.ids).toHaveLength(1);
		expect(Object.keys(r.body.data.errors).sort()).toEqual(['bad-optin@example.test', 'new.person@example.test', 'not-an-email']);
		expect(Object.keys(r.body.data.errors['new.person@example.test'])).toEqual(['2010']);
		const upd = await call(`${v3}/contact`, { method: 'PUT', headers: bearer, body: { keyId: '3', contacts: [{ 3: 'nobody@example.test', 1: 'X' }] } });
		expect(upd.body.data.errors['nobody@example.test']).toEqual({ 2008: expect.stringMatching(/No contact found/) });
		const create = await call(`${v3}/contact`, { method: 'POST', headers: bearer, body: { key_id: '3', contacts: [{ 3: 'new.person@example.test' }] } });
		expect(Object.keys(create.body.data.errors['new.person@example.test'])).toEqual(['2009']);
		const got = await call(`${v3}/contact/getdata`, { method: 'POST', headers: bearer, body: { keyId: '3', keyValues: ['new.person@example.test', 'nobody@example.test'], fields: [1, 3, 31] } });
		expect(got.body.data.result).toEqual([{ 1: 'New', 3: 'new.person@example.test', 31: '1', id: expect.any(String), uid: expect.any(String) }]);
		expect(got.body.data.errors).toEqual([{ key: 'nobody@example.test', errorCode: 2008, errorMsg: expect.any(String) }]);
		const none = await call(`${v3}/contact/getdata`, { method: 'POST', headers: bearer, body: { key_id: '3', keyValues: ['nobody@example.test'] } });
		expect(none.body.data.result).toBe(false);
	});

	it('refuses batches over 1,000 contacts with replyCode 1000', async () => {
		const contacts = Array.from({ length: 1001 }, (_, i) => ({ 3: `bulk${i}@example.test` }));
		const r = await call(`${v3}/contact/?create_if_not_exists=1`, { method: 'PUT', headers: bearer, body: { key_id: '3', contacts } });
		expect(r.status).toBe(400);
		expect(r.body.replyCode).toBe(1000);
	});

	it('triggers external events only for existing contacts, answering 200 with data.errors', async () => {
		const events = await call(`${v3}/event`, { headers: bearer });
		const ev = events.body.data.find((e: any) => e.name === 'cin7_first_purchase');
		const before = sb.state.emarsys.eventTriggers.length;
		const r = await call(`${v3}/event/${ev.id}/trigger`, { method: 'POST', headers: bearer, body: { key_id: '3', contacts: [{ external_id: 'new.person@example.test', data: { order: 'SO-1' } }, { external_id: 'ghost@example.test' }] } });
		expect(r.status).toBe(200);
		expect(r.body.data.errors).toEqual({ 'ghost@example.test': { 2008: expect.any(String) } });
		expect(sb.state.emarsys.eventTriggers.slice(before).map((t: any) => [t.eventName, t.externalId, t.data])).toEqual([['cin7_first_purchase', 'new.person@example.test', { order: 'SO-1' }]]);
		expect((await call(`${v3}/event/999999/trigger`, { method: 'POST', headers: bearer, body: { key_id: '3', external_id: 'x@y.z' } })).status).toBe(400);
	});

	it('manages contact lists: create, add, remove, members', async () => {
		const l = await call(`${v3}/contactlist`, { method: 'POST', headers: bearer, body: { key_id: '3', name: 'VIP', external_ids: [] } });
		const id = l.body.data.id;
		const add = await call(`${v3}/contactlist/${id}/add`, { method: 'POST', headers: bearer, body: { key_id: '3', external_ids: ['new.person@example.test', 'ghost@example.test'] } });
		expect(add.body.data).toEqual({ inserted_contacts: 1, errors: { 'ghost@example.test': { 2008: expect.any(String) } } });
		const members = await call(`${v3}/contactlist/${id}/contacts/data?fields=3`, { headers: bearer });
		expect(members.body.data.value.map((c: any) => c['3'])).toEqual(['new.person@example.test']);
		expect((await call(`${v3}/contactlist`, { method: 'POST', headers: bearer, body: { name: 'vip' } })).status).toBe(400);
		const del = await call(`${v3}/contactlist/${id}/delete`, { method: 'POST', headers: bearer, body: { key_id: '3', external_ids: ['new.person@example.test'] } });
		expect(del.body.data).toEqual({ deleted_contacts: 1 });
	});

	it('exports contact changes in a time range as CSV after the export is done (opt-in as True/False)', async () => {
		const since = new Date(Date.now() - 1000).toISOString();
		await call(`${sb.url}/_sandbox/mutate`, { method: 'POST', body: { system: 'emarsys', action: 'optout', email: 'new.person@example.test' } });
		const r = await call(`${v3}/contact/getchanges`, { method: 'POST', headers: bearer, body: { distribution_method: 'local', origin: 'all', origin_id: '0', time_range: [since, new Date(Date.now() + 1000).toISOString()], contact_fields: [3, 31], delimiter: ',', add_field_names_header: 1 } });
		const id = r.body.data.id;
		let status = '';
		for (let i = 0; i < 50 && status !== 'done'; i++) { status = (await call(`${v3}/export/${id}`, { headers: bearer })).body.data.status; if (status !== 'done') await sleep(10); }
		expect(status).toBe('done');
		const csv = await call(`${v3}/export/${id}/data`, { headers: bearer });
		expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
		const lines = csv.text.trim().split('\n');
		expect(lines[0]).toBe('user_id,E-Mail,Opt-In');
		expect(lines.slice(1)).toEqual([expect.stringMatching(/^\d+,new\.person@example\.test,False$/)]);
	});

	it('deletes contacts, reporting unknown keys', async () => {
		const r = await call(`${v3}/contact/delete`, { method: 'POST', headers: bearer, body: { key_id: '3', contacts: [{ 3: 'new.person@example.test' }, { 3: 'ghost@example.test' }] } });
		expect(r.body.data).toEqual({ deleted_contacts: 1, errors: { 'ghost@example.test': { 2008: expect.any(String) } } });
	});

	it('appends sales data without de-duplication, with its own bearer token and strict columns', async () => {
		const url = `${sb.url}/emarsys/hapi/merchant/${MERCHANT}/sales-data/api`;
		const csv = 'order,timestamp,item,price,quantity,email,s_channel\nSO-1,2026-11-01T10:00:00Z,SKU-00001,20.00,2,a@example.test,web\n';
		const h = { Authorization: `Bearer ${SALES_TOKEN}`, 'Content-Type': 'text/csv', Accept: 'text/plain' };
		const before = sb.state.emarsys.salesLines.length;
		expect((await call(url, { method: 'POST', headers: h, body: csv })).status).toBe(200);
		expect((await call(url, { method: 'POST', headers: h, body: csv })).status).toBe(200);
		expect(sb.state.emarsys.salesLines.length - before).toBe(2);
		expect((await call(url, { method: 'POST', headers: { ...h, Authorization: 'Bearer nope' }, body: csv })).status).toBe(401);
		expect((await call(url, { method: 'POST', headers: h, body: 'order,timestamp,item,Price,quantity,email\n' })).text).toMatch(/Missing column "price"/);
		expect((await call(url, { method: 'POST', headers: h, body: 'order,timestamp,item,price,quantity,email,channel\n' })).text).toMatch(/s_, f_ or i_/);
	});

	it('refuses a sales-data file over 10 MB whole, appending none of its lines', async () => {
		const url = `${sb.url}/emarsys/hapi/merchant/${MERCHANT}/sales-data/api`;
		const h = { Authorization: `Bearer ${SALES_TOKEN}`, 'Content-Type': 'text/csv', Accept: 'text/plain' };
		const line = 'SO-9,2026-11-01T10:00:00Z,SKU-00001,20.00,2,a@example.test\n';
		const csv = 'order,timestamp,item,price,quantity,email\n' + line.repeat(Math.ceil(10_000_001 / line.length));
		const before = sb.state.emarsys.salesLines.length;
		const res = await call(url, { method: 'POST', headers: h, body: csv });
		expect(res.status).toBe(413);
		expect(res.text).toMatch(/at most 10 MB/);
		expect(sb.state.emarsys.salesLines.length).toBe(before);
	}, 60_000);

	it('fetches the catalog from a URL with basic auth, validates it like Emarsys and replaces the whole catalog only when valid', async () => {
		let file = 'item,title,link,image,available,price,c_stock\nSKU-1,"Mug, large",https://shop.example/1,https://img.example/1.jpg,true,12.5,3\nSKU-2,"Say ""hi""",https://shop.example/2,,false,4,0\n';
		const feed = http.createServer((req, res) => {
			if (req.headers.authorization !== basic('feed', 'p@ss')) { res.writeHead(401); res.end(); return; }
			res.writeHead(200, { 'Content-Type': 'text/csv' });
			res.end(file);
		});
		await new Promise<void>((r) => feed.listen(0, '127.0.0.1', () => r()));
		const port = (feed.address() as any).port;
		const fetchUrl = `${sb.url}/emarsys/predict/catalog/fetch`;
		try {
			const ok = await call(fetchUrl, { method: 'POST', body: { url: `http://feed:p%40ss@127.0.0.1:${port}/catalog.csv` } });
			expect(ok.body.data).toMatchObject({ status: 'imported', items: 2, errors: [] });
			expect(ok.body.data.url).not.toMatch(/p%40ss/);
			expect(sb.state.emarsys.catalog.items.map((i: any) => [i.item, i.title])).toEqual([['SKU-1', 'Mug, large'], ['SKU-2', 'Say "hi"']]);
			const denied = await call(fetchUrl, { method: 'POST', body: { url: `http://127.0.0.1:${port}/catalog.csv` } });
			expect(denied.body.data.errors[0]).toMatch(/401/);
			for (const [bad, why] of [
				['item,title,link\nA,x,https://s/1\nA,y,https://s/2\n', /not unique/],
				['item,title,link,image\nA,x,https://s/1,https://i/a.webp\n', /WEBP/],
				['item,title,link\nA,"two\nlines",https://s/1\n', /newlines/],
				['item,title,link\nA,say "hi",https://s/1\n', /quote/],
				['item,title\nA,x\n', /missing required column "link"/],
			] as Array<[string, RegExp]>) {
				file = bad;
				const r = await call(fetchUrl, { method: 'POST', body: { url: `http://feed:p%40ss@127.0.0.1:${port}/c.csv` } });
				expect(r.body.data.status).toBe('rejected');
				expect(r.body.data.errors.join(' ')).toMatch(why);
			}
			expect(sb.state.emarsys.catalog.items).toHaveLength(2);
		} finally { await new Promise((r) => feed.close(r)); }
	});

	it('limits each API user to 1,000 calls a minute with 429 and X-RateLimit-* headers', async () => {
		const limited = await start({ timeScale: 1 });
		try {
			const h = { Authorization: `Bearer ${(await call(`${limited.url}/emarsys/auth/oauth2/token`, { method: 'POST', headers: { Authorization: basic(CLIENT, SECRET) }, body: 'grant_type=client_credentials' })).body.access_token}` };
			const first = await call(`${limited.url}/emarsys/api/v3/settings`, { headers: h });
			expect(first.headers.get('x-ratelimit-limit')).toBe('1000');
			expect(first.headers.get('x-ratelimit-remaining')).toBe('999');
			// 999 more calls of the same API user within the minute (through the server's own limiter)
			for (let i = 0; i < 999; i++) expect(limited.sandbox.limiter.take('emarsys', Date.now()).ok).toBe(true);
			const over = await call(`${limited.url}/emarsys/api/v3/settings`, { headers: h });
			expect(over.status).toBe(429);
			expect(over.body).toEqual({ replyCode: 1, replyText: expect.stringMatching(/Too Many Requests/), data: '' });
			expect(Number(over.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
			// the token endpoint and the sales-data host are not counted
			expect((await call(`${limited.url}/emarsys/auth/oauth2/token`, { method: 'POST', headers: { Authorization: basic(CLIENT, SECRET) }, body: 'grant_type=client_credentials' })).status).toBe(200);
		} finally { await limited.close(); }
	});
});
