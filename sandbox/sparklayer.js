'use strict';
// SparkLayer emulation (targets-api.md §3.1 and §9): live and test hosts with separate keys
// (/sparklayer/live, /sparklayer/test), token from POST /api/auth/token with a Site-Id header and a
// JSON body, bearer tokens that expire after 3,600 s with no refresh token, Site-Id on every call,
// RFC 7807 problem errors, price lists (v1 list/get/create/update, v2 paged list), pricing PATCH that
// replaces the prices of each SKU sent (JSON array or text/csv), batch pricing across lists,
// customer groups, customer pricing, 429 + Retry-After above the request rate and an optional 409
// "concurrent update" answer on writes.

const crypto = require('node:crypto');

// The logins are the registry's (sandbox/systems.js), read per request so this module and the
// registry (which loads emulations lazily) load in either order.
const entry = () => require('./systems').BY_KEY.sparklayer;
const TOKEN_TTL_S = 3600;
const MAX_PRICING_ROWS = 1000;
const SLUG = /^[a-z0-9][a-z0-9_-]{0,29}$/;
const CURRENCY = /^[A-Z]{3}$/;
const lc = (v) => String(v == null ? '' : v).toLowerCase();
const iso = (ms = Date.now()) => new Date(ms).toISOString();

class SlError extends Error {
	constructor(status, body, headers) { super(typeof body === 'string' ? body : JSON.stringify(body)); this.httpResponse = { status, body, headers: { 'Content-Type': 'application/problem+json', ...(headers || {}) } }; }
}
const TITLES = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 500: 'Internal Server Error' };
function problem(status, detail, errors) {
	return { type: `https://httpstatuses.io/${status}`, title: TITLES[status] || 'Error', status, detail, ...(errors ? { errors } : {}) };
}
const fail = (status, detail, errors, headers) => { throw new SlError(status, problem(status, detail, errors), headers); };

// ---------- hosts and auth ----------
function route(ctx) {
	const m = /^\/(live|test)(\/.*)?$/i.exec(ctx.rest);
	if (!m) return { response: { status: 404, headers: { 'Content-Type': 'application/problem+json' }, body: problem(404, 'Unknown SparkLayer host. Use /sparklayer/live (app.sparklayer.io) or /sparklayer/test (test.app.sparklayer.io).') } };
	ctx.env = m[1].toLowerCase();
	ctx.sub = (m[2] || '/').replace(/\/+$/, '') || '/';
	return null;
}
/** The host's keys: the live host takes the registry login, the test host its own (testLogin). */
const hostLogin = (env) => (env === 'test' ? entry().testLogin : entry().login);
const siteHeader = (ctx) => String(ctx.headers['site-id'] || '').trim();

function authenticate(ctx) {
	if (lc(ctx.sub) === '/api/auth/token') return null; // checked by the token handler itself
	const s = ctx.state;
	const m = /^Bearer\s+(\S+)$/i.exec(ctx.headers.authorization || '');
	const answer = (status, detail) => ({ status, headers: { 'Content-Type': 'application/problem+json', ...(status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}) }, body: problem(status, detail) });
	if (!m) return answer(401, 'Missing bearer token: send Authorization: Bearer <access_token> from POST /api/auth/token.');
	const plain = m[1] === entry().plainClientToken && { env: 'live', site: entry().login.siteId, expiresAt: Infinity };
	const t = plain || s.tokens.get(m[1]);
	if (!t || t.env !== ctx.env) return answer(401, 'Invalid access token.');
	if (t.expiresAt <= Date.now()) return answer(401, 'The access token has expired. Request a new one from POST /api/auth/token.');
	const site = siteHeader(ctx);
	if (!site) return answer(400, 'Missing Site-Id header.');
	if (site !== t.site) return answer(401, `The access token was not issued for site "${site}".`);
	return null;
}

function issueToken(ctx) {
	if (ctx.method !== 'POST') fail(405, 'Use POST /api/auth/token.');
	const site = siteHeader(ctx);
	if (!site) fail(400, 'Missing Site-Id header.');
	const ct = lc(ctx.headers['content-type']);
	if (!ct.includes('json') || ctx.bodyInvalid || !ctx.body || typeof ctx.body !== 'object' || Array.isArray(ctx.body)) {
		fail(400, 'The request body must be JSON: {"grant_type":"client_credentials","client_id":"…","client_secret":"…"}.');
	}
	const login = hostLogin(ctx.env);
	if (site !== login.siteId) fail(404, `Site "${site}" does not exist on this host.`);
	const b = ctx.body;
	if (b.grant_type !== 'client_credentials') fail(400, 'grant_type must be "client_credentials".', [{ code: 'invalid-grant-type', message: 'Unsupported grant type', property: 'grant_type' }]);
	if (!b.client_id || !b.client_secret) fail(400, 'client_id and client_secret are required.', [{ code: 'required', message: 'Required', property: b.client_id ? 'client_secret' : 'client_id' }]);
	if (b.client_id === entry().noApiClientId && b.client_secret === login.clientSecret && ctx.env === 'live') {
		fail(403, 'API access is not enabled for this client. The API needs the Pro or Enterprise plan and an API client from Dashboard > Settings > API.');
	}
	if (b.client_id !== login.clientId || b.client_secret !== login.clientSecret) fail(401, 'Invalid client credentials.');
	const token = 'sl_' + crypto.randomBytes(18).toString('hex');
	ctx.state.tokens.set(token, { env: ctx.env, site, expiresAt: Date.now() + TOKEN_TTL_S * 1000 });
	ctx.state.tokensIssued++;
	return { status: 200, body: { token_type: 'bearer', expires_in: TOKEN_TTL_S, access_token: token } };
}

function rateKey() { return 'sparklayer'; }
function throttle(ctx, info, mode) {
	if (mode === '503') return { status: 503, headers: { 'Content-Type': 'application/problem+json' }, body: problem(503, 'Service temporarily unavailable.') };
	const secs = Math.max(1, Math.ceil((info.retryAfterMs || 1000) / 1000));
	return { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': mode === '429text' ? `${secs} Seconds` : String(secs) }, body: problem(429, 'Too many requests. Retry after the time in Retry-After.') };
}
function errorBody(status, msg) { return problem(status, msg); }

// ---------- data ----------
function seedSparkLayer() {
	const now = iso(Date.parse('2025-06-01T00:00:00Z'));
	const host = () => ({
		groups: [
			{ slug: 'base', name: 'Base', parent_slug: null },
			{ slug: 'trade', name: 'Trade', parent_slug: 'base' },
			{ slug: 'vip', name: 'VIP', parent_slug: 'base' },
		],
		priceLists: [
			{ slug: 'base', name: 'Base', currency_code: 'AUD', source: 'custom', tax_inclusive_display: false, rules: [], created_at: now, updated_at: now },
			{ slug: 'wholesale-legacy', name: 'Wholesale (legacy)', currency_code: 'AUD', source: 'custom', tax_inclusive_display: false, rules: [], created_at: now, updated_at: now },
		],
		pricing: {}, // slug → { sku → {sku, display_tax_rate, pricing} }
		writes: 0,
	});
	return { live: host(), test: host(), tokens: new Map(), tokensIssued: 0 };
}

const hostData = (ctx) => ctx.state[ctx.env];
function findList(h, slug) { return h.priceLists.find((p) => p.slug === slug); }
function listOut(p) { return { ...p, rules: p.rules.map((r) => ({ ...r })) }; }

function readRules(h, rules, ownSlug) {
	if (rules == null) return [];
	if (!Array.isArray(rules)) fail(400, 'rules must be an array.', [{ code: 'invalid-type', message: 'Expected an array', property: 'rules' }]);
	return rules.map((r, i) => {
		const src = r && r.source_price_list_slug;
		if (!src || !findList(h, src) || src === ownSlug) fail(400, `rules[${i}].source_price_list_slug "${src}" is not an existing price list.`, [{ code: 'not-found', message: 'Unknown price list', property: `rules[${i}].source_price_list_slug` }]);
		const pct = r.adjustment_percentage == null ? 0 : Number(r.adjustment_percentage);
		const fx = r.currency_exchange_rate == null ? 1 : Number(r.currency_exchange_rate);
		const dir = r.adjustment_direction == null ? 'minus' : r.adjustment_direction;
		if (!Number.isFinite(pct) || pct < 0 || pct > 1) fail(400, `rules[${i}].adjustment_percentage must be a fraction between 0 and 1.`, [{ code: 'invalid-value', message: 'Out of range', property: `rules[${i}].adjustment_percentage` }]);
		if (!['plus', 'minus'].includes(dir)) fail(400, `rules[${i}].adjustment_direction must be "plus" or "minus".`, [{ code: 'invalid-value', message: 'Invalid', property: `rules[${i}].adjustment_direction` }]);
		if (!Number.isFinite(fx) || fx <= 0) fail(400, `rules[${i}].currency_exchange_rate must be a positive number.`, [{ code: 'invalid-value', message: 'Invalid', property: `rules[${i}].currency_exchange_rate` }]);
		return { source_price_list_slug: src, adjustment_percentage: pct, adjustment_direction: dir, currency_exchange_rate: fx };
	});
}

function createList(h, b) {
	if (!b || typeof b !== 'object' || Array.isArray(b)) fail(400, 'The body must be a JSON object.');
	const errors = [];
	if (!b.slug || !SLUG.test(String(b.slug))) errors.push({ code: 'invalid-value', message: 'slug is required: lower-case letters, digits, - and _, at most 30 characters', property: 'slug' });
	if (!b.name || String(b.name).length > 64) errors.push({ code: 'invalid-value', message: 'name is required, at most 64 characters', property: 'name' });
	if (!b.currency_code || !CURRENCY.test(String(b.currency_code))) errors.push({ code: 'invalid-value', message: 'currency_code must be an ISO 4217 code', property: 'currency_code' });
	if (b.source != null && !['custom', 'integration'].includes(b.source)) errors.push({ code: 'invalid-value', message: 'source must be "custom" or "integration"', property: 'source' });
	if (errors.length) fail(400, 'The price list is not valid.', errors);
	if (findList(h, b.slug)) fail(400, `A price list with slug "${b.slug}" already exists.`, [{ code: 'resource-already-exists', message: 'Already exists', property: 'slug' }]);
	const now = iso();
	const p = {
		slug: b.slug, name: String(b.name), currency_code: b.currency_code, source: b.source || 'custom',
		tax_inclusive_display: !!b.tax_inclusive_display, rules: readRules(h, b.rules, b.slug), created_at: now, updated_at: now,
	};
	h.priceLists.push(p);
	return p;
}
function updateList(h, p, b) {
	if (!b || typeof b !== 'object' || Array.isArray(b)) fail(400, 'The body must be a JSON object.');
	if (b.name != null && (!b.name || String(b.name).length > 64)) fail(400, 'name must be 1..64 characters.', [{ code: 'invalid-value', message: 'Invalid', property: 'name' }]);
	if (b.currency_code != null && !CURRENCY.test(String(b.currency_code))) fail(400, 'currency_code must be an ISO 4217 code.', [{ code: 'invalid-value', message: 'Invalid', property: 'currency_code' }]);
	if (b.rules != null) p.rules = readRules(h, b.rules, p.slug);
	if (b.name != null) p.name = String(b.name);
	if (b.currency_code != null) p.currency_code = b.currency_code;
	if (b.tax_inclusive_display != null) p.tax_inclusive_display = !!b.tax_inclusive_display;
	p.updated_at = iso();
	return p;
}

/** Pricing rows from a JSON array or text/csv (sku,quantity,price[,display_tax_rate]) body. */
function pricingRows(ctx, withList) {
	const ct = lc(ctx.headers['content-type']);
	if (ct.includes('text/csv')) {
		const lines = ctx.rawBody.split(/\r?\n/).filter((l) => l.trim());
		const head = (lines.shift() || '').split(',').map((x) => lc(x.trim()));
		const need = withList ? ['sku', 'price_list_slug', 'quantity', 'price'] : ['sku', 'quantity', 'price'];
		for (const n of need) if (!head.includes(n)) fail(400, `The CSV header must name ${need.join(', ')}.`);
		const bySku = new Map();
		for (const l of lines) {
			const cells = l.split(',').map((x) => x.trim());
			const rec = Object.fromEntries(head.map((h, i) => [h, cells[i]]));
			const key = withList ? `${rec.sku}\u0000${rec.price_list_slug}` : rec.sku;
			if (!bySku.has(key)) bySku.set(key, { sku: rec.sku, ...(withList ? { price_list_slug: rec.price_list_slug } : {}), ...(rec.display_tax_rate ? { display_tax_rate: Number(rec.display_tax_rate) } : {}), pricing: [] });
			bySku.get(key).pricing.push({ quantity: Number(rec.quantity), price: Number(rec.price) });
		}
		return [...bySku.values()];
	}
	if (!ct.includes('json')) fail(415, 'Send application/json (an array) or text/csv.');
	if (ctx.bodyInvalid || !Array.isArray(ctx.body)) fail(400, 'The body must be a JSON array of {sku, pricing:[{quantity, price}]}.');
	return ctx.body;
}

/** Validates every line; any error rejects the whole request with [{line, field, message}]. */
function validatePricing(h, rows, withList) {
	if (rows.length > MAX_PRICING_ROWS) fail(413, `At most ${MAX_PRICING_ROWS} rows per request (got ${rows.length}).`);
	const errors = [];
	rows.forEach((r, i) => {
		const line = i + 1;
		if (!r || typeof r !== 'object') { errors.push({ line, field: 'sku', message: 'Row must be an object' }); return; }
		if (typeof r.sku !== 'string' || !r.sku.trim()) errors.push({ line, field: 'sku', message: 'sku is required' });
		if (withList && (!r.price_list_slug || !findList(h, r.price_list_slug))) errors.push({ line, field: 'price_list_slug', message: `Price list "${r.price_list_slug}" does not exist` });
		if (r.display_tax_rate != null && !(Number.isFinite(Number(r.display_tax_rate)) && Number(r.display_tax_rate) >= 0)) errors.push({ line, field: 'display_tax_rate', message: 'display_tax_rate must be a number ≥ 0' });
		if (!Array.isArray(r.pricing)) { errors.push({ line, field: 'pricing', message: 'pricing must be an array of {quantity, price}' }); return; }
		const qs = new Set();
		r.pricing.forEach((p, j) => {
			if (!p || !Number.isInteger(Number(p.quantity)) || Number(p.quantity) < 1 || typeof p.quantity === 'boolean') errors.push({ line, field: `pricing[${j}].quantity`, message: 'quantity must be a whole number ≥ 1' });
			else if (qs.has(Number(p.quantity))) errors.push({ line, field: `pricing[${j}].quantity`, message: `quantity ${p.quantity} appears twice` });
			else qs.add(Number(p.quantity));
			if (!p || p.price === '' || p.price === null || !Number.isFinite(Number(p.price)) || Number(p.price) < 0) errors.push({ line, field: `pricing[${j}].price`, message: 'price must be a number ≥ 0' });
			if (p && p.tax_type != null && !['net', 'gross'].includes(p.tax_type)) errors.push({ line, field: `pricing[${j}].tax_type`, message: 'tax_type must be "net" or "gross"' });
		});
	});
	if (errors.length) throw new SlError(400, errors, { 'Content-Type': 'application/json' });
}

function applyPricing(h, slug, r) {
	const list = (h.pricing[slug] = h.pricing[slug] || {});
	if (!r.pricing.length) { delete list[r.sku]; return; }
	list[r.sku] = {
		sku: r.sku,
		display_tax_rate: r.display_tax_rate == null ? (list[r.sku] ? list[r.sku].display_tax_rate : null) : Number(r.display_tax_rate),
		pricing: r.pricing.map((p) => ({ quantity: Number(p.quantity), price: Number(p.price), ...(p.tax_type ? { tax_type: p.tax_type } : {}) })).sort((a, b) => a.quantity - b.quantity),
	};
	const p = findList(h, slug);
	if (p) p.updated_at = iso();
}

/** Optional 409 "concurrent update" answer on every Nth write (sandbox option sparklayerConflictEvery). */
function maybeConflict(ctx, h) {
	h.writes++;
	const every = ctx.sandbox.opts.sparklayerConflictEvery;
	if (every > 0 && h.writes % every === 0) {
		h.conflicts = (h.conflicts || 0) + 1;
		fail(409, 'Another update to this resource is in progress. Retry the request.');
	}
}

/** A list's prices for SKUs, following its rules (first rule: % then FX) when it has none of its own. */
function resolvePrices(h, slug, sku, depth = 0) {
	const own = h.pricing[slug] && h.pricing[slug][sku];
	if (own) return own.pricing;
	const p = findList(h, slug);
	if (!p || !p.rules.length || depth > 5) return null;
	const r = p.rules[0];
	const src = resolvePrices(h, r.source_price_list_slug, sku, depth + 1);
	if (!src) return null;
	const f = (r.adjustment_direction === 'plus' ? 1 + r.adjustment_percentage : 1 - r.adjustment_percentage) * r.currency_exchange_rate;
	return src.map((x) => ({ quantity: x.quantity, price: Math.round(x.price * f * 100) / 100 }));
}

// ---------- routes ----------
function handle(ctx) {
	const p = ctx.sub;
	const P = lc(p);
	const M = ctx.method;
	if (P === '/api/auth/token') return issueToken(ctx);
	const h = hostData(ctx);
	const b = ctx.body;
	if (ctx.bodyInvalid && !lc(ctx.headers['content-type']).includes('text/csv')) fail(400, 'The request body is not valid JSON.');

	if (P === '/api/v2/price-lists' && M === 'GET') {
		const page = ctx.q.page == null ? 1 : Number(ctx.q.page);
		const size = ctx.q.page_size == null ? 25 : Number(ctx.q.page_size);
		if (!Number.isInteger(page) || page < 1) fail(400, 'page must be a whole number ≥ 1.', [{ code: 'invalid-value', message: 'Invalid', property: 'page' }]);
		if (!Number.isInteger(size) || size < 1 || size > 250) fail(400, 'page_size must be between 1 and 250.', [{ code: 'invalid-value', message: 'Invalid', property: 'page_size' }]);
		const total = h.priceLists.length;
		return { status: 200, body: { data: h.priceLists.slice((page - 1) * size, page * size).map(listOut), pagination: { current_page: page, page_size: size, total_pages: Math.max(1, Math.ceil(total / size)), total_items: total } } };
	}
	if (P === '/api/v1/price-lists' && M === 'GET') return { status: 200, body: h.priceLists.map(listOut) };
	if (P === '/api/v1/price-lists' && M === 'POST') { maybeConflict(ctx, h); return { status: 201, body: listOut(createList(h, b)) }; }
	let m = /^\/api\/v1\/price-lists\/([^/]+)(\/pricing)?$/.exec(p);
	if (m) {
		const list = findList(h, m[1]);
		if (!list) fail(404, `Price list "${m[1]}" was not found.`);
		if (!m[2] && M === 'GET') return { status: 200, body: listOut(list) };
		if (!m[2] && (M === 'PUT' || M === 'PATCH')) { maybeConflict(ctx, h); return { status: 200, body: listOut(updateList(h, list, b)) }; }
		if (m[2] && M === 'PATCH') {
			const rows = pricingRows(ctx, false);
			validatePricing(h, rows, false);
			maybeConflict(ctx, h);
			for (const r of rows) applyPricing(h, list.slug, r);
			return { status: 200, body: { updated: new Set(rows.map((r) => r.sku)).size } };
		}
		if (m[2] && M === 'GET') {
			const want = ctx.q.skus ? new Set(String(ctx.q.skus).split(',').map((x) => x.trim())) : null;
			return { status: 200, body: Object.values(h.pricing[list.slug] || {}).filter((r) => !want || want.has(r.sku)) };
		}
		fail(405, `${M} is not allowed on ${p}.`);
	}
	if (P === '/api/v1/batch-update-pricing' && M === 'PATCH') {
		const rows = pricingRows(ctx, true);
		validatePricing(h, rows, true);
		maybeConflict(ctx, h);
		for (const r of rows) applyPricing(h, r.price_list_slug, r);
		return { status: 200, body: { updated: rows.length } };
	}
	if (P === '/api/v1/customer-groups' && M === 'GET') return { status: 200, body: h.groups.map((g) => ({ ...g })) };
	if (P === '/api/v1/customer-groups' && M === 'POST') {
		if (!b || typeof b !== 'object' || Array.isArray(b)) fail(400, 'The body must be a JSON object.');
		if (!b.slug || !SLUG.test(String(b.slug))) fail(400, 'slug is required: lower-case letters, digits, - and _.', [{ code: 'invalid-value', message: 'Invalid', property: 'slug' }]);
		if (!b.name || String(b.name).length > 64) fail(400, 'name is required, at most 64 characters.', [{ code: 'invalid-value', message: 'Invalid', property: 'name' }]);
		if (h.groups.some((g) => g.slug === b.slug)) fail(400, `A customer group with slug "${b.slug}" already exists.`, [{ code: 'resource-already-exists', message: 'Already exists', property: 'slug' }]);
		const parent = b.parent_slug == null ? 'base' : b.parent_slug;
		if (!h.groups.some((g) => g.slug === parent)) fail(400, `Parent group "${parent}" does not exist.`, [{ code: 'not-found', message: 'Unknown group', property: 'parent_slug' }]);
		maybeConflict(ctx, h);
		h.groups.push({ slug: b.slug, name: String(b.name), parent_slug: parent });
		return { status: 201, body: h.groups.map((g) => ({ ...g })) };
	}
	if (P === '/api/v1/fetch-customer-pricing' && M === 'POST') {
		if (!b || !Array.isArray(b.price_list_slugs) || !b.price_list_slugs.length) fail(400, 'price_list_slugs is required (the customer\'s price lists, first match wins).', [{ code: 'required', message: 'Required', property: 'price_list_slugs' }]);
		if (!Array.isArray(b.skus) || !b.skus.length) fail(400, 'skus is required.', [{ code: 'required', message: 'Required', property: 'skus' }]);
		for (const s of b.price_list_slugs) if (!findList(h, s)) fail(404, `Price list "${s}" was not found.`);
		const out = [];
		for (const sku of b.skus) {
			for (const slug of b.price_list_slugs) {
				const pr = resolvePrices(h, slug, sku);
				if (pr) { out.push({ sku, price_list_slug: slug, currency_code: findList(h, slug).currency_code, pricing: pr }); break; }
			}
		}
		return { status: 200, body: out };
	}
	fail(404, `No route for ${M} ${p}.`);
	return null;
}

// ---------- control ----------
function snapshot(s) {
	const host = (h) => ({
		priceLists: h.priceLists.map(listOut),
		customerGroups: h.groups.map((g) => ({ ...g })),
		// one row per (price list, SKU): the e2e compares these field by field
		prices: Object.entries(h.pricing).flatMap(([slug, rows]) => Object.values(rows).map((r) => ({ price_list_slug: slug, ...r }))),
		conflicts: h.conflicts || 0,
	});
	const live = host(s.live);
	return { ...live, test: host(s.test), tokensIssued: s.tokensIssued };
}
function mutate(s, body) {
	if (lc(body.action) === 'expiretokens') {
		for (const t of s.tokens.values()) t.expiresAt = 0;
		return { expired: s.tokens.size };
	}
	const h = s[lc(body.env) === 'test' ? 'test' : 'live'];
	if (lc(body.entity) === 'pricelist') {
		const p = findList(h, body.slug);
		if (!p) throw Object.assign(new Error('price list not found (give slug)'), { status: 404 });
		Object.assign(p, body.patch || {});
		return listOut(p);
	}
	throw Object.assign(new Error('mutate: action "expireTokens" or entity "priceList" {slug, patch}'), { status: 400 });
}

module.exports = { name: 'sparklayer', route, authenticate, rateKey, throttle, errorBody, handle, snapshot, mutate, seedSparkLayer, resolvePrices };
