'use strict';
// Cin7 Omni API v1 emulation: Basic auth, bare-array lists with page/rows (max 250), where/order/
// fields, array writes (≤250) with per-record results, PUT null=unchanged / ""=clear, stock per
// option × branch. Faithful to /work/shared/reference/cin7-api.md Part B.

const { mulberry32, omniDate, round2 } = require('./seed');
const { compileWhere, WhereError } = require('./omni-where');

// The sandbox login is the registry's (sandbox/systems.js), read per request rather than at load
// time so that this module and the registry (which loads emulations lazily) load in either order.
const login = () => require('./systems').BY_KEY.cin7omni.login;
const MAX_ROWS = 250;

class OmniError extends Error {
	constructor(status, body) { super(typeof body === 'string' ? body : JSON.stringify(body)); this.httpResponse = { status, body }; }
}
const fail = (status, body) => { throw new OmniError(status, body); };
const now = () => omniDate(Date.now());
const lc = (v) => String(v == null ? '' : v).toLowerCase();

function route(ctx) {
	const m = /^\/api\/v1\/([^/]+)(?:\/([^/]+))?\/?$/i.exec(ctx.rest);
	if (!m) return { response: { status: 404, body: { Message: 'No HTTP resource was found that matches the request URI.' } } };
	ctx.resource = m[1].toLowerCase();
	ctx.id = m[2];
	return null;
}

function authenticate(ctx) {
	const h = ctx.headers.authorization || '';
	const m = /^Basic\s+(.+)$/i.exec(h);
	let ok = false;
	if (m) {
		const dec = Buffer.from(m[1], 'base64').toString('utf8');
		const i = dec.indexOf(':');
		const { username, apiKey } = login();
		ok = i > 0 && dec.slice(0, i) === username && dec.slice(i + 1) === apiKey;
	}
	if (!ok) return { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="api.cin7.com"' }, body: { Message: 'Authorization has been denied for this request.' } };
	return null;
}
function rateKey() { return 'cin7omni'; }
// The day window answers unlike the second and minute windows: a text naming the used-up daily
// limit and a Retry-After until the (time-scaled) window frees a call, so a client can stop
// instead of retrying for minutes. Short windows keep Omni's generic "retry later" text.
function throttle(ctx, info, mode) {
	if (mode === '503') return { status: 503, body: 'The service is temporarily unavailable for maintenance. Please try again later.' };
	if (info && info.window === 'day') {
		const seconds = Math.max(1, Math.ceil(Number(info.retryAfterMs || 0) / 1000));
		return {
			status: 429,
			headers: { 'Retry-After': String(seconds) },
			body: `Daily API limit exceeded: this API connection has used its ${info.limit || 5000} calls per day. Calls are accepted again when the daily limit resets.`,
		};
	}
	return { status: 429, body: 'Too many requests. API limits are 3 calls per second, 60 per minute and 5000 per day. Please retry later.' };
}
function errorBody(code, msg) { return { Message: msg }; }

// ---------- listing ----------
function splitFields(s) {
	const out = [];
	let depth = 0;
	let cur = '';
	for (const ch of s) {
		if (ch === '(') depth++;
		if (ch === ')') depth--;
		if (ch === ',' && depth === 0) { out.push(cur.trim()); cur = ''; } else cur += ch;
	}
	if (cur.trim()) out.push(cur.trim());
	return out.map((f) => {
		const m = /^([\w.]+)\s*(?:\((.*)\))?$/.exec(f);
		if (!m) fail(400, `Invalid fields parameter '${f}'.`);
		return { name: m[1].toLowerCase(), sub: m[2] ? splitFields(m[2]) : null };
	});
}
function project(r, fields) {
	const o = {};
	const keys = new Map(Object.keys(r).map((k) => [k.toLowerCase(), k]));
	for (const f of fields) {
		const k = keys.get(f.name);
		if (!k) continue;
		const v = r[k];
		o[k] = f.sub && v && typeof v === 'object' ? (Array.isArray(v) ? v.map((x) => project(x, f.sub)) : project(v, f.sub)) : v;
	}
	return o;
}

/**
 * A tie-break that changes with every request, as Omni gives none: rows equal on every order field
 * come back in a different order on each page request, so an offset walk over a non-unique order
 * reads some rows twice and misses others. Deterministic per request sequence number.
 */
function tieBreaker(ctx) {
	const seq = ctx.sandbox && Number.isFinite(ctx.sandbox.seq) ? ctx.sandbox.seq : 0;
	const rand = mulberry32((seq * 2654435761) >>> 0);
	const keys = new Map();
	return (row) => {
		if (!keys.has(row)) keys.set(row, rand());
		return keys.get(row);
	};
}

function list(ctx, rows) {
	const q = ctx.q;
	const pageNo = q.page == null ? 1 : Number(q.page);
	const rowsN = q.rows == null ? 50 : Number(q.rows);
	if (!Number.isInteger(pageNo) || pageNo < 1) fail(400, 'Invalid page parameter. Page numbers start at 1.');
	if (!Number.isInteger(rowsN) || rowsN < 1) fail(400, 'Invalid rows parameter.');
	if (rowsN > MAX_ROWS) fail(400, `The maximum number of rows per request is ${MAX_ROWS}.`);
	let out = rows;
	if (q.where) {
		try { out = out.filter(compileWhere(q.where, rows[0] || {})); } catch (e) {
			if (e instanceof WhereError) fail(400, `Invalid where clause: ${e.message}`);
			throw e;
		}
	}
	if (q.order) {
		const keys = new Map(Object.keys(rows[0] || {}).map((k) => [k.toLowerCase(), k]));
		const specs = q.order.split(',').map((s) => {
			const [f, dir] = s.trim().split(/\s+/);
			const key = keys.get(lc(f));
			if (!key) fail(400, `Invalid order field '${f}'.`);
			return { key, desc: dir ? lc(dir) !== 'asc' : true };
		});
		const tie = tieBreaker(ctx);
		out = out.map((r) => [r, tie(r)]).sort((a, b) => {
			for (const s of specs) {
				const x = a[0][s.key];
				const y = b[0][s.key];
				if (x !== y) { const c = x == null ? -1 : y == null ? 1 : x < y ? -1 : 1; return s.desc ? -c : c; }
			}
			return a[1] - b[1];
		}).map((x) => x[0]);
	}
	let slice = out.slice((pageNo - 1) * rowsN, pageNo * rowsN);
	if (q.fields) { const f = splitFields(q.fields); slice = slice.map((r) => project(r, f)); }
	return { status: 200, body: slice };
}

// ---------- writes ----------
function batch(ctx) {
	if (ctx.bodyInvalid || !Array.isArray(ctx.body)) fail(400, 'Missing or malformed JSON data. The request body must be a JSON array of records.');
	if (ctx.body.length > MAX_ROWS) fail(400, `A maximum of ${MAX_ROWS} records can be sent per request.`);
	return ctx.body;
}
/** PUT semantics: null/omitted = unchanged, "" = clears; nested plain objects merge the same way. */
function applyPatch(target, rec, readOnly) {
	for (const [k0, v] of Object.entries(rec)) {
		const k = Object.keys(target).find((x) => x.toLowerCase() === k0.toLowerCase()) || k0;
		if (v === null || v === undefined || readOnly.includes(k.toLowerCase())) continue;
		if (v && typeof v === 'object' && !Array.isArray(v) && target[k] && typeof target[k] === 'object' && !Array.isArray(target[k])) applyPatch(target[k], v, []);
		else target[k] = v;
	}
}
function normKeys(rec) { // requests are case-insensitive: map keys to camelCase as stored
	const o = {};
	for (const [k, v] of Object.entries(rec || {})) o[k.charAt(0).toLowerCase() + k.slice(1)] = v;
	return o;
}
const ok = (index, id, code) => ({ index, success: true, id, code: code == null ? null : code, errors: [] });
const bad = (index, errors, id = 0, code = null) => ({ index, success: false, id, code, errors });

function runBatch(ctx, fn) {
	const recs = batch(ctx);
	return { status: 200, body: recs.map((r, i) => { try { return fn(normKeys(r), i); } catch (e) { if (e instanceof RecErr) return bad(i, [e.message], e.id || 0, e.code); throw e; } }) };
}
class RecErr extends Error { constructor(msg, id, code) { super(msg); this.id = id; this.code = code; } }
const rec = (msg, id, code) => { throw new RecErr(msg, id, code); };

// contacts
function contactDefaults() {
	return { isActive: true, onHold: false, company: '', firstName: '', lastName: '', jobTitle: '', email: '', phone: '', mobile: '', fax: '', website: '', address1: '', address2: '', city: '', state: '', postCode: '', country: '', postalAddress1: '', postalAddress2: '', postalCity: '', postalState: '', postalPostCode: '', postalCountry: '', accountNumber: '', billingId: null, billingCompany: '', billingEmail: '', priceColumn: 'RetailPrice', percentageOff: 0, paymentTerms: '', taxStatus: 'Incl', taxNumber: '', creditLimit: 0, balanceOwing: 0, group: '', subGroup: '', stages: '', salesPersonId: null, notes: '', integrationRef: '', customFields: {}, secondaryContacts: [], accountingIntegrationId: null };
}
function contactWrite(ctx, isPost) {
	const s = ctx.state;
	return runBatch(ctx, (r, i) => {
		if (r.type != null && !['customer', 'supplier'].includes(lc(r.type))) rec(`Invalid type '${r.type}'. Use Customer or Supplier.`);
		if (r.email && s.contacts.some((c) => lc(c.email) === lc(r.email) && c.id !== Number(r.id))) rec(`Email '${r.email}' is already used by another contact.`, isPost ? 0 : Number(r.id));
		if (isPost) {
			if (!r.type) rec('type is required (Customer or Supplier).');
			const c = { id: s.nextId++, type: lc(r.type) === 'supplier' ? 'Supplier' : 'Customer', createdDate: now(), modifiedDate: now(), ...contactDefaults() };
			applyPatch(c, { ...r, id: null, type: null }, ['createddate', 'modifieddate', 'balanceowing']);
			s.contacts.push(c);
			return ok(i, c.id, null);
		}
		const c = s.contacts.find((x) => x.id === Number(r.id));
		if (!c) rec(r.id ? `Contact ${r.id} not found.` : 'id is required for updates.', Number(r.id) || 0);
		applyPatch(c, { ...r, id: null }, ['createddate', 'modifieddate', 'balanceowing', 'accountingintegrationid']);
		c.modifiedDate = now();
		return ok(i, c.id, null);
	});
}

// products & options
function optionFrom(s, p, r) {
	const code = r.productOptionCode || r.code || '';
	const o = { id: s.nextId++, productId: p.id, createdDate: now(), modifiedDate: now(), status: 'Active', code, productOptionCode: code, barcode: r.productOptionBarcode || r.barcode || '', productOptionBarcode: r.productOptionBarcode || r.barcode || '', supplierCode: '', option1: '', option2: '', option3: '', size: '', sizeId: null, optionWeight: 0, retailPrice: 0, wholesalePrice: 0, vipPrice: 0, specialPrice: 0, specialsStartDate: null, specialDays: 0, priceColumns: {}, stockAvailable: 0, stockOnHand: 0, uomOptions: [], image: { link: '' } };
	applyPatch(o, { ...r, id: null, productId: null }, ['createddate', 'modifieddate', 'stockavailable', 'stockonhand']);
	o.code = o.productOptionCode = code || o.productOptionCode;
	return o;
}
function optionCodeTaken(s, code, exceptId) { return code && s.options.some((o) => lc(o.productOptionCode) === lc(code) && o.id !== exceptId); }

function productWrite(ctx, isPost) {
	const s = ctx.state;
	const recs = batch(ctx).map(normKeys);
	if (isPost) { // duplicate styleCode/productOptionCode anywhere in the batch rejects the whole batch
		const styles = recs.map((r) => lc(r.styleCode)).filter(Boolean);
		const codes = recs.flatMap((r) => (r.productOptions || []).map((o) => lc(normKeys(o).productOptionCode || normKeys(o).code))).filter(Boolean);
		if (new Set(styles).size !== styles.length) fail(400, 'Duplicate styleCode in request. The whole batch was rejected.');
		if (new Set(codes).size !== codes.length) fail(400, 'Duplicate productOptionCode in request. The whole batch was rejected.');
	}
	ctx.body = recs;
	return runBatch(ctx, (r, i) => {
		if (isPost) {
			if (!r.name) rec('name is required.');
			if (r.styleCode && s.products.some((p) => lc(p.styleCode) === lc(r.styleCode))) rec(`styleCode '${r.styleCode}' already exists.`, 0, r.styleCode);
			const opts = (r.productOptions || []).map(normKeys);
			if (!opts.length) rec('At least one product option is required.', 0, r.styleCode);
			for (const o of opts) if (optionCodeTaken(s, o.productOptionCode || o.code)) rec(`productOptionCode '${o.productOptionCode || o.code}' already exists.`, 0, r.styleCode);
			const p = { id: s.nextId++, status: 'Public', createdDate: now(), modifiedDate: now(), styleCode: '', name: '', description: '', brand: '', category: '', subCategory: '', categoryIdArray: [], tags: '', images: [], supplierId: null, channels: '', weight: 0, height: 0, width: 0, length: 0, volume: 0, stockControl: 'FIFO', orderType: 'Stock', productType: '', productSubtype: '', optionLabel1: '', optionLabel2: '', optionLabel3: '', salesAccount: '', purchasesAccount: '', sizeRangeId: null, customFields: {}, productOptions: [] };
			applyPatch(p, { ...r, id: null, productOptions: null }, ['createddate', 'modifieddate']);
			p.productOptions = opts.map((o, k) => { const x = optionFrom(s, p, o); if (k === 0) x.status = o.status || 'Primary'; return x; });
			s.products.push(p);
			s.options.push(...p.productOptions);
			return ok(i, p.id, p.styleCode);
		}
		const p = s.products.find((x) => x.id === Number(r.id));
		if (!p) rec(r.id ? `Product ${r.id} not found.` : 'id is required for updates.', Number(r.id) || 0);
		if (r.styleCode && s.products.some((x) => x !== p && lc(x.styleCode) === lc(r.styleCode))) rec(`styleCode '${r.styleCode}' already exists.`, p.id, p.styleCode);
		for (const o of (r.productOptions || []).map(normKeys)) {
			if (optionCodeTaken(s, o.productOptionCode || o.code, Number(o.id))) rec(`productOptionCode '${o.productOptionCode || o.code}' already exists.`, p.id, p.styleCode);
			if (o.id) { const ex = p.productOptions.find((x) => x.id === Number(o.id)); if (!ex) rec(`Product option ${o.id} not found on product ${p.id}.`, p.id, p.styleCode); }
		}
		applyPatch(p, { ...r, id: null, productOptions: null }, ['createddate', 'modifieddate']);
		for (const o of (r.productOptions || []).map(normKeys)) {
			if (o.id) { const ex = p.productOptions.find((x) => x.id === Number(o.id)); applyPatch(ex, { ...o, id: null }, ['createddate', 'modifieddate', 'productid']); syncCode(ex, o); ex.modifiedDate = now(); }
			else { const x = optionFrom(s, p, o); p.productOptions.push(x); s.options.push(x); }
		}
		p.modifiedDate = now();
		return ok(i, p.id, p.styleCode);
	});
}
function syncCode(o, r) { if (r.productOptionCode || r.code) o.code = o.productOptionCode = r.productOptionCode || r.code; }

function optionWrite(ctx, isPost) {
	const s = ctx.state;
	return runBatch(ctx, (r, i) => {
		const code = r.productOptionCode || r.code;
		if (isPost) {
			const p = s.products.find((x) => x.id === Number(r.productId));
			if (!p) rec(`productId ${r.productId || ''} not found.`);
			if (!code) rec('productOptionCode is required.');
			if (optionCodeTaken(s, code)) rec(`productOptionCode '${code}' already exists.`, 0, code);
			const o = optionFrom(s, p, r);
			p.productOptions.push(o);
			s.options.push(o);
			p.modifiedDate = now();
			return ok(i, o.id, o.productOptionCode);
		}
		const o = s.options.find((x) => x.id === Number(r.id));
		if (!o) rec(r.id ? `Product option ${r.id} not found.` : 'id is required for updates.', Number(r.id) || 0);
		if (optionCodeTaken(s, code, o.id)) rec(`productOptionCode '${code}' already exists.`, o.id, o.productOptionCode);
		applyPatch(o, { ...r, id: null, productId: null }, ['createddate', 'modifieddate']);
		syncCode(o, r);
		o.modifiedDate = now();
		return ok(i, o.id, o.productOptionCode);
	});
}

// stock
function stockRow(s, opt, branchId) {
	let row = s.stock.find((r) => r.productOptionId === opt.id && r.branchId === branchId);
	if (!row) {
		const p = s.products.find((x) => x.id === opt.productId) || {};
		const b = s.branches.find((x) => x.id === branchId) || { company: '' };
		row = { productId: opt.productId, productOptionId: opt.id, modifiedDate: now(), styleCode: p.styleCode || '', code: opt.productOptionCode, barcode: opt.productOptionBarcode, branchId, branchName: b.company, productName: p.name || '', option1: opt.option1, option2: opt.option2, option3: opt.option3, size: opt.size, available: 0, stockOnHand: 0, openSales: 0, incoming: 0, virtual: 0, holding: 0 };
		s.stock.push(row);
	}
	return row;
}
function moveStock(s, order, field, sign) {
	for (const l of order.lineItems) {
		const opt = s.options.find((o) => o.id === l.productOptionId);
		if (!opt) continue;
		const row = stockRow(s, opt, order.branchId);
		if (field === 'openSales') row.openSales += sign * l.qty;
		else { row.stockOnHand = Math.max(0, row.stockOnHand - sign * l.qty); row.openSales -= sign * l.qty; }
		row.available = row.stockOnHand - row.openSales;
		row.modifiedDate = now();
	}
}
const counts = (o) => o.isApproved && !o.isVoid && !o._dispatchedStock;

// sales orders
function resolveLines(s, lines, orderId) {
	return (lines || []).map(normKeys).map((l, k) => {
		const opt = (l.productOptionId && s.options.find((o) => o.id === Number(l.productOptionId))) || (l.code && s.options.find((o) => lc(o.productOptionCode) === lc(l.code)));
		if (!opt) rec(`Line ${k + 1}: product option '${l.code || l.productOptionId || ''}' not found.`);
		const qty = Number(l.qty);
		if (!Number.isFinite(qty) || qty === 0) rec(`Line ${k + 1}: qty is required.`);
		const p = s.products.find((x) => x.id === opt.productId) || {};
		return { id: s.nextId++, transactionId: orderId, productId: opt.productId, productOptionId: opt.id, integrationRef: l.integrationRef || '', sort: k + 1, code: opt.productOptionCode, name: l.name || p.name || '', option1: opt.option1, option2: opt.option2, option3: opt.option3, styleCode: p.styleCode || '', barcode: opt.productOptionBarcode, qty, qtyShipped: 0, holdingQty: 0, accountCode: l.accountCode || '', stockMovements: [], unitCost: 0, unitPrice: l.unitPrice != null ? Number(l.unitPrice) : opt.retailPrice, discount: Number(l.discount || 0), lineComments: l.lineComments || '' };
	});
}
function orderTotals(o) {
	o.productTotal = round2(o.lineItems.reduce((a, l) => a + l.qty * l.unitPrice - (l.discount || 0), 0));
	o.total = round2(o.productTotal + Number(o.freightTotal || 0) + Number(o.surcharge || 0) - Number(o.discountTotal || 0));
}
function dispatch(s, o, r) {
	if (o._dispatchedStock || o.isVoid) return;
	if (counts(o)) moveStock(s, o, 'openSales', -1);
	for (const l of o.lineItems) l.qtyShipped = l.qty;
	o.stage = 'Dispatched';
	o.dispatchedDate = r.dispatchedDate || o.dispatchedDate || now();
	for (const l of o.lineItems) { const opt = s.options.find((x) => x.id === l.productOptionId); if (opt) { const row = stockRow(s, opt, o.branchId); row.stockOnHand = Math.max(0, row.stockOnHand - l.qty); row.available = row.stockOnHand - row.openSales; row.modifiedDate = now(); } }
	o._dispatchedStock = true;
}
function orderWrite(ctx, isPost) {
	const s = ctx.state;
	return runBatch(ctx, (r, i) => {
		if (isPost) {
			let member = null;
			if (r.memberId) { member = s.contacts.find((c) => c.id === Number(r.memberId)); if (!member) rec(`memberId ${r.memberId} not found.`); }
			else if (r.memberEmail) { member = s.contacts.find((c) => lc(c.email) === lc(r.memberEmail)); if (!member) rec(`No contact with email '${r.memberEmail}'.`); }
			const ref = r.reference || '';
			if (ref.length > 30) rec('reference must be at most 30 characters.');
			if (ref && s.orders.some((o) => lc(o.reference) === lc(ref))) rec(`Duplicate reference '${ref}'. A sales order with this reference already exists.`, 0, ref);
			if (r.branchId && !s.branches.some((b) => b.id === Number(r.branchId))) rec(`branchId ${r.branchId} not found.`, 0, ref);
			const id = s.nextId++;
			const lines = resolveLines(s, r.lineItems, id);
			const o = { id, createdDate: now(), modifiedDate: now(), createdBy: 3, processedBy: 3, isApproved: true, status: 'Approved', stage: 'New', isVoid: false, reference: ref || `SO-${id}`, memberId: member ? member.id : 0, memberEmail: member ? member.email : '', firstName: member ? member.firstName : '', lastName: member ? member.lastName : '', company: member ? member.company : '', email: member ? member.email : '', phone: '', mobile: '', fax: '', delivery: {}, billing: {}, branchId: 3, distributionBranchId: 0, projectName: '', trackingCode: '', logisticsCarrier: '', internalComments: '', productTotal: 0, freightTotal: 0, freightDescription: '', surcharge: 0, discountTotal: 0, total: 0, currencyCode: 'NZD', currencyRate: 1, taxStatus: 'Incl', taxRate: 0.15, source: 'API', customFields: {}, invoiceDate: null, invoiceNumber: null, dispatchedDate: null, estimatedDeliveryDate: null, customerOrderNo: '', voucherCode: '', paymentTerms: '', salesPersonId: null, deliveryInstructions: '', cancellationDate: null, lineItems: lines };
			applyPatch(o, { ...r, id: null, lineItems: null, reference: null, memberId: null, memberEmail: null, status: null, dispatchedDate: null }, ['createddate', 'modifieddate', 'source', 'status', 'cancellationdate']);
			o.branchId = Number(o.branchId);
			o.status = o.isApproved ? 'Approved' : 'Draft';
			orderTotals(o);
			s.orders.push(o);
			if (counts(o)) moveStock(s, o, 'openSales', 1);
			if (o.isApproved && (r.dispatchedDate || lc(r.stage) === 'dispatched')) dispatch(s, o, r);
			return ok(i, o.id, o.reference);
		}
		const o = s.orders.find((x) => x.id === Number(r.id));
		if (!o) rec(r.id ? `Sales order ${r.id} not found.` : 'id is required for updates.', Number(r.id) || 0);
		if (o.isVoid && r.isVoid === false) rec('A voided order cannot be un-voided.', o.id, o.reference);
		if (r.reference && lc(r.reference) !== lc(o.reference) && s.orders.some((x) => lc(x.reference) === lc(r.reference))) rec(`Duplicate reference '${r.reference}'.`, o.id, o.reference);
		if (r.branchId && Number(r.branchId) !== o.branchId && o._dispatchedStock) rec('branchId cannot change after dispatch.', o.id, o.reference);
		const before = counts(o);
		if (before) moveStock(s, o, 'openSales', -1);
		if (Array.isArray(r.lineItems) && !o._dispatchedStock) o.lineItems = resolveLines(s, r.lineItems, o.id);
		applyPatch(o, { ...r, id: null, lineItems: null, dispatchedDate: null, status: null }, ['createddate', 'modifieddate', 'source', 'status', 'cancellationdate', 'invoicenumber']);
		o.branchId = Number(o.branchId);
		if (r.isVoid === true) { o.status = 'Void'; o.cancellationDate = o.cancellationDate || now(); }
		else o.status = o.isApproved ? 'Approved' : 'Draft';
		if (r.invoiceDate && !o.invoiceNumber) o.invoiceNumber = `INV-${o.id}`;
		orderTotals(o);
		if (counts(o)) moveStock(s, o, 'openSales', 1);
		if (!o.isVoid && o.isApproved && (r.dispatchedDate || lc(r.stage) === 'dispatched')) dispatch(s, o, r);
		o.modifiedDate = now();
		return ok(i, o.id, o.reference);
	});
}

const publicOrder = (o) => { const { _dispatchedStock, ...rest } = o; return rest; }; // eslint-disable-line no-unused-vars

// ---------- router ----------
const RESOURCES = {
	contacts: { rows: (s) => s.contacts, write: contactWrite, del: true },
	products: { rows: (s) => s.products, write: productWrite },
	productoptions: { rows: (s) => s.options, write: optionWrite },
	stock: { rows: (s) => s.stock, readOnly: true },
	salesorders: { rows: (s) => s.orders.map(publicOrder), write: orderWrite, find: (s, id) => s.orders.find((o) => o.id === id) },
	branches: { rows: (s) => s.branches },
	users: { rows: (s) => s.users, readOnly: true },
};

function handle(ctx) {
	const s = ctx.state;
	const res = RESOURCES[ctx.resource];
	if (!res) fail(404, { Message: `No HTTP resource was found that matches the request URI '${ctx.fullPath}'.` });
	const m = ctx.method;
	if (m === 'GET') {
		if (ctx.id) {
			const id = Number(ctx.id);
			const r = res.rows(s).find((x) => x.id === id);
			if (!r) fail(404, { Message: `${ctx.resource} ${ctx.id} not found.` });
			return { status: 200, body: ctx.q.fields ? project(r, splitFields(ctx.q.fields)) : r };
		}
		let rows = res.rows(s);
		if (ctx.resource === 'stock' && ctx.q.barcode) rows = rows.filter((r) => r.barcode === ctx.q.barcode);
		return list(ctx, rows);
	}
	if (m === 'DELETE' && res.del && ctx.id) {
		const i = s.contacts.findIndex((c) => c.id === Number(ctx.id));
		if (i < 0) fail(404, { Message: `Contact ${ctx.id} not found.` });
		s.contacts.splice(i, 1);
		return { status: 200, body: ok(0, Number(ctx.id), null) };
	}
	if ((m === 'POST' || m === 'PUT') && res.write && !ctx.id) return res.write(ctx, m === 'POST');
	return fail(405, { Message: `The requested resource does not support http method '${m}'.` });
}

// ---------- control ----------
function snapshot(s) {
	return { contacts: s.contacts, products: s.products, productOptions: s.options, stock: s.stock, salesOrders: s.orders.map(publicOrder), branches: s.branches, users: s.users };
}
function mutate(s, body) {
	const entity = lc(body.entity).replace(/s$/, '');
	const patch = body.patch || {};
	const nf = (w) => Object.assign(new Error(`${w} not found`), { status: 404 });
	if (entity === 'stock') {
		const opt = s.options.find((o) => (body.productOptionId && o.id === Number(body.productOptionId)) || lc(o.productOptionCode) === lc(body.code || body.sku));
		if (!opt) throw nf('product option (give code/sku or productOptionId)');
		const br = s.branches.find((b) => b.id === Number(body.branchId) || lc(b.company) === lc(body.branchName)) || s.branches[0];
		const row = stockRow(s, opt, br.id);
		for (const k of ['stockOnHand', 'openSales', 'incoming', 'holding', 'virtual']) if (patch[k] != null) row[k] = Number(patch[k]);
		row.available = patch.available != null ? Number(patch.available) : row.stockOnHand - row.openSales;
		row.modifiedDate = now();
		return row;
	}
	const lists = { contact: s.contacts, product: s.products, productoption: s.options, salesorder: s.orders };
	const arr = lists[entity];
	if (!arr) throw Object.assign(new Error('entity must be contact, product, productOption, stock or salesOrder'), { status: 400 });
	const r = arr.find((x) => x.id === Number(body.id) || (body.email && lc(x.email) === lc(body.email)) || (body.reference && lc(x.reference) === lc(body.reference)) || (body.styleCode && lc(x.styleCode) === lc(body.styleCode)));
	if (!r) throw nf(entity);
	for (const [k, v] of Object.entries(patch)) {
		if (k === 'id') continue;
		if (v && typeof v === 'object' && !Array.isArray(v) && r[k] && typeof r[k] === 'object') Object.assign(r[k], v); else r[k] = v;
	}
	r.modifiedDate = now();
	return entity === 'salesorder' ? publicOrder(r) : r;
}

module.exports = { name: 'cin7omni', route, authenticate, rateKey, throttle, errorBody, handle, snapshot, mutate };
