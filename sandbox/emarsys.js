'use strict';
// Emarsys emulation (targets-api.md §2 and §9): OAuth 2.0 client-credentials tokens with expiry
// (v3 paths, Bearer) and legacy WSSE (v2 paths, X-WSSE: base64 of the hex SHA-1 of nonce + created +
// secret, created within 5 minutes, a nonce used once), an API user without permissions (403), the
// `{replyCode, replyText, data}` envelope on every answer, batch writes answering 200 with per-record
// `data.errors`, 1,000 calls a minute per API user (429 + X-RateLimit-*), field ids with custom
// fields by name and type, opt-in field 31 as 1 / 2, contact lists, external events that need an
// existing contact, the contact-changes export (getchanges → export status → CSV), a sales-data
// endpoint with its own bearer token that appends every line without de-duplication, and the
// catalog fetch ("Update from URL now"): the sandbox pulls a URL and validates the product CSV the
// way Emarsys does, replacing the whole catalog only when the file is valid.
// Vendor facts the reference leaves open are handled both ways: `key_id` or `keyId`, the token URL
// at auth.emarsys.net or /api/v3/auth/token, date-only or datetime `time_range`.

const crypto = require('node:crypto');
const catalog = require('./emarsys-catalog');

// The sandbox login is the registry's (sandbox/systems.js), read per request so that this module and
// the registry (which loads emulations lazily) load in either order.
const login = () => require('./systems').BY_KEY.emarsys.login;
const NOPERM = { clientId: 'sandbox-emarsys-noperm', wsseUser: 'sandbox_emarsys_noperm' };
const BATCH_MAX = 1000;
const WSSE_SKEW_MS = 5 * 60 * 1000;
const TOKEN_TTL_S = 3600;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const lc = (v) => String(v == null ? '' : v).toLowerCase();
const iso = (ms = Date.now()) => new Date(ms).toISOString();

class EmError extends Error {
	constructor(status, body, headers) { super(JSON.stringify(body)); this.httpResponse = { status, body, headers }; }
}
const reply = (data, replyCode = 0, replyText = 'OK') => ({ status: 200, body: { replyCode, replyText, data } });
const fail = (status, replyCode, replyText, data = '') => { throw new EmError(status, { replyCode, replyText, data }); };

// ---------- fields ----------
// System fields (EM-HOB ContactSystemField); single-choice ones take choice ids.
const SYSTEM_FIELDS = [
	[1, 'First Name', 'first_name', 'shorttext'], [2, 'Last Name', 'last_name', 'shorttext'], [3, 'E-Mail', 'email', 'shorttext'],
	[4, 'Date of Birth', 'birth_date', 'date'], [5, 'Gender', 'gender', 'singlechoice'], [9, 'Title', 'title', 'singlechoice'],
	[10, 'Address', 'address', 'longtext'], [11, 'City', 'city', 'shorttext'], [12, 'State', 'state', 'shorttext'],
	[13, 'ZIP Code', 'zip_code', 'shorttext'], [14, 'Country', 'country', 'singlechoice'], [15, 'Phone', 'phone', 'shorttext'],
	[17, 'Job Position', 'job_position', 'shorttext'], [18, 'Company', 'company', 'shorttext'],
	[26, 'Preferred Email Format', 'email_format', 'singlechoice'], [31, 'Opt-In', 'optin', 'singlechoice'],
	[32, 'User status', 'user_status', 'singlechoice'], [33, 'Contact source', 'source', 'singlechoice'],
	[37, 'Mobile', 'mobile', 'shorttext'], [46, 'Salutation', 'salutation', 'singlechoice'], [48, 'Registration Date', 'registration_date', 'date'],
].map(([id, name, stringId, type]) => ({ id, name, application_type: type, string_id: stringId }));
const CHOICES = {
	5: [['1', 'Male'], ['2', 'Female'], ['3', 'Other']],
	9: [['1', 'Mr.'], ['2', 'Ms.'], ['3', 'Dr.']],
	14: [['1', 'Australia'], ['2', 'New Zealand'], ['3', 'United Kingdom'], ['4', 'United States'], ['5', 'Other']],
	26: [['1', 'HTML'], ['2', 'Text only']],
	31: [['1', 'True'], ['2', 'False']],
	32: [['1', 'Active'], ['2', 'Inactive']],
	33: [['1', 'API'], ['2', 'Form'], ['3', 'Import']],
	46: [['1', 'Mr.'], ['2', 'Ms.']],
};
const CUSTOM_TYPES = ['shorttext', 'longtext', 'largetext', 'date', 'url', 'numeric'];
const fieldById = (s, id) => s.fields.find((f) => String(f.id) === String(id));

/** A value for a field as Emarsys stores it (string), or an error text. */
function checkValue(f, v) {
	if (v === null || v === undefined || v === '') return { value: null };
	const t = f.application_type;
	if (t === 'singlechoice') {
		const ok = (CHOICES[f.id] || []).some(([cid]) => cid === String(v));
		return ok ? { value: String(v) } : { error: `Invalid value "${v}" for single-choice field ${f.id} (${f.string_id}): use a choice id` };
	}
	if (t === 'numeric' && !/^-?\d+(\.\d+)?$/.test(String(v))) return { error: `Invalid numeric value "${v}" for field ${f.id} (${f.name})` };
	if (t === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(v))) return { error: `Invalid date "${v}" for field ${f.id} (${f.name}): use YYYY-MM-DD` };
	if (t === 'url' && !/^https?:\/\//i.test(String(v))) return { error: `Invalid URL "${v}" for field ${f.id} (${f.name})` };
	if (f.id === 3 && !EMAIL.test(String(v))) return { error: `Invalid email address "${v}"` };
	if (t === 'shorttext' && String(v).length > 255) return { error: `Value too long for field ${f.id} (${f.name})` };
	return { value: String(v) };
}

// ---------- contacts ----------
function emailIdx(s) {
	if (!s._byEmail) { s._byEmail = new Map(); for (const c of s.contacts) if (c.fields[3]) s._byEmail.set(lc(c.fields[3]), c); }
	return s._byEmail;
}
function reindex(s) { s._byEmail = null; }
/** Read key_id (v2 snake case or v3 camel case); default 3 (email). */
function keyOf(b) { const k = b.key_id ?? b.keyId; return k == null || k === '' ? '3' : String(k); }
function checkKey(s, key) {
	if (key === 'id' || key === 'uid') return;
	if (!fieldById(s, key)) fail(400, 2004, `Invalid key field id: ${key}`);
}
/** The contacts whose key field equals value (email via the index). */
function findBy(s, key, value) {
	if (value === null || value === undefined || value === '') return [];
	if (key === '3') { const c = emailIdx(s).get(lc(value)); return c ? [c] : []; }
	if (key === 'id') return s.contacts.filter((c) => String(c.id) === String(value));
	if (key === 'uid') return s.contacts.filter((c) => c.uid === String(value));
	return s.contacts.filter((c) => c.fields[key] != null && String(c.fields[key]) === String(value));
}
const notFound = (key, value) => ({ 2008: `No contact found with the external id: ${key} - ${value}` });

/** Validate one record's fields; returns {values} or {error: {code: text}}. */
function recordValues(s, rec) {
	const values = {};
	for (const [k, v] of Object.entries(rec)) {
		if (k === 'key_id' || k === 'keyId' || k === 'contact_list_id') continue;
		const f = fieldById(s, k);
		if (!f) return { error: { 2005: `Invalid field id: ${k}` } };
		if ([32, 33].includes(f.id)) return { error: { 2006: `Field ${f.id} (${f.string_id}) is read-only` } };
		const r = checkValue(f, v);
		if (r.error) return { error: { 2012: r.error } };
		values[f.id] = r.value;
	}
	return { values };
}
function newContact(s, values, when) {
	const c = { id: s.nextId++, uid: crypto.createHash('sha1').update('uid' + s.nextId).digest('hex').slice(0, 10), fields: {}, created: when, modified: when, lists: [] };
	Object.assign(c.fields, values);
	if (c.fields[33] == null) c.fields[33] = '1';
	s.contacts.push(c);
	if (c.fields[3]) emailIdx(s).set(lc(c.fields[3]), c);
	return c;
}
function applyValues(s, c, values, when) {
	let changed = false;
	for (const [k, v] of Object.entries(values)) {
		if ((c.fields[k] ?? null) !== v) { changed = true; if (Number(k) === 3) { emailIdx(s).delete(lc(c.fields[3])); if (v) emailIdx(s).set(lc(v), c); } c.fields[k] = v; }
	}
	if (changed) c.modified = when;
	return changed;
}

/** PUT /contact (update; create_if_not_exists=1 upserts) and POST /contact (create only). */
function writeContacts(ctx, s, mode) {
	const b = ctx.body || {};
	const key = keyOf(b);
	checkKey(s, key);
	const list = Array.isArray(b.contacts) ? b.contacts : [b];
	if (list.length > BATCH_MAX) fail(400, 1000, `The request contains ${list.length} contacts; the maximum is ${BATCH_MAX}`);
	if (!list.length) fail(400, 2001, 'No contacts given');
	const when = iso();
	const ids = [];
	const errors = {};
	const seen = new Set();
	for (const rec of list) {
		if (!rec || typeof rec !== 'object') { errors[String(rec)] = { 2002: 'Invalid contact record' }; continue; }
		const kv = key === 'id' ? rec.id : key === 'uid' ? rec.uid : rec[key];
		const label = kv == null || kv === '' ? '' : String(kv);
		if (!label) { errors[''] = { 2004: `Missing key field ${key}` }; continue; }
		if (seen.has(lc(label))) { errors[label] = { 2010: `The key value ${label} is given more than once in this request` }; continue; }
		seen.add(lc(label));
		const { values, error } = recordValues(s, rec);
		if (error) { errors[label] = error; continue; }
		const found = findBy(s, key, kv);
		if (found.length > 1) { errors[label] = { 2010: `Key value is not unique: ${key} - ${label}` }; continue; }
		if (mode === 'create') {
			if (found.length) { errors[label] = { 2009: `Contact with the external id already exists: ${key} - ${label}` }; continue; }
		} else if (!found.length && !(mode === 'upsert')) { errors[label] = notFound(key, label); continue; }
		let c = found[0];
		if (!c) {
			if (key === 'id' || key === 'uid') { errors[label] = notFound(key, label); continue; }
			if (values[3] && emailIdx(s).has(lc(values[3]))) { errors[label] = { 2009: `A contact with the email ${values[3]} already exists` }; continue; }
			c = newContact(s, values, when);
		} else {
			if (values[3] && emailIdx(s).get(lc(values[3])) && emailIdx(s).get(lc(values[3])) !== c) { errors[label] = { 2010: `The email ${values[3]} belongs to another contact` }; continue; }
			applyValues(s, c, values, when);
		}
		const listId = rec.contact_list_id ?? b.contact_list_id;
		if (listId != null) addToList(s, listId, c);
		ids.push(String(c.id));
	}
	const data = { ids };
	if (Object.keys(errors).length) data.errors = errors;
	return reply(data);
}
function addToList(s, listId, c) {
	const l = s.lists.find((x) => String(x.id) === String(listId));
	if (!l) fail(400, 3003, `Contact list not found: ${listId}`);
	if (!c.lists.includes(l.id)) c.lists.push(l.id);
}

function contactOut(s, c, fields) {
	const out = {};
	const want = fields && fields.length ? fields.map(String) : s.fields.map((f) => String(f.id));
	for (const id of want) out[id] = c.fields[id] == null ? null : String(c.fields[id]);
	out.id = String(c.id);
	out.uid = c.uid;
	return out;
}
function getData(ctx, s) {
	const b = ctx.body || {};
	const key = keyOf(b);
	checkKey(s, key);
	const values = b.keyValues ?? b.key_values;
	if (!Array.isArray(values) || !values.length) fail(400, 2001, 'keyValues must be a non-empty array');
	if (values.length > BATCH_MAX) fail(400, 1000, `At most ${BATCH_MAX} keyValues per request`);
	const fields = b.fields == null ? null : (Array.isArray(b.fields) ? b.fields : [b.fields]);
	for (const f of fields || []) if (!fieldById(s, f)) fail(400, 2005, `Invalid field id: ${f}`);
	const result = [];
	const errors = [];
	for (const v of values) {
		const found = findBy(s, key, v);
		if (!found.length) errors.push({ key: String(v), errorCode: 2008, errorMsg: `No contact found with the external id: ${key}` });
		else for (const c of found) result.push(contactOut(s, c, fields));
	}
	return reply({ errors, result: result.length ? result : false });
}
function deleteContacts(ctx, s) {
	const b = ctx.body || {};
	const key = keyOf(b);
	checkKey(s, key);
	const list = Array.isArray(b.contacts) ? b.contacts : [b];
	if (list.length > BATCH_MAX) fail(400, 1000, `At most ${BATCH_MAX} contacts per request`);
	const errors = {};
	let deleted = 0;
	for (const rec of list) {
		const kv = key === 'id' ? rec.id : key === 'uid' ? rec.uid : rec[key];
		const found = findBy(s, key, kv);
		if (!found.length) { errors[String(kv)] = notFound(key, kv); continue; }
		if (found.length > 1) { errors[String(kv)] = { 2010: `Key value is not unique: ${key} - ${kv}` }; continue; }
		s.contacts.splice(s.contacts.indexOf(found[0]), 1);
		deleted++;
	}
	reindex(s);
	const data = { deleted_contacts: deleted };
	if (Object.keys(errors).length) data.errors = errors;
	return reply(data);
}
/** GET /contact/query/?return=<fieldId>&<fieldId>=<value>&limit&offset: list contacts (all when no filter). */
function queryContacts(ctx, s) {
	const ret = ctx.q.return || '3';
	if (!fieldById(s, ret)) fail(400, 2005, `Invalid field id: ${ret}`);
	let rows = s.contacts;
	for (const [k, v] of ctx.query) {
		if (!/^\d+$/.test(k)) continue;
		if (!fieldById(s, k)) fail(400, 2005, `Invalid field id: ${k}`);
		rows = rows.filter((c) => String(c.fields[k] ?? '') === v);
	}
	const limit = ctx.q.limit == null ? 10000 : Number(ctx.q.limit);
	const offset = ctx.q.offset == null ? 0 : Number(ctx.q.offset);
	if (!Number.isInteger(limit) || limit < 1 || limit > 10000) fail(400, 1001, 'limit must be between 1 and 10000');
	if (!Number.isInteger(offset) || offset < 0) fail(400, 1001, 'offset must be 0 or more');
	const result = rows.slice(offset, offset + limit).map((c) => ({ id: String(c.id), [ret]: c.fields[ret] == null ? null : String(c.fields[ret]) }));
	return reply({ result, total: rows.length });
}

// ---------- contact changes export ----------
function readRangeBound(v, end) {
	const sv = String(v || '');
	if (/^\d{4}-\d{2}-\d{2}$/.test(sv)) return Date.parse(sv + 'T00:00:00Z') + (end ? 86400000 - 1 : 0);
	const t = Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(sv) ? sv : sv.replace(' ', 'T') + 'Z');
	if (!sv || Number.isNaN(t)) fail(400, 10001, `Invalid time_range value "${sv}": use YYYY-MM-DD or an ISO date-time`);
	return t;
}
const csvCell = (v, d) => { const x = v == null ? '' : String(v); return x.includes(d) || /["\r\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x; };
function exportText(s, f, v) {
	if (v == null) return '';
	if (f.application_type === 'singlechoice') { const c = (CHOICES[f.id] || []).find(([cid]) => cid === String(v)); return c ? c[1] : ''; }
	return String(v);
}
function getChanges(ctx, s) {
	const b = ctx.body || {};
	for (const k of ['distribution_method', 'origin', 'time_range', 'contact_fields']) if (b[k] == null) fail(400, 10001, `Missing parameter: ${k}`);
	if (!['local', 'sftp'].includes(b.distribution_method)) fail(400, 10001, `Invalid distribution_method "${b.distribution_method}"`);
	if (!['form', 'api', 'all'].includes(b.origin)) fail(400, 10001, `Invalid origin "${b.origin}"`);
	if (!Array.isArray(b.time_range) || b.time_range.length !== 2) fail(400, 10001, 'time_range must be [start, end]');
	const fields = (Array.isArray(b.contact_fields) ? b.contact_fields : []).map(String);
	if (!fields.length || fields.length > 20) fail(400, 10001, 'contact_fields must hold 1 to 20 field ids');
	for (const id of fields) { if (!fieldById(s, id)) fail(400, 2005, `Invalid field id: ${id}`); if (['27', '28', '29', '32', '33'].includes(id)) fail(400, 10001, `Field ${id} cannot be exported`); }
	const from = readRangeBound(b.time_range[0], false);
	const to = readRangeBound(b.time_range[1], true);
	const d = b.delimiter === ';' ? ';' : ',';
	const rows = s.contacts.filter((c) => { const t = Date.parse(c.modified); return t >= from && t <= to; });
	const lines = [];
	if (b.add_field_names_header !== 0 && b.add_field_names_header !== '0') lines.push(['user_id', ...fields.map((id) => fieldById(s, id).name)].map((x) => csvCell(x, d)).join(d));
	for (const c of rows) lines.push([c.id, ...fields.map((id) => exportText(s, fieldById(s, id), c.fields[id]))].map((x) => csvCell(x, d)).join(d));
	const id = s.nextExportId++;
	const scale = ctx.sandbox.opts.timeScale;
	const created = Date.now();
	s.exports.push({ id, kind: 'contact changes', created: iso(created), readyAt: created + Math.max(20, 2000 / scale), startsAt: created + Math.max(10, 500 / scale), polls: 0, rows: rows.length, csv: lines.join('\n') + '\n', timeRange: b.time_range, fields });
	return reply({ id });
}
function exportStatus(ctx, s, id) {
	const e = s.exports.find((x) => String(x.id) === String(id));
	if (!e) fail(400, 10002, `Export not found: ${id}`);
	e.polls++;
	const now = Date.now();
	const status = now >= e.readyAt ? 'done' : now >= e.startsAt ? 'in progress' : 'scheduled';
	return { e, status, body: reply({ id: String(e.id), created: e.created, status, type: 'Registrations', file_name: status === 'done' ? `contact_changes_${e.id}.csv` : null }) };
}
function exportData(ctx, s, id) {
	const { e, status } = exportStatus(ctx, s, id);
	if (status !== 'done') fail(400, 10003, `Export ${id} is not ready yet (status: ${status})`);
	let text = e.csv;
	if (ctx.q.offset != null || ctx.q.limit != null) {
		const [head, ...rest] = e.csv.replace(/\n$/, '').split('\n');
		const off = Number(ctx.q.offset || 0);
		const lim = Number(ctx.q.limit || 10000000);
		text = [head, ...rest.slice(off, off + lim)].join('\n') + '\n';
	}
	return { status: 200, headers: { 'Content-Type': 'text/csv;charset=UTF-8' }, body: text };
}

// ---------- contact lists ----------
function listOut(l) { return { id: String(l.id), name: l.name, created: l.created, type: 0 }; }
function listMembers(ctx, s, l, add) {
	const b = ctx.body || {};
	const key = keyOf(b);
	checkKey(s, key);
	const ext = b.external_ids ?? b.externalIds;
	if (!Array.isArray(ext)) fail(400, 10001, 'external_ids must be an array');
	if (ext.length > BATCH_MAX) fail(400, 1000, `At most ${BATCH_MAX} external_ids per request`);
	const errors = {};
	let n = 0;
	for (const v of ext) {
		const found = findBy(s, key, v);
		if (!found.length) { errors[String(v)] = notFound(key, v); continue; }
		for (const c of found) {
			if (add && !c.lists.includes(l.id)) { c.lists.push(l.id); n++; }
			if (!add && c.lists.includes(l.id)) { c.lists = c.lists.filter((x) => x !== l.id); n++; }
		}
	}
	const data = add ? { inserted_contacts: n } : { deleted_contacts: n };
	if (Object.keys(errors).length) data.errors = errors;
	return reply(data);
}

// ---------- external events ----------
function triggerEvent(ctx, s, ev) {
	const b = ctx.body || {};
	const key = keyOf(b);
	checkKey(s, key);
	const batch = Array.isArray(b.contacts);
	const list = batch ? b.contacts : [{ external_id: b.external_id, data: b.data }];
	if (list.length > BATCH_MAX) fail(400, 1000, `At most ${BATCH_MAX} contacts per event trigger`);
	if (!batch && (b.external_id == null || b.external_id === '')) fail(400, 2004, 'external_id is required');
	const errors = {};
	const ids = [];
	const when = iso();
	for (const r of list) {
		const ext = r && r.external_id;
		const found = findBy(s, key, ext);
		if (!found.length) { errors[String(ext)] = notFound(key, ext); continue; }
		if (found.length > 1) { errors[String(ext)] = { 2010: `Key value is not unique: ${key} - ${ext}` }; continue; }
		if (r.data != null && (typeof r.data !== 'object' || Array.isArray(r.data))) { errors[String(ext)] = { 10001: 'data must be an object' }; continue; }
		s.eventTriggers.push({ seq: s.eventTriggers.length + 1, eventId: ev.id, eventName: ev.name, contactId: found[0].id, externalId: String(ext), keyId: key, data: r.data || {}, at: when });
		ids.push(String(found[0].id));
	}
	const data = { ids };
	if (Object.keys(errors).length) data.errors = errors;
	return reply(data);
}

// ---------- auth ----------
function route(ctx) {
	const r = ctx.rest;
	let m;
	if (/^\/auth\/oauth2\/token\/?$/i.test(r) || /^\/api\/v3\/auth\/token\/?$/i.test(r)) ctx.em = { kind: 'token' };
	else if ((m = /^\/api\/(v2|v3)(\/.*)?$/i.exec(r))) ctx.em = { kind: 'api', version: m[1].toLowerCase(), sub: (m[2] || '/').replace(/\/+$/, '') || '/' };
	else if ((m = /^\/hapi\/merchant\/([^/]+)\/sales-data\/api\/?$/i.exec(r))) ctx.em = { kind: 'sales', merchant: m[1] };
	else if (/^\/predict\/catalog\/fetch\/?$/i.test(r)) ctx.em = { kind: 'catalog' };
	else return { response: { status: 404, body: { replyCode: 1, replyText: `Not found: ${r}. Use /emarsys/api/v3 (OAuth 2.0), /emarsys/api/v2 (WSSE), /emarsys/auth/oauth2/token, /emarsys/hapi/merchant/{id}/sales-data/api or /emarsys/predict/catalog/fetch`, data: '' } } };
	return null;
}
const unauthorized = (reason, bearer) => ({
	status: 401,
	headers: { ...(bearer ? { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${reason}"` } : {}), 'X-Sandbox-Reason': reason },
	body: { replyCode: 1, replyText: 'Unauthorized', data: '' },
});

/** The WSSE header's fields, or null. */
function parseWsse(h) {
	if (!/^UsernameToken\s/i.test(h || '')) return null;
	const out = {};
	for (const m of String(h).matchAll(/(\w+)="([^"]*)"/g)) out[m[1]] = m[2];
	return out.Username && out.PasswordDigest && out.Nonce && out.Created ? out : null;
}
const wsseDigest = (nonce, created, secret) => Buffer.from(crypto.createHash('sha1').update(nonce + created + secret).digest('hex')).toString('base64');

function authWsse(ctx, s) {
	const w = parseWsse(ctx.headers['x-wsse']);
	if (!w) return unauthorized('X-WSSE header missing or malformed');
	const L = login();
	if (w.Username !== L.wsseUser && w.Username !== NOPERM.wsseUser) return unauthorized('unknown API user');
	const created = Date.parse(w.Created);
	if (Number.isNaN(created) || Math.abs(Date.now() - created) > WSSE_SKEW_MS) return unauthorized('Created is not within 5 minutes of the server time');
	if (w.PasswordDigest !== wsseDigest(w.Nonce, w.Created, L.wsseSecret)) return unauthorized('PasswordDigest does not match (base64 of the hex SHA-1 of nonce + created + secret)');
	const now = Date.now();
	for (const [n, t] of s._nonces) if (t < now - 2 * WSSE_SKEW_MS) s._nonces.delete(n); else break;
	if (s._nonces.has(w.Nonce)) return unauthorized('nonce already used');
	s._nonces.set(w.Nonce, now);
	ctx.em.user = w.Username;
	return null;
}
function authBearer(ctx) {
	const m = /^Bearer\s+(\S+)$/i.exec(ctx.headers.authorization || '');
	if (!m) return unauthorized('Authorization: Bearer <token> missing', true);
	const claims = readToken(m[1]);
	if (!claims) return unauthorized('the access token is not one this server issued', true);
	if (Date.now() >= claims.exp * 1000) return unauthorized('access token expired', true);
	ctx.em.user = claims.sub;
	return null;
}
// Access tokens are signed JWTs (the OpenID Connect bearer tokens of Emarsys's v3 API): stateless,
// so they outlive a sandbox reset, and sandbox/systems.js can mint one for plain clients.
const SIGNING_KEY = 'sandbox-emarsys-jwt-signing-key';
const b64u = (x) => Buffer.from(typeof x === 'string' ? x : JSON.stringify(x)).toString('base64url');
const sign = (data) => crypto.createHmac('sha256', SIGNING_KEY).update(data).digest('base64url');
/** A signed access token for an OAuth client, valid for ttlSeconds. */
function mintToken(clientId, ttlSeconds = TOKEN_TTL_S) {
	const now = Math.floor(Date.now() / 1000);
	const data = `${b64u({ alg: 'HS256', typ: 'JWT' })}.${b64u({ iss: 'https://auth.emarsys.net', sub: clientId, iat: now, exp: now + ttlSeconds, jti: crypto.randomBytes(8).toString('hex') })}`;
	return `${data}.${sign(data)}`;
}
function readToken(token) {
	const parts = String(token).split('.');
	if (parts.length !== 3) return null;
	const want = sign(`${parts[0]}.${parts[1]}`);
	if (want.length !== parts[2].length || !crypto.timingSafeEqual(Buffer.from(want), Buffer.from(parts[2]))) return null;
	try { return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')); } catch { return null; }
}
function formBody(raw) {
	const out = {};
	for (const [k, v] of new URLSearchParams(String(raw || ''))) out[k] = v;
	return out;
}
/** POST token: client credentials from HTTP Basic or the form. */
function issueToken(ctx, s) {
	if (ctx.method !== 'POST') return { status: 405, body: { error: 'invalid_request', error_description: 'Use POST' } };
	const form = ctx.body && typeof ctx.body === 'object' ? ctx.body : formBody(ctx.rawBody);
	let id = form.client_id;
	let secret = form.client_secret;
	const m = /^Basic\s+(.+)$/i.exec(ctx.headers.authorization || '');
	if (m) { const dec = Buffer.from(m[1], 'base64').toString('utf8'); const i = dec.indexOf(':'); id = decodeURIComponent(dec.slice(0, i)); secret = decodeURIComponent(dec.slice(i + 1)); }
	if (form.grant_type !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' } };
	const L = login();
	if (!id || (id !== L.clientId && id !== NOPERM.clientId) || secret !== L.clientSecret) return { status: 401, headers: { 'WWW-Authenticate': 'Basic' }, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
	const ttl = ctx.sandbox.opts.emarsysTokenTtl || TOKEN_TTL_S;
	const token = mintToken(id, ttl);
	s.tokensIssued++;
	return { status: 200, headers: { 'Cache-Control': 'no-store' }, body: { access_token: token, token_type: 'Bearer', expires_in: ttl, scope: '' } };
}

function authenticate(ctx) {
	const s = ctx.state;
	const k = ctx.em.kind;
	if (k === 'token' || k === 'catalog') return null; // the token call authenticates itself; the catalog fetch is a UI action
	if (k === 'sales') {
		const m = /^Bearer\s+(\S+)$/i.exec(ctx.headers.authorization || '');
		if (!m || m[1] !== login().salesDataToken) return { status: 401, headers: { 'Content-Type': 'text/plain' }, body: 'Unauthorized: invalid sales data API token' };
		if (ctx.em.merchant !== login().merchantId) return { status: 403, headers: { 'Content-Type': 'text/plain' }, body: `Forbidden: the token does not belong to merchant ${ctx.em.merchant}` };
		return null;
	}
	const fail401 = ctx.em.version === 'v3' ? authBearer(ctx) : authWsse(ctx, s);
	if (fail401) return fail401;
	if (ctx.em.user === NOPERM.clientId || ctx.em.user === NOPERM.wsseUser) {
		return { status: 403, body: { replyCode: 1, replyText: `Permission denied: the API user has no permission for ${ctx.method} ${ctx.em.sub}. Grant it under Management > Security Settings.`, data: '' } };
	}
	return null;
}
/** Limits are per API user; the token and catalog routes and the sales-data host are not limited. */
function rateKey(ctx) { return ctx.em.kind === 'api' ? 'emarsys' : 'emarsys:unlimited'; }
function rateHeaders(info) {
	return {
		'X-RateLimit-Limit': String(info.limit === Infinity ? 1000 : info.limit),
		'X-Ratelimit-Remaining': String(info.remaining === Infinity ? 1000 : Math.max(0, info.remaining)),
		'X-RateLimit-Reset': String(Math.ceil((Date.now() + Math.max(1000, info.resetMs || info.retryAfterMs || 1000)) / 1000)),
	};
}
function throttle(ctx, info, mode) {
	if (mode === '503') return { status: 503, body: { replyCode: 1, replyText: 'Service Unavailable', data: '' } };
	const headers = rateHeaders({ ...info, remaining: 0, resetMs: info.retryAfterMs });
	if (mode === '429text') headers['Retry-After'] = `${Math.max(1, Math.ceil(info.retryAfterMs / 1000))} Seconds`;
	return { status: 429, headers, body: { replyCode: 1, replyText: 'Too Many Requests: the API user exceeded 1000 requests per minute', data: '' } };
}
function decorate(ctx, r) { if (ctx.rate && ctx.em && ctx.em.kind === 'api') r.headers = { ...(r.headers || {}), ...rateHeaders(ctx.rate) }; }
function errorBody(code, msg) { return { replyCode: code >= 500 ? 1 : 10001, replyText: msg, data: '' }; }

// ---------- router ----------
async function handle(ctx) {
	const s = ctx.state;
	const k = ctx.em.kind;
	if (k === 'token') return issueToken(ctx, s);
	if (k === 'sales') return salesUpload(ctx, s);
	if (k === 'catalog') return catalog.fetchCatalog(ctx, s);
	const M = ctx.method;
	const p = lc(ctx.em.sub);
	const seg = ctx.em.sub.split('/').filter(Boolean);
	if ((M === 'POST' || M === 'PUT') && ctx.bodyInvalid) fail(400, 10001, 'Invalid JSON in the request body');
	const b = ctx.body || {};
	if (p === '/settings' && M === 'GET') return reply({ id: 424243, environment: 'sandbox.emarsys.example', timezone: 'UTC', name: 'Sandbox Emarsys', password_history_queue_size: 0, country: 'AU', currency: 'AUD' });
	if (p === '/field' && M === 'GET') return reply(s.fields);
	if (seg[0] === 'field' && lc(seg[1]) === 'translate' && seg[2] && M === 'GET') return reply(s.fields);
	if (p === '/field' && M === 'POST') {
		const name = String(b.name || '').trim();
		if (!name) fail(400, 10001, 'Field name is required');
		if (!CUSTOM_TYPES.includes(b.application_type)) fail(400, 10001, `Invalid application_type "${b.application_type}" (${CUSTOM_TYPES.join(', ')}; single/multi-choice fields cannot be created through the API)`);
		if (s.fields.some((f) => lc(f.name) === lc(name))) fail(400, 5002, `A field named "${name}" already exists`);
		const f = { id: s.nextFieldId++, name, application_type: b.application_type, string_id: lc(name).replace(/[^a-z0-9]+/g, '_') };
		s.fields.push(f);
		return reply({ id: f.id });
	}
	if (seg[0] === 'field' && /^\d+$/.test(seg[1] || '') && lc(seg[2]) === 'choice' && M === 'GET') {
		const f = fieldById(s, seg[1]);
		if (!f) fail(400, 2005, `Invalid field id: ${seg[1]}`);
		if (f.application_type !== 'singlechoice') fail(400, 2013, `Field ${f.id} is not a choice field`);
		return reply((CHOICES[f.id] || []).map(([id, choice]) => ({ id, choice, bit_position: Number(id) })));
	}
	if (p === '/contact' && M === 'PUT') return writeContacts(ctx, s, ['1', 'true'].includes(lc(ctx.q.create_if_not_exists)) ? 'upsert' : 'update');
	if (p === '/contact' && M === 'POST') return writeContacts(ctx, s, 'create');
	if (p === '/contact/getdata' && M === 'POST') return getData(ctx, s);
	if (p === '/contact/delete' && M === 'POST') return deleteContacts(ctx, s);
	if (p === '/contact/query' && M === 'GET') return queryContacts(ctx, s);
	if (p === '/contact/getchanges' && M === 'POST') return getChanges(ctx, s);
	if (seg[0] === 'export' && seg[1] && !seg[2] && M === 'GET') return exportStatus(ctx, s, seg[1]).body;
	if (seg[0] === 'export' && seg[1] && lc(seg[2]) === 'data' && M === 'GET') return exportData(ctx, s, seg[1]);
	if (p === '/contactlist' && M === 'GET') return reply(s.lists.map(listOut));
	if (p === '/contactlist' && M === 'POST') {
		const name = String(b.name || '').trim();
		if (!name) fail(400, 10001, 'Contact list name is required');
		if (s.lists.some((l) => lc(l.name) === lc(name))) fail(400, 3004, `A contact list named "${name}" already exists`);
		const l = { id: s.nextListId++, name, description: b.description || '', created: iso() };
		s.lists.push(l);
		const ext = b.external_ids ?? b.externalIds;
		if (Array.isArray(ext) && ext.length) { const r = listMembers({ ...ctx, body: { ...b, external_ids: ext } }, s, l, true); return reply({ id: l.id, ...r.body.data }); }
		return reply({ id: l.id });
	}
	if (seg[0] === 'contactlist' && /^\d+$/.test(seg[1] || '')) {
		const l = s.lists.find((x) => String(x.id) === seg[1]);
		if (!l) fail(400, 3003, `Contact list not found: ${seg[1]}`);
		const a = lc(seg[2] || '');
		if (a === 'add' && M === 'POST') return listMembers(ctx, s, l, true);
		if (a === 'delete' && M === 'POST') return listMembers(ctx, s, l, false);
		const members = s.contacts.filter((c) => c.lists.includes(l.id));
		if ((a === '' || a === 'contacts') && !seg[3] && M === 'GET') return reply(members.map((c) => String(c.id)));
		if (a === 'contacts' && lc(seg[3]) === 'data' && M === 'GET') {
			const fields = String(ctx.q.fields || '3').split(',').filter(Boolean);
			for (const f of fields) if (!fieldById(s, f)) fail(400, 2005, `Invalid field id: ${f}`);
			const limit = Math.min(10000, Number(ctx.q.limit || 1000));
			const offset = Number(ctx.q.offset || 0);
			const page = members.slice(offset, offset + limit).map((c) => contactOut(s, c, fields));
			const next = offset + limit < members.length ? `${ctx.baseUrl}/emarsys/api/${ctx.em.version}/contactlist/${l.id}/contacts/data?fields=${fields.join(',')}&limit=${limit}&offset=${offset + limit}` : null;
			return reply({ value: page, next });
		}
	}
	if (p === '/event' && M === 'GET') return reply(s.events.map((e) => ({ id: String(e.id), name: e.name })));
	if (p === '/event' && M === 'POST') {
		const name = String(b.name || '').trim();
		if (!name) fail(400, 10001, 'Event name is required');
		if (s.events.some((e) => lc(e.name) === lc(name))) fail(400, 6003, `An external event named "${name}" already exists`);
		const e = { id: s.nextEventId++, name };
		s.events.push(e);
		return reply({ id: e.id, name: e.name });
	}
	if (seg[0] === 'event' && seg[1] && lc(seg[2]) === 'trigger' && M === 'POST') {
		const ev = s.events.find((e) => String(e.id) === seg[1]);
		if (!ev) fail(400, 6001, `External event not found: ${seg[1]}`);
		return triggerEvent(ctx, s, ev);
	}
	return fail(404, 1, `No endpoint matches ${M} /api/${ctx.em.version}${ctx.em.sub}`);
}

// ---------- sales data ----------
const SALES_REQUIRED = ['order', 'timestamp', 'item', 'price', 'quantity'];
/** The reference's 10 MB payload limit, read as 10,000,000 bytes (the stricter reading). */
const SALES_MAX_BYTES = 10_000_000;
function salesUpload(ctx, s) {
	const text = (r) => ({ status: 400, headers: { 'Content-Type': 'text/plain' }, body: r });
	if (ctx.method !== 'POST') return { status: 405, headers: { 'Content-Type': 'text/plain' }, body: 'Use POST' };
	if (!/text\/csv/i.test(ctx.headers['content-type'] || '')) return text('Content-Type must be text/csv');
	const bytes = Buffer.byteLength(ctx.rawBody || '', 'utf8');
	if (bytes > SALES_MAX_BYTES) return { status: 413, headers: { 'Content-Type': 'text/plain' }, body: `File too large: ${bytes} bytes; a sales-data file holds at most 10 MB (${SALES_MAX_BYTES} bytes)` };
	const parsed = catalog.parseCsv(ctx.rawBody || '');
	if (parsed.error) return text(`Invalid CSV: ${parsed.error}`);
	const [head, ...rows] = parsed.rows;
	if (!head) return text('Empty file');
	for (const c of SALES_REQUIRED) if (!head.includes(c)) return text(`Missing column "${c}" (column names are case-sensitive)`);
	const idCols = head.filter((c) => c === 'customer' || c === 'email');
	if (idCols.length !== 1) return text('Exactly one of the columns "customer" or "email" is required');
	for (const c of head) if (!SALES_REQUIRED.includes(c) && c !== idCols[0] && !/^[sfi]_[A-Za-z0-9_]+$/.test(c)) return text(`Unknown column "${c}": custom columns start with s_, f_ or i_`);
	if (new Set(head).size !== head.length) return text('Duplicate column names');
	const lines = [];
	for (let i = 0; i < rows.length; i++) {
		const r = rows[i];
		if (r.length === 1 && r[0] === '') continue;
		if (r.length !== head.length) return text(`Line ${i + 2}: ${r.length} values for ${head.length} columns`);
		const o = Object.fromEntries(head.map((c, j) => [c, r[j]]));
		if (!o.order || !o.item) return text(`Line ${i + 2}: order and item are required`);
		if (Number.isNaN(Date.parse(o.timestamp))) return text(`Line ${i + 2}: invalid timestamp "${o.timestamp}"`);
		if (!/^-?\d+(\.\d+)?$/.test(o.price) || !/^-?\d+(\.\d+)?$/.test(o.quantity)) return text(`Line ${i + 2}: price and quantity must be numbers`);
		if (!o[idCols[0]]) return text(`Line ${i + 2}: ${idCols[0]} is empty`);
		for (const c of head) {
			if (c.startsWith('f_') && o[c] !== '' && !/^-?\d+(\.\d+)?$/.test(o[c])) return text(`Line ${i + 2}: ${c} must be a float`);
			if (c.startsWith('i_') && o[c] !== '' && !/^-?\d+$/.test(o[c])) return text(`Line ${i + 2}: ${c} must be an integer`);
		}
		lines.push(o);
	}
	const upload = s.salesUploads.length + 1;
	const at = iso();
	for (const o of lines) s.salesLines.push({ upload, at, ...o, price: Number(o.price), quantity: Number(o.quantity) });
	s.salesUploads.push({ id: upload, at, lines: lines.length, columns: head });
	return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: `OK: ${lines.length} lines received` };
}

// ---------- control ----------
function snapshot(s) {
	const fieldNames = Object.fromEntries(s.fields.map((f) => [String(f.id), f.name]));
	return {
		fields: s.fields,
		contacts: s.contacts.map((c) => ({ id: c.id, uid: c.uid, email: c.fields[3] || null, optIn: c.fields[31] || null, fields: { ...c.fields }, byName: Object.fromEntries(Object.entries(c.fields).map(([k, v]) => [fieldNames[k] || k, v])), lists: [...c.lists], created: c.created, modified: c.modified })),
		lists: s.lists.map((l) => ({ ...listOut(l), description: l.description, members: s.contacts.filter((c) => c.lists.includes(l.id)).length })),
		events: s.events,
		eventTriggers: s.eventTriggers,
		salesLines: s.salesLines,
		salesUploads: s.salesUploads,
		catalog: s.catalog,
		catalogFetches: s.catalogFetches,
		exports: s.exports.map(({ csv, ...e }) => ({ ...e, readyAt: iso(e.readyAt), startsAt: iso(e.startsAt) })),
		tokensIssued: s.tokensIssued,
	};
}
/**
 * Control: {action: 'optout'|'optin'|'patch', email, fields?, date?} — the changes a person makes in
 * the Emarsys UI; {action: 'field', name, type?} creates a custom field there (shorttext by default),
 * or returns the existing one of that name and type.
 */
function mutate(s, body) {
	if (lc(body.action) === 'field') return uiField(s, body);
	const c = emailIdx(s).get(lc(body.email)) || s.contacts.find((x) => String(x.id) === String(body.id));
	if (!c) throw Object.assign(new Error('contact not found (give email or id)'), { status: 404 });
	const when = body.date ? new Date(body.date).toISOString() : iso();
	const action = lc(body.action);
	const values = {};
	if (action === 'optout') values[31] = '2';
	else if (action === 'optin') values[31] = '1';
	else if (action !== 'patch') throw Object.assign(new Error('action must be optout, optin or patch'), { status: 400 });
	for (const [k, v] of Object.entries(body.fields || {})) { const f = fieldById(s, k) || s.fields.find((x) => lc(x.name) === lc(k)); if (!f) throw Object.assign(new Error(`unknown field ${k}`), { status: 400 }); values[f.id] = v == null ? null : String(v); }
	applyValues(s, c, values, when);
	c.modified = when;
	return contactOut(s, c);
}

/** A custom field made in the Emarsys UI (Admin → Field editor): any of the API's custom types. */
function uiField(s, body) {
	const name = String(body.name || '').trim();
	const type = body.type || 'shorttext';
	if (!name) throw Object.assign(new Error('field name is required'), { status: 400 });
	if (!CUSTOM_TYPES.includes(type)) throw Object.assign(new Error(`type must be one of ${CUSTOM_TYPES.join(', ')}`), { status: 400 });
	const existing = s.fields.find((f) => lc(f.name) === lc(name));
	if (existing && existing.application_type !== type) throw Object.assign(new Error(`field "${name}" exists with type ${existing.application_type}`), { status: 409 });
	if (existing) return existing;
	const f = { id: s.nextFieldId++, name, application_type: type, string_id: lc(name).replace(/[^a-z0-9]+/g, '_') };
	s.fields.push(f);
	return f;
}

// ---------- seed ----------
const DAY = 86400000;
const EVENTS = ['cin7_first_purchase', 'cin7_repeat_purchase', 'cin7_refund_issued', 'cin7_back_in_stock', 'cin7_low_stock'];
/**
 * Emarsys's data: contacts for the first emContacts Cin7 Core customers with an email (opt-in a
 * mix of 1, 2 and empty), a few contacts Cin7 does not know (orphans for the sync-health report),
 * the system fields plus one unrelated custom field, one contact list, the external events the
 * templates name, and a catalog last imported from an older Core product list (some SKUs missing,
 * stock figures stale) so the first sync-health report has deltas to show.
 */
function seedEmarsys(rng, sz, anchor, core) {
	const s = {
		fields: SYSTEM_FIELDS.map((f) => ({ ...f })).concat([{ id: 106500, name: 'loyalty_tier', application_type: 'shorttext', string_id: 'loyalty_tier' }]),
		nextFieldId: 106501, contacts: [], nextId: 700000001, lists: [{ id: 900001, name: 'Newsletter', description: 'Seeded list', created: iso(anchor - 300 * DAY) }],
		nextListId: 900002, events: EVENTS.map((name, i) => ({ id: 5001 + i, name })), nextEventId: 5001 + EVENTS.length,
		eventTriggers: [], salesLines: [], salesUploads: [], exports: [], nextExportId: 880001, catalog: { items: [], importedAt: null, source: null }, catalogFetches: [],
		tokensIssued: 0,
	};
	const people = [];
	for (const c of core.customers) {
		const d = (c.Contacts || []).find((x) => x.Default);
		if (d && d.Email) people.push(d);
		if (people.length >= sz.emContacts) break;
	}
	const orphans = Math.max(1, Math.round(sz.emContacts / 20));
	for (let i = 0; i < orphans; i++) people.push({ Email: `former.customer${i + 1}@example-emarsys.test`, Name: `Former Customer${i + 1}` });
	people.forEach((d, i) => {
		const when = iso(anchor - rng.int(10, 400) * DAY);
		const [fn, ...rest] = String(d.Name || '').split(' ');
		const c = newContact(s, { 1: fn || null, 2: rest.join(' ') || null, 3: d.Email, 31: i % 5 === 4 ? '2' : i % 5 === 3 ? null : '1' }, when);
		c.fields[33] = '3';
		if (i % 3 === 0) c.lists.push(900001);
	});
	const items = [];
	core.products.forEach((p, i) => {
		if (i % 10 === 9 || p.Status === 'Deprecated' || p.Type === 'Service') return;
		items.push({ item: p.SKU, title: p.Name, link: `https://shop.example.com/products/${encodeURIComponent(p.SKU)}`, available: 'true', price: String(p.PriceTier1 ?? ''), c_stock: String(rng.int(0, 40)) });
	});
	s.catalog = { items, importedAt: iso(anchor - DAY), source: 'seed' };
	return s;
}
/** Emulation state that is not data: the WSSE nonces already used. */
function prepare(s) {
	Object.defineProperty(s, '_nonces', { value: new Map(), enumerable: false, writable: true });
}

module.exports = {
	name: 'emarsys', route, authenticate, rateKey, throttle, decorate, errorBody, handle, snapshot, mutate, prepare, seedEmarsys, wsseDigest, parseWsse, mintToken,
	SYSTEM_FIELDS, CHOICES,
};
