'use strict';
// JOOR customers ("connections", targets-api.md §5.5): GET by customer code or JOOR id, PUT by id,
// and create-or-update in bulk as an asynchronous job (POST|PUT /v2/bulk-connection, status GET
// /v2/bulk-connection/{job_id}). Price types (currency + price label) and warehouses must already
// exist in the account. A new customer is not shoppable at once: JOOR matches it to its retailer
// database by hand (~72 h), so it stays "Pending Match" until matched (mutate action match).

const { v2err, ok, iso, lc, bodyList } = require('./joor-util');
const jobs = require('./joor-jobs');

const MAX_BULK = 1000;
const FIELDS = ['customer_name', 'alias', 'email', 'buyer_name', 'contact_name', 'phone', 'customer_group', 'company_number', 'payment_method_code',
	'shipping_method_code', 'sales_rep_codes', 'warehouses', 'billing_address', 'shipping_address', 'price_types', 'currency', 'notes'];

const byCode = (s, code) => s.connections.find((c) => lc(c.customer_code) === lc(code));
const publicConnection = (c) => JSON.parse(JSON.stringify(c));

function validate(s, r) {
	if (!r || typeof r !== 'object') return 'The connection record must be an object.';
	if (!r.customer_code) return 'customer_code is required.';
	if (String(r.customer_code).length > 100) return 'customer_code is longer than 100 characters.';
	if (!byCode(s, r.customer_code) && !r.customer_name) return 'customer_name is required for a new customer.';
	for (const p of r.price_types || []) {
		const label = p.price_label != null ? p.price_label : p.price_type;
		if (!s.priceTypes.some((t) => lc(t.currency) === lc(p.currency) && lc(t.price_label) === lc(label))) {
			return `Price type '${label}' in currency '${p.currency}' does not exist in this account; currency and price label must match the style pricing.`;
		}
	}
	for (const w of [].concat(r.warehouses || [])) {
		const name = typeof w === 'object' ? w.name || w.warehouse : w;
		if (!s.warehouses.some((x) => lc(x.name) === lc(name))) return `Warehouse '${name}' does not exist in Order Settings.`;
	}
	if (r.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r.email)) return `Email '${r.email}' is not valid.`;
	return null;
}

function upsert(s, r) {
	const why = validate(s, r);
	if (why) return { error: why };
	let c = byCode(s, r.customer_code);
	const created = !c;
	if (!c) {
		c = { id: s.nextConnectionId++, customer_code: String(r.customer_code), status: 'Pending Match', created_by_api: true, created_at: iso() };
		s.connections.push(c);
	}
	for (const f of FIELDS) if (r[f] !== undefined) c[f] = JSON.parse(JSON.stringify(r[f]));
	c.modified_at = iso();
	return { connection: c, created };
}

function bulk(ctx) {
	const s = ctx.state;
	const list = bodyList(ctx.body, ['connections', 'connection', 'customers']);
	if (!list || !list.length) v2err(400, 'The body must hold a non-empty connections list: { "connections": { "connection": [ … ] } }.');
	if (list.length > MAX_BULK) v2err(400, `At most ${MAX_BULK} connections per bulk request (got ${list.length}).`);
	const records = JSON.parse(JSON.stringify(list));
	const updateOnly = ctx.method === 'PUT';
	const job = jobs.start(ctx, 'connection', records.length, () => records.map((r) => {
		const key = { customer_code: r && r.customer_code };
		if (updateOnly && !byCode(s, r && r.customer_code)) return { ...key, status: 'error', message: `Customer ${r && r.customer_code} does not exist; POST creates customers.` };
		const out = upsert(s, r);
		return out.error ? { ...key, status: 'error', message: out.error }
			: { ...key, status: 'success', connection_id: out.connection.id, action: out.created ? 'created' : 'updated', match_status: out.connection.status };
	}));
	return ok({ job_id: job.id, comment: `Bulk connection job ${job.id} queued with ${records.length} customers.` }, {}, 202);
}

function handle(ctx) {
	const s = ctx.state;
	const seg = ctx.seg;
	const M = ctx.method;
	const top = lc(seg[0]);
	if (top === 'bulk-connection') {
		if (!seg[1] && (M === 'POST' || M === 'PUT')) return bulk(ctx);
		if (seg[1] && M === 'GET') return jobs.status(ctx, 'connection', seg[1]);
	}
	if (top !== 'connection') return null;
	if (lc(seg[1]) === 'customer_code' && seg[2] && M === 'GET') {
		const c = byCode(s, seg.slice(2).join('/'));
		if (!c) v2err(404, `No customer with customer code '${seg.slice(2).join('/')}'.`);
		return ok({ count: 1 }, { connection: publicConnection(c) });
	}
	if (seg[1] && !seg[2]) {
		const c = s.connections.find((x) => String(x.id) === seg[1]);
		if (!c) v2err(404, `Connection ${seg[1]} not found.`);
		if (M === 'GET') return ok({ count: 1 }, { connection: publicConnection(c) });
		if (M === 'PUT') {
			const r = { ...(ctx.body && (ctx.body.connection || ctx.body)), customer_code: c.customer_code };
			const out = upsert(s, r);
			if (out.error) v2err(400, out.error);
			return ok({}, { connection: publicConnection(out.connection) });
		}
	}
	return null;
}

function snapshot(s) { return { connections: s.connections.map(publicConnection) }; }

/** UI changes: match (JOOR Data Services matched the retailer). */
function mutate(s, body) {
	const c = byCode(s, body.customer_code);
	if (!c) throw Object.assign(new Error(`customer ${body.customer_code} not found`), { status: 404 });
	if (lc(body.action) === 'match') c.status = 'Connected';
	else throw Object.assign(new Error('connection action must be match'), { status: 400 });
	c.modified_at = iso();
	return publicConnection(c);
}

module.exports = { handle, snapshot, mutate, MAX_BULK };
