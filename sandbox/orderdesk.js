'use strict';
// Order Desk emulation (targets-api.md §4 and §9): the two ORDERDESK headers, a leaky bucket per
// store (20 tokens, 3 a second; X-Tokens-Remaining on every answer, 429 + X-Retry-After when empty),
// orders with offset paging (limit ≤ 500) and folder / source / email / added / modified filters,
// full-object PUT (a field the body omits is gone afterwards, so a client that does not merge loses
// data), 409 when the body's date_updated is stale, folders and moves, history notes, shipments
// single and batch, inventory items single and batch. Envelope `{status:"success", execution_time,
// …}`, errors `{status:"error", message}`. Dates: orderdesk-dates.js. Seed: orderdesk-seed.js.

const { STORE_TIME_ZONE, toLocal, parseFilterDate } = require('./orderdesk-dates');
const { LeakyBucket } = require('./orderdesk-bucket');

// The sandbox login is the registry's (sandbox/systems.js), read per request (the registry loads
// emulations lazily, so either may load first).
const login = () => require('./systems').BY_KEY.orderdesk.login;
const BUCKET = { capacity: 20, perSecond: 3 };
const MAX_LIMIT = 500;
// Batch sizes are undocumented (reference §8.6); the sandbox accepts up to 100 entries per call and
// answers 400 above that, so a client must split its batches.
const MAX_BATCH = 100;

class OdError extends Error {
	constructor(status, message) { super(message); this.httpResponse = { status, body: { status: 'error', message } }; }
}
const fail = (status, message) => { throw new OdError(status, message); };
const lc = (v) => String(v == null ? '' : v).toLowerCase();
const num = (v, d = 0) => (v === '' || v == null || Number.isNaN(Number(v)) ? d : Number(v));
const str = (v) => (v == null ? '' : String(v));
const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...v } : {});
const round2 = (n) => Math.round(n * 100) / 100;

function route(ctx) {
	const m = /^\/api\/v2(\/.*)?$/i.exec(ctx.rest);
	if (!m) return { response: { status: 404, body: { status: 'error', message: 'Unknown endpoint. The API lives under /api/v2.' } } };
	ctx.sub = (m[1] || '/').replace(/\/+$/, '') || '/';
	return null;
}
function authenticate(ctx) {
	const { storeId, apiKey } = login();
	if (str(ctx.headers['orderdesk-store-id']) !== storeId || str(ctx.headers['orderdesk-api-key']) !== apiKey) {
		return { status: 401, body: { status: 'error', message: 'Invalid Store ID or API Key' } };
	}
	return null;
}
function rateKey() { return 'orderdesk'; }
function bucket(ctx) {
	const s = ctx.state;
	if (!s._bucket) s._bucket = new LeakyBucket(BUCKET.capacity, BUCKET.perSecond);
	return s._bucket;
}
function throttle(ctx, info) {
	// seconds until a token is back, as decimals when the sandbox runs time-scaled
	const ms = Math.max(10, Number(info.retryAfterMs) || 1000);
	const secs = ctx.sandbox.opts.timeScale === 1 ? String(Math.max(1, Math.ceil(ms / 1000))) : String(Math.ceil(ms / 10) / 100);
	return {
		status: 429,
		headers: { 'X-Retry-After': secs, 'X-Tokens-Remaining': '0' },
		body: { status: 'error', message: `Rate limit exceeded: the API allows a burst of ${BUCKET.capacity} requests refilling ${BUCKET.perSecond} per second. Retry after ${secs} seconds.` },
	};
}
/** Every accepted answer carries the tokens left in the store's bucket. */
function decorate(ctx, r) {
	if (!ctx.rate) return;
	r.headers = { ...(r.headers || {}), 'X-Tokens-Remaining': String(bucket(ctx).take(Date.now(), ctx.sandbox.opts.timeScale)) };
}
function errorBody(code, message) { return { status: 'error', message }; }
const envelope = (started, body) => ({ status: 'success', execution_time: ((Date.now() - started) / 1000).toFixed(4), ...body });

// ---------- orders ----------
const ADDRESS = ['first_name', 'last_name', 'company', 'address1', 'address2', 'address3', 'address4', 'city', 'state', 'postal_code', 'country', 'phone'];
const RETURN_ADDRESS = ['title', 'name', 'company', 'address1', 'address2', 'city', 'state', 'postal_code', 'country', 'phone'];
const TEXT = ['source_id', 'source_name', 'email', 'shipping_method', 'cc_number_masked', 'cc_exp', 'processor_response', 'payment_type', 'payment_status',
	'customer_id', 'ip_address', 'tag_color', 'tag_name', 'fulfillment_name', 'fulfillment_id'];
const MONEY = ['quantity_total', 'weight_total', 'product_total', 'shipping_total', 'handling_total', 'tax_total', 'discount_total', 'order_total', 'processor_balance', 'refund_total'];
const address = (v, keys) => { const o = obj(v); return Object.fromEntries(keys.map((k) => [k, str(o[k])])); };

function folderIdOf(s, body) {
	if (body.folder_id != null && body.folder_id !== '') {
		const id = Number(body.folder_id);
		if (!s.folders[id]) fail(400, `Folder ${body.folder_id} does not exist`);
		return id;
	}
	if (body.folder_name) {
		const hit = Object.entries(s.folders).find(([, n]) => lc(n) === lc(body.folder_name));
		if (!hit) fail(400, `Folder "${body.folder_name}" does not exist`);
		return Number(hit[0]);
	}
	return null;
}
function readItem(s, it, i) {
	if (!it || typeof it !== 'object' || Array.isArray(it)) fail(400, `order_items[${i}] must be an object`);
	if (it.quantity != null && (Number.isNaN(Number(it.quantity)) || Number(it.quantity) < 0)) fail(400, `order_items[${i}].quantity must be a number of 0 or more`);
	return {
		id: it.id != null && it.id !== '' ? str(it.id) : String(s.nextItemId++), name: str(it.name), code: str(it.code), price: num(it.price), quantity: num(it.quantity, 1),
		weight: num(it.weight), delivery_type: str(it.delivery_type || 'ship'), category_code: str(it.category_code), variation_list: obj(it.variation_list), metadata: obj(it.metadata),
	};
}
/**
 * The stored order a create or a full PUT leaves: every field from the body, defaults for what it
 * omits (that is the full-object semantics: omitted items, maps and addresses are gone), the
 * server-managed fields kept from `prev`.
 */
function buildOrder(s, body, prev, now) {
	if (!body || typeof body !== 'object' || Array.isArray(body)) fail(400, 'The request body must be a JSON order object');
	if (body.order_items != null && !Array.isArray(body.order_items)) fail(400, 'order_items must be an array');
	for (const k of ['checkout_data', 'order_metadata']) if (body[k] != null && (typeof body[k] !== 'object' || Array.isArray(body[k]))) fail(400, `${k} must be an object of key: value pairs`);
	const items = (body.order_items || []).map((it, i) => readItem(s, it, i));
	const o = { id: prev ? prev.id : String(s.nextOrderId++) };
	for (const k of TEXT) o[k] = str(body[k]);
	o.email_count = num(body.email_count);
	for (const k of MONEY) o[k] = num(body[k]);
	if (body.quantity_total == null) o.quantity_total = items.reduce((a, it) => a + it.quantity, 0);
	if (body.product_total == null) o.product_total = round2(items.reduce((a, it) => a + it.quantity * it.price, 0));
	if (body.order_total == null) o.order_total = round2(o.product_total + o.shipping_total + o.handling_total + o.tax_total - o.discount_total);
	o.folder_id = folderIdOf(s, body) ?? (prev ? prev.folder_id : s.defaultFolderId);
	o.shipping = address(body.shipping, ADDRESS);
	o.customer = address(body.customer, ADDRESS);
	o.return_address = address(body.return_address, RETURN_ADDRESS);
	o.checkout_data = Object.fromEntries(Object.entries(obj(body.checkout_data)).map(([k, v]) => [k, str(v)]));
	o.order_metadata = obj(body.order_metadata);
	o.discount_list = Array.isArray(body.discount_list) ? body.discount_list.map((d) => ({ name: str(d && d.name), code: str(d && d.code), amount: num(d && d.amount) })) : [];
	o.order_items = items;
	o.order_notes = prev ? prev.order_notes : [];
	o.order_shipments = prev ? prev.order_shipments : [];
	o._added = prev ? prev._added : now;
	o._updated = now;
	return o;
}
function publicOrder(o) {
	const { _added, _updated, ...rest } = o;
	return { ...rest, date_added: toLocal(_added), date_updated: toLocal(_updated), order_notes: o.order_notes.map(publicNote), order_shipments: o.order_shipments.map(publicShipment) };
}
const publicNote = (n) => ({ date_added: toLocal(n._at), username: n.username, content: n.content });
function publicShipment(sh) { const { _at, _shipped, ...rest } = sh; return { ...rest, date_shipped: toLocal(_shipped), date_added: toLocal(_at) }; }

function findOrder(s, id) {
	const o = s.orderById.get(String(id));
	if (!o) fail(404, `Order ${id} not found`);
	return o;
}
function touch(s, o, now) { o._updated = Math.max(now, o._updated + 1); }

function dateFilter(ctx, name) {
	const raw = ctx.q[name];
	if (raw == null || raw === '') return null;
	const ms = parseFilterDate(raw);
	if (ms == null) fail(400, `${name} "${raw}" is not a date. Use YYYY-MM-DD HH:MM:SS (store time, ${STORE_TIME_ZONE}) or an ISO 8601 time with a zone.`);
	return ms;
}
function paging(ctx) {
	const limit = ctx.q.limit == null || ctx.q.limit === '' ? 50 : Number(ctx.q.limit);
	const offset = ctx.q.offset == null || ctx.q.offset === '' ? 0 : Number(ctx.q.offset);
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) fail(400, `limit must be a whole number from 1 to ${MAX_LIMIT}`);
	if (!Number.isInteger(offset) || offset < 0) fail(400, 'offset must be a whole number of 0 or more');
	return { limit, offset };
}
const ORDER_BY = { id: (o) => Number(o.id), date_added: (o) => o._added, date_updated: (o) => o._updated };

function listOrders(ctx, s, started) {
	const { limit, offset } = paging(ctx);
	const q = ctx.q;
	let rows = s.orders;
	if (q.folder_id) {
		const ids = new Set(String(q.folder_id).split(',').map((x) => Number(x.trim())));
		rows = rows.filter((o) => ids.has(o.folder_id));
	}
	if (q.folder_name) {
		const names = new Set(String(q.folder_name).split(',').map((x) => lc(x.trim())));
		rows = rows.filter((o) => names.has(lc(s.folders[o.folder_id])));
	}
	if (q.source_id) rows = rows.filter((o) => o.source_id === q.source_id);
	if (q.source_name) rows = rows.filter((o) => lc(o.source_name) === lc(q.source_name));
	if (q.email) rows = rows.filter((o) => lc(o.email) === lc(q.email));
	if (q.customer_id) rows = rows.filter((o) => o.customer_id === q.customer_id);
	for (const [name, key, op] of [['search_start_date', '_added', 'ge'], ['search_end_date', '_added', 'le'], ['modified_start_date', '_updated', 'ge'], ['modified_end_date', '_updated', 'le']]) {
		const ms = dateFilter(ctx, name);
		// stored times are whole seconds as shown; compare on the second the client can see
		if (ms != null) rows = rows.filter((o) => (op === 'ge' ? Math.floor(o[key] / 1000) * 1000 >= ms : Math.floor(o[key] / 1000) * 1000 <= ms));
	}
	const by = lc(q.order_by || 'date_added');
	if (!ORDER_BY[by]) fail(400, `order_by must be one of ${Object.keys(ORDER_BY).join(', ')}`);
	const dir = lc(q.order || 'desc');
	if (dir !== 'asc' && dir !== 'desc') fail(400, 'order must be asc or desc');
	const key = ORDER_BY[by];
	const sign = dir === 'asc' ? 1 : -1;
	// ties broken by id in the same direction, so offset paging is stable
	const sorted = [...rows].sort((a, b) => sign * (key(a) - key(b) || Number(a.id) - Number(b.id)));
	const page = sorted.slice(offset, offset + limit).map(publicOrder);
	return { status: 200, body: envelope(started, { records_returned: page.length, total_records: sorted.length, offset, limit, orders: page }) };
}

function putOrder(ctx, s, id, now) {
	const prev = findOrder(s, id);
	if (s.conflicts[prev.id] > 0) {
		s.conflicts[prev.id]--;
		fail(409, `Order ${prev.id} was modified by another process while you edited it. Read the order again and send it whole.`);
	}
	const body = ctx.body;
	if (body && body.date_updated != null && body.date_updated !== '' && str(body.date_updated) !== toLocal(prev._updated)) {
		fail(409, `Order ${prev.id} has been modified since ${body.date_updated} (now ${toLocal(prev._updated)}). Read the order again and send it whole.`);
	}
	if (body && body.id != null && str(body.id) !== prev.id) fail(400, `The body's id ${body.id} does not match order ${prev.id}`);
	const o = buildOrder(s, body, prev, Math.max(now, prev._updated + 1));
	s.orders[s.orders.indexOf(prev)] = o;
	s.orderById.set(o.id, o);
	return o;
}

// ---------- order items ----------
function orderItems(ctx, s, o, itemId, now, started) {
	if (!itemId) {
		if (ctx.method === 'GET') return { status: 200, body: envelope(started, { order_items: o.order_items }) };
		if (ctx.method === 'POST') {
			const it = readItem(s, { ...obj(ctx.body), id: null }, 0);
			o.order_items.push(it);
			touch(s, o, now);
			return { status: 201, body: envelope(started, { message: 'Order item created', order_item: it }) };
		}
		fail(405, `${ctx.method} is not allowed here`);
	}
	const idx = o.order_items.findIndex((x) => x.id === itemId);
	if (idx < 0) fail(404, `Order item ${itemId} not found on order ${o.id}`);
	if (ctx.method === 'GET') return { status: 200, body: envelope(started, { order_item: o.order_items[idx] }) };
	if (ctx.method === 'PUT') {
		o.order_items[idx] = readItem(s, { ...obj(ctx.body), id: itemId }, idx);
		touch(s, o, now);
		return { status: 200, body: envelope(started, { message: 'Order item updated', order_item: o.order_items[idx] }) };
	}
	if (ctx.method === 'DELETE') {
		o.order_items.splice(idx, 1);
		touch(s, o, now);
		return { status: 200, body: envelope(started, { message: 'Order item deleted' }) };
	}
	return fail(405, `${ctx.method} is not allowed here`);
}

// ---------- shipments ----------
function readShipment(s, o, b, now, prev) {
	if (!b || typeof b !== 'object' || Array.isArray(b)) fail(400, 'The shipment must be a JSON object');
	if (!str(b.tracking_number).trim() && !(prev && prev.tracking_number)) fail(400, 'tracking_number is required');
	const shipped = b.date_shipped ? parseFilterDate(b.date_shipped) : null;
	if (b.date_shipped && shipped == null) fail(400, `date_shipped "${b.date_shipped}" is not a date`);
	const base = prev || { id: String(s.nextShipmentId++), order_id: o.id, label_format: '', label_image: '', print_status: 0, cart_shipment_id: '', _at: now, _shipped: now };
	const sh = { ...base };
	for (const k of ['tracking_number', 'carrier_code', 'shipment_method', 'status', 'tracking_url', 'cart_shipment_id']) if (b[k] != null) sh[k] = str(b[k]);
	for (const k of ['weight', 'cost']) if (b[k] != null) sh[k] = num(b[k]);
	for (const k of ['carrier_code', 'shipment_method', 'status', 'tracking_url']) if (sh[k] == null) sh[k] = '';
	for (const k of ['weight', 'cost']) if (sh[k] == null) sh[k] = 0;
	if (shipped != null) sh._shipped = shipped;
	return sh;
}
function shipments(ctx, s, o, shipmentId, now, started) {
	if (!shipmentId) {
		if (ctx.method === 'GET') return { status: 200, body: envelope(started, { order_shipments: o.order_shipments.map(publicShipment) }) };
		if (ctx.method === 'POST') {
			const sh = readShipment(s, o, ctx.body, now);
			o.order_shipments.push(sh);
			touch(s, o, now);
			return { status: 201, body: envelope(started, { message: 'Shipment added', shipment: publicShipment(sh) }) };
		}
		fail(405, `${ctx.method} is not allowed here`);
	}
	const idx = o.order_shipments.findIndex((x) => x.id === shipmentId);
	if (idx < 0) fail(404, `Shipment ${shipmentId} not found on order ${o.id}`);
	if (ctx.method === 'GET') return { status: 200, body: envelope(started, { shipment: publicShipment(o.order_shipments[idx]) }) };
	if (ctx.method === 'PUT') {
		o.order_shipments[idx] = readShipment(s, o, ctx.body, now, o.order_shipments[idx]);
		touch(s, o, now);
		return { status: 200, body: envelope(started, { message: 'Shipment updated', shipment: publicShipment(o.order_shipments[idx]) }) };
	}
	if (ctx.method === 'DELETE') {
		o.order_shipments.splice(idx, 1);
		touch(s, o, now);
		return { status: 200, body: envelope(started, { message: 'Shipment deleted' }) };
	}
	return fail(405, `${ctx.method} is not allowed here`);
}
function batchArray(ctx, what) {
	if (!Array.isArray(ctx.body)) fail(400, `The body must be a JSON array of ${what}`);
	if (!ctx.body.length) fail(400, `The array of ${what} is empty`);
	if (ctx.body.length > MAX_BATCH) fail(400, `Too many ${what}: at most ${MAX_BATCH} per call, got ${ctx.body.length}`);
	return ctx.body;
}
function batchShipments(ctx, s, now, started) {
	const results = batchArray(ctx, 'shipments').map((b) => {
		const orderId = b && b.order_id != null ? str(b.order_id) : '';
		try {
			if (!orderId) fail(400, 'order_id is required');
			const o = findOrder(s, orderId);
			const sh = readShipment(s, o, b, now);
			o.order_shipments.push(sh);
			touch(s, o, now);
			return { order_id: orderId, status: 'success', shipment_id: sh.id };
		} catch (e) {
			if (!(e instanceof OdError)) throw e;
			return { order_id: orderId, status: 'error', message: e.message };
		}
	});
	return { status: 200, body: envelope(started, { results }) };
}

// ---------- folders, moves, notes ----------
function moveOrders(ctx, s, now, started) {
	const b = obj(ctx.body);
	if (!Array.isArray(b.order_id_list) || !b.order_id_list.length) fail(400, 'order_id_list must be a non-empty array of order ids');
	let dest;
	if (b.destination_folder_id != null && b.destination_folder_id !== '') {
		dest = Number(b.destination_folder_id);
		if (!s.folders[dest]) fail(400, `Destination folder ${b.destination_folder_id} does not exist`);
	} else if (b.destination_folder_name) {
		const hit = Object.entries(s.folders).find(([, n]) => lc(n) === lc(b.destination_folder_name));
		if (!hit) fail(400, `Destination folder "${b.destination_folder_name}" does not exist`);
		dest = Number(hit[0]);
	} else fail(400, 'destination_folder_id or destination_folder_name is required');
	const moved = [];
	const notFound = [];
	for (const raw of b.order_id_list) {
		const o = s.orderById.get(str(raw));
		if (!o) { notFound.push(str(raw)); continue; }
		if (o.folder_id !== dest) { o.folder_id = dest; touch(s, o, now); }
		moved.push(o.id);
	}
	return { status: 200, body: envelope(started, { message: `${moved.length} order(s) moved to ${s.folders[dest]}`, destination_folder_id: dest, orders_moved: moved, orders_not_found: notFound }) };
}
function addNote(ctx, s, o, now, started) {
	const b = obj(ctx.body);
	const content = str(b.note != null ? b.note : b.content).trim();
	if (!content) fail(400, 'note is required');
	const n = { _at: now, username: 'API', content };
	o.order_notes.push(n);
	touch(s, o, now);
	return { status: 201, body: envelope(started, { message: 'History note added', order_note: publicNote(n) }) };
}

// ---------- inventory ----------
const INV_TEXT = ['name', 'code', 'location', 'update_source'];
const INV_NUM = ['price', 'cost', 'weight', 'stock'];
function readInventory(s, b, prev, now, merge) {
	if (!b || typeof b !== 'object' || Array.isArray(b)) fail(400, 'The inventory item must be a JSON object');
	if (b.stock != null && (Number.isNaN(Number(b.stock)) || !Number.isFinite(Number(b.stock)))) fail(400, `stock "${b.stock}" is not a number`);
	const it = merge && prev ? { ...prev } : { id: prev ? prev.id : String(s.nextInventoryId++), _added: prev ? prev._added : now };
	for (const k of INV_TEXT) if (!merge || b[k] != null) it[k] = str(b[k]);
	for (const k of INV_NUM) if (!merge || b[k] != null) it[k] = num(b[k]);
	if (!merge || b.metadata != null) it.metadata = obj(b.metadata);
	if (!str(it.code).trim()) fail(400, 'code is required');
	const clash = s.inventoryByCode.get(lc(it.code));
	if (clash && clash.id !== it.id) fail(400, `An inventory item with code "${it.code}" already exists`);
	it._updated = now;
	return it;
}
function storeInventory(s, it, prev) {
	if (prev) {
		s.inventory[s.inventory.indexOf(prev)] = it;
		if (lc(prev.code) !== lc(it.code)) s.inventoryByCode.delete(lc(prev.code));
	} else s.inventory.push(it);
	s.inventoryById.set(it.id, it);
	s.inventoryByCode.set(lc(it.code), it);
}
function publicInventory(it) { const { _added, _updated, ...rest } = it; return { ...rest, date_added: toLocal(_added), date_updated: toLocal(_updated) }; }
function findInventory(s, id) {
	const it = s.inventoryById.get(str(id));
	if (!it) fail(404, `Inventory item ${id} not found`);
	return it;
}
function listInventory(ctx, s, started) {
	const { limit, offset } = paging(ctx);
	let rows = s.inventory;
	if (ctx.q.code) rows = rows.filter((it) => lc(it.code) === lc(ctx.q.code));
	if (ctx.q.search) { const t = lc(ctx.q.search); rows = rows.filter((it) => lc(it.code).includes(t) || lc(it.name).includes(t)); }
	const page = rows.slice(offset, offset + limit).map(publicInventory);
	return { status: 200, body: envelope(started, { records_returned: page.length, total_records: rows.length, offset, limit, inventory_items: page }) };
}
function batchInventory(ctx, s, now, started) {
	const results = batchArray(ctx, 'inventory items').map((b) => {
		const code = b && b.code != null ? str(b.code) : '';
		const id = b && b.id != null ? str(b.id) : '';
		try {
			if (!id && !code) fail(400, 'id or code is required');
			const prev = id ? s.inventoryById.get(id) : s.inventoryByCode.get(lc(code));
			if (!prev) fail(404, 'Inventory item not found');
			const it = readInventory(s, b, prev, now, true);
			storeInventory(s, it, prev);
			return { id: it.id, code: it.code, status: 'success' };
		} catch (e) {
			if (!(e instanceof OdError)) throw e;
			return { ...(id ? { id } : {}), code, status: 'error', message: e.message };
		}
	});
	return { status: 200, body: envelope(started, { results }) };
}

function publicStore(s) {
	return { id: login().storeId, name: s.store.name, timezone: STORE_TIME_ZONE, currency: s.store.currency, folders: { ...s.folders } };
}

function handle(ctx) {
	const s = ctx.state;
	const started = Date.now();
	const now = Date.now();
	const p = ctx.sub.split('/').filter(Boolean).map((x) => x.toLowerCase());
	const M = ctx.method;
	if (ctx.bodyInvalid) fail(400, 'The request body is not valid JSON');
	const methods = (...allowed) => { if (!allowed.includes(M)) fail(405, `${M} is not allowed on /${p.join('/')}`); };
	if (p.length === 1 && p[0] === 'test') { methods('GET'); return { status: 200, body: envelope(started, { message: 'Connection Successful', store_id: login().storeId }) }; }
	if (p.length === 1 && p[0] === 'store') { methods('GET'); return { status: 200, body: envelope(started, { store: publicStore(s) }) }; }
	if (p[0] === 'orders') {
		if (p.length === 1) {
			methods('GET', 'POST');
			if (M === 'GET') return listOrders(ctx, s, started);
			const o = buildOrder(s, ctx.body, null, now);
			s.orders.push(o);
			s.orderById.set(o.id, o);
			return { status: 201, body: envelope(started, { message: 'Order created', order: publicOrder(o) }) };
		}
		const id = ctx.sub.split('/').filter(Boolean)[1];
		if (p.length === 2) {
			methods('GET', 'PUT', 'DELETE');
			if (M === 'GET') return { status: 200, body: envelope(started, { order: publicOrder(findOrder(s, id)) }) };
			if (M === 'PUT') return { status: 200, body: envelope(started, { message: 'Order updated', order: publicOrder(putOrder(ctx, s, id, now)) }) };
			const o = findOrder(s, id);
			s.orders.splice(s.orders.indexOf(o), 1);
			s.orderById.delete(o.id);
			return { status: 200, body: envelope(started, { message: `Order ${o.id} deleted` }) };
		}
		const o = findOrder(s, id);
		const subId = ctx.sub.split('/').filter(Boolean)[3];
		if (p[2] === 'order-items' && p.length <= 4) return orderItems(ctx, s, o, subId, now, started);
		if (p[2] === 'shipments' && p.length <= 4) return shipments(ctx, s, o, subId, now, started);
		if (p[2] === 'order-history' && p.length === 3) {
			methods('GET', 'POST');
			if (M === 'GET') return { status: 200, body: envelope(started, { order_notes: o.order_notes.map(publicNote) }) };
			return addNote(ctx, s, o, now, started);
		}
	}
	if (p.length === 1 && p[0] === 'move-orders') { methods('POST'); return moveOrders(ctx, s, now, started); }
	if (p.length === 1 && p[0] === 'batch-shipments') { methods('POST'); return batchShipments(ctx, s, now, started); }
	if (p.length === 1 && p[0] === 'batch-inventory-items') { methods('PUT', 'POST'); return batchInventory(ctx, s, now, started); }
	if (p[0] === 'inventory-items' && p.length <= 2) {
		if (p.length === 1) {
			methods('GET', 'POST');
			if (M === 'GET') return listInventory(ctx, s, started);
			const it = readInventory(s, ctx.body, null, now, false);
			storeInventory(s, it, null);
			return { status: 201, body: envelope(started, { message: 'Inventory item created', inventory_item: publicInventory(it) }) };
		}
		methods('GET', 'PUT', 'DELETE');
		const prev = findInventory(s, ctx.sub.split('/').filter(Boolean)[1]);
		if (M === 'GET') return { status: 200, body: envelope(started, { inventory_item: publicInventory(prev) }) };
		if (M === 'PUT') {
			const it = readInventory(s, ctx.body, prev, now, false);
			storeInventory(s, it, prev);
			return { status: 200, body: envelope(started, { message: 'Inventory item updated', inventory_item: publicInventory(it) }) };
		}
		s.inventory.splice(s.inventory.indexOf(prev), 1);
		s.inventoryById.delete(prev.id);
		s.inventoryByCode.delete(lc(prev.code));
		return { status: 200, body: envelope(started, { message: `Inventory item ${prev.id} deleted` }) };
	}
	return fail(404, `Unknown endpoint ${M} /${p.join('/')}`);
}

/** Indexes over the seeded data (registry seed.prepare). */
function prepare(s) {
	s.orderById = new Map(s.orders.map((o) => [o.id, o]));
	s.inventoryById = new Map(s.inventory.map((it) => [it.id, it]));
	s.inventoryByCode = new Map(s.inventory.map((it) => [lc(it.code), it]));
	s.conflicts = {};
}

// ---------- control ----------
function snapshot(s) {
	return {
		store: publicStore(s),
		folders: { ...s.folders },
		orders: s.orders.map(publicOrder),
		inventoryItems: s.inventory.map(publicInventory),
	};
}
/**
 * Change data as an Order Desk user would (bumps date_updated):
 * {entity:"order", id, patch?, conflicts?} — patch merges top-level fields (folder_name moves it;
 *   checkout_data / order_metadata merge key by key); conflicts: the next N PUTs of it answer 409;
 * {entity:"inventory", code | id, patch}.
 */
function mutate(s, body) {
	const now = Date.now();
	const entity = lc(body.entity);
	if (entity === 'order') {
		const o = s.orderById.get(str(body.id));
		if (!o) throw Object.assign(new Error(`order ${body.id} not found`), { status: 404 });
		if (body.conflicts != null) s.conflicts[o.id] = Math.max(0, Number(body.conflicts) || 0);
		const patch = obj(body.patch);
		if (Object.keys(patch).length) {
			const folder = folderIdOf(s, patch);
			const next = buildOrder(s, { ...o, ...patch, folder_id: folder ?? o.folder_id, folder_name: undefined,
				checkout_data: { ...o.checkout_data, ...obj(patch.checkout_data) }, order_metadata: { ...o.order_metadata, ...obj(patch.order_metadata) } }, o, Math.max(now, o._updated + 1));
			s.orders[s.orders.indexOf(o)] = next;
			s.orderById.set(next.id, next);
			return publicOrder(next);
		}
		return publicOrder(o);
	}
	if (entity === 'inventory') {
		const prev = body.id != null ? s.inventoryById.get(str(body.id)) : s.inventoryByCode.get(lc(body.code));
		if (!prev) throw Object.assign(new Error('inventory item not found (give code or id)'), { status: 404 });
		const it = readInventory(s, obj(body.patch), prev, now, true);
		storeInventory(s, it, prev);
		return publicInventory(it);
	}
	throw Object.assign(new Error('entity must be order or inventory'), { status: 400 });
}

module.exports = {
	name: 'orderdesk', route, authenticate, rateKey, throttle, decorate, errorBody, handle, prepare, snapshot, mutate, MAX_BATCH, MAX_LIMIT,
};
