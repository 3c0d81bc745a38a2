'use strict';
// Small helpers shared by the JOOR emulation modules: the v2 `response` envelope and v4
// `{data, errors}` error model, parameter and date readers.

class JoorError extends Error {
	constructor(status, body) {
		super(JSON.stringify(body));
		this.httpResponse = { status, body };
	}
}
let logSeq = 0;
/** Throw a v2 error: `{ response: { code, comment } }`. */
function v2err(status, comment) { throw new JoorError(status, { response: { code: status, comment, log_id: `log-${++logSeq}` } }); }
/** Throw a v4 error: `{ data: [], errors: [{ status, message, details }] }`. */
function v4err(status, message, details) { throw new JoorError(status, { data: [], errors: [{ status, message, ...(details ? { details } : {}) }] }); }
/** A v2 200 answer: the `response` node (code, comment, paging) beside the payload keys. */
function ok(paging, payload, status = 200) {
	return { status, body: { response: { code: status, comment: 'OK', start_from: null, next_start: null, count: null, log_id: `log-${++logSeq}`, ...paging }, ...payload } };
}
const iso = (ms = Date.now()) => new Date(ms).toISOString();
const lc = (v) => String(v == null ? '' : v).toLowerCase();

/** An integer query parameter within [lo, hi] (default when absent), else a v2 400. */
function intParam(v, name, def, lo, hi) {
	if (v == null || v === '') return def;
	if (!/^-?\d+$/.test(String(v).trim())) v2err(400, `Invalid value '${v}' for ${name}: an integer is expected.`);
	const n = Number(v);
	if (n < lo || n > hi) v2err(400, `Invalid value '${v}' for ${name}: allowed ${lo}${hi === Infinity ? ' or more' : `–${hi}`}.`);
	return n;
}

/** JOOR's `YYYY-MM-DDThh:mm:ss.sTZD` (zone optional = UTC; a date alone allowed). */
function parseJoorDate(v, name) {
	let s = String(v).trim();
	if (/^\d{4}-\d{2}-\d{2}$/.test(s)) s += 'T00:00:00Z';
	else if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(s)) s += 'Z';
	const t = Date.parse(s);
	if (Number.isNaN(t)) v2err(400, `Invalid date '${v}' for ${name}: use YYYY-MM-DDThh:mm:ss.sTZD.`);
	return t;
}

/** Body list: an array, or the array under one of `keys` (JSON rendering of JOOR's XML shapes). */
function bodyList(body, keys) {
	if (Array.isArray(body)) return body;
	for (const k of keys) {
		let v = body && body[k];
		if (v && !Array.isArray(v) && typeof v === 'object') { const inner = Object.values(v).find(Array.isArray); if (inner) v = inner; }
		if (Array.isArray(v)) return v;
	}
	return null;
}

module.exports = { JoorError, v2err, v4err, ok, iso, lc, intParam, parseJoorDate, bodyList };
