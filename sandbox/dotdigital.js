'use strict';
// Dotdigital emulation (targets-api.md §1): regional hosts r1/r2/r3 (account in r1; other regions
// answer 403 except /v2/account-info), Basic auth, v2 contacts/address books/data fields/imports,
// v3 contacts (+ import), v3 insight data, unsubscribed/suppressed-since, tiered rate limits with
// X-RateLimit-* headers, v2 `{message}` and v3 `{errorCode, description, details}` error shapes.

// The sandbox login is the registry's (sandbox/systems.js), read per request rather than at load
// time so that this module and the registry (which loads emulations lazily) load in either order.
const login = () => require('./systems').BY_KEY.dotdigital.login;
const COLLECTION_TYPES = ['cartInsight', 'catalog', 'consentInsight', 'custom', 'easyEditorExtensions', 'nostoEmailCampaigns', 'orders', 'productCategories', 'webInsight', 'wishList'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const lc = (v) => String(v == null ? '' : v).toLowerCase();
const iso = (ms = Date.now()) => new Date(ms).toISOString();

class DdError extends Error {
	constructor(status, body) { super(JSON.stringify(body)); this.httpResponse = { status, body }; }
}
const v2err = (status, message) => { throw new DdError(status, { message }); };
const v3err = (status, errorCode, description, details) => { throw new DdError(status, { errorCode, description, ...(details ? { details } : {}) }); };

function route(ctx) {
	const m = /^\/(r[123])(\/.*)?$/i.exec(ctx.rest);
	if (!m) return { response: { status: 404, body: { message: 'Unknown region. Use /dotdigital/r1, /r2 or /r3.' } } };
	ctx.region = m[1].toLowerCase();
	ctx.sub = (m[2] || '/').replace(/\/+$/, '') || '/';
	ctx.v3 = /^\/(contacts\/v3|insightdata\/v3)/i.test(ctx.sub);
	return null;
}
function authenticate(ctx) {
	const m = /^Basic\s+(.+)$/i.exec(ctx.headers.authorization || '');
	let ok = false;
	if (m) {
		const dec = Buffer.from(m[1], 'base64').toString('utf8');
		const i = dec.indexOf(':');
		const { username, password } = login();
		ok = i > 0 && dec.slice(0, i) === username && dec.slice(i + 1) === password;
	}
	if (!ok) {
		return ctx.v3 ? { status: 401, headers: { 'WWW-Authenticate': 'Basic' }, body: { errorCode: 'unauthorized', description: 'Authorization has been denied for this request.' } }
			: { status: 401, headers: { 'WWW-Authenticate': 'Basic' }, body: { message: 'Authorization has been denied for this request.' } };
	}
	if (ctx.region !== 'r1' && lc(ctx.sub) !== '/v2/account-info') {
		return { status: 403, body: ctx.v3 ? { errorCode: 'forbidden', description: 'This account is not hosted in this region. Use the ApiEndpoint from /v2/account-info.' } : { message: 'Forbidden. This account is not hosted in this region; use the ApiEndpoint from /v2/account-info. ERROR_FORBIDDEN' } };
	}
	return null;
}
function scope(ctx) {
	const p = lc(ctx.sub);
	if (/\/import/.test(p) && ctx.method !== 'GET') return 'Low';
	if (ctx.method === 'GET' && (/\/import\//.test(p) || /^\/v2\/(contacts|address-books|data-fields)\/[^/]+$/.test(p) || /^\/contacts\/v3\/[^/]+\/[^/]+$/.test(p) || p === '/v2/account-info')) return 'High';
	if (ctx.method === 'GET') return 'Low';
	return 'Medium';
}
function rateKey(ctx) { ctx.ddScope = scope(ctx); return `dotdigital:${ctx.ddScope}`; }
function rateHeaders(ctx, info) {
	return { 'X-RateLimit-Limit': String(info.limit === Infinity ? 1000000 : info.limit), 'X-RateLimit-Remaining': String(info.remaining === Infinity ? 1000000 : Math.max(0, info.remaining)), 'X-RateLimit-Reset': String(Math.max(1, Math.ceil((info.resetMs || 1000) / 1000))), 'X-RateLimit-Scope': ctx.ddScope || 'Medium' };
}
function throttle(ctx, info, mode) {
	if (mode === '503') return { status: 503, body: { message: 'Service temporarily unavailable.' } };
	const headers = rateHeaders(ctx, { ...info, remaining: 0, resetMs: info.retryAfterMs });
	if (mode === '429text') headers['Retry-After'] = `${Math.max(1, Math.ceil(info.retryAfterMs / 1000))} Seconds`;
	return { status: 429, headers, body: ctx.v3 ? { errorCode: 'general:tooManyRequests', description: `Rate limit exceeded for scope ${headers['X-RateLimit-Scope']}. Retry after the reset.` } : { message: 'You have exceeded the API call rate limit. ERROR_RATE_LIMIT_EXCEEDED' } };
}
function decorate(ctx, r) { if (ctx.rate) r.headers = { ...(r.headers || {}), ...rateHeaders(ctx, ctx.rate) }; }
function errorBody(code, msg) { return { message: msg }; }

// ---------- contacts model ----------
function emailIdx(s) {
	if (!s._byEmail) { s._byEmail = new Map(); for (const c of s.contacts) s._byEmail.set(lc(c.email), c); }
	return s._byEmail;
}
const byId = (s, id) => s.contacts.find((c) => c.id === Number(id));
function fieldName(s, key) { const f = s.dataFields.find((d) => lc(d.name) === lc(key)); return f ? f.name : null; }
const channelStatus = (st) => (st === 'Subscribed' ? 'subscribed' : st === 'Unsubscribed' ? 'unsubscribed' : st === 'PendingOptIn' ? 'pendingOptIn' : 'suppressed');
const removed = (c) => !['Subscribed', 'PendingOptIn'].includes(c.status);

function v2Contact(s, c) {
	return { id: c.id, email: c.email, optInType: c.optInType, emailType: c.emailType, dataFields: s.dataFields.map((d) => ({ key: d.name, value: c.dataFields[d.name] == null ? null : c.dataFields[d.name] })), status: c.status };
}
function v3Contact(s, c) {
	const df = {};
	for (const d of s.dataFields) df[d.name] = c.dataFields[d.name] == null ? null : c.dataFields[d.name];
	return { contactId: c.id, status: channelStatus(c.status), created: c.created, updated: c.modified, identifiers: { email: c.email, mobileNumber: c.mobileNumber || null }, dataFields: df, channelProperties: { email: { status: channelStatus(c.status), emailType: lc(c.emailType), optInType: lc(c.optInType) } }, lists: c.lists.map((id) => { const b = s.addressBooks.find((x) => x.id === id); return { id, name: b ? b.name : '' }; }) };
}

/** Normalise data fields (object or [{key,value}]) to canonical names; returns {fields, unknown}. */
function normFields(s, df) {
	const fields = {};
	const unknown = [];
	const entries = Array.isArray(df) ? df.map((x) => [x.key ?? x.Key, x.value ?? x.Value]) : Object.entries(df || {});
	for (const [k, v] of entries) { const n = fieldName(s, k); if (!n) unknown.push(k); else fields[n] = v; }
	return { fields, unknown };
}
/** merge: 'overwrite' | 'ifNotEmpty' (skip blanks) | 'ifEmpty' (only fill empty) */
function upsert(s, email, data, merge = 'overwrite') {
	if (!email || !EMAIL.test(email)) return { error: 'invalidEmail', message: `Email '${email}' is not valid. ERROR_CONTACT_INVALID` };
	const { fields, unknown } = normFields(s, data.dataFields);
	if (unknown.length) return { error: 'dataFieldNotFound', message: `Data field '${unknown[0]}' does not exist. ERROR_CONTACT_DATAFIELD_NOT_FOUND` };
	let c = emailIdx(s).get(lc(email));
	const created = !c;
	if (!c) {
		c = { id: s.nextId++, email: String(email), optInType: data.optInType || 'Unknown', emailType: data.emailType || 'Html', status: 'Subscribed', dataFields: {}, lists: [], created: iso(), modified: iso(), removedAt: null };
		s.contacts.push(c);
		emailIdx(s).set(lc(email), c);
	} else {
		if (data.optInType) c.optInType = data.optInType;
		if (data.emailType) c.emailType = data.emailType;
	}
	for (const [k, v] of Object.entries(fields)) {
		const empty = v === null || v === undefined || v === '';
		const cur = c.dataFields[k];
		if (merge === 'ifNotEmpty' && empty) continue;
		if (merge === 'ifEmpty' && !(cur === null || cur === undefined || cur === '')) continue;
		c.dataFields[k] = v;
	}
	if (data.status) setStatus(c, data.status, data.resubscribe);
	for (const id of data.lists || []) if (!c.lists.includes(Number(id))) c.lists.push(Number(id));
	c.modified = iso();
	return { contact: c, created };
}
function setStatus(c, st, resubscribe) {
	const v = lc(st);
	if (v === 'unsubscribed' && c.status !== 'Unsubscribed') { c.status = 'Unsubscribed'; c.removedAt = iso(); }
	else if (v === 'suppressed' && !removed(c)) { c.status = 'Suppressed'; c.removedAt = iso(); }
	else if (v === 'subscribed' && c.status === 'Unsubscribed' && resubscribe) { c.status = 'Subscribed'; c.removedAt = null; }
	else if (v === 'subscribed' && c.status === 'PendingOptIn') c.status = 'Subscribed';
}

function sinceParam(raw) {
	const t = Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(raw) || raw.length === 10 ? raw : raw + 'Z');
	if (Number.isNaN(t)) v2err(400, `Invalid date '${raw}'. ERROR_INVALID_DATE`);
	return t;
}
function v2page(ctx, rows, max = 1000) {
	const select = ctx.q.select == null ? 1000 : Number(ctx.q.select);
	const skip = ctx.q.skip == null ? 0 : Number(ctx.q.skip);
	if (!Number.isInteger(select) || select < 1 || select > max) v2err(400, `select must be between 1 and ${max}. ERROR_INVALID_SELECT`);
	if (!Number.isInteger(skip) || skip < 0) v2err(400, 'skip must be 0 or more.');
	return rows.slice(skip, skip + select);
}
function v3page(ctx, rows, map) {
	const limit = ctx.q.limit == null ? 1000 : Number(ctx.q.limit);
	if (!Number.isInteger(limit) || limit < 1 || limit > 5000) v3err(400, 'general:invalidLimit', 'limit must be between 1 and 5000.');
	const off = ctx.q.marker ? Number(Buffer.from(ctx.q.marker, 'base64url').toString()) || 0 : 0;
	const items = rows.slice(off, off + limit).map(map);
	const base = `${ctx.baseUrl}/dotdigital/${ctx.region}${ctx.sub}`;
	const link = (o) => { const u = new URL(base); for (const [k, v] of ctx.query) if (k !== 'marker') u.searchParams.set(k, v); if (o > 0) u.searchParams.set('marker', Buffer.from(String(o)).toString('base64url')); return u.toString(); };
	const _links = { self: { href: link(off) }, first: { href: link(0) } };
	if (off > 0) _links.prev = { href: link(Math.max(0, off - limit)) };
	if (off + limit < rows.length) _links.next = { href: link(off + limit) };
	return { status: 200, body: { _links, _items: items } };
}
function v3Filter(ctx, rows, getCreated, getModified) {
	for (const [k, v] of ctx.query) {
		const m = /^~(modified|created|listId)$/i.exec(k);
		if (!m) continue;
		const f = m[1].toLowerCase();
		if (f === 'listid') { rows = rows.filter((r) => r.lists && r.lists.includes(Number(String(v).replace(/^eq::/, '')))); continue; }
		const mm = /^(gte|gt|lte|lt|eq)::(.+)$/.exec(v);
		if (!mm) v3err(400, 'general:invalidFilter', `Invalid filter '${k}=${v}'. Use ~${f}=gte::<ISO date>.`);
		const t = Date.parse(mm[2]);
		if (Number.isNaN(t)) v3err(400, 'general:invalidFilter', `Invalid date '${mm[2]}'.`);
		const get = f === 'created' ? getCreated : getModified;
		const op = mm[1];
		rows = rows.filter((r) => { const x = Date.parse(get(r)); return op === 'gte' ? x >= t : op === 'gt' ? x > t : op === 'lte' ? x <= t : op === 'lt' ? x < t : x === t; });
	}
	return rows;
}

// ---------- async jobs ----------
// An import runs for a time proportional to its size, on the sandbox's scaled clock (a documented
// second lasts 1 / timeScale s): IMPORT_QUEUE_MS before it starts (insight imports answer
// NotStarted meanwhile), then IMPORT_MS_PER_RECORD per record (2,500 records a second; 50,000
// records ≈ 22 s). Dotdigital documents no throughput, so both figures are assumptions. A status
// call answers from the time alone; the ddImportPolls option adds that many NotFinished answers
// before any report (tests of a client's waiting; default 0).
const IMPORT_QUEUE_MS = 2000;
const IMPORT_MS_PER_RECORD = 0.4;
/** How long (documented, unscaled ms) an import of `records` records takes. */
const importDurationMs = (records) => IMPORT_QUEUE_MS + Math.max(0, Number(records) || 0) * IMPORT_MS_PER_RECORD;

function startJob(ctx, s, kind, run, records) {
	s._jobs = s._jobs || new Map();
	const sb = ctx.sandbox;
	const id = `${kind === 'insight' ? 'i' : 'c'}${String(s._jobSeq = (s._jobSeq || 0) + 1).padStart(7, '0')}-5a1d-4e2b-9c3f-000000000000`;
	const created = Date.now();
	const scale = sb.opts.timeScale;
	const delay = Math.max(20, importDurationMs(records) / scale);
	const job = { id, kind, created, records, polls: 0, done: false, result: null, run, startsAt: created + Math.min(delay, IMPORT_QUEUE_MS / scale), readyAt: created + delay };
	s._jobs.set(id, job);
	const t = setTimeout(() => { sb.pending.delete(t); finishJob(job); }, delay);
	if (t.unref) t.unref();
	sb.pending.add(t);
	return job;
}
function finishJob(job) { if (!job.done) { job.result = job.run(); job.done = true; } }
function pollJob(ctx, s, id, kind) {
	const job = s._jobs && s._jobs.get(id);
	if (!job || job.kind !== kind) return null;
	job.polls++;
	const now = Date.now();
	if (!job.done && now >= job.readyAt) finishJob(job);
	const finished = job.done && job.polls > ctx.sandbox.opts.ddImportPolls;
	return { job, finished, started: now >= job.startsAt };
}
const activeJobs = (s, kind) => (s._jobs ? [...s._jobs.values()].filter((j) => j.kind === kind && !j.done).length : 0);

function contactsImportV3(ctx, s) {
	const b = ctx.body || {};
	if (!Array.isArray(b.contacts) || !b.contacts.length) v3err(400, 'contacts:invalidImport', 'The request must contain a non-empty contacts array.');
	if (activeJobs(s, 'contacts') >= 25) v3err(429, 'contacts:tooManyActiveImports', 'There are already 25 active contact imports.');
	const merge = { overwrite: 'overwrite', overwriteifnotempty: 'ifNotEmpty', overwriteifempty: 'ifEmpty' }[lc(b.mergeOption || 'overwrite')];
	if (!merge) v3err(400, 'contacts:invalidMergeOption', `Invalid mergeOption '${b.mergeOption}'.`);
	const records = JSON.parse(JSON.stringify(b.contacts));
	const job = startJob(ctx, s, 'contacts', () => {
		const summary = { newContacts: 0, updatedContacts: 0, globallySuppressed: 0, invalidEntries: 0, duplicateIdentifiers: 0 };
		const created = []; const updated = []; const failures = []; const seen = new Set();
		for (const r of records) {
			const ids = r.identifiers || {};
			const email = ids.email;
			const fail = (code, description) => failures.push({ matchIdentifier: r.matchIdentifier || 'email', identifiers: ids, failures: [{ failureCode: code, description }] });
			if (seen.has(lc(email))) { summary.duplicateIdentifiers++; fail('duplicateIdentifier', `Duplicate identifier '${email}' in this import.`); continue; }
			seen.add(lc(email));
			const ex = emailIdx(s).get(lc(email));
			if (ex && removed(ex) && ex.status !== 'Unsubscribed') { summary.globallySuppressed++; fail('suppressed', 'Contact is suppressed.'); continue; }
			const ch = (r.channelProperties && r.channelProperties.email) || {};
			const out = upsert(s, email, { dataFields: r.dataFields, optInType: ch.optInType && cap(ch.optInType), emailType: ch.emailType && (lc(ch.emailType) === 'html' ? 'Html' : 'PlainText'), status: ch.status, resubscribe: !!ch.resubscribeOptions, lists: r.lists }, merge);
			if (out.error) { summary.invalidEntries++; fail(out.error, out.message.replace(/ ERROR_\w+$/, '')); continue; }
			if (out.created) { summary.newContacts++; created.push(out.contact.id); } else { summary.updatedContacts++; updated.push(out.contact.id); }
		}
		return { summary, created, updated, failures };
	}, records.length);
	return { status: 202, body: { importId: job.id } };
}
const cap = (x) => String(x).charAt(0).toUpperCase() + String(x).slice(1);

function contactsImportV2(ctx, s, bookId, csv) {
	const b = ctx.body || {};
	let rows;
	if (csv) {
		if (!b.data) v2err(400, 'data (base64 file) is required. ERROR_IMPORT_INVALID_FILE');
		const text = Buffer.from(String(b.data), 'base64').toString('utf8').replace(/\r/g, '');
		const [head, ...lines] = text.split('\n').filter((l) => l.trim());
		const cols = (head || '').split(',').map((x) => x.trim());
		const ei = cols.findIndex((c) => lc(c) === 'email');
		if (ei < 0) return { status: 202, body: { id: startJob(ctx, s, 'contacts-v2', () => ({ status: 'InvalidFileFormat' }), lines.length).id, status: 'NotFinished' } };
		rows = lines.map((l) => { const v = l.split(','); const df = []; cols.forEach((c, i) => { if (i !== ei) df.push({ key: c, value: v[i] }); }); return { email: v[ei], dataFields: df }; });
	} else {
		if (!Array.isArray(b.contacts)) v2err(400, 'contacts array is required. ERROR_INVALID_REQUEST');
		rows = JSON.parse(JSON.stringify(b.contacts));
	}
	const books = bookId ? [Number(bookId)] : (b.addressBookIds || []).map(Number);
	for (const id of books) if (!s.addressBooks.some((x) => x.id === id)) v2err(404, 'Error: ERROR_ADDRESSBOOK_NOT_FOUND');
	const merge = ['overwrite', 'ifNotEmpty', 'ifEmpty'][Number(b.mergeOption || ctx.mergeOption || 0)] || 'overwrite';
	const job = startJob(ctx, s, 'contacts-v2', () => {
		const report = { newContacts: 0, updatedContacts: 0, globallySuppressed: 0, invalidEntries: 0, duplicateEmails: 0 };
		const faults = [];
		const seen = new Set();
		for (const r of rows) {
			const email = r.email || r.Email;
			if (seen.has(lc(email))) { report.duplicateEmails++; faults.push([email, 'DuplicateEmail']); continue; }
			seen.add(lc(email));
			const ex = emailIdx(s).get(lc(email));
			if (ex && removed(ex) && ex.status !== 'Unsubscribed') { report.globallySuppressed++; faults.push([email, 'Suppressed']); continue; }
			const out = upsert(s, email, { dataFields: r.dataFields, optInType: r.optInType, emailType: r.emailType, lists: books }, merge);
			if (out.error) { report.invalidEntries++; faults.push([email, out.error]); continue; }
			if (out.created) report.newContacts++; else report.updatedContacts++;
		}
		return { status: 'Finished', report, faults };
	}, rows.length);
	return { status: 202, body: { id: job.id, status: 'NotFinished' } };
}

// ---------- insight data ----------
function flatten(json, prefix, out, fail) {
	for (const [k, v] of Object.entries(json)) {
		if (k.length > 255) return fail('JsonKeyTooLong');
		if (!/^[A-Za-z0-9_\-$]+$/.test(k)) return fail('JsonKeyInvalidCharacters');
		const p = prefix ? `${prefix}.${k}` : k;
		if (Array.isArray(v)) {
			for (const x of v) {
				if (Array.isArray(x)) return fail('JsonContainsNestedArray');
				if (x && typeof x === 'object') { if (flatten(x, p + '[]', out, fail) === false) return false; } else out[p + '[]'] = typeOf(x);
			}
		} else if (v && typeof v === 'object') { if (flatten(v, p, out, fail) === false) return false; }
		else {
			if (typeof v === 'string' && v.length > 5000) return fail('JsonValueTooLong');
			if (typeof v === 'number' && Math.abs(v) > 1e15) return fail('JsonNumberValueTooLarge');
			if (v !== null) out[p] = typeOf(v);
		}
	}
	return true;
}
function typeOf(v) { return typeof v === 'number' ? 'numeric' : typeof v === 'boolean' ? 'boolean' : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? 'date' : 'string'; }

/** Validate and upsert one record; returns null or a failureReason. */
function putRecord(s, col, key, json, contact) {
	if (!json || typeof json !== 'object' || Array.isArray(json)) return 'InvalidJson';
	if (!key || String(key).length > 255) return 'InvalidKey';
	const types = {};
	let reason = null;
	if (flatten(json, '', types, (r) => { reason = r; return false; }) === false || reason) return reason;
	for (const [p, t] of Object.entries(types)) if (col.schema[p] && col.schema[p] !== t && !(col.schema[p] === 'string' && t === 'date')) return 'JsonValueIncompatibleWithSchema';
	Object.assign(col.schema, Object.fromEntries(Object.entries(types).filter(([p]) => !col.schema[p])));
	const ex = col.records.get(String(key));
	const rec = { key: String(key), contactId: contact ? contact.id : null, email: contact ? contact.email : null, json, created: ex ? ex.created : iso(), updated: iso() };
	col.records.set(String(key), rec);
	col.updated = iso();
	return { replaced: !!ex };
}
function getCollection(s, name, scope, type, create) {
	const k = lc(name);
	let col = s.collections[k];
	if (!col && create) {
		if (!/^[-A-Za-z_][-A-Za-z0-9_]{1,255}$/.test(name)) v3err(400, 'insightData:invalidCollectionName', `Invalid collection name '${name}'.`);
		if (type && !COLLECTION_TYPES.includes(type)) v3err(400, 'insightData:invalidCollectionType', `Invalid collectionType '${type}'.`);
		if (Object.keys(s.collections).length >= 1000) v3err(412, 'insightData:collectionLimitReached', 'The account already has 1000 collections.');
		col = s.collections[k] = { name, scope: lc(scope || 'contact') === 'account' ? 'account' : 'contact', type: type || 'custom', created: iso(), updated: iso(), schema: {}, records: new Map() };
	}
	return col;
}
function insightImport(ctx, s) {
	const b = ctx.body || {};
	if (!b.collectionName) v3err(400, 'insightData:validationFailed', 'collectionName is required.');
	if (!Array.isArray(b.records)) v3err(400, 'insightData:validationFailed', 'records must be an array.');
	if (activeJobs(s, 'insight') >= 5) v3err(429, 'insightData:tooManyConcurrentImports', 'There are already 5 insight data imports in progress.');
	const col = getCollection(s, b.collectionName, b.collectionScope, b.collectionType, true);
	const records = JSON.parse(JSON.stringify(b.records));
	const job = startJob(ctx, s, 'insight', () => {
		const failures = [];
		const seen = new Set();
		let imported = 0;
		for (const r of records) {
			const f = (reason, details) => failures.push({ collectionOwner: r.contactIdentity ? r.contactIdentity.value : 'account', failureReason: reason, details: details || reason, key: r.key, json: r.json });
			if (seen.has(String(r.key))) { f('DuplicateKey'); continue; }
			seen.add(String(r.key));
			let contact = null;
			if (col.scope === 'contact') {
				const ci2 = r.contactIdentity || {};
				contact = lc(ci2.identifier || 'email') === 'email' ? emailIdx(s).get(lc(ci2.value)) : byId(s, ci2.value);
				if (!contact) { f('ContactEmailDoesNotExist', `Contact '${ci2.value}' does not exist.`); continue; }
			}
			const out = putRecord(s, col, r.key, r.json, contact);
			if (typeof out === 'string') f(out); else imported++;
		}
		return { summary: { totalRecords: records.length, totalImported: imported, totalRejected: records.length - imported }, failures };
	}, records.length);
	return { status: 202, body: { importId: job.id } };
}
function recordOut(r) { return { key: r.key, contactIdentity: r.email ? { identifier: 'email', value: r.email } : undefined, json: r.json, created: r.created, updated: r.updated }; }

// ---------- router ----------
function handle(ctx) {
	const s = ctx.state;
	const M = ctx.method;
	const p = ctx.sub;
	const lp = lc(p);
	const seg = p.split('/').filter(Boolean);
	if ((M === 'POST' || M === 'PUT' || M === 'PATCH') && ctx.bodyInvalid) {
		if (ctx.v3) v3err(400, 'general:invalidJson', 'The request body is not valid JSON.');
		v2err(400, 'The request body is not valid JSON. ERROR_INVALID_REQUEST');
	}
	const b = ctx.body || {};
	// --- v2 ---
	if (lp === '/v2/account-info' && M === 'GET') {
		const ep = `${ctx.baseUrl}/dotdigital/r1`;
		return { status: 200, body: { id: 424242, properties: [{ name: 'Name', type: 'String', value: 'Sandbox Marketing' }, { name: 'MainEmail', type: 'String', value: 'owner@example-sandbox.com' }, { name: 'ApiEndpoint', type: 'String', value: ep }, { name: 'ApiLocale', type: 'String', value: 'en-GB' }, { name: 'AvailableEmailSendsCredits', type: 'Int32', value: 100000 }] } };
	}
	if (lp === '/v2/data-fields') {
		if (M === 'GET') return { status: 200, body: s.dataFields };
		if (M === 'POST') {
			const name = String(b.name || '');
			if (!/^[A-Za-z0-9_-]{1,20}$/.test(name)) v2err(400, `Invalid data field name '${name}' (max 20 characters, letters, digits, _ and -). ERROR_INVALID_DATAFIELD_NAME`);
			const type = ['String', 'Numeric', 'Date', 'Boolean'].find((t) => lc(t) === lc(b.type));
			if (!type) v2err(400, `Invalid data field type '${b.type}'. ERROR_INVALID_DATAFIELD_TYPE`);
			if (fieldName(s, name)) v2err(400, 'Field already exists. ERROR_NON_UNIQUE_DATAFIELD');
			const f = { name: name.toUpperCase(), type, visibility: b.visibility || 'Private', defaultValue: b.defaultValue == null ? null : b.defaultValue };
			s.dataFields.push(f);
			return { status: 200, body: f };
		}
	}
	if (seg[0] === 'v2' && seg[1] === 'data-fields' && seg.length === 3 && M === 'DELETE') {
		const i = s.dataFields.findIndex((d) => lc(d.name) === lc(seg[2]));
		if (i < 0) v2err(404, 'Error: ERROR_DATAFIELD_NOT_FOUND');
		s.dataFields.splice(i, 1);
		return { status: 200, body: { result: true } };
	}
	if (lp === '/v2/address-books') {
		if (M === 'GET') return { status: 200, body: v2page(ctx, s.addressBooks.map((x) => bookOut(s, x))) };
		if (M === 'POST') {
			if (!b.name || String(b.name).length > 128) v2err(400, 'Address book name is required (max 128 characters). ERROR_ADDRESSBOOK_INVALID');
			if (s.addressBooks.some((x) => lc(x.name) === lc(b.name))) v2err(400, 'An address book with this name already exists. ERROR_ADDRESSBOOK_DUPLICATE');
			const ab = { id: s.nextBookId++, name: String(b.name), visibility: b.visibility || 'Private' };
			s.addressBooks.push(ab);
			return { status: 200, body: bookOut(s, ab) };
		}
	}
	if (seg[0] === 'v2' && seg[1] === 'address-books' && seg.length >= 3) {
		const ab = s.addressBooks.find((x) => x.id === Number(seg[2]));
		if (!ab) v2err(404, 'Error: ERROR_ADDRESSBOOK_NOT_FOUND');
		const rest = seg.slice(3).join('/').toLowerCase();
		if (!rest) {
			if (M === 'GET') return { status: 200, body: bookOut(s, ab) };
			if (M === 'PUT') { if (b.name) ab.name = b.name; if (b.visibility) ab.visibility = b.visibility; return { status: 200, body: bookOut(s, ab) }; }
			if (M === 'DELETE') { s.addressBooks.splice(s.addressBooks.indexOf(ab), 1); for (const c of s.contacts) c.lists = c.lists.filter((x) => x !== ab.id); return { status: 204 }; }
		}
		const members = () => s.contacts.filter((c) => c.lists.includes(ab.id));
		if (rest === 'contacts' && M === 'GET') return { status: 200, body: v2page(ctx, members()).map((c) => v2Contact(s, c)) };
		if (rest === 'contacts' && M === 'POST') {
			const ex = emailIdx(s).get(lc(b.email));
			if (ex && removed(ex) && ex.status !== 'Unsubscribed') v2err(400, 'Contact is suppressed. ERROR_CONTACT_SUPPRESSED');
			const out = upsert(s, b.email, { dataFields: b.dataFields, optInType: b.optInType, emailType: b.emailType, lists: [ab.id] });
			if (out.error) v2err(400, out.message);
			return { status: 200, body: v2Contact(s, out.contact) };
		}
		if (seg[3] === 'contacts' && seg[4] === 'import' && M === 'POST') return contactsImportV2(ctx, s, ab.id, true);
		if (seg[3] === 'contacts' && seg.length === 5 && M === 'DELETE') {
			const c = byId(s, seg[4]);
			if (!c || !c.lists.includes(ab.id)) v2err(404, 'Error: ERROR_CONTACT_NOT_FOUND');
			c.lists = c.lists.filter((x) => x !== ab.id);
			c.modified = iso();
			return { status: 204 };
		}
		if (seg[3] === 'contacts' && seg[4] && ['modified-since', 'unsubscribed-since'].includes(lc(seg[4])) && seg[5] && M === 'GET') {
			const t = sinceParam(seg.slice(5).join('/'));
			if (lc(seg[4]) === 'modified-since') return { status: 200, body: v2page(ctx, members().filter((c) => Date.parse(c.modified) >= t)).map((c) => v2Contact(s, c)) };
			return { status: 200, body: v2page(ctx, members().filter((c) => c.status === 'Unsubscribed' && c.removedAt && Date.parse(c.removedAt) >= t)).map((c) => suppressedOut(s, c)) };
		}
	}
	if (seg[0] === 'v2' && seg[1] === 'contacts') {
		const sub = lc(seg[2] || '');
		if (!sub && M === 'GET') return { status: 200, body: v2page(ctx, s.contacts).map((c) => v2Contact(s, c)) };
		if (!sub && M === 'POST') {
			const ex = emailIdx(s).get(lc(b.email));
			if (ex && removed(ex) && ex.status !== 'Unsubscribed') v2err(400, 'Contact is suppressed. ERROR_CONTACT_SUPPRESSED');
			const out = upsert(s, b.email, { dataFields: b.dataFields, optInType: b.optInType, emailType: b.emailType });
			if (out.error) v2err(400, out.message);
			return { status: 201, body: v2Contact(s, out.contact) };
		}
		if (['modified-since', 'created-since', 'unsubscribed-since', 'suppressed-since'].includes(sub) && seg[3] && M === 'GET') {
			const t = sinceParam(seg.slice(3).join('/'));
			if (sub === 'modified-since') return { status: 200, body: v2page(ctx, s.contacts.filter((c) => Date.parse(c.modified) >= t)).map((c) => v2Contact(s, c)) };
			if (sub === 'created-since') return { status: 200, body: v2page(ctx, s.contacts.filter((c) => Date.parse(c.created) >= t)).map((c) => v2Contact(s, c)) };
			const pick = sub === 'unsubscribed-since' ? (c) => c.status === 'Unsubscribed' : removed;
			return { status: 200, body: v2page(ctx, s.contacts.filter((c) => pick(c) && c.removedAt && Date.parse(c.removedAt) >= t)).map((c) => suppressedOut(s, c)) };
		}
		if (sub === 'unsubscribe' && M === 'POST') {
			const c = emailIdx(s).get(lc(b.email)) || byId(s, b.id);
			if (!c) v2err(404, 'Error: ERROR_CONTACT_NOT_FOUND');
			setStatus(c, 'unsubscribed'); c.modified = iso();
			return { status: 200, body: suppressedOut(s, c) };
		}
		if (sub === 'suppress-contacts' && M === 'PUT') {
			const list = Array.isArray(b) ? b : [];
			return { status: 200, body: list.map((x) => { const e = x.email || x.Email; let c = emailIdx(s).get(lc(e)); if (!c && EMAIL.test(e || '')) c = upsert(s, e, {}).contact; if (c) { setStatus(c, 'suppressed'); c.status = 'Suppressed'; c.modified = iso(); return suppressedOut(s, c); } return { email: e, reason: 'Invalid' }; }) };
		}
		if (sub === 'import-collection' && M === 'POST') return contactsImportV2(ctx, s, null, false);
		if (sub === 'import' && !seg[3] && M === 'POST') return contactsImportV2(ctx, s, null, true);
		if (sub === 'import' && seg[3] && M === 'GET') {
			const r = pollJob(ctx, s, seg[3], 'contacts-v2');
			if (!r) v2err(404, 'Error: ERROR_IMPORT_NOT_FOUND');
			const { job, finished } = r;
			if (!seg[4]) return { status: 200, body: { id: job.id, status: finished ? job.result.status : 'NotFinished' } };
			if (!finished) v2err(400, 'The import has not finished yet. ERROR_IMPORT_REPORT_NOT_YET_READY');
			if (lc(seg[4]) === 'report') return { status: 200, body: job.result.report || {} };
			if (lc(seg[4]) === 'report-faults') return { status: 200, headers: { 'Content-Type': 'text/csv' }, body: ['Email,Reason', ...(job.result.faults || []).map((f) => f.join(','))].join('\r\n') };
		}
		if (sub && !seg[3] && /^(\d+|[^/]+@[^/]+)$/.test(seg[2])) {
			const c = /^\d+$/.test(seg[2]) ? byId(s, seg[2]) : emailIdx(s).get(lc(seg[2]));
			if (M === 'GET') {
				if (!c || (removed(c) && /^\d+$/.test(seg[2]))) v2err(404, 'Error: ERROR_CONTACT_NOT_FOUND');
				return { status: 200, body: v2Contact(s, c) };
			}
			if (!c) v2err(404, 'Error: ERROR_CONTACT_NOT_FOUND');
			if (M === 'PUT') {
				if (b.email && lc(b.email) !== lc(c.email)) { if (emailIdx(s).has(lc(b.email))) v2err(400, 'Email already in use. ERROR_CONTACT_DUPLICATE'); emailIdx(s).delete(lc(c.email)); c.email = b.email; emailIdx(s).set(lc(b.email), c); }
				const out = upsert(s, c.email, { dataFields: b.dataFields, optInType: b.optInType, emailType: b.emailType });
				if (out.error) v2err(400, out.message);
				return { status: 200, body: v2Contact(s, c) };
			}
			if (M === 'DELETE') { s.contacts.splice(s.contacts.indexOf(c), 1); emailIdx(s).delete(lc(c.email)); return { status: 204 }; }
		}
	}
	// --- v3 contacts ---
	if (lp === '/contacts/v3' && M === 'GET') {
		const rows = v3Filter(ctx, s.contacts, (c) => c.created, (c) => c.modified);
		return v3page(ctx, rows, (c) => v3Contact(s, c));
	}
	if (lp === '/contacts/v3' && M === 'POST') {
		const email = b.identifiers && b.identifiers.email;
		if (emailIdx(s).has(lc(email))) v3err(409, 'contacts:idAlreadyExists', `A contact with email '${email}' already exists.`);
		return v3Write(s, email, b, 'overwrite', 201);
	}
	if (lp === '/contacts/v3/import' && M === 'PUT') return contactsImportV3(ctx, s);
	if (seg[0] === 'contacts' && lc(seg[1]) === 'v3' && lc(seg[2]) === 'import' && seg[3] && M === 'GET') {
		const r = pollJob(ctx, s, seg[3], 'contacts');
		if (!r) v3err(404, 'contacts:importNotFound', `Import '${seg[3]}' not found.`);
		const { job, finished } = r;
		if (!finished) return { status: 200, body: { importId: job.id, status: 'NotFinished' } };
		return { status: 200, body: { importId: job.id, status: 'Finished', ...job.result } };
	}
	if (seg[0] === 'contacts' && lc(seg[1]) === 'v3' && seg.length === 4) {
		const ident = lc(seg[2]);
		const val = seg[3];
		const find = () => (ident === 'email' ? emailIdx(s).get(lc(val)) : ident === 'contactid' ? byId(s, val) : ident === 'mobilenumber' ? s.contacts.find((c) => c.mobileNumber === val) : v3err(400, 'contacts:invalidIdentifier', `Unknown identifier '${seg[2]}'.`));
		const c = find();
		if (M === 'GET') { if (!c) v3err(404, 'contacts:contactNotFound', `Contact with ${seg[2]} '${val}' not found.`); return { status: 200, body: v3Contact(s, c) }; }
		if (M === 'DELETE') { if (!c) v3err(404, 'contacts:contactNotFound', 'Contact not found.'); s.contacts.splice(s.contacts.indexOf(c), 1); emailIdx(s).delete(lc(c.email)); return { status: 204 }; }
		if (M === 'PATCH' || M === 'PUT') {
			const email = ident === 'email' ? val : (c ? c.email : b.identifiers && b.identifiers.email);
			if (!c && ident !== 'email' && !email) v3err(404, 'contacts:contactNotFound', 'Contact not found.');
			const mo = { overwrite: 'overwrite', 'overwrite-if-not-empty': 'ifNotEmpty', 'overwrite-if-empty': 'ifEmpty' }[lc(ctx.q['merge-option'] || 'overwrite')];
			if (!mo) v3err(400, 'contacts:invalidMergeOption', `Invalid merge-option '${ctx.q['merge-option']}'.`);
			if (M === 'PUT' && c) { c.dataFields = {}; c.lists = []; }
			return v3Write(s, email, b, mo, c ? 200 : 201);
		}
	}
	// --- v3 insight data ---
	if (lp === '/insightdata/v3/import' && M === 'PUT') return insightImport(ctx, s);
	if (seg[0] && lc(seg[0]) === 'insightdata' && lc(seg[1]) === 'v3') {
		const a = lc(seg[2] || '');
		if (a === 'import' && seg[3] && M === 'GET') {
			const r = pollJob(ctx, s, seg[3], 'insight');
			if (!r) v3err(404, 'insightData:importNotFound', `Import '${seg[3]}' not found.`);
			const { job, finished } = r;
			const col = Object.values(s.collections).find(() => true);
			if (!finished) return { status: 200, body: { importId: job.id, status: r.started ? 'Processing' : 'NotStarted', collectionName: col ? col.name : null } };
			return { status: 200, body: { importId: job.id, status: 'Finished', ...job.result } };
		}
		if (a === 'collections' && !seg[3] && M === 'GET') return { status: 200, body: Object.values(s.collections).map((c) => ({ name: c.name, scope: c.scope, type: c.type, createdDate: c.created, updatedDate: c.updated, recordCount: c.records.size })) };
		if (a === 'collections' && seg[3] && !seg[4] && M === 'POST') {
			const ex = getCollection(s, seg[3]);
			if (ex) return { status: 200, body: { name: ex.name, scope: ex.scope, type: ex.type } };
			const col = getCollection(s, seg[3], ctx.q.collectionscope, ctx.q.collectiontype, true);
			return { status: 201, body: { name: col.name, scope: col.scope, type: col.type } };
		}
		if (a === 'collections' && seg[3] && lc(seg[4]) === 'schema' && M === 'GET') {
			const col = getCollection(s, seg[3]);
			if (!col) v3err(404, 'insightData:collectionNotFound', `Collection '${seg[3]}' not found.`);
			return { status: 200, body: col.schema };
		}
		if (a === 'account' && seg[3]) {
			const col = getCollection(s, seg[3]);
			if (!col || col.scope !== 'account') v3err(404, 'insightData:collectionNotFound', `Collection '${seg[3]}' not found.`);
			if (!seg[4] && M === 'GET') return v3page(ctx, v3Filter(ctx, [...col.records.values()], (r) => r.created, (r) => r.updated), recordOut);
			if (seg[4] && M === 'PUT') { const out = putRecord(s, col, seg[4], b, null); if (typeof out === 'string') v3err(400, `insightData:${out}`, out); return { status: out.replaced ? 204 : 201 }; }
			if (seg[4] && M === 'GET') { const r = col.records.get(seg[4]); if (!r) v3err(404, 'insightData:recordNotFound', 'Record not found.'); return { status: 200, body: recordOut(r) }; }
		}
		if (a === 'contacts' && seg.length >= 6) {
			const ident = lc(seg[3]);
			const contact = ident === 'email' ? emailIdx(s).get(lc(seg[4])) : byId(s, seg[4]);
			const col = getCollection(s, seg[5]);
			if (!col || col.scope !== 'contact') v3err(404, 'insightData:collectionNotFound', `Collection '${seg[5]}' not found.`);
			if (!contact) v3err(404, 'insightData:contactNotFound', `Contact '${seg[4]}' not found.`);
			if (!seg[6] && M === 'GET') return v3page(ctx, [...col.records.values()].filter((r) => r.contactId === contact.id), recordOut);
			if (seg[6] && M === 'PUT') { const out = putRecord(s, col, seg[6], b, contact); if (typeof out === 'string') v3err(400, `insightData:${out}`, out); return { status: out.replaced ? 204 : 201 }; }
		}
	}
	if (ctx.v3) v3err(404, 'general:notFound', `No resource matches ${M} ${p}.`);
	return v2err(404, `No HTTP resource was found that matches the request URI '${p}'.`);
}
function v3Write(s, email, b, merge, status) {
	const ch = (b.channelProperties && b.channelProperties.email) || {};
	if (b.lists && b.lists.length > 100) v3err(400, 'contacts:tooManyLists', 'A maximum of 100 lists can be given.');
	for (const id of b.lists || []) if (!s.addressBooks.some((x) => x.id === Number(id))) v3err(400, 'contacts:listNotFound', `List ${id} not found.`, [{ item: 'lists', description: `List ${id} not found.` }]);
	const ex = emailIdx(s).get(lc(email));
	if (ex && removed(ex) && ex.status !== 'Unsubscribed' && lc(ch.status) !== 'suppressed') v3err(400, 'contacts:contactSuppressed', 'Contact is suppressed.');
	const out = upsert(s, email, { dataFields: b.dataFields, optInType: ch.optInType && cap(ch.optInType), emailType: ch.emailType && (lc(ch.emailType) === 'html' ? 'Html' : 'PlainText'), status: ch.status, resubscribe: !!ch.resubscribeOptions, lists: b.lists }, merge);
	if (out.error === 'invalidEmail') v3err(400, 'contacts:invalidEmail', out.message.replace(/ ERROR_\w+$/, ''), [{ item: 'identifiers.email', description: 'Invalid email address.' }]);
	if (out.error) v3err(400, 'contacts:dataFieldNotFound', out.message.replace(/ ERROR_\w+$/, ''), [{ item: 'dataFields', description: out.message.replace(/ ERROR_\w+$/, '') }]);
	if (b.identifiers && b.identifiers.mobileNumber) out.contact.mobileNumber = b.identifiers.mobileNumber;
	return { status, body: v3Contact(s, out.contact) };
}
function bookOut(s, ab) { return { id: ab.id, name: ab.name, visibility: ab.visibility, contacts: s.contacts.filter((c) => c.lists.includes(ab.id)).length }; }
function suppressedOut(s, c) {
	const v = v2Contact(s, c);
	return { suppressedContact: v, dateRemoved: c.removedAt, reason: c.status };
}

// ---------- control ----------
function snapshot(s) {
	return {
		contacts: s.contacts.map((c) => ({ ...c })), addressBooks: s.addressBooks.map((x) => bookOut(s, x)), dataFields: s.dataFields,
		collections: Object.fromEntries(Object.values(s.collections).map((c) => [c.name, { scope: c.scope, type: c.type, schema: c.schema, records: [...c.records.values()] }])),
		imports: s._jobs ? [...s._jobs.values()].map((j) => ({ id: j.id, kind: j.kind, records: j.records, created: iso(j.created), readyAt: iso(j.readyAt), done: j.done, polls: j.polls, result: j.result })) : [],
	};
}
function mutate(s, body) {
	const c = emailIdx(s).get(lc(body.email)) || byId(s, body.id);
	if (!c) throw Object.assign(new Error('contact not found (give email or id)'), { status: 404 });
	const when = body.date ? new Date(body.date).toISOString() : iso();
	const action = lc(body.action);
	if (action === 'unsubscribe') { c.status = 'Unsubscribed'; c.removedAt = when; }
	else if (action === 'suppress') { c.status = body.reason || 'HardBounced'; c.removedAt = when; }
	else if (action === 'resubscribe') { c.status = 'Subscribed'; c.removedAt = null; }
	if (body.patch && body.patch.dataFields) Object.assign(c.dataFields, normFields(s, body.patch.dataFields).fields);
	c.modified = when;
	return v2Contact(s, c);
}

module.exports = { name: 'dotdigital', route, authenticate, rateKey, throttle, decorate, errorBody, handle, snapshot, mutate };
