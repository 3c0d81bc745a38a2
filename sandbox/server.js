'use strict';
// Sandbox HTTP server: one port, four jobs — route to the vendor emulations, check each vendor's
// auth, enforce rate limits / inject faults, and keep a request log with secrets masked.
// The systems, their emulation modules, base URLs, rate limits and throttle forms come from
// ./systems (the registry); nothing here names a system.
// Usage from tests: const { startSandbox } = require('./sandbox/server');
//                   const sb = await startSandbox({ port: 0, size: 'demo', timeScale: 60, seed: 1 });

const http = require('node:http');
const { buildState, mulberry32 } = require('./seed');
const { RateLimiter } = require('./ratelimit');
const registry = require('./systems');

/** key → emulation module, in registry order. */
const SYSTEMS = Object.fromEntries(registry.SYSTEMS.map((s) => [s.key, registry.emulation(s)]));
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SYSTEM_PATH = new RegExp(`^\\/(${registry.KEYS.map(escapeRe).join('|')})(\\/.*)?$`, 'i');
/** Seed hooks run on each system's fresh data (registry seed.prepare). */
const PREPARE = Object.fromEntries(registry.SYSTEMS.filter((s) => s.seed.prepare).map((s) => [s.key, s.seed.prepare]));
const FAULT_KINDS = ['throttle429', 'throttle503', 'retryAfterText', 'xRetryAfter', 'error500', 'error502', 'timeout', 'malformed', 'html200', 'errorCode200'];
// Opt-in kinds: only when named in `kinds` (the default set above stays as it was).
// echoHeaders: a 400 whose body echoes the request headers, credentials included, as some vendor
// error pages do; for secret-leak tests.
const OPT_IN_FAULT_KINDS = ['echoHeaders'];
const SECRET_PARAM = /key|pass|secret|token|auth|signature|credential/i;
const MAX_LOG = 50000;
const MAX_BODY = 60 * 1024 * 1024;

function send(res, r) {
	if (res.writableEnded || res.destroyed) return;
	const headers = { ...(r.headers || {}) };
	let payload = '';
	if (r.body === undefined || r.body === null) payload = '';
	else if (typeof r.body === 'string' || Buffer.isBuffer(r.body)) {
		payload = r.body;
		if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'text/plain; charset=utf-8';
	} else {
		payload = JSON.stringify(r.body);
		if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json; charset=utf-8';
	}
	headers['Content-Length'] = Buffer.byteLength(payload);
	res.writeHead(r.status || 200, headers);
	res.end(payload);
}
function hasHeader(h, name) { return Object.keys(h).some((k) => k.toLowerCase() === name); }

function maskQuery(searchParams) {
	const out = {};
	for (const [k, v] of searchParams) out[k] = SECRET_PARAM.test(k) ? '***' : v;
	return out;
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (c) => {
			size += c.length;
			if (size > MAX_BODY) { reject(Object.assign(new Error('too large'), { status: 413 })); req.destroy(); return; }
			chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

class Sandbox {
	constructor(opts = {}) {
		this.opts = {
			size: opts.size || 'demo', seed: opts.seed == null ? 1 : Number(opts.seed), timeScale: Number(opts.timeScale) || 1,
			anchor: opts.anchor, rateLimits: opts.rateLimits !== false,
		};
		// per-system options (e.g. coreThrottle, ddImportPolls), normalised by their registry entry
		for (const s of registry.SYSTEMS) {
			for (const [name, o] of Object.entries(s.options || {})) this.opts[name] = o.normalize(opts[name]);
		}
		this.url = '';
		this.state = this.seed();
		this.limiter = new RateLimiter({ timeScale: this.opts.timeScale, enabled: this.opts.rateLimits, limits: registry.rateLimits() });
		this.throttleTurns = {};
		this.log = [];
		this.seq = 0;
		this.faults = null;
		this.pending = new Set();
		this.resetStats();
	}
	seed() {
		return buildState({ size: this.opts.size, seed: this.opts.seed, anchor: this.opts.anchor, prepare: PREPARE });
	}
	reset() {
		const fresh = this.seed();
		// keep the same state object (tests hold a reference to it)
		for (const k of Object.keys(this.state)) delete this.state[k];
		Object.defineProperties(this.state, Object.getOwnPropertyDescriptors(fresh));
		this.limiter.reset();
		this.log = [];
		this.faults = null;
		this.resetStats();
	}
	resetStats() {
		this.stats = {};
		for (const s of Object.keys(SYSTEMS)) {
			this.stats[s] = { calls: 0, accepted: 0, throttled: 0, faults: {}, byStatus: {}, peakPerMinute: 0, peakAcceptedPerMinute: 0, _win: -1, _n: 0, _acc: 0 };
		}
	}
	minuteWindow(now) { return Math.floor(now / (60000 / this.opts.timeScale)); }
	count(system, status, kind) {
		const s = this.stats[system];
		const now = Date.now();
		const w = this.minuteWindow(now);
		if (w !== s._win) { s._win = w; s._n = 0; s._acc = 0; }
		s.calls++; s._n++;
		s.byStatus[status] = (s.byStatus[status] || 0) + 1;
		if (kind === 'throttled') s.throttled++;
		else if (kind && kind.startsWith('fault:')) s.faults[kind.slice(6)] = (s.faults[kind.slice(6)] || 0) + 1;
		else if (kind !== 'auth') { s.accepted++; s._acc++; }
		s.peakPerMinute = Math.max(s.peakPerMinute, s._n);
		s.peakAcceptedPerMinute = Math.max(s.peakAcceptedPerMinute, s._acc);
	}
	publicStats() {
		const out = {};
		for (const [k, v] of Object.entries(this.stats)) {
			const { _win, _n, _acc, ...rest } = v; // eslint-disable-line no-unused-vars
			out[k] = rest;
		}
		return { timeScale: this.opts.timeScale, minuteMs: 60000 / this.opts.timeScale, systems: out };
	}

	async handle(req, res) {
		const started = Date.now();
		const u = new URL(req.url, 'http://sandbox');
		const path = decodeURIComponent(u.pathname);
		if (path.startsWith('/_sandbox')) return this.control(req, res, u, path);
		const m = SYSTEM_PATH.exec(path);
		if (!m) return send(res, { status: 404, body: { message: `Unknown sandbox system. Use ${registry.keyList('/')}.` } });
		const system = m[1].toLowerCase();
		const mod = SYSTEMS[system];
		const entry = { seq: ++this.seq, time: new Date(started).toISOString(), system, method: req.method, path, query: maskQuery(u.searchParams), status: 0, ms: 0 };
		this.pushLog(entry);
		let raw = '';
		try { raw = await readBody(req); } catch (e) {
			entry.status = e.status || 400;
			return send(res, { status: entry.status, body: { message: 'Request body too large' } });
		}
		let body;
		let bodyInvalid = false;
		if (raw.length) { try { body = JSON.parse(raw); } catch { bodyInvalid = true; } }
		const q = {};
		for (const [k, v] of u.searchParams) if (!(k.toLowerCase() in q)) q[k.toLowerCase()] = v;
		const ctx = {
			method: req.method.toUpperCase(), fullPath: path, rest: m[2] || '/', query: u.searchParams, q, headers: req.headers,
			system, body, bodyInvalid, rawBody: raw, sandbox: this, get state() { return this.sandbox.state[system]; }, baseUrl: this.url, now: Date.now(),
		};
		if (Array.isArray(body)) entry.records = body.length;
		const finish = (r, kind) => {
			entry.status = r.status || 200;
			entry.ms = Date.now() - started;
			if (kind && kind !== 'auth') entry.note = kind;
			this.count(system, entry.status, kind);
			send(res, r);
		};
		try {
			const route = mod.route(ctx); // resolves sub-prefix (base URL), may answer directly (e.g. region 403)
			if (route && route.response) return finish(route.response, 'auth');
			const authFail = mod.authenticate(ctx);
			if (authFail) return finish(authFail, 'auth');
			const key = mod.rateKey(ctx);
			const taken = this.limiter.take(key, Date.now());
			ctx.rate = taken;
			if (!taken.ok) return finish(mod.throttle(ctx, taken, this.throttleForm(system)), 'throttled');
			const fault = this.pickFault(system, ctx);
			if (fault) return this.injectFault(fault, mod, ctx, res, finish);
			const r = await mod.handle(ctx);
			if (mod.decorate) mod.decorate(ctx, r);
			return finish(r);
		} catch (e) {
			if (e && e.httpResponse) { const r = { ...e.httpResponse }; if (mod.decorate) mod.decorate(ctx, r); return finish(r); }
			console.error('[sandbox] handler error', e); // eslint-disable-line no-console
			return finish({ status: 500, body: mod.errorBody ? mod.errorBody(500, 'Internal sandbox error: ' + (e && e.message)) : { message: String(e) } });
		}
	}
	/**
	 * The throttle form for a system's rate-limited call (registry `throttle`): its only form, the
	 * form its option names, or else the next one in rotation (Core's default 'alternate': 503, 429
	 * "N Seconds", 429 numeric, …).
	 */
	throttleForm(system) {
		const { forms, option } = registry.BY_KEY[system].throttle;
		if (forms.length === 1) return forms[0];
		const chosen = option ? this.opts[option] : undefined;
		if (forms.includes(chosen)) return chosen;
		const turn = (this.throttleTurns[system] || 0) + 1;
		this.throttleTurns[system] = turn;
		return forms[turn % forms.length];
	}
	pushLog(entry) {
		this.log.push(entry);
		if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
	}

	setFaults(cfg) {
		const kinds = (cfg.kinds && cfg.kinds.length ? cfg.kinds : FAULT_KINDS).filter((k) => FAULT_KINDS.includes(k) || OPT_IN_FAULT_KINDS.includes(k));
		const rate = Math.max(0, Math.min(1, Number(cfg.rate == null ? 1 : cfg.rate)));
		this.faults = {
			rate, kinds, systems: cfg.systems && cfg.systems.length ? cfg.systems.map((s) => String(s).toLowerCase()) : null,
			methods: cfg.methods ? cfg.methods.map((s) => String(s).toUpperCase()) : null, pathContains: cfg.pathContains ? String(cfg.pathContains).toLowerCase() : null,
			seed: cfg.seed == null ? 1 : Number(cfg.seed), max: cfg.max == null ? Infinity : Number(cfg.max), timeoutMs: cfg.timeoutMs == null ? 15000 : Number(cfg.timeoutMs),
			injected: 0, rng: mulberry32(cfg.seed == null ? 1 : Number(cfg.seed)), kindIndex: 0,
		};
		return this.faultInfo();
	}
	faultInfo() {
		if (!this.faults) return { enabled: false };
		const { rng, kindIndex, ...rest } = this.faults; // eslint-disable-line no-unused-vars
		return { enabled: true, ...rest, max: rest.max === Infinity ? null : rest.max };
	}
	pickFault(system, ctx) {
		const f = this.faults;
		if (!f || f.injected >= f.max) return null;
		if (f.systems && !f.systems.includes(system)) return null;
		if (f.methods && !f.methods.includes(ctx.method)) return null;
		if (f.pathContains && !ctx.fullPath.toLowerCase().includes(f.pathContains)) return null;
		if (!(f.rng() < f.rate)) return null;
		f.injected++;
		return f.kinds[Math.floor(f.rng() * f.kinds.length) % f.kinds.length];
	}
	injectFault(kind, mod, ctx, res, finish) {
		const k = 'fault:' + kind;
		switch (kind) {
			case 'throttle429': return finish(mod.throttle(ctx, { retryAfterMs: 1000, limit: 0, remaining: 0, resetMs: 1000 }, '429'), k);
			case 'throttle503': return finish(mod.throttle(ctx, { retryAfterMs: 1000, limit: 0, remaining: 0, resetMs: 1000 }, '503'), k);
			case 'retryAfterText': return finish(mod.throttle(ctx, { retryAfterMs: 1000, limit: 0, remaining: 0, resetMs: 1000 }, '429text'), k);
			case 'xRetryAfter': return finish({ status: 429, headers: { 'X-Retry-After': '1' }, body: mod.errorBody(429, 'Too many requests, retry later') }, k);
			case 'error500': return finish({ status: 500, body: mod.errorBody(500, 'An unexpected error occurred (injected fault)') }, k);
			case 'error502': return finish({ status: 502, headers: { 'Content-Type': 'text/html' }, body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>' }, k);
			case 'malformed': return finish({ status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: '{"Total":1,"Page":1,"Data":[{"ID":"' }, k);
			case 'html200': return finish({ status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: '<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>Page not found</h1><p>The page you requested does not exist.</p></body></html>' }, k);
			case 'errorCode200': return finish({ status: 200, body: [{ ErrorCode: 500, Exception: 'Unexpected error (injected fault)' }] }, k);
			case 'echoHeaders': return finish({ status: 400, body: mod.errorBody(400, `Bad request (injected fault). Request headers: ${JSON.stringify(ctx.headers)} Request: ${ctx.method} ${ctx.fullPath}`) }, k);
			case 'timeout': {
				const t = setTimeout(() => {
					this.pending.delete(t);
					this.count(ctx.system, 0, k);
					res.destroy();
				}, this.faults ? this.faults.timeoutMs : 15000);
				this.pending.add(t);
				const entry = this.log[this.log.length - 1];
				if (entry) { entry.status = 0; entry.note = k; }
				return undefined;
			}
			default: return finish({ status: 500, body: mod.errorBody(500, 'fault') }, k);
		}
	}

	async control(req, res, u, path) {
		const sub = path.replace(/^\/_sandbox\/?/, '').toLowerCase();
		let body = {};
		try { const raw = await readBody(req); body = raw ? JSON.parse(raw) : {}; } catch { return send(res, { status: 400, body: { error: 'invalid JSON body' } }); }
		const system = (u.searchParams.get('system') || body.system || '').toLowerCase();
		const M = req.method.toUpperCase();
		try {
			if (sub === 'health' && M === 'GET') return send(res, { status: 200, body: { ok: true, url: this.url, systems: Object.keys(SYSTEMS), ...this.state.meta, timeScale: this.opts.timeScale, baseUrls: this.baseUrls() } });
			if (sub === 'state' && M === 'GET') {
				if (system && !SYSTEMS[system]) return send(res, { status: 400, body: { error: 'unknown system' } });
				if (system) return send(res, { status: 200, body: SYSTEMS[system].snapshot(this.state[system]) });
				const all = { meta: this.state.meta };
				for (const [key, mod] of Object.entries(SYSTEMS)) all[key] = mod.snapshot(this.state[key]);
				return send(res, { status: 200, body: all });
			}
			if (sub === 'requests' && M === 'GET') {
				let rows = this.log;
				if (system) rows = rows.filter((r) => r.system === system);
				const since = Number(u.searchParams.get('since') || 0);
				if (since) rows = rows.filter((r) => r.seq > since);
				const limit = Number(u.searchParams.get('limit') || 0);
				if (limit) rows = rows.slice(-limit);
				return send(res, { status: 200, body: rows });
			}
			if (sub === 'requests' && M === 'DELETE') { this.log = []; return send(res, { status: 204 }); }
			if (sub === 'reset' && M === 'POST') { this.reset(); return send(res, { status: 200, body: { ok: true, ...this.state.meta } }); }
			if (sub === 'faults' && M === 'POST') return send(res, { status: 200, body: this.setFaults(body) });
			if (sub === 'faults' && M === 'GET') return send(res, { status: 200, body: this.faultInfo() });
			if (sub === 'faults' && M === 'DELETE') { this.faults = null; return send(res, { status: 204 }); }
			if (sub === 'stats' && M === 'GET') return send(res, { status: 200, body: this.publicStats() });
			if (sub === 'stats' && M === 'DELETE') { this.resetStats(); return send(res, { status: 204 }); }
			if (sub === 'ratelimits' && M === 'POST') { this.limiter.enabled = body.enabled !== false; this.limiter.reset(); return send(res, { status: 200, body: { enabled: this.limiter.enabled } }); }
			if (sub === 'mutate' && M === 'POST') {
				if (!SYSTEMS[system]) return send(res, { status: 400, body: { error: `system must be ${registry.keyList()}` } });
				const out = SYSTEMS[system].mutate(this.state[system], body, this);
				return send(res, { status: 200, body: out });
			}
			return send(res, { status: 404, body: { error: 'unknown control endpoint', endpoints: ['GET health', 'GET state', 'GET|DELETE requests', 'POST reset', 'GET|POST|DELETE faults', 'GET|DELETE stats', 'POST mutate', 'POST ratelimits'] } });
		} catch (e) {
			return send(res, { status: e.status || 400, body: { error: e.message } });
		}
	}
	baseUrls() {
		return registry.baseUrls(this.url);
	}
}

/**
 * Start the sandbox. Returns {url, port, close(), state, sandbox}.
 * @param {{port?: number, host?: string, size?: 'demo'|'bench'|number, timeScale?: number, seed?: number,
 *   anchor?: string, rateLimits?: boolean, [systemOption: string]: unknown}} opts
 *   plus each registry entry's `options` (coreThrottle: 'alternate'|'429'|'503'|'429text', ddImportPolls)
 */
function startSandbox(opts = {}) {
	const sb = new Sandbox(opts);
	const server = http.createServer((req, res) => {
		sb.handle(req, res).catch((e) => send(res, { status: 500, body: { message: String(e && e.message) } }));
	});
	server.keepAliveTimeout = 5000;
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port == null ? 4010 : Number(opts.port), opts.host || '127.0.0.1', () => {
			const { port } = server.address();
			sb.url = `http://${opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1'}:${port}`;
			resolve({
				url: sb.url, port, state: sb.state, sandbox: sb, baseUrls: sb.baseUrls(),
				close: () => new Promise((res) => {
					for (const t of sb.pending) clearTimeout(t);
					sb.pending.clear();
					server.close(() => res());
					if (server.closeAllConnections) server.closeAllConnections();
				}),
			});
		});
	});
}

module.exports = { startSandbox, Sandbox, FAULT_KINDS, OPT_IN_FAULT_KINDS };
