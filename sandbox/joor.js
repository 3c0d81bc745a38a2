'use strict';
// JOOR emulation (targets-api.md §5, sharpened by §9): the v2 API (orders, styles, images,
// inventory, connections) and the v4 collections under one host, the atlas token endpoint
// (password and refresh grants), both auth schemes (`OAuth2 <base64 token>` and a v4 bearer token,
// which v2 also accepts), credit accounting per account (GET 1, writes 5, 300 credits per fixed
// 300-second window, 429 when a call's cost does not fit, X-Throttling-* headers on every answer)
// and the v2 `response` envelope. Orders and their export queue live here; the catalog (styles,
// linesheets, images, inventory) in joor-catalog.js, connections and bulk jobs in
// joor-connections.js, the seeded data in joor-seed.js.

const catalog = require('./joor-catalog');
const connections = require('./joor-connections');
const { JoorError, v2err, v4err, ok, iso, lc, intParam, parseJoorDate } = require('./joor-util');

// The sandbox login is the registry's (sandbox/systems.js), read per request rather than at load
// time so that this module and the registry (which loads emulations lazily) load in either order.
const login = () => require('./systems').BY_KEY.joor.login;

const CREDIT_LIMIT = 300;
const CREDIT_WINDOW_MS = 300 * 1000;
const TOKEN_SECONDS = 36000;
const REFRESH_SECONDS = 7776000;

// ---------- routing and auth ----------
function route(ctx) {
	const m = /^\/api\/(v2|v4|auth)(\/.*)?$/i.exec(ctx.rest.replace(/\/+$/, '') || '/');
	if (!m) {
		return { response: { status: 404, body: { response: { code: 404, comment: 'Unknown path. JOOR lives at /joor/api/v2/…, /joor/api/v4/… and the token endpoint at /joor/api/auth/.' } } } };
	}
	ctx.api = m[1].toLowerCase();
	ctx.sub = (m[2] || '/').replace(/\/+$/, '') || '/';
	ctx.seg = ctx.sub.split('/').filter(Boolean);
	return null;
}

function authenticate(ctx) {
	if (ctx.api === 'auth') return null; // the token endpoint judges the posted login itself
	const h = String(ctx.headers.authorization || '');
	const { apiToken, account } = login();
	let okAuth = false;
	const v2 = /^OAuth2\s+(\S+)$/i.exec(h);
	const bearer = /^Bearer\s+(\S+)$/i.exec(h);
	if (v2) okAuth = Buffer.from(v2[1], 'base64').toString('utf8') === apiToken;
	else if (bearer) {
		const t = (ctx.state.tokens || new Map()).get(bearer[1]);
		okAuth = !!t && t.expiresAt > Date.now();
	}
	if (!okAuth) {
		const comment = bearer ? 'Authentication failed: the access token is invalid or has expired.' : 'Authentication failed: send Authorization: OAuth2 <base64 API token> or Bearer <access token>.';
		return ctx.api === 'v4' ? { status: 401, body: { data: [], errors: [{ status: 401, message: comment }] } } : { status: 401, body: { response: { code: 401, comment } } };
	}
	if (ctx.api === 'v4' && ctx.q.account !== account) {
		return { status: 403, body: { data: [], errors: [{ status: 403, message: ctx.q.account ? `Account '${ctx.q.account}' is not accessible with this token.` : 'The account query parameter is required.' }] } };
	}
	return null;
}

/**
 * Credits: the server's limiter counts calls, JOOR counts credits, so the account's fixed window is
 * kept here. A call whose cost fits is charged and runs unlimited ('joor'); one that does not is
 * sent to the 'joor:spent' limiter key, whose single-slot window is filled so the server answers
 * with throttle() (and counts it as throttled). With rate limits off, nothing is refused.
 */
function rateKey(ctx) {
	if (ctx.api === 'auth') return 'joor:auth';
	const s = ctx.state;
	const windowMs = CREDIT_WINDOW_MS / ctx.sandbox.opts.timeScale;
	const now = Date.now();
	// a fixed window opens with the account's first call after the previous one closed
	const c = s.credits || (s.credits = { windowStart: now, used: 0, spent: 0, refused: 0 });
	if (now >= c.windowStart + windowMs) { c.windowStart = now; c.used = 0; }
	const cost = ctx.method === 'GET' ? 1 : 5;
	const resetMs = c.windowStart + windowMs - now;
	ctx.credit = { cost, resetMs };
	if (c.used + cost > CREDIT_LIMIT && ctx.sandbox.limiter.enabled) {
		c.refused++;
		const b = ctx.sandbox.limiter.bucket('joor:spent')[0];
		if (b) { b.w.times = [now]; b.w.head = 0; }
		ctx.credit.remaining = CREDIT_LIMIT - c.used;
		return 'joor:spent';
	}
	c.used += cost;
	c.spent += cost;
	ctx.credit.remaining = CREDIT_LIMIT - c.used;
	return 'joor';
}

function throttleHeaders(ctx) {
	const cr = ctx.credit || { cost: 1, remaining: 0, resetMs: 1000 };
	return {
		'X-Throttling-Account-Id': login().account,
		'X-Throttling-Limit': String(CREDIT_LIMIT),
		'X-Throttling-Remaining': String(Math.max(0, cr.remaining)),
		'X-Throttling-Reset': String(Math.max(1, Math.ceil(cr.resetMs / 1000))),
		'X-Throttling-Cost': String(cr.cost),
	};
}

function throttle(ctx, info, mode) {
	const waitMs = ctx.credit && ctx.credit.remaining != null && !(info && info.limit === 0) ? ctx.credit.resetMs : (info && info.retryAfterMs) || 1000;
	const secs = Math.max(1, Math.ceil(waitMs / 1000));
	if (mode === '503') return { status: 503, headers: { 'Content-Type': 'text/html' }, body: '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>' };
	const headers = { ...throttleHeaders(ctx), 'X-Throttling-Remaining': '0', 'Retry-After': mode === '429text' ? `${secs} Seconds` : String(secs) };
	const comment = `Rate limit exceeded: ${CREDIT_LIMIT} credits per ${CREDIT_WINDOW_MS / 1000} seconds (GET 1, POST/PUT/DELETE 5). Retry after the window resets.`;
	return { status: 429, headers, body: ctx.api === 'v4' ? { data: [], errors: [{ status: 429, message: comment }] } : { response: { code: 429, comment } } };
}

function decorate(ctx, r) {
	if (ctx.api === 'auth' || !ctx.credit) return;
	r.headers = { ...throttleHeaders(ctx), ...(r.headers || {}) };
}

function errorBody(code, msg) { return { response: { code, comment: msg } }; }

// ---------- token endpoint ----------
/** Multipart form or url-encoded body → fields (the documented call is multipart). */
function formFields(ctx) {
	const type = String(ctx.headers['content-type'] || '');
	const raw = ctx.rawBody || '';
	const out = {};
	const mb = /multipart\/form-data;.*boundary=("?)([^";]+)\1/i.exec(type);
	if (mb) {
		for (const part of raw.split('--' + mb[2])) {
			const name = /name="([^"]+)"/i.exec(part);
			const i = part.indexOf('\r\n\r\n');
			if (name && i >= 0) out[name[1]] = part.slice(i + 4).replace(/\r\n$/, '');
		}
		return out;
	}
	if (/application\/x-www-form-urlencoded/i.test(type)) {
		for (const [k, v] of new URLSearchParams(raw)) out[k] = v;
		return out;
	}
	return null;
}

function issueToken(s, username) {
	s.tokens = s.tokens || new Map();
	s.refresh = s.refresh || new Map();
	s.tokenSeq = (s.tokenSeq || 0) + 1;
	const scale = s._timeScale || 1;
	const access = `joor-at-${String(s.tokenSeq).padStart(6, '0')}-${Buffer.from(username + s.tokenSeq).toString('hex').slice(0, 16)}`;
	const refresh = `joor-rt-${String(s.tokenSeq).padStart(6, '0')}-${Buffer.from(s.tokenSeq + username).toString('hex').slice(0, 16)}`;
	s.tokens.set(access, { username, expiresAt: Date.now() + (TOKEN_SECONDS * 1000) / scale });
	s.refresh.set(refresh, { username, expiresAt: Date.now() + (REFRESH_SECONDS * 1000) / scale });
	s.tokensIssued = (s.tokensIssued || 0) + 1;
	return { access_token: access, expires_in: TOKEN_SECONDS, refresh_token: refresh, refresh_expires_in: REFRESH_SECONDS, token_type: 'Bearer', 'not-before-policy': 0, scope: 'profile email' };
}

function token(ctx) {
	if (ctx.method !== 'POST') return { status: 405, body: { error: 'invalid_request', error_description: 'HTTP method not allowed; POST the token request.' } };
	const f = formFields(ctx);
	if (!f) return { status: 400, body: { error: 'invalid_request', error_description: 'Send the token request as multipart/form-data (or application/x-www-form-urlencoded).' } };
	const L = login();
	ctx.state._timeScale = ctx.sandbox.opts.timeScale;
	if (f.client_id !== L.clientId || f.client_secret !== L.clientSecret) return { status: 401, body: { error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' } };
	if (f.grant_type === 'password') {
		if (f.username !== L.username || f.password !== L.password) return { status: 401, body: { error: 'invalid_grant', error_description: 'Invalid user credentials' } };
		return { status: 200, body: issueToken(ctx.state, f.username) };
	}
	if (f.grant_type === 'refresh_token') {
		const r = ctx.state.refresh && ctx.state.refresh.get(f.refresh_token || '');
		if (!r || r.expiresAt <= Date.now()) return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid refresh token' } };
		return { status: 200, body: issueToken(ctx.state, r.username) };
	}
	return { status: 400, body: { error: 'unsupported_grant_type', error_description: `Unsupported grant_type '${f.grant_type || ''}'.` } };
}

// ---------- orders ----------
const ORDER_TYPES = {
	1: ['Notes'], 2: ['Approved', 'Shipped'], 3: ['Pending'], 4: ['Notes', 'Pending', 'Approved', 'Shipped'],
	5: ['Cancelled'], 6: ['Approved'], 7: ['Shipped'], 8: ['Notes', 'Pending', 'Approved', 'Shipped', 'Cancelled'],
};
// export_status filter → the internal states it selects (none | exported | modified | failed)
const EXPORT_FILTER = {
	1: ['none', 'exported', 'modified', 'failed'], 2: ['none', 'failed'], 3: ['exported'], 4: ['modified'],
	5: ['none', 'failed', 'modified'], 6: ['none'], 7: ['none', 'modified'],
};
const EXPORT_LABEL = { none: 'Not Exported', exported: 'Exported', modified: 'Modified Since Last Export', failed: 'Failed' };
const MAX_COUNT = 100;

function publicOrder(o) {
	const { _export, _lineSeq, ...rest } = o;
	return {
		...JSON.parse(JSON.stringify(rest)),
		export_status: EXPORT_LABEL[_export],
		export_status_code: { none: 2, exported: 3, modified: 4, failed: 2 }[_export],
	};
}

/** `check` ≥ 1: an order missing required fields or holding a deleted style is flagged Failed. */
function checkOrder(s, o, level) {
	if (level < 1) return null;
	const missing = [];
	if (!o.customer_code) missing.push('customer_code');
	if (!o.shipping_address || !o.shipping_address.line_1) missing.push('shipping_address.line_1');
	if (level >= 2) for (const l of o.line_items) if (!catalog.styleForLine(s, l)) missing.push(`style ${l.style_number} (deleted)`);
	return missing.length ? `Missing or invalid: ${missing.join(', ')}` : null;
}

/**
 * GET /v2/order: `sync` defaults to 1 — only orders not requested before are returned, and the
 * request marks every returned order exported. sync=0 reads without touching the queue.
 */
function listOrders(ctx) {
	const s = ctx.state;
	const q = ctx.q;
	const type = intParam(q.order_type, 'order_type', 2, 1, 8);
	const exp = intParam(q.export_status, 'export_status', 1, 1, 7);
	const sync = intParam(q.sync, 'sync', 1, 0, 1);
	const check = intParam(q.check, 'check', 0, 0, 3);
	const startFrom = intParam(q.start_from, 'start_from', 0, 0, Infinity);
	const count = Math.min(MAX_COUNT, intParam(q.count, 'count', 50, 1, Infinity));
	if ((q.date_start == null) !== (q.date_end == null)) v2err(400, 'date_start and date_end must be given together (both or neither).');
	const from = q.date_start != null ? parseJoorDate(q.date_start, 'date_start') : null;
	const to = q.date_end != null ? parseJoorDate(q.date_end, 'date_end') : null;
	let rows = s.orders.filter((o) => ORDER_TYPES[type].includes(o.status));
	// sync=1 serves only orders never requested before (not exported, or changed since)
	const states = sync === 1 ? EXPORT_FILTER[exp].filter((x) => x !== 'exported') : EXPORT_FILTER[exp];
	rows = rows.filter((o) => states.includes(o._export));
	if (from != null) rows = rows.filter((o) => { const t = Date.parse(o.date_modified); return t >= from && t <= to; });
	if (q.customer_code) rows = rows.filter((o) => lc(o.customer_code) === lc(q.customer_code));
	if (q.customer_group_name) rows = rows.filter((o) => lc(o.customer_group_name) === lc(q.customer_group_name));
	if (q.order_id) { const ids = String(q.order_id).split(',').map((x) => x.trim()); rows = rows.filter((o) => ids.includes(String(o.id))); }
	if (check) {
		for (const o of rows) {
			const why = checkOrder(s, o, check);
			if (why) { o._export = 'failed'; o.export_description = why; }
		}
		rows = rows.filter((o) => o._export !== 'failed' || states.includes('failed'));
	}
	const pageRows = rows.slice(startFrom, startFrom + count);
	const out = pageRows.map(publicOrder);
	if (sync === 1) {
		const when = iso();
		for (const o of pageRows) { o._export = 'exported'; o.exported_on = when; o.export_description = 'Exported by API request (sync=1)'; }
		s.exportCommits = (s.exportCommits || 0) + pageRows.length;
	}
	const next = startFrom + pageRows.length < rows.length ? startFrom + pageRows.length : null;
	return ok({ start_from: startFrom, next_start: next, count: out.length, total: rows.length }, { orders: out });
}

function getOrder(ctx, id) {
	const o = ctx.state.orders.find((x) => String(x.id) === String(id));
	if (!o) v2err(404, `Order ${id} not found.`);
	return ok({ count: 1 }, { orders: [publicOrder(o)] });
}

// ---------- v4 ----------
function v4(ctx) {
	const seg = ctx.seg;
	const M = ctx.method;
	if (seg[0] === 'collections') return catalog.v4Collections(ctx, seg.slice(1));
	if (seg[0] === 'orders' && !seg[1] && M === 'GET') {
		const ids = String(ctx.q.order_ids || '').split(',').map((x) => x.trim()).filter(Boolean);
		const rows = ids.length ? ctx.state.orders.filter((o) => ids.includes(String(o.id))) : ctx.state.orders;
		return { status: 200, body: { data: rows.slice(0, 100).map(publicOrder), errors: [] } };
	}
	return v4err(404, `No v4 resource matches ${M} /v4${ctx.sub}.`);
}

// ---------- router ----------
function handle(ctx) {
	if (ctx.api === 'auth') return token(ctx);
	if ((ctx.method === 'POST' || ctx.method === 'PUT') && ctx.bodyInvalid && !/^image\//i.test(String(ctx.headers['content-type'] || ''))) {
		if (ctx.api === 'v4') v4err(400, 'The request body is not valid JSON.');
		v2err(400, 'The request body is not valid JSON.');
	}
	if (ctx.api === 'v4') return v4(ctx);
	const seg = ctx.seg;
	const M = ctx.method;
	const top = lc(seg[0]);
	if ((top === 'order' || top === 'orders') && M === 'GET') return seg[1] ? getOrder(ctx, seg[1]) : listOrders(ctx);
	const r = catalog.handle(ctx) || connections.handle(ctx);
	if (r) return r;
	return v2err(404, `No resource matches ${M} /v2${ctx.sub}.`);
}

// ---------- control ----------
function snapshot(s) {
	return {
		orders: s.orders.map(publicOrder),
		...catalog.snapshot(s),
		...connections.snapshot(s),
		credits: { ...(s.credits || { used: 0, spent: 0, refused: 0 }) },
		tokensIssued: s.tokensIssued || 0,
	};
}

/**
 * Changes made as if in JOOR's UI. entity order: action approve | modify (patch: comments, line
 * quantities by index) | reexport ("set to re-export") | create (order); entity style / linesheet /
 * connection: see joor-catalog.js and joor-connections.js.
 */
function mutate(s, body) {
	const entity = lc(body.entity);
	if (entity === 'order') return mutateOrder(s, body);
	if (entity === 'style' || entity === 'linesheet' || entity === 'inventory') return catalog.mutate(s, body);
	if (entity === 'connection') return connections.mutate(s, body);
	throw Object.assign(new Error('entity must be order, style, linesheet, inventory or connection'), { status: 400 });
}

function mutateOrder(s, body) {
	const action = lc(body.action);
	const when = body.date ? new Date(body.date).toISOString() : iso();
	if (action === 'create') {
		const o = require('./joor-seed').makeOrder(s, body.order || {}, when);
		s.orders.push(o);
		return publicOrder(o);
	}
	const o = s.orders.find((x) => String(x.id) === String(body.id));
	if (!o) throw Object.assign(new Error(`order ${body.id} not found`), { status: 404 });
	if (action === 'approve') { o.status = 'Approved'; o.date_approved = when; }
	else if (action === 'modify') {
		const p = body.patch || {};
		if (p.comments != null) o.comments = p.comments;
		const line = (i) => {
			const l = o.line_items[Number(i)];
			if (!l) throw Object.assign(new Error(`order ${o.id} has no line ${i}`), { status: 400 });
			return l;
		};
		for (const [i, qty] of Object.entries(p.quantities || {})) line(i).quantity = Number(qty);
		for (const [i, price] of Object.entries(p.prices || {})) line(i).price = Number(price);
		for (const l of o.line_items) l.total = Math.round(l.quantity * l.price * 100) / 100;
		o.total = Math.round(o.line_items.reduce((a, l) => a + l.total, 0) * 100) / 100;
		o.total_units = o.line_items.reduce((a, l) => a + l.quantity, 0);
	} else if (action === 'status') o.status = body.status;
	else if (action !== 'reexport') throw Object.assign(new Error('order action must be approve, modify, reexport, status or create'), { status: 400 });
	o.date_modified = when;
	if (o._export === 'exported') o._export = 'modified';
	return publicOrder(o);
}

module.exports = { name: 'joor', route, authenticate, rateKey, throttle, decorate, errorBody, handle, snapshot, mutate, JoorError, CREDIT_LIMIT, CREDIT_WINDOW_MS };
