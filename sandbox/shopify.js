'use strict';
// Shopify Admin GraphQL emulation (targets-api.md §3.2 and §9), the customer part a B2B layer such as
// SparkLayer reads: POST /admin/api/{version}/graphql.json with X-Shopify-Access-Token (a legacy
// shpat_ token, or a Dev Dashboard app's client-credentials token from POST /admin/oauth/access_token
// that expires after 24 h), access scopes (ACCESS_DENIED), cost-based throttling with a leaky bucket
// reported in extensions.cost and THROTTLED answers (HTTP 200), customers (find, create, update,
// customerSet upsert with authoritative addresses and overwritten tags), tagsAdd / tagsRemove,
// addresses, metafieldsSet (≤ 25 per call, atomic, userErrors with elementIndex) and the classic
// account invite. The GraphQL reader is sandbox/shopify-graphql.js.

const crypto = require('node:crypto');
const gql = require('./shopify-graphql');
const orders = require('./shopify-orders');

const entry = () => require('./systems').BY_KEY.shopify;
const lc = (v) => String(v == null ? '' : v).toLowerCase();
const iso = (ms = Date.now()) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const OLDEST_VERSION = '2025-01';
const NEWEST_VERSION = '2026-10';
const TOKEN_TTL_S = 86399;
const MAX_METAFIELDS = 25;
const MAX_PAGE = 250;
/** Standard plan (targets-api.md §3.2): restores 100 points a second; the bucket holds 20 seconds of it. */
const PLAN = { displayName: 'Shopify', restoreRate: 100, maximumAvailable: 2000 };
/** Shopify refuses any single query whose requested cost is above 1,000 points, whatever the plan. */
const MAX_QUERY_COST = 1000;
const COUNTRIES = { AU: 'Australia', NZ: 'New Zealand', US: 'United States', GB: 'United Kingdom', CA: 'Canada', DE: 'Germany', FR: 'France', IE: 'Ireland', SG: 'Singapore' };
const COUNTRY_CODES = Object.fromEntries(Object.entries(COUNTRIES).map(([k, v]) => [lc(v), k]));
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const METAFIELD_TYPES = ['single_line_text_field', 'multi_line_text_field', 'number_integer', 'number_decimal', 'boolean', 'json', 'date', 'money', 'list.single_line_text_field'];

class HttpAnswer extends Error {
	constructor(status, body, headers) { super(typeof body === 'string' ? body : JSON.stringify(body)); this.httpResponse = { status, body, headers }; }
}

// ---------- hosts, versions, auth ----------
function route(ctx) {
	// /shopify/<shop>/… stands in for https://<shop>.myshopify.com/…; an unknown shop is a 404
	const shop = /^\/([a-z0-9][a-z0-9-]*)(\/.*)?$/i.exec(ctx.rest || '/');
	if (!shop || `${lc(shop[1])}.myshopify.com` !== entry().shopDomain) return { response: { status: 404, body: { errors: 'Not Found' } } };
	const p = (shop[2] || '/').replace(/\/+$/, '') || '/';
	ctx.sub = p;
	if (lc(p) === '/admin/oauth/access_token') { ctx.oauth = true; return null; }
	const m = /^\/admin\/api\/([^/]+)\/graphql\.json$/i.exec(p);
	if (!m) return { response: { status: 404, body: { errors: 'Not Found' } } };
	const v = m[1];
	if (v !== 'unstable' && !/^20\d\d-(01|04|07|10)$/.test(v)) return { response: { status: 404, body: { errors: 'Not Found' } } };
	// An unsupported (too old) version is served as the oldest supported one, as Shopify does.
	ctx.apiVersion = v === 'unstable' ? NEWEST_VERSION : v < OLDEST_VERSION ? OLDEST_VERSION : v > NEWEST_VERSION ? NEWEST_VERSION : v;
	return null;
}

function authenticate(ctx) {
	if (ctx.oauth) return null; // the token endpoint checks the client id and secret itself
	const token = String(ctx.headers['x-shopify-access-token'] || '');
	const t = token && tokenInfo(ctx.state, token);
	if (!t) return { status: 401, body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } };
	ctx.scopes = t.scopes;
	return null;
}
/** The sandbox app's scopes: the registry's customer scopes and read_orders (the orders template). */
const appScopes = () => [...new Set([...entry().scopes, 'read_orders'])];
function tokenInfo(s, token) {
	const login = entry().login;
	if (token === login.adminAccessToken) return { scopes: appScopes() };
	if (token === entry().noScopeToken) return { scopes: ['read_products'] };
	const t = s.tokens.get(token);
	if (!t || t.expiresAt <= Date.now()) return null;
	return t;
}
function issueToken(ctx) {
	if (ctx.method !== 'POST') throw new HttpAnswer(405, { errors: 'Method not allowed' });
	let b = ctx.body;
	if (!b || typeof b !== 'object') b = Object.fromEntries(new URLSearchParams(ctx.rawBody || ''));
	const login = entry().login;
	if (b.grant_type !== 'client_credentials') throw new HttpAnswer(400, { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' });
	if (b.client_id !== login.clientId || b.client_secret !== login.clientSecret) throw new HttpAnswer(401, { error: 'invalid_client', error_description: 'Client authentication failed: unknown client or wrong secret.' });
	const token = 'shpca_' + crypto.randomBytes(16).toString('hex');
	ctx.state.tokens.set(token, { scopes: appScopes(), expiresAt: Date.now() + TOKEN_TTL_S * 1000 });
	return { status: 200, body: { access_token: token, scope: appScopes().join(','), expires_in: TOKEN_TTL_S } };
}

function rateKey(ctx) { return ctx.oauth ? 'shopify:token' : 'shopify'; }
function throttle(ctx, info, mode) {
	if (mode === '503') return { status: 503, body: { errors: 'Service Unavailable' } };
	const secs = Math.max(1, Math.ceil((info.retryAfterMs || 1000) / 1000));
	return { status: 429, headers: { 'Retry-After': mode === '429text' ? `${secs} Seconds` : `${secs}.0` }, body: { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' } };
}
function errorBody(status, msg) { return { errors: msg }; }
function decorate(ctx, r) {
	if (ctx.apiVersion) r.headers = { ...(r.headers || {}), 'X-Shopify-API-Version': ctx.apiVersion };
}

// ---------- cost bucket ----------
function bucket(ctx) {
	const s = ctx.state;
	const scale = ctx.sandbox.opts.timeScale || 1;
	const limited = ctx.sandbox.limiter.enabled;
	const now = Date.now();
	const b = s.bucket;
	b.available = Math.min(PLAN.maximumAvailable, b.available + ((now - b.at) / 1000) * PLAN.restoreRate * scale);
	b.at = now;
	if (!limited) b.available = PLAN.maximumAvailable;
	return b;
}
const throttleStatus = (b) => ({ maximumAvailable: PLAN.maximumAvailable, currentlyAvailable: Math.floor(b.available), restoreRate: PLAN.restoreRate });

// ---------- data ----------
function gid(type, n) { return `gid://shopify/${type}/${n}`; }
function numericId(v, type) {
	const m = new RegExp(`^gid://shopify/${type}/(\\d+)`).exec(String(v || ''));
	return m ? Number(m[1]) : /^\d+$/.test(String(v || '')) ? Number(v) : null;
}
function customerById(s, id) { const n = numericId(id, 'Customer'); return n == null ? null : s.customers.find((c) => c.n === n) || null; }
function customerByEmail(s, email) { return s.customers.find((c) => lc(c.email) === lc(email)) || null; }

function normTags(tags) {
	const list = Array.isArray(tags) ? tags : String(tags == null ? '' : tags).split(',');
	const out = [];
	for (const t of list) {
		const v = String(t).trim();
		if (v && !out.some((x) => lc(x) === lc(v))) out.push(v.slice(0, 255));
	}
	return out.sort((a, b) => (lc(a) < lc(b) ? -1 : lc(a) > lc(b) ? 1 : 0));
}
function normPhone(p) {
	if (p == null || p === '') return { value: null };
	const v = String(p).replace(/[\s().-]/g, '');
	if (!/^\+[1-9]\d{6,14}$/.test(v)) return { error: 'Phone is invalid' };
	return { value: v };
}

function addressFromInput(s, a, keepId) {
	const countryCode = a.countryCode ? String(a.countryCode).toUpperCase() : a.country ? COUNTRY_CODES[lc(a.country)] || null : null;
	return {
		id: keepId || gid('MailingAddress', s.nextAddress++) + '?model_name=CustomerAddress',
		firstName: a.firstName ?? null, lastName: a.lastName ?? null, company: a.company ?? null,
		address1: a.address1 ?? null, address2: a.address2 ?? null, city: a.city ?? null,
		provinceCode: a.provinceCode ?? null, province: a.provinceCode ?? a.province ?? null,
		zip: a.zip ?? null, countryCode, country: countryCode ? COUNTRIES[countryCode] || countryCode : null, phone: a.phone ?? null,
	};
}
const ADDRESS_KEYS = ['firstName', 'lastName', 'company', 'address1', 'address2', 'city', 'provinceCode', 'zip', 'countryCode', 'phone'];
const sameAddress = (x, y) => ADDRESS_KEYS.every((k) => (x[k] ?? '') === (y[k] ?? ''));
function addressErrors(a, field) {
	const errs = [];
	if (a.countryCode && !COUNTRIES[String(a.countryCode).toUpperCase()]) errs.push({ field: [...field, 'countryCode'], message: `Country code "${a.countryCode}" is invalid`, code: 'INVALID' });
	if (a.phone && normPhone(a.phone).error) errs.push({ field: [...field, 'phone'], message: 'Phone is invalid', code: 'INVALID' });
	return errs;
}

function touch(c) { c.updatedAt = iso(); }
function newCustomer(s, email) {
	const n = s.nextCustomer++;
	const now = iso();
	const c = { n, email, firstName: null, lastName: null, phone: null, note: null, tags: [], taxExempt: false, state: 'DISABLED', createdAt: now, updatedAt: now, addresses: [], defaultAddressId: null, metafields: [] };
	s.customers.push(c);
	return c;
}

/** Applies CustomerInput / CustomerSetInput fields; returns userErrors (nothing applied when any). */
function applyCustomerInput(s, c, input, mode) {
	const errs = [];
	const has = (k) => Object.prototype.hasOwnProperty.call(input, k) && input[k] !== undefined;
	if (has('email')) {
		if (input.email && !EMAIL.test(input.email)) errs.push({ field: ['email'], message: 'Email is invalid', code: 'INVALID' });
		const other = input.email && customerByEmail(s, input.email);
		if (other && other !== c) errs.push({ field: ['email'], message: 'Email has already been taken', code: 'TAKEN' });
	}
	let phone;
	if (has('phone')) {
		phone = normPhone(input.phone);
		if (phone.error) errs.push({ field: ['phone'], message: phone.error, code: 'INVALID' });
		else if (phone.value && s.customers.some((o) => o !== c && o.phone === phone.value)) errs.push({ field: ['phone'], message: 'Phone has already been taken', code: 'TAKEN' });
	}
	if (has('tags') && normTags(input.tags).length > 250) errs.push({ field: ['tags'], message: 'Tags cannot exceed 250', code: 'TOO_LONG' });
	if (has('addresses') && input.addresses) {
		if (!Array.isArray(input.addresses)) errs.push({ field: ['addresses'], message: 'Addresses must be a list', code: 'INVALID' });
		else input.addresses.forEach((a, i) => errs.push(...addressErrors(a || {}, ['addresses', String(i)])));
	}
	if (has('metafields') && input.metafields) {
		if (mode === 'set') errs.push({ field: ['metafields'], message: 'CustomerSetInput has no metafields; use metafieldsSet', code: 'INVALID' });
		else errs.push(...metafieldErrors(s, input.metafields.map((m) => ({ ...m, ownerId: 'self' })), c).map((e) => ({ ...e, field: ['metafields', ...e.field.slice(2)] })));
	}
	if (!c.email && !has('email') && !has('phone')) errs.push({ field: ['email'], message: 'A customer must have an email or a phone number', code: 'BLANK' });
	if (errs.length) return errs;

	const before = JSON.stringify(c);
	for (const k of ['email', 'firstName', 'lastName', 'note']) if (has(k)) c[k] = input[k] === '' ? null : input[k];
	if (has('phone')) c.phone = phone.value;
	if (has('taxExempt')) c.taxExempt = !!input.taxExempt;
	if (has('tags')) c.tags = normTags(input.tags);
	if (has('addresses') && Array.isArray(input.addresses)) {
		// The list is authoritative: addresses left out are deleted; an entry equal to an existing
		// address (or naming its id) keeps that address; the first entry becomes the default.
		const kept = [];
		for (const a of input.addresses) {
			const byId = a.id && c.addresses.find((x) => x.id === a.id);
			const cand = addressFromInput(s, a, 'tmp');
			const same = byId || c.addresses.find((x) => !kept.includes(x) && sameAddress(x, cand));
			if (same && !byId) { kept.push(same); continue; }
			if (byId) { Object.assign(byId, addressFromInput(s, { ...byId, ...a }, byId.id)); kept.push(byId); continue; }
			kept.push(addressFromInput(s, a));
		}
		c.addresses = kept;
		c.defaultAddressId = kept.length ? kept[0].id : null;
	}
	if (has('metafields') && input.metafields) setMetafields(s, input.metafields.map((m) => ({ ...m, ownerId: gid('Customer', c.n) })));
	if (JSON.stringify(c) !== before) touch(c);
	return [];
}

// ---------- metafields ----------
function checkValue(type, value) {
	const v = String(value);
	switch (type) {
		case 'single_line_text_field': return /[\r\n]/.test(v) ? 'must be a single line' : null;
		case 'number_integer': return /^-?\d+$/.test(v) ? null : 'must be an integer';
		case 'number_decimal': return /^-?\d+(\.\d+)?$/.test(v) ? null : 'must be a decimal number';
		case 'boolean': return v === 'true' || v === 'false' ? null : 'must be true or false';
		case 'date': return /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'must be a date (yyyy-mm-dd)';
		case 'json': try { JSON.parse(v); return null; } catch { return 'must be valid JSON'; }
		case 'money': try { const m = JSON.parse(v); return m && /^-?\d+(\.\d+)?$/.test(String(m.amount)) && /^[A-Z]{3}$/.test(m.currency_code) ? null : 'must be {"amount","currency_code"}'; } catch { return 'must be {"amount","currency_code"}'; }
		case 'list.single_line_text_field': try { const l = JSON.parse(v); return Array.isArray(l) && l.every((x) => typeof x === 'string') ? null : 'must be a JSON list of strings'; } catch { return 'must be a JSON list of strings'; }
		default: return null;
	}
}
function metafieldErrors(s, list, selfOwner) {
	const errs = [];
	list.forEach((m, i) => {
		const f = (k) => ['metafields', String(i), k];
		const owner = m.ownerId === 'self' ? selfOwner : customerById(s, m.ownerId);
		if (!owner) errs.push({ field: f('ownerId'), message: 'Owner does not exist.', code: 'INVALID', elementIndex: i });
		if (!m.namespace || String(m.namespace).length < 3 || String(m.namespace).length > 255) errs.push({ field: f('namespace'), message: 'Namespace is too short (minimum is 3 characters)', code: 'TOO_SHORT', elementIndex: i });
		if (!m.key || String(m.key).length < 2 || String(m.key).length > 64 || !/^[A-Za-z0-9_-]+$/.test(String(m.key))) errs.push({ field: f('key'), message: 'Key must be 2–64 characters of letters, digits, - and _', code: 'INVALID', elementIndex: i });
		const def = s.definitions.find((d) => d.namespace === m.namespace && d.key === m.key);
		const existing = owner && m.namespace && m.key && owner.metafields.find((x) => x.namespace === m.namespace && x.key === m.key);
		const type = m.type || (def && def.type) || (existing && existing.type);
		if (!type) errs.push({ field: f('type'), message: 'Type can\'t be blank', code: 'BLANK', elementIndex: i });
		else if (!METAFIELD_TYPES.includes(type)) errs.push({ field: f('type'), message: `Type "${type}" is not a valid type`, code: 'INVALID_TYPE', elementIndex: i });
		else if (def && def.type !== type) errs.push({ field: f('type'), message: `Type must be ${def.type} (the metafield definition's type)`, code: 'INVALID_TYPE', elementIndex: i });
		if (m.value == null) errs.push({ field: f('value'), message: 'Value can\'t be blank', code: 'BLANK', elementIndex: i });
		else if (type && METAFIELD_TYPES.includes(type)) { const bad = checkValue(type, m.value); if (bad) errs.push({ field: f('value'), message: `Value ${bad}`, code: 'INVALID_VALUE', elementIndex: i }); }
		if (existing && m.compareDigest != null && m.compareDigest !== digest(existing)) errs.push({ field: f('compareDigest'), message: 'The resource has been updated since it was loaded.', code: 'STALE_OBJECT', elementIndex: i });
	});
	return errs;
}
const digest = (m) => crypto.createHash('sha256').update(`${m.type}\u0000${m.value}`).digest('hex');
function setMetafields(s, list) {
	const out = [];
	for (const m of list) {
		const owner = customerById(s, m.ownerId);
		const def = s.definitions.find((d) => d.namespace === m.namespace && d.key === m.key);
		let x = owner.metafields.find((y) => y.namespace === m.namespace && y.key === m.key);
		const type = m.type || (def && def.type) || x.type;
		const now = iso();
		if (!x) {
			x = { id: gid('Metafield', s.nextMetafield++), namespace: m.namespace, key: m.key, type, value: String(m.value), createdAt: now, updatedAt: now, ownerN: owner.n };
			owner.metafields.push(x);
			touch(owner);
		} else if (x.value !== String(m.value) || x.type !== type) {
			x.value = String(m.value); x.type = type; x.updatedAt = now;
			touch(owner);
		}
		out.push(x);
	}
	return out;
}

// ---------- search syntax ----------
/** Shopify search syntax subset: `field:value`, `field:>=value` (also > < <=), quotes, AND, -field:value. */
function matcher(query) {
	const terms = [];
	const re = /(-?)([A-Za-z_]+):(>=|<=|>|<)?(?:'([^']*)'|"([^"]*)"|(\S+))|(\S+)/g;
	let m;
	while ((m = re.exec(String(query || '')))) {
		if (m[7]) { if (!['AND', 'and'].includes(m[7])) terms.push({ free: lc(m[7]) }); continue; }
		terms.push({ neg: !!m[1], field: lc(m[2]), op: m[3] || ':', value: m[4] ?? m[5] ?? m[6] });
	}
	const cmp = (a, op, b) => (op === '>' ? a > b : op === '>=' ? a >= b : op === '<' ? a < b : op === '<=' ? a <= b : a === b);
	return (c) => terms.every((t) => {
		if (t.free) return lc(c.email).includes(t.free) || lc(`${c.firstName} ${c.lastName}`).includes(t.free);
		let ok;
		if (t.field === 'email') ok = lc(c.email) === lc(t.value);
		else if (t.field === 'tag') ok = c.tags.some((x) => lc(x) === lc(t.value));
		else if (t.field === 'tag_not') ok = !c.tags.some((x) => lc(x) === lc(t.value));
		else if (t.field === 'updated_at' || t.field === 'created_at') {
			const when = Date.parse(/^\d{4}-\d\d-\d\d$/.test(t.value) ? t.value + 'T00:00:00Z' : t.value);
			if (Number.isNaN(when)) return false;
			ok = cmp(Date.parse(t.field === 'updated_at' ? c.updatedAt : c.createdAt), t.op, when);
		} else if (t.field === 'id') ok = cmp(c.n, t.op, Number(t.value));
		else if (t.field === 'phone') ok = c.phone === normPhone(t.value).value;
		else if (t.field === 'state') ok = lc(c.state) === lc(t.value);
		else ok = true; // unknown fields are ignored, as Shopify's search does
		return t.neg ? !ok : ok;
	});
}

// ---------- GraphQL types ----------
const OBJECT_FIELDS = {
	QueryRoot: { customers: 'CustomerConnection', customer: 'Customer', customerByIdentifier: 'Customer', shop: 'Shop', node: 'Customer', orders: 'OrderConnection', order: 'Order' },
	...orders.OBJECT_FIELDS,
	Mutation: {
		customerCreate: 'CustomerCreatePayload', customerUpdate: 'CustomerUpdatePayload', customerSet: 'CustomerSetPayload',
		tagsAdd: 'TagsAddPayload', tagsRemove: 'TagsRemovePayload', metafieldsSet: 'MetafieldsSetPayload',
		customerSendAccountInviteEmail: 'CustomerSendAccountInviteEmailPayload',
		customerAddressCreate: 'CustomerAddressCreatePayload', customerAddressUpdate: 'CustomerAddressUpdatePayload',
		customerUpdateDefaultAddress: 'CustomerUpdateDefaultAddressPayload',
	},
	Customer: { addresses: 'MailingAddress', defaultAddress: 'MailingAddress', addressesV2: 'MailingAddressConnection', metafield: 'Metafield', metafields: 'MetafieldConnection', defaultEmailAddress: 'CustomerEmailAddress', defaultPhoneNumber: 'CustomerPhoneNumber' },
	CustomerConnection: { nodes: 'Customer', edges: 'CustomerEdge', pageInfo: 'PageInfo' },
	CustomerEdge: { node: 'Customer' },
	MailingAddressConnection: { nodes: 'MailingAddress', edges: 'MailingAddressEdge', pageInfo: 'PageInfo' },
	MailingAddressEdge: { node: 'MailingAddress' },
	MetafieldConnection: { nodes: 'Metafield', edges: 'MetafieldEdge', pageInfo: 'PageInfo' },
	MetafieldEdge: { node: 'Metafield' },
	Metafield: { owner: 'Customer' },
	Shop: { plan: 'ShopPlan' },
	CustomerCreatePayload: { customer: 'Customer', userErrors: 'UserError' },
	CustomerUpdatePayload: { customer: 'Customer', userErrors: 'UserError' },
	CustomerSetPayload: { customer: 'Customer', userErrors: 'UserError' },
	TagsAddPayload: { node: 'Customer', userErrors: 'UserError' },
	TagsRemovePayload: { node: 'Customer', userErrors: 'UserError' },
	MetafieldsSetPayload: { metafields: 'Metafield', userErrors: 'UserError' },
	CustomerSendAccountInviteEmailPayload: { customer: 'Customer', userErrors: 'UserError' },
	CustomerAddressCreatePayload: { address: 'MailingAddress', userErrors: 'UserError' },
	CustomerAddressUpdatePayload: { address: 'MailingAddress', userErrors: 'UserError' },
	CustomerUpdateDefaultAddressPayload: { customer: 'Customer', userErrors: 'UserError' },
};
const CONNECTIONS = { CustomerConnection: 'Customer', MailingAddressConnection: 'MailingAddress', MetafieldConnection: 'Metafield', ...orders.CONNECTIONS };

const typed = (t, o) => (o == null ? null : { __typename: t, ...o });
const userError = (e) => typed('UserError', { field: e.field || null, message: e.message, code: e.code || null, elementIndex: e.elementIndex ?? null });

function connection(type, rows, args, keyOf) {
	const first = args.first == null ? null : Number(args.first);
	const last = args.last == null ? null : Number(args.last);
	if (first == null && last == null) throw new gql.GqlError('you must provide one of first or last', { code: 'argumentLiteralsIncompatible' });
	const n = first ?? last;
	if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE) throw new gql.GqlError(`The argument first/last must be between 0 and ${MAX_PAGE}`, { code: 'INVALID_ARGUMENT' });
	let start = 0;
	if (args.after) {
		const k = decodeCursor(args.after);
		const i = rows.findIndex((r) => keyOf(r) === k);
		start = i < 0 ? rows.length : i + 1;
	}
	const page = rows.slice(start, start + n);
	const edges = page.map((r) => typed(`${CONNECTIONS[type]}Edge`, { cursor: encodeCursor(keyOf(r)), node: r }));
	return typed(type, {
		nodes: page, edges,
		pageInfo: typed('PageInfo', { hasNextPage: start + n < rows.length, hasPreviousPage: start > 0, startCursor: edges.length ? edges[0].cursor : null, endCursor: edges.length ? edges[edges.length - 1].cursor : null }),
		_asked: n, // the actual cost refunds the nodes asked for but not returned
	});
}
const encodeCursor = (k) => Buffer.from(JSON.stringify({ last_id: k })).toString('base64');
function decodeCursor(c) { try { return JSON.parse(Buffer.from(String(c), 'base64').toString('utf8')).last_id; } catch { throw new gql.GqlError('Invalid cursor for current pagination sort.', { code: 'INVALID_ARGUMENT' }); } }

function customerOut(s, c) { return c ? typed('Customer', { _c: c }) : null; }
function addressOut(a) { return a ? typed('MailingAddress', { ...a, countryCodeV2: a.countryCode }) : null; }
function metafieldOut(s, m) { return m ? typed('Metafield', { ...m, compareDigest: digest(m), ownerType: 'CUSTOMER', _s: s }) : null; }

function needScope(ctx, scope) {
	if (!ctx.scopes.includes(scope)) {
		throw new gql.GqlError(`Access denied for ${scope.startsWith('write') ? 'this mutation' : 'customers field'}. Required access: \`${scope}\` access scope.`, { code: 'ACCESS_DENIED', documentation: 'https://shopify.dev/api/usage/access-scopes', requiredAccess: `\`${scope}\` access scope.` });
	}
}
const needVersion = (ctx, v, what) => {
	if (ctx.apiVersion < v) throw new gql.GqlError(`Field '${what}' doesn't exist on type '${what.startsWith('customerSet') ? 'Mutation' : 'QueryRoot'}'`, { code: 'undefinedField' });
};

function types(s) {
	const field = (k) => (o) => (o[k] === undefined ? null : o[k]);
	const cust = (o) => o._c;
	const ord = orders.types(s, { connection, matcher, customerOut: (c) => customerOut(s, c), addressOut, needScope });
	return {
		...ord,
		QueryRoot: {
			...ord.QueryRoot,
			customers: (o, a, ctx) => {
				needScope(ctx, 'read_customers');
				const keyName = String(a.sortKey || 'ID').toUpperCase();
				const key = keyName === 'UPDATED_AT' ? (c) => c.updatedAt : keyName === 'CREATED_AT' ? (c) => c.createdAt : keyName === 'NAME' ? (c) => lc(`${c.firstName} ${c.lastName}`) : (c) => c.n;
				const rows = s.customers.filter(matcher(a.query)).sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : x.n - y.n));
				if (a.reverse) rows.reverse();
				const conn = connection('CustomerConnection', rows.map((c) => customerOut(s, c)), a, (r) => r._c.n);
				return conn;
			},
			customer: (o, a, ctx) => { needScope(ctx, 'read_customers'); return customerOut(s, customerById(s, a.id)); },
			node: (o, a, ctx) => { needScope(ctx, 'read_customers'); return customerOut(s, customerById(s, a.id)); },
			customerByIdentifier: (o, a, ctx) => {
				needVersion(ctx, '2025-04', 'customerByIdentifier');
				needScope(ctx, 'read_customers');
				const id = a.identifier || {};
				const c = id.emailAddress ? customerByEmail(s, id.emailAddress) : id.id ? customerById(s, id.id) : id.phoneNumber ? s.customers.find((x) => x.phone === normPhone(id.phoneNumber).value) : null;
				return customerOut(s, c);
			},
			shop: () => typed('Shop', { name: 'Sandbox B2B', myshopifyDomain: entry().shopDomain, currencyCode: s.shop.currencyCode, plan: typed('ShopPlan', { displayName: PLAN.displayName }), customerAccountsVersion: s.shop.customerAccounts }),
		},
		Mutation: mutations(s),
		Customer: {
			id: (o) => gid('Customer', cust(o).n), legacyResourceId: (o) => String(cust(o).n),
			email: (o) => cust(o).email, firstName: (o) => cust(o).firstName, lastName: (o) => cust(o).lastName,
			displayName: (o) => [cust(o).firstName, cust(o).lastName].filter(Boolean).join(' ') || cust(o).email,
			phone: (o) => cust(o).phone, note: (o) => cust(o).note, tags: (o) => [...cust(o).tags], taxExempt: (o) => cust(o).taxExempt,
			state: (o) => cust(o).state, createdAt: (o) => cust(o).createdAt, updatedAt: (o) => cust(o).updatedAt,
			verifiedEmail: () => true, numberOfOrders: () => '0',
			defaultEmailAddress: (o) => (cust(o).email ? typed('CustomerEmailAddress', { emailAddress: cust(o).email }) : null),
			defaultPhoneNumber: (o) => (cust(o).phone ? typed('CustomerPhoneNumber', { phoneNumber: cust(o).phone }) : null),
			addresses: (o, a) => cust(o).addresses.slice(0, a.first == null ? undefined : Number(a.first)).map(addressOut),
			addressesV2: (o, a) => connection('MailingAddressConnection', cust(o).addresses.map(addressOut), a, (r) => r.id),
			defaultAddress: (o) => addressOut(cust(o).addresses.find((x) => x.id === cust(o).defaultAddressId)),
			metafield: (o, a) => metafieldOut(s, cust(o).metafields.find((m) => m.namespace === a.namespace && m.key === a.key)),
			metafields: (o, a) => connection('MetafieldConnection', cust(o).metafields.filter((m) => !a.namespace || m.namespace === a.namespace).map((m) => metafieldOut(s, m)), a, (r) => r.id),
		},
		CustomerConnection: { nodes: field('nodes'), edges: field('edges'), pageInfo: field('pageInfo') },
		CustomerEdge: { node: field('node'), cursor: field('cursor') },
		MailingAddressConnection: { nodes: field('nodes'), edges: field('edges'), pageInfo: field('pageInfo') },
		MailingAddressEdge: { node: field('node'), cursor: field('cursor') },
		MetafieldConnection: { nodes: field('nodes'), edges: field('edges'), pageInfo: field('pageInfo') },
		MetafieldEdge: { node: field('node'), cursor: field('cursor') },
		PageInfo: { hasNextPage: field('hasNextPage'), hasPreviousPage: field('hasPreviousPage'), startCursor: field('startCursor'), endCursor: field('endCursor') },
		MailingAddress: Object.fromEntries(['id', 'firstName', 'lastName', 'company', 'address1', 'address2', 'city', 'province', 'provinceCode', 'zip', 'country', 'countryCode', 'countryCodeV2', 'phone'].map((k) => [k, field(k)])),
		Metafield: {
			...Object.fromEntries(['id', 'namespace', 'key', 'type', 'value', 'createdAt', 'updatedAt', 'compareDigest', 'ownerType'].map((k) => [k, field(k)])),
			owner: (o) => customerOut(s, s.customers.find((c) => c.n === o.ownerN)),
		},
		CustomerEmailAddress: { emailAddress: field('emailAddress') },
		CustomerPhoneNumber: { phoneNumber: field('phoneNumber') },
		Shop: { name: field('name'), myshopifyDomain: field('myshopifyDomain'), currencyCode: field('currencyCode'), plan: field('plan') },
		ShopPlan: { displayName: field('displayName') },
		UserError: { field: field('field'), message: field('message'), code: field('code'), elementIndex: field('elementIndex') },
		CustomerCreatePayload: { customer: field('customer'), userErrors: field('userErrors') },
		CustomerUpdatePayload: { customer: field('customer'), userErrors: field('userErrors') },
		CustomerSetPayload: { customer: field('customer'), userErrors: field('userErrors') },
		TagsAddPayload: { node: field('node'), userErrors: field('userErrors') },
		TagsRemovePayload: { node: field('node'), userErrors: field('userErrors') },
		MetafieldsSetPayload: { metafields: field('metafields'), userErrors: field('userErrors') },
		CustomerSendAccountInviteEmailPayload: { customer: field('customer'), userErrors: field('userErrors') },
		CustomerAddressCreatePayload: { address: field('address'), userErrors: field('userErrors') },
		CustomerAddressUpdatePayload: { address: field('address'), userErrors: field('userErrors') },
		CustomerUpdateDefaultAddressPayload: { customer: field('customer'), userErrors: field('userErrors') },
	};
}

function mutations(s) {
	const payload = (t, key, value, errs) => typed(t, { [key]: errs.length ? null : value, userErrors: errs.map(userError) });
	const write = (ctx) => needScope(ctx, 'write_customers');
	const noCustomer = (field) => [{ field, message: 'Customer does not exist', code: 'NOT_FOUND' }];
	const tagsChange = (t, add) => (o, a, ctx) => {
		write(ctx);
		const c = customerById(s, a.id);
		if (!c) return payload(t, 'node', null, [{ field: ['id'], message: 'Customer does not exist', code: 'NOT_FOUND' }]);
		const tags = normTags(a.tags);
		const next = add ? normTags([...c.tags, ...tags]) : c.tags.filter((x) => !tags.some((y) => lc(y) === lc(x)));
		if (next.length > 250) return payload(t, 'node', null, [{ field: ['tags'], message: 'Tags cannot exceed 250', code: 'TOO_LONG' }]);
		if (JSON.stringify(next) !== JSON.stringify(c.tags)) { c.tags = next; touch(c); }
		return payload(t, 'node', customerOut(s, c), []);
	};
	return {
		customerCreate: (o, a, ctx) => {
			write(ctx);
			const input = a.input || {};
			if (!input.email && !input.phone) return payload('CustomerCreatePayload', 'customer', null, [{ field: ['email'], message: 'A customer must have an email or a phone number', code: 'BLANK' }]);
			if (input.email && customerByEmail(s, input.email)) return payload('CustomerCreatePayload', 'customer', null, [{ field: ['email'], message: 'Email has already been taken', code: 'TAKEN' }]);
			const c = newCustomer(s, null);
			const errs = applyCustomerInput(s, c, input, 'create');
			if (errs.length) { s.customers.pop(); s.nextCustomer--; }
			return payload('CustomerCreatePayload', 'customer', customerOut(s, c), errs);
		},
		customerUpdate: (o, a, ctx) => {
			write(ctx);
			const input = a.input || {};
			const c = customerById(s, input.id);
			if (!c) return payload('CustomerUpdatePayload', 'customer', null, noCustomer(['id']));
			const { id, ...rest } = input;
			return payload('CustomerUpdatePayload', 'customer', customerOut(s, c), applyCustomerInput(s, c, rest, 'update'));
		},
		customerSet: (o, a, ctx) => {
			needVersion(ctx, '2025-04', 'customerSet');
			write(ctx);
			const ident = a.identifier || null;
			const input = a.input || {};
			let c = null;
			if (ident) {
				if (ident.id) { c = customerById(s, ident.id); if (!c) return payload('CustomerSetPayload', 'customer', null, noCustomer(['identifier', 'id'])); }
				else if (ident.email) c = customerByEmail(s, ident.email);
				else if (ident.phone) c = s.customers.find((x) => x.phone === normPhone(ident.phone).value) || null;
				if (ident.email && input.email && lc(input.email) !== lc(ident.email)) return payload('CustomerSetPayload', 'customer', null, [{ field: ['input', 'email'], message: 'The email in the input must match the identifier', code: 'INVALID' }]);
			}
			const created = !c;
			if (created) c = newCustomer(s, null);
			const errs = applyCustomerInput(s, c, { ...(ident && ident.email && !input.email ? { email: ident.email } : {}), ...input }, 'set');
			if (errs.length && created) { s.customers.pop(); s.nextCustomer--; }
			return payload('CustomerSetPayload', 'customer', customerOut(s, c), errs.map((e) => ({ ...e, field: ['input', ...(e.field || [])] })));
		},
		tagsAdd: tagsChange('TagsAddPayload', true),
		tagsRemove: tagsChange('TagsRemovePayload', false),
		customerAddressCreate: (o, a, ctx) => {
			write(ctx);
			const c = customerById(s, a.customerId);
			if (!c) return payload('CustomerAddressCreatePayload', 'address', null, noCustomer(['customerId']));
			const errs = addressErrors(a.address || {}, ['address']);
			if (errs.length) return payload('CustomerAddressCreatePayload', 'address', null, errs);
			const cand = addressFromInput(s, a.address || {}, 'tmp');
			if (c.addresses.some((x) => sameAddress(x, cand))) return payload('CustomerAddressCreatePayload', 'address', null, [{ field: ['address'], message: 'Address already exists', code: 'TAKEN' }]);
			const addr = addressFromInput(s, a.address || {});
			c.addresses.push(addr);
			if (a.setAsDefault || !c.defaultAddressId) c.defaultAddressId = addr.id;
			touch(c);
			return payload('CustomerAddressCreatePayload', 'address', addressOut(addr), []);
		},
		customerAddressUpdate: (o, a, ctx) => {
			write(ctx);
			const c = customerById(s, a.customerId);
			if (!c) return payload('CustomerAddressUpdatePayload', 'address', null, noCustomer(['customerId']));
			const addr = c.addresses.find((x) => x.id === a.addressId || numericId(x.id, 'MailingAddress') === numericId(a.addressId, 'MailingAddress'));
			if (!addr) return payload('CustomerAddressUpdatePayload', 'address', null, [{ field: ['addressId'], message: 'Address does not exist', code: 'NOT_FOUND' }]);
			const errs = addressErrors(a.address || {}, ['address']);
			if (errs.length) return payload('CustomerAddressUpdatePayload', 'address', null, errs);
			const before = JSON.stringify(c);
			Object.assign(addr, addressFromInput(s, { ...addr, ...(a.address || {}) }, addr.id));
			if (a.setAsDefault) c.defaultAddressId = addr.id;
			if (JSON.stringify(c) !== before) touch(c);
			return payload('CustomerAddressUpdatePayload', 'address', addressOut(addr), []);
		},
		customerUpdateDefaultAddress: (o, a, ctx) => {
			write(ctx);
			const c = customerById(s, a.customerId);
			if (!c) return payload('CustomerUpdateDefaultAddressPayload', 'customer', null, noCustomer(['customerId']));
			const addr = c.addresses.find((x) => x.id === a.addressId || numericId(x.id, 'MailingAddress') === numericId(a.addressId, 'MailingAddress'));
			if (!addr) return payload('CustomerUpdateDefaultAddressPayload', 'customer', null, [{ field: ['addressId'], message: 'Address does not exist', code: 'NOT_FOUND' }]);
			if (c.defaultAddressId !== addr.id) { c.defaultAddressId = addr.id; touch(c); }
			return payload('CustomerUpdateDefaultAddressPayload', 'customer', customerOut(s, c), []);
		},
		metafieldsSet: (o, a, ctx) => {
			write(ctx);
			const list = Array.isArray(a.metafields) ? a.metafields : [];
			if (list.length > MAX_METAFIELDS) throw new gql.GqlError(`The input array size of ${list.length} is greater than the maximum allowed of ${MAX_METAFIELDS}.`, { code: 'MAX_INPUT_SIZE_EXCEEDED', path: ['metafieldsSet', 'metafields'] });
			const errs = metafieldErrors(s, list);
			// atomic: one invalid metafield and none is set
			if (errs.length) return typed('MetafieldsSetPayload', { metafields: null, userErrors: errs.map(userError) });
			return typed('MetafieldsSetPayload', { metafields: setMetafields(s, list).map((m) => metafieldOut(s, m)), userErrors: [] });
		},
		customerSendAccountInviteEmail: (o, a, ctx) => {
			write(ctx);
			const c = customerById(s, a.customerId);
			if (!c) return payload('CustomerSendAccountInviteEmailPayload', 'customer', null, noCustomer(['customerId']));
			if (s.shop.customerAccounts !== 'CLASSIC') return payload('CustomerSendAccountInviteEmailPayload', 'customer', null, [{ field: ['customerId'], message: 'Account invites need classic (legacy) customer accounts; this store uses new customer accounts.', code: 'INVALID' }]);
			if (c.state === 'ENABLED') return payload('CustomerSendAccountInviteEmailPayload', 'customer', null, [{ field: ['customerId'], message: 'Customer account is already enabled', code: 'ACCOUNT_ALREADY_ENABLED' }]);
			if (!c.email) return payload('CustomerSendAccountInviteEmailPayload', 'customer', null, [{ field: ['customerId'], message: 'Customer has no email', code: 'INVALID' }]);
			const e = a.email || {};
			s.invites.push({ customerId: gid('Customer', c.n), to: e.to || c.email, subject: e.subject || null, sentAt: iso() });
			if (c.state !== 'INVITED') { c.state = 'INVITED'; touch(c); }
			return payload('CustomerSendAccountInviteEmailPayload', 'customer', customerOut(s, c), []);
		},
	};
}

// ---------- request ----------
function handle(ctx) {
	if (ctx.oauth) return issueToken(ctx);
	if (ctx.method !== 'POST' && ctx.method !== 'GET') return { status: 405, body: { errors: 'Use POST (or GET with ?query=) for GraphQL requests' } };
	const s = ctx.state;
	s.stats.calls++;
	// GET carries the query (and JSON variables) in the URL, as Shopify accepts for reads
	const b = ctx.method === 'GET' ? (ctx.q.query ? { query: ctx.q.query, variables: safeJson(ctx.q.variables) } : null) : ctx.body;
	if (ctx.method === 'GET' && b && /^\s*mutation\b/.test(b.query)) return { status: 400, body: { errors: 'Mutations need POST' } };
	if (ctx.bodyInvalid || !b || typeof b !== 'object' || typeof b.query !== 'string') {
		return { status: 400, body: { errors: { query: 'Required parameter missing or invalid' } } };
	}
	let doc; let op; let vars;
	try {
		doc = gql.parse(b.query);
		op = gql.pickOperation(doc, b.operationName);
		vars = gql.variables(op, b.variables || {});
	} catch (e) {
		return { status: 200, body: { errors: [{ message: e.message, extensions: e.extensions }] } };
	}
	const root = op.type === 'mutation' ? 'Mutation' : 'QueryRoot';
	const T = types(s);
	try { gql.validate(T, OBJECT_FIELDS, root, op.sel, doc.frags, vars); } catch (e) {
		return { status: 200, body: { errors: [{ message: e.message, extensions: e.extensions }] } };
	}
	const requested = gql.cost(OBJECT_FIELDS, CONNECTIONS, root, op.sel, doc.frags, vars, root === 'Mutation');
	const bk = bucket(ctx);
	const costOut = (actual) => ({ requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: throttleStatus(bk) });
	if (requested > MAX_QUERY_COST) {
		return { status: 200, body: { errors: [{ message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).`, extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: MAX_QUERY_COST } }], extensions: { cost: costOut(null) } } };
	}
	if (requested > bk.available) {
		s.stats.throttled++;
		return { status: 200, body: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }], extensions: { cost: costOut(null) } } };
	}
	bk.available -= requested;
	let data;
	try {
		data = gql.execute(T, root, {}, op.sel, { frags: doc.frags, vars, ctx });
	} catch (e) {
		if (!(e instanceof gql.GqlError)) throw e;
		bk.available = Math.min(PLAN.maximumAvailable, bk.available + requested - 1);
		s.stats.pointsUsed += 1;
		return { status: 200, body: { data: null, errors: [{ message: e.message, extensions: e.extensions }], extensions: { cost: costOut(1) } } };
	}
	// actual cost: connections charged for the nodes they returned (at least what a mutation costs)
	const actual = Math.max(1, Math.min(requested, actualCost(data, requested)));
	bk.available = Math.min(PLAN.maximumAvailable, bk.available + (requested - actual));
	s.stats.pointsRequested += requested;
	s.stats.pointsUsed += actual;
	return { status: 200, body: { data: strip(data), extensions: { cost: costOut(actual) } } };
}
function safeJson(v) { try { return v ? JSON.parse(v) : {}; } catch { return {}; } }
/** Requested cost minus the unused part of connections that returned fewer nodes than asked. */
function actualCost(data, requested) {
	let unused = 0;
	const walk = (v) => {
		if (!v || typeof v !== 'object') return;
		if (Array.isArray(v)) { v.forEach(walk); return; }
		if (Array.isArray(v.nodes) || Array.isArray(v.edges)) {
			const got = (v.nodes || v.edges).length;
			if (v._asked && got < v._asked) unused += v._asked - got;
		}
		Object.values(v).forEach(walk);
	};
	walk(data);
	return requested - unused;
}
function strip(v) {
	if (Array.isArray(v)) return v.map(strip);
	if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('_')).map(([k, x]) => [k, strip(x)]));
	return v;
}

// ---------- seed and control ----------
/**
 * Customers already in the store: every 13th Cin7 Core customer's default contact with an email (then
 * the ones in between when that is not enough), some
 * with tags the Cin7 flow does not manage (`newsletter`, `vip-event`), an address they added
 * themselves, an enabled account and a metafield of another app — the flows must keep all of that.
 */
function seedShopify(rng, sz, anchor, coreCustomers, coreProducts) {
	const s = { customers: [], invites: [], tokens: new Map(), nextCustomer: 7001, nextAddress: 9001, nextMetafield: 50001, definitions: [
		{ namespace: 'sparklayer', key: 'discount_percentage', type: 'number_decimal' },
	], shop: { currencyCode: 'AUD', customerAccounts: 'CLASSIC' }, bucket: { available: PLAN.maximumAvailable, at: Date.now() }, stats: { calls: 0, throttled: 0, pointsRequested: 0, pointsUsed: 0 } };
	const every = Math.max(1, Math.floor(coreCustomers.length / Math.max(1, sz.shopifyCustomers)));
	// every Nth customer first; when customers without an email leave it short, the ones in between
	const order = [];
	for (let i = 0; i < coreCustomers.length; i += every) order.push(i);
	for (let i = 0; i < coreCustomers.length; i++) if (i % every) order.push(i);
	let made = 0;
	for (const i of order) {
		if (made >= sz.shopifyCustomers) break;
		const cc = coreCustomers[i];
		const def = (cc.Contacts || []).find((x) => x.Default);
		if (!def || !def.Email) continue;
		const [first, ...rest] = String(def.Name || '').split(' ');
		const when = new Date(anchor - rng.int(1, 200) * 86400000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const c = {
			n: s.nextCustomer++, email: def.Email, firstName: first || null, lastName: rest.join(' ') || null, phone: null, note: made % 2 ? 'Met at the trade show' : null,
			tags: normTags(made % 3 === 0 ? ['newsletter', 'vip-event'] : ['newsletter']), taxExempt: false, state: made % 2 ? 'ENABLED' : 'DISABLED',
			createdAt: when, updatedAt: when, addresses: [], defaultAddressId: null, metafields: [],
		};
		const own = addressFromInput(s, { firstName: c.firstName, lastName: c.lastName, address1: `${10 + made} Own Warehouse Road`, city: 'Geelong', provinceCode: 'VIC', zip: '3220', countryCode: 'AU' });
		c.addresses.push(own);
		c.defaultAddressId = own.id;
		if (made % 4 === 0) c.metafields.push({ id: gid('Metafield', s.nextMetafield++), namespace: 'loyalty', key: 'points', type: 'number_integer', value: String(100 + made), createdAt: when, updatedAt: when, ownerN: c.n });
		s.customers.push(c);
		made++;
	}
	// B2B buyers and their orders (sandbox/shopify-orders.js)
	const addCustomer = (email, name, tags) => {
		const c = newCustomer(s, email);
		const [first, ...rest] = String(name || '').split(' ');
		Object.assign(c, { firstName: first || null, lastName: rest.join(' ') || null, tags: normTags(tags), createdAt: iso(anchor - 30 * 86400000), updatedAt: iso(anchor - 30 * 86400000) });
		const a = addressFromInput(s, { firstName: c.firstName, lastName: c.lastName, company: null, address1: `${s.nextAddress} Trade Avenue`, city: 'Melbourne', provinceCode: 'VIC', zip: '3000', countryCode: 'AU' });
		c.addresses.push(a);
		c.defaultAddressId = a.id;
		return c;
	};
	s.orders = [];
	orders.seedOrders(s, rng, anchor, coreCustomers, coreProducts, { addCustomer });
	return s;
}

function snapshot(s) {
	return {
		customers: s.customers.map((c) => ({
			id: gid('Customer', c.n), email: c.email, firstName: c.firstName, lastName: c.lastName, phone: c.phone, note: c.note,
			tags: [...c.tags], taxExempt: c.taxExempt, state: c.state, createdAt: c.createdAt, updatedAt: c.updatedAt,
			defaultAddress: c.addresses.find((a) => a.id === c.defaultAddressId) || null, addresses: c.addresses.map((a) => ({ ...a })),
			metafields: c.metafields.map(({ ownerN, ...m }) => ({ ...m })),
		})),
		invites: s.invites.map((x) => ({ ...x })),
		orders: orders.snapshot(s),
		shop: { ...s.shop, plan: PLAN },
		cost: { ...s.stats, bucket: { maximumAvailable: PLAN.maximumAvailable, restoreRate: PLAN.restoreRate } },
	};
}
function mutate(s, body) {
	if (lc(body.entity) === 'shop') { Object.assign(s.shop, body.patch || {}); return { ...s.shop }; }
	if (lc(body.action) === 'createorder') return orders.createOrder(s, body);
	if (lc(body.action) === 'expiretokens') { for (const t of s.tokens.values()) t.expiresAt = 0; return { expired: s.tokens.size }; }
	const c = body.email ? customerByEmail(s, body.email) : customerById(s, body.id);
	if (!c) throw Object.assign(new Error('customer not found (give email or id)'), { status: 404 });
	const p = body.patch || {};
	for (const k of ['firstName', 'lastName', 'note', 'state', 'taxExempt']) if (k in p) c[k] = p[k];
	if ('tags' in p) c.tags = normTags(p.tags);
	if (p.addAddress) { const a = addressFromInput(s, p.addAddress); c.addresses.push(a); if (p.addAddress.setAsDefault) c.defaultAddressId = a.id; }
	touch(c);
	return snapshot({ ...s, customers: [c], invites: [] }).customers[0];
}


module.exports = { name: 'shopify', route, authenticate, rateKey, throttle, decorate, errorBody, handle, snapshot, mutate, seedShopify, PLAN };
