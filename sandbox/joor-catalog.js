'use strict';
// JOOR catalog emulation (targets-api.md §5.3–5.4, §9): v2 styles (single and bulk async job),
// linesheet membership through a style's deliveries with `delivery_overwrite` (default 1 = replace
// all linesheets, 2 replace API-created, 3 add, 4 remove), images by URL (downloaded, as JOOR does) or as a body, JPEG/PNG ≤ 4 MB,
// bulk inventory per warehouse (warehouses must exist, `overwrite=1` replaces the whole account's
// inventory, `dec_pending=1` deducts pending orders, UPC preferred), and v4 collections (=
// linesheets). Styles carry colours, sizes, per-SKU UPCs and prices per price label and currency
// (each pair must exist among the account's price types).

const { v2err, v4err, ok, iso, lc, intParam, parseJoorDate, bodyList } = require('./joor-util');
const jobs = require('./joor-jobs');

const MAX_BULK_STYLES = 1000;
const MAX_INVENTORY_ITEMS = 1000;
const MAX_IMAGE_BYTES = 4 * 1024 * 1024;
const OVERWRITE = { 1: 'replace all', 2: 'replace API-created', 3: 'add', 4: 'remove' };

// ---------- indexes ----------
const styleKey = (number, identifier) => `${lc(number)}|${lc(identifier || number)}`;
function styleIdx(s) {
	if (!s._styleIdx) { s._styleIdx = new Map(); for (const st of s.styles) s._styleIdx.set(styleKey(st.style_number, st.style_identifier), st); }
	return s._styleIdx;
}
/** UPC → {style, sku}, kept current by writeStyle / deleteStyle (bench accounts hold 10k styles). */
function upcIdx(s) {
	if (!s._upcIdx) {
		s._upcIdx = new Map();
		for (const st of s.styles) for (const k of st.skus) if (k.upc) s._upcIdx.set(String(k.upc), { style: st, sku: k });
	}
	return s._upcIdx;
}
function indexSkus(s, st, add) {
	const m = upcIdx(s);
	for (const k of st.skus) if (k.upc) { if (add) m.set(String(k.upc), { style: st, sku: k }); else if (m.get(String(k.upc)) && m.get(String(k.upc)).style === st) m.delete(String(k.upc)); }
}
const findStyle = (s, number, identifier) => styleIdx(s).get(styleKey(number, identifier));
/** The style of an order line (by style number and identifier), or null when it was deleted. */
function styleForLine(s, l) { return findStyle(s, l.style_number, l.style_identifier) || null; }
const linesheetByName = (s, name) => s.linesheets.find((x) => lc(x.name) === lc(name));

// ---------- styles ----------
function publicStyle(s, st) {
	const { _created, ...rest } = st;
	return {
		...JSON.parse(JSON.stringify(rest)),
		deliveries: s.linesheets.filter((ls) => ls.items.some((i) => i.style_id === st.id))
			.map((ls) => ({ linesheet_id: ls.id, linesheet: ls.name, added_by_api: ls.items.find((i) => i.style_id === st.id).by_api })),
	};
}

/** Validate one style record; returns an error text or null. */
function validateStyle(s, r, existing) {
	if (!r || typeof r !== 'object') return 'The style record must be an object.';
	if (!r.style_number) return 'style_number is required.';
	if (String(r.style_number).length > 45) return `style_number '${r.style_number}' is longer than 45 characters.`;
	if (r.style_identifier != null && String(r.style_identifier).length > 100) return 'style_identifier is longer than 100 characters.';
	if (!existing && !r.style_name) return 'style_name is required for a new style.';
	if (r.style_name != null && String(r.style_name).length > 100) return 'style_name is longer than 100 characters.';
	for (const p of r.prices || []) {
		const label = p.price_label != null ? p.price_label : p.price_type;
		if (!s.priceTypes.some((t) => lc(t.currency) === lc(p.currency) && lc(t.price_label) === lc(label))) {
			return `Price type '${label}' in currency '${p.currency}' does not exist in this account (known: ${s.priceTypes.map((t) => `${t.price_label} ${t.currency}`).join(', ')}).`;
		}
		if (p.wholesale != null && !(Number(p.wholesale) >= 0)) return `Wholesale price '${p.wholesale}' is not a number.`;
	}
	const colors = (r.colors || (existing && existing.colors) || []).map((c) => lc(c.color_code));
	const sizes = (r.sizes || (existing && existing.sizes) || []).map((z) => lc(typeof z === 'object' ? z.size : z));
	const upcs = upcIdx(s);
	const seen = new Set();
	for (const k of r.skus || r.upcs || []) {
		if (k.color_code != null && colors.length && !colors.includes(lc(k.color_code))) return `SKU colour '${k.color_code}' is not one of the style's colours.`;
		if (k.size != null && sizes.length && !sizes.includes(lc(k.size))) return `SKU size '${k.size}' is not one of the style's sizes.`;
		if (k.upc) {
			if (seen.has(String(k.upc))) return `UPC ${k.upc} is given twice.`;
			seen.add(String(k.upc));
			const other = upcs.get(String(k.upc));
			if (other && other.style !== existing) return `UPC ${k.upc} already belongs to style ${other.style.style_number}.`;
		}
	}
	for (const d of r.deliveries || []) {
		if (d.linesheet_id != null && !s.linesheets.some((x) => String(x.id) === String(d.linesheet_id))) return `Linesheet ${d.linesheet_id} does not exist.`;
		if (d.linesheet_id == null && !(d.linesheet || d.linesheet_name || d.name)) return 'A delivery needs linesheet (name) or linesheet_id.';
	}
	const ov = r.delivery_overwrite;
	if (ov != null && !OVERWRITE[Number(ov)]) return `delivery_overwrite must be 1, 2, 3 or 4 (got '${ov}').`;
	return null;
}

/** Apply a style's deliveries by its delivery_overwrite (default 1: replace ALL linesheets). */
function applyDeliveries(s, st, deliveries, overwrite) {
	const targets = deliveries.map((d) => {
		if (d.linesheet_id != null) return s.linesheets.find((x) => String(x.id) === String(d.linesheet_id));
		const name = d.linesheet || d.linesheet_name || d.name;
		let ls = linesheetByName(s, name);
		if (!ls) { ls = newLinesheet(s, { name, external_id: null }, true); }
		return ls;
	});
	const targetIds = new Set(targets.map((t) => t.id));
	const drop = (pred) => { for (const ls of s.linesheets) ls.items = ls.items.filter((i) => !(i.style_id === st.id && pred(ls, i))); };
	if (overwrite === 1) drop((ls) => !targetIds.has(ls.id));
	if (overwrite === 2) drop((ls, i) => i.by_api && !targetIds.has(ls.id));
	if (overwrite === 4) { drop((ls) => targetIds.has(ls.id)); return; }
	for (const ls of targets) if (!ls.items.some((i) => i.style_id === st.id)) { ls.items.push({ style_id: st.id, by_api: true, added_at: iso() }); ls.modified_at = iso(); }
}

/** Create or update one style (keyed by style number + identifier); returns {style, created}. */
function writeStyle(s, r, defaultOverwrite) {
	const existing = findStyle(s, r.style_number, r.style_identifier);
	const why = validateStyle(s, r, existing);
	if (why) return { error: why };
	const when = iso();
	let st = existing;
	if (!st) {
		st = {
			id: s.nextStyleId++, style_number: String(r.style_number), style_identifier: String(r.style_identifier || r.style_number), style_name: '', description: '',
			colors: [], sizes: [], skus: [], prices: [], images: [], made_to_order: false, created_by_api: true, created_at: when, modified_at: when,
		};
		s.styles.push(st);
		styleIdx(s).set(styleKey(st.style_number, st.style_identifier), st);
	}
	for (const f of ['style_name', 'description', 'made_to_order', 'season', 'category']) if (r[f] !== undefined) st[f] = r[f];
	if (r.colors) st.colors = r.colors.map((c) => ({ color_code: String(c.color_code), color_name: c.color_name || String(c.color_code) }));
	if (r.sizes) st.sizes = r.sizes.map((z) => (typeof z === 'object' ? String(z.size) : String(z)));
	if (r.skus || r.upcs) {
		indexSkus(s, st, false);
		st.skus = (r.skus || r.upcs).map((k) => ({ color_code: k.color_code == null ? null : String(k.color_code), size: k.size == null ? null : String(k.size), upc: k.upc == null ? null : String(k.upc) }));
		indexSkus(s, st, true);
	}
	if (r.prices) {
		st.prices = r.prices.map((p) => {
			const t = s.priceTypes.find((x) => lc(x.currency) === lc(p.currency) && lc(x.price_label) === lc(p.price_label != null ? p.price_label : p.price_type));
			return { price_type_id: t.id, price_label: t.price_label, currency: t.currency, wholesale: p.wholesale == null ? null : Number(p.wholesale), retail: p.retail == null ? null : Number(p.retail) };
		});
	}
	if (r.deliveries) applyDeliveries(s, st, r.deliveries, Number(r.delivery_overwrite != null ? r.delivery_overwrite : defaultOverwrite));
	st.modified_at = when;
	return { style: st, created: !existing };
}

function listStyles(ctx) {
	const s = ctx.state;
	const q = ctx.q;
	const startFrom = intParam(q.start_from, 'start_from', 0, 0, Infinity);
	const count = Math.min(100, intParam(q.count, 'count', 50, 1, Infinity));
	let rows = s.styles;
	const range = (a, b, field) => {
		if ((q[a] == null) !== (q[b] == null)) v2err(400, `${a} and ${b} must be given together.`);
		if (q[a] == null) return;
		const from = parseJoorDate(q[a], a);
		const to = parseJoorDate(q[b], b);
		rows = rows.filter((st) => { const t = Date.parse(st[field]); return t >= from && t <= to; });
	};
	range('date_start', 'date_end', 'modified_at');
	range('date_created_start', 'date_created_end', 'created_at');
	const pageRows = rows.slice(startFrom, startFrom + count);
	const next = startFrom + pageRows.length < rows.length ? startFrom + pageRows.length : null;
	return ok({ start_from: startFrom, next_start: next, count: pageRows.length, total: rows.length }, { styles: pageRows.map((st) => publicStyle(s, st)) });
}

function bulkStyle(ctx) {
	const s = ctx.state;
	const list = bodyList(ctx.body, ['styles', 'style']);
	if (!list || !list.length) v2err(400, 'The body must hold a non-empty styles list: { "styles": { "style": [ … ] } }.');
	if (list.length > MAX_BULK_STYLES) v2err(400, `At most ${MAX_BULK_STYLES} styles per bulk request (got ${list.length}).`);
	const defaultOverwrite = ctx.q.delivery_overwrite != null ? intParam(ctx.q.delivery_overwrite, 'delivery_overwrite', 1, 1, 4) : 1;
	const records = JSON.parse(JSON.stringify(list));
	const job = jobs.start(ctx, 'style', records.length, () => records.map((r) => {
		const out = writeStyle(s, r, defaultOverwrite);
		const key = { style_number: r && r.style_number, style_identifier: r && (r.style_identifier || r.style_number) };
		return out.error ? { ...key, status: 'error', message: out.error } : { ...key, status: 'success', style_id: out.style.id, action: out.created ? 'created' : 'updated' };
	}));
	return ok({ job_id: job.id, comment: `Bulk style job ${job.id} queued with ${records.length} styles.` }, {}, 202);
}

function singleStyle(ctx) {
	const s = ctx.state;
	const seg = ctx.seg;
	const M = ctx.method;
	if (seg.length === 1) {
		if (M === 'DELETE') {
			const st = findStyle(s, ctx.q.style_number, ctx.q.style_identifier);
			if (!st) v2err(404, `Style ${ctx.q.style_number || ''} not found.`);
			deleteStyle(s, st);
			return ok({}, { deleted: true });
		}
		if (M !== 'POST' && M !== 'PUT') return null;
		const r = ctx.body && (ctx.body.style || ctx.body);
		if (M === 'PUT' && !findStyle(s, r && r.style_number, r && r.style_identifier)) v2err(404, `Style ${r && r.style_number} not found; POST creates a style.`);
		const out = writeStyle(s, r, ctx.q.delivery_overwrite != null ? intParam(ctx.q.delivery_overwrite, 'delivery_overwrite', 1, 1, 4) : 1);
		if (out.error) v2err(400, out.error);
		return ok({}, { style: publicStyle(s, out.style) }, out.created ? 201 : 200);
	}
	const st = findStyle(s, seg[1], seg[2]);
	if (!st) v2err(404, `Style ${seg[1]}${seg[2] ? '/' + seg[2] : ''} not found.`);
	const action = lc(seg[3]);
	if (!action && M === 'GET') return ok({ count: 1 }, { style: publicStyle(s, st) });
	if (action === 'image' && M === 'POST') return addImage(ctx, st);
	if (action === 'inventory' && M === 'PUT') {
		const q = ctx.q;
		const row = { warehouse: q.warehouse, upc: q.upc, style_number: st.style_number, style_identifier: st.style_identifier, color_code: q.color_code, size: q.size, inventory: q.inventory, inventory_date: q.inventory_date };
		const res = setInventory(s, [row], { overwrite: false, decPending: false });
		if (res[0].status === 'error') v2err(400, res[0].message);
		return ok({}, { inventory_item: res[0] });
	}
	return null;
}

function deleteStyle(s, st) {
	s.styles.splice(s.styles.indexOf(st), 1);
	styleIdx(s).delete(styleKey(st.style_number, st.style_identifier));
	indexSkus(s, st, false);
	for (const ls of s.linesheets) ls.items = ls.items.filter((i) => i.style_id !== st.id);
	s.inventory = s.inventory.filter((r) => r.style_id !== st.id);
}

// ---------- images ----------
const IMAGE_FETCH_MS = 15000;

/**
 * JOOR downloads an image given by URL itself (targets-api.md §5.3, §9): a URL it cannot fetch, or
 * one that serves anything but a JPEG or PNG of at most 4 MB, is refused like an uploaded file.
 */
async function downloadImage(url) {
	let res;
	try {
		res = await fetch(url, { signal: AbortSignal.timeout(IMAGE_FETCH_MS), redirect: 'follow' });
	} catch (e) {
		v2err(400, `The image could not be downloaded from ${url}: ${(e && e.cause && e.cause.code) || (e && e.message) || e}.`);
	}
	if (!res.ok) v2err(400, `The image could not be downloaded from ${url}: HTTP ${res.status}.`);
	const type = lc(String(res.headers.get('content-type') || '').split(';')[0]);
	const bytes = Buffer.from(await res.arrayBuffer()).length;
	return { type, bytes };
}

async function addImage(ctx, st) {
	const s = ctx.state;
	const q = ctx.q;
	const type = lc(ctx.headers['content-type']);
	if (q.color_code && !st.colors.some((c) => lc(c.color_code) === lc(q.color_code))) v2err(400, `Colour '${q.color_code}' is not one of style ${st.style_number}'s colours.`);
	let filename = q.filename;
	let bytes = 0;
	let source;
	if (q.url) {
		if (!/^https?:\/\/\S+$/i.test(q.url)) v2err(400, `Image url '${q.url}' is not an http(s) URL.`);
		const path = new URL(q.url).pathname;
		filename = filename || path.split('/').pop();
		if (!filename) v2err(400, 'filename is required when the url has no file name.');
		const got = await downloadImage(q.url);
		if (!/^image\/(jpeg|png)$/.test(got.type)) v2err(400, `Image '${filename}' is ${got.type || 'of no stated type'}; only JPEG and PNG images are accepted.`);
		bytes = got.bytes;
		source = q.url;
	} else {
		if (!/^image\/(jpeg|png)/.test(type)) v2err(400, 'Send the image as a url parameter or an image/jpeg or image/png body; only JPEG and PNG images are accepted.');
		bytes = Buffer.byteLength(ctx.rawBody || '');
		if (!bytes) v2err(400, 'The image body is empty.');
		if (!filename) v2err(400, 'filename is required with an image body.');
		source = 'upload';
	}
	if (bytes > MAX_IMAGE_BYTES) v2err(413, `The image is ${bytes} bytes; the limit is 4 MB.`);
	const replace = String(q.replace_existing || '0') === '1';
	if (replace) st.images = st.images.filter((im) => lc(im.filename) !== lc(filename));
	s.nextImageId = (s.nextImageId || 1) + 1;
	const image = {
		id: s.nextImageId, filename, url: source, color_code: q.color_code || null, swatch: String(q.swatch || '0') === '1',
		display_order: q.display_order != null ? Number(q.display_order) : st.images.length + 1, bytes, added_at: iso(),
	};
	st.images.push(image);
	st.modified_at = iso();
	return ok({}, { image }, 201);
}

// ---------- inventory ----------
const invKey = (styleId, color, size, wh) => `${styleId}|${lc(color)}|${lc(size)}|${lc(wh)}`;

/** Pending-order units per UPC (or style|colour|size) for dec_pending. */
function pendingUnits(s) {
	const m = new Map();
	for (const o of s.orders) {
		if (o.status !== 'Pending') continue;
		for (const l of o.line_items) {
			const k = l.upc ? `upc:${l.upc}` : `sku:${lc(l.style_number)}|${lc(l.color_code)}|${lc(l.size)}`;
			m.set(k, (m.get(k) || 0) + Number(l.quantity || 0));
		}
	}
	return m;
}

/** Resolve and write inventory rows; returns one result per row. */
function setInventory(s, rows, opts) {
	const upcs = upcIdx(s);
	const pending = opts.decPending ? pendingUnits(s) : null;
	if (opts.overwrite) s.inventory = []; // overwrite=1: the WHOLE account's inventory is replaced
	const index = new Map(s.inventory.map((r) => [invKey(r.style_id, r.color_code, r.size, r.warehouse), r]));
	return rows.map((r, i) => {
		const res = { index: i, upc: r && r.upc != null ? String(r.upc) : null, style_number: r && r.style_number, color_code: r && r.color_code, size: r && r.size, warehouse: (r && r.warehouse) || 'Default' };
		const fail = (message) => ({ ...res, status: 'error', message });
		if (!r || typeof r !== 'object') return fail('The inventory item must be an object.');
		const wh = s.warehouses.find((w) => lc(w.name) === lc(res.warehouse));
		if (!wh) return fail(`Warehouse '${res.warehouse}' does not exist; add it in Order Settings (known: ${s.warehouses.map((w) => w.name).join(', ')}).`);
		const qty = Number(r.inventory);
		if (r.inventory === undefined || r.inventory === null || r.inventory === '' || !Number.isFinite(qty)) return fail(`inventory '${r.inventory}' is not a number.`);
		let style;
		let color = r.color_code;
		let size = r.size;
		if (r.upc != null && r.upc !== '') {
			const hit = upcs.get(String(r.upc));
			if (!hit) return fail(`UPC ${r.upc} does not match any SKU.`);
			style = hit.style; color = hit.sku.color_code; size = hit.sku.size;
		} else {
			style = findStyle(s, r.style_number, r.style_identifier);
			if (!style) return fail(`Style ${r.style_number || '(none)'} not found.`);
			if (!style.skus.some((k) => lc(k.color_code) === lc(color) && lc(k.size) === lc(size))
				&& !(style.colors.some((c) => lc(c.color_code) === lc(color)) && style.sizes.some((z) => lc(z) === lc(size)))) {
				return fail(`Style ${style.style_number} has no SKU with colour '${color}' and size '${size}'.`);
			}
		}
		const sku = style.skus.find((k) => lc(k.color_code) === lc(color) && lc(k.size) === lc(size));
		const upc = sku && sku.upc;
		let value = qty;
		if (pending) value = Math.max(0, qty - (pending.get(upc ? `upc:${upc}` : `sku:${lc(style.style_number)}|${lc(color)}|${lc(size)}`) || 0));
		const key = invKey(style.id, color, size, wh.name);
		let row = index.get(key);
		if (!row) {
			row = { style_id: style.id, style_number: style.style_number, style_identifier: style.style_identifier, color_code: color, size, upc: upc || null, warehouse: wh.name };
			s.inventory.push(row);
			index.set(key, row);
		}
		row.inventory = value;
		row.inventory_date = r.inventory_date || null;
		row.made_to_order = !!r.made_to_order;
		row.updated_at = iso();
		return { ...res, upc: upc || res.upc, style_number: style.style_number, color_code: color, size, warehouse: wh.name, inventory: value, status: 'success' };
	});
}

function bulkInventory(ctx) {
	const s = ctx.state;
	const list = bodyList(ctx.body, ['inventory_items', 'inventory_item']);
	if (!list) v2err(400, 'The body must be { "inventory_items": { "inventory_item": [ … ] } }.');
	if (list.length > MAX_INVENTORY_ITEMS) v2err(400, `At most ${MAX_INVENTORY_ITEMS} inventory items per request (got ${list.length}).`);
	const overwrite = intParam(ctx.q.overwrite, 'overwrite', 0, 0, 1) === 1;
	const decPending = intParam(ctx.q.dec_pending, 'dec_pending', 0, 0, 1) === 1;
	if (overwrite) s.overwrites = (s.overwrites || 0) + 1;
	const results = setInventory(s, list, { overwrite, decPending });
	const errors = results.filter((r) => r.status === 'error').length;
	return ok({ comment: errors ? `${results.length - errors} inventory items saved, ${errors} rejected.` : `${results.length} inventory items saved.`, count: results.length }, { inventory_items: { inventory_item: results } });
}

// ---------- linesheets (v4 collections) ----------
function newLinesheet(s, r, byApi) {
	const ls = {
		id: `col-${String(s.nextLinesheetId++).padStart(5, '0')}`, name: String(r.name), external_id: r.external_id || null, season_id: r.season_id || null,
		delivery: r.delivery || { type: 'IMMEDIATE' }, made_to_order: !!r.made_to_order, code: r.code || null, created_by_api: byApi, items: [], created_at: iso(), modified_at: iso(),
	};
	s.linesheets.push(ls);
	return ls;
}
const publicLinesheet = (ls) => ({ ...JSON.parse(JSON.stringify(ls)), items: ls.items.map((i) => ({ product_id: i.style_id, added_by_api: i.by_api })) });

function v4Collections(ctx, rest) {
	const s = ctx.state;
	const M = ctx.method;
	if (!rest.length && M === 'GET') {
		const offset = Math.max(0, Number(ctx.q.offset) || 0);
		const limit = Math.min(100, Math.max(1, Number(ctx.q.limit) || 100));
		let rows = s.linesheets;
		if (ctx.q.name) rows = rows.filter((x) => lc(x.name) === lc(ctx.q.name));
		if (ctx.q.external_ids) { const ids = ctx.q.external_ids.split(','); rows = rows.filter((x) => ids.includes(x.external_id)); }
		return { status: 200, body: { data: rows.slice(offset, offset + limit).map(publicLinesheet), errors: [], meta: { offset, limit, total: rows.length } } };
	}
	if (rest[0] === 'bulk_create' && M === 'POST') {
		if (!Array.isArray(ctx.body) || !ctx.body.length) v4err(400, 'The body must be a non-empty array of collections.');
		const data = [];
		const errors = [];
		ctx.body.forEach((r, i) => {
			if (!r || !r.name) { errors.push({ status: 400, message: 'name is required.', details: { index: i } }); return; }
			if (linesheetByName(s, r.name)) { errors.push({ status: 409, message: `A collection named '${r.name}' already exists.`, details: { index: i, name: r.name } }); return; }
			const ls = newLinesheet(s, r, true);
			for (const it of r.items || []) if (s.styles.some((st) => st.id === Number(it.product_id))) ls.items.push({ style_id: Number(it.product_id), by_api: true, added_at: iso() });
			data.push(publicLinesheet(ls));
		});
		return { status: errors.length && !data.length ? 400 : 200, body: { data, errors } };
	}
	return v4err(404, `No v4 resource matches ${M} /v4/collections/${rest.join('/')}.`);
}

// ---------- router ----------
function handle(ctx) {
	const seg = ctx.seg;
	const top = lc(seg[0]);
	const M = ctx.method;
	if (top === 'style' && M === 'GET') {
		if (!seg[1]) return listStyles(ctx);
		const st = ctx.state.styles.find((x) => String(x.id) === seg[1]);
		if (!st) v2err(404, `Style ${seg[1]} not found.`);
		return ok({ count: 1 }, { style: publicStyle(ctx.state, st) });
	}
	if (top === 'style-number') return singleStyle(ctx);
	if (top === 'bulk-style') {
		if (!seg[1] && (M === 'POST' || M === 'PUT')) return bulkStyle(ctx);
		if (seg[1] && M === 'GET') return jobs.status(ctx, 'style', seg[1]);
	}
	if (top === 'bulk-inventory' && (M === 'POST' || M === 'PUT')) return bulkInventory(ctx);
	return null;
}

// ---------- control ----------
function snapshot(s) {
	return {
		styles: s.styles.map((st) => publicStyle(s, st)),
		linesheets: s.linesheets.map(publicLinesheet),
		inventory: s.inventory.map((r) => ({ ...r })),
		warehouses: s.warehouses, priceTypes: s.priceTypes,
		overwrites: s.overwrites || 0,
		jobs: jobs.snapshot(s),
	};
}

/**
 * UI changes: style addToLinesheet / removeFromLinesheet (a merchant's hand-built membership,
 * by_api false) and delete; inventory set (item: warehouse, upc, inventory); style create (styles:
 * records as the bulk job takes them; set-up without credits).
 */
function mutate(s, body) {
	const entity = lc(body.entity);
	const action = lc(body.action);
	if (entity === 'inventory') {
		const res = setInventory(s, [body.item || {}], { overwrite: false, decPending: false })[0];
		if (res.status === 'error') throw Object.assign(new Error(res.message), { status: 400 });
		return res;
	}
	if (action === 'create') {
		// set-up for tests and the bench: styles written as the bulk job would, without credits
		const list = Array.isArray(body.styles) ? body.styles : [body.style || {}];
		return list.map((r) => { const out = writeStyle(s, r, 3); if (out.error) throw Object.assign(new Error(out.error), { status: 400 }); return out.style.id; });
	}
	const st = findStyle(s, body.style_number, body.style_identifier);
	if (!st) throw Object.assign(new Error(`style ${body.style_number} not found`), { status: 404 });
	if (action === 'delete') { deleteStyle(s, st); return { deleted: st.id }; }
	const ls = linesheetByName(s, body.linesheet) || newLinesheet(s, { name: body.linesheet }, false);
	if (action === 'addtolinesheet') { if (!ls.items.some((i) => i.style_id === st.id)) ls.items.push({ style_id: st.id, by_api: false, added_at: iso() }); }
	else if (action === 'removefromlinesheet') ls.items = ls.items.filter((i) => i.style_id !== st.id);
	else throw Object.assign(new Error('style action must be addToLinesheet, removeFromLinesheet or delete'), { status: 400 });
	return publicStyle(s, st);
}

module.exports = { handle, v4Collections, snapshot, mutate, styleForLine, findStyle, writeStyle, setInventory, MAX_BULK_STYLES, MAX_INVENTORY_ITEMS };
