'use strict';
// Small helpers shared by the Cin7 Core emulation: error model, paging envelope, date parsing.

class CoreError extends Error {
	constructor(status, message, code) {
		super(message);
		this.httpResponse = { status, body: [{ ErrorCode: code || status, Exception: message }] };
	}
}
/** Throw a Core error: HTTP `status`, body [{ErrorCode, Exception}]. */
function err(status, message, code) { throw new CoreError(status, message, code); }

/** Parse a Core date (no zone = UTC, date-only allowed). Throws 400 for garbage when `param` is given. */
function parseDate(v, param) {
	if (v == null || v === '') return NaN;
	let s = String(v).trim();
	if (/^\d{4}-\d{2}-\d{2}$/.test(s)) s += 'T00:00:00Z';
	else if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(s)) s += 'Z';
	const t = Date.parse(s);
	if (param && Number.isNaN(t)) err(400, `Invalid value '${v}' for ${param}. Expected yyyy-MM-ddTHH:mm:ss.`);
	return t;
}

const ci = (a, b) => a != null && b != null && String(a).toLowerCase() === String(b).toLowerCase();
const bool = (v) => v != null && String(v).toLowerCase() === 'true';

function intParam(v, name, def) {
	if (v == null || v === '') return def;
	if (!/^-?\d+$/.test(String(v).trim())) err(400, `Invalid value '${v}' for ${name}.`);
	return Number(v);
}

/** Core list envelope with Page (1-based, default 1) and Limit (default 100, 1..1000). */
function page(ctx, rows, key, map) {
	const p = intParam(ctx.q.page, 'Page', 1);
	const limit = intParam(ctx.q.limit, 'Limit', 100);
	if (limit < 1 || limit > 1000) err(400, 'Limit should be between 1 and 1000.');
	if (p < 1) err(400, 'Page should be greater than 0.');
	const slice = rows.slice((p - 1) * limit, p * limit);
	return { status: 200, body: { Total: rows.length, Page: p, [key]: map ? slice.map(map) : slice } };
}

function publicAvail(r) {
	return {
		ID: r.ID, SKU: r.SKU, Name: r.Name, Barcode: r.Barcode, Location: r.Location, Bin: r.Bin, Batch: r.Batch, ExpiryDate: r.ExpiryDate,
		OnHand: r.OnHand, Allocated: r.Allocated, Available: r.Available, OnOrder: r.OnOrder, StockOnHand: r.StockOnHand, InTransit: r.InTransit,
		NextDeliveryDate: r.NextDeliveryDate,
	};
}

module.exports = { CoreError, err, parseDate, ci, bool, intParam, page, publicAvail };
