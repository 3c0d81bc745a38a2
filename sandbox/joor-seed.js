'use strict';
// JOOR demo / bench data, built from the seeded Cin7 Core account so the flows meet: styles for
// Cin7 product families and 'featured' products (style = family SKU or product SKU; sizes from the
// family's Size option, else OS; one colour ONE unless the family has a Colour option; UPC = the
// product's Barcode), a merchant-built linesheet ("Showroom Picks") and a made-to-order one (code
// MTO), stale inventory, connections for some wholesale customers (customer code = the Cin7 Core
// customer ID) and orders in every state: approved not exported, exported, modified since export,
// pending, shipped, cancelled, notes; customers known by code, by name only, or new; an order with a
// SKU Cin7 Core does not have; warehouses mapped to Cin7 locations or Default.

const DAY = 86400000;
const iso = (ms) => new Date(ms).toISOString();
const pad = (n, w) => String(n).padStart(w, '0');

const WAREHOUSES = ['Default', 'Main', 'Sydney', 'Auckland'];
const PRICE_TYPES = [
	{ id: 1, price_label: 'Wholesale', currency: 'AUD' },
	{ id: 2, price_label: 'Wholesale', currency: 'NZD' },
	{ id: 3, price_label: 'Retail', currency: 'AUD' },
];
const UNKNOWN_LINE = { style_number: 'JOOR-ONLY-01', style_identifier: 'JOOR-ONLY-01', style_name: 'Sample Duffel (not in Cin7 Core)', color_code: 'ONE', color_name: 'One Colour', size: 'OS', upc: '0999000000017', sku: 'SKU-99999', price: 42 };

/** The JOOR style, colour and size a Cin7 Core product sells as (the templates use the same rule). */
function styleOfProduct(core, p) {
	const fam = core.families.find((f) => f.Products.some((m) => m.ID === p.ID));
	if (fam) {
		const m = fam.Products.find((x) => x.ID === p.ID);
		const optIndex = (re) => [1, 2, 3].find((i) => re.test(String(fam[`Option${i}Name`] || '')));
		const ci = optIndex(/^colou?r$/i);
		const si = optIndex(/^size$/i);
		const colour = ci ? m[`Option${ci}`] : null;
		return { style_number: fam.SKU, style_identifier: fam.SKU, style_name: fam.Name, color_code: colour ? String(colour).toUpperCase() : 'ONE', color_name: colour || 'One Colour', size: si ? String(m[`Option${si}`]) : 'OS' };
	}
	return { style_number: p.SKU, style_identifier: p.SKU, style_name: p.Name, color_code: 'ONE', color_name: 'One Colour', size: 'OS' };
}

function address(name, i, city) {
	return { id: 9000 + i, code: `ADDR-${pad(i, 4)}`, name, company: name, line_1: `${i} Market Street`, line_2: '', city: city[0], state: city[1], zip: city[2], country: city[3], phone: `02 8${pad(i, 3)} 1000`, fax: '', email: `orders${i}@example-retailer.com` };
}

/** A full order record from a spec (status, customer, lines, warehouse, export state). */
function makeOrder(s, spec, when) {
	s.nextOrderId = s.nextOrderId || 500001;
	const id = spec.id || s.nextOrderId++;
	const lines = (spec.line_items || []).map((l, i) => ({ id: id * 100 + i + 1, ...l, quantity: Number(l.quantity), price: Number(l.price), total: Math.round(Number(l.quantity) * Number(l.price) * 100) / 100 }));
	const created = spec.date_created || when;
	const o = {
		id, po_number: String(id), status: spec.status || 'Approved', customer_code: spec.customer_code || '', customer_name: spec.customer_name || '',
		customer_group_name: spec.customer_group_name || 'Wholesale', currency: spec.currency || 'AUD', price_label: spec.price_label || 'Wholesale', warehouse: spec.warehouse == null ? 'Default' : spec.warehouse,
		total: Math.round(lines.reduce((a, l) => a + l.total, 0) * 100) / 100, total_units: lines.reduce((a, l) => a + l.quantity, 0),
		date_created: created, date_approved: ['Approved', 'Shipped'].includes(spec.status || 'Approved') ? spec.date_approved || when : null, date_modified: spec.date_modified || when,
		start_ship_date: spec.start_ship_date || null, complete_ship_date: spec.complete_ship_date || null,
		comments: spec.comments || '', internal_comments: '', tracking_number: null,
		shipping_address: spec.shipping_address || null, billing_address: spec.billing_address || spec.shipping_address || null,
		shipping_method: { id: 1, code: 'GROUND', name: 'Ground' },
		line_items: lines, _export: spec.export || 'none', exported_on: spec.export && spec.export !== 'none' ? spec.exported_on || when : null, export_description: '',
	};
	return o;
}

function seedJoor(rng, sz, anchor, core) {
	const s = {
		warehouses: WAREHOUSES.map((name, i) => ({ id: i + 1, name, is_default: name === 'Default' })),
		priceTypes: PRICE_TYPES.map((p) => ({ ...p })),
		styles: [], linesheets: [], inventory: [], connections: [], orders: [], jobs: [],
		nextStyleId: 70001, nextLinesheetId: 1, nextConnectionId: 30001, nextOrderId: 500001,
	};
	const active = core.products.filter((p) => p.Status === 'Active' && /^SKU-/.test(p.SKU));
	const productBySku = new Map(core.products.map((p) => [p.SKU, p]));
	const t0 = anchor - 60 * DAY;
	// styles as an earlier integration run left them (families first, then featured products)
	const addStyle = (sku, members) => {
		const first = styleOfProduct(core, members[0]);
		const st = {
			id: s.nextStyleId++, style_number: first.style_number, style_identifier: first.style_identifier, style_name: first.style_name, description: '',
			colors: [], sizes: [], skus: [], prices: [], images: [], made_to_order: false, created_by_api: true, created_at: iso(t0), modified_at: iso(t0),
		};
		for (const p of members) {
			const v = styleOfProduct(core, p);
			if (!st.colors.some((c) => c.color_code === v.color_code)) st.colors.push({ color_code: v.color_code, color_name: v.color_name });
			if (!st.sizes.includes(v.size)) st.sizes.push(v.size);
			st.skus.push({ color_code: v.color_code, size: v.size, upc: p.Barcode || null });
		}
		const base = members[0];
		st.prices = [{ price_type_id: 1, price_label: 'Wholesale', currency: 'AUD', wholesale: base.PriceTier2, retail: base.PriceTier1 }];
		s.styles.push(st);
		return st;
	};
	const famStyles = core.families.slice(0, Math.min(core.families.length, 3)).map((f) => addStyle(f.SKU, f.Products.map((m) => productBySku.get(m.SKU)).filter(Boolean)));
	const mto = {
		id: s.nextStyleId++, style_number: 'MTO-0001', style_identifier: 'MTO-0001', style_name: 'Made-to-order Trench (JOOR only)', description: 'Made to order in JOOR; not in Cin7 Core.',
		colors: [{ color_code: 'ONE', color_name: 'One Colour' }], sizes: ['OS'], skus: [{ color_code: 'ONE', size: 'OS', upc: '0999000000024' }],
		prices: [{ price_type_id: 1, price_label: 'Wholesale', currency: 'AUD', wholesale: 180, retail: 390 }], images: [], made_to_order: true, created_by_api: false, created_at: iso(t0), modified_at: iso(t0),
	};
	s.styles.push(mto);
	const linesheet = (name, extra, items) => {
		const ls = { id: `col-${pad(s.nextLinesheetId++, 5)}`, name, external_id: null, season_id: null, delivery: { type: 'IMMEDIATE' }, made_to_order: false, code: null, created_by_api: false, items, created_at: iso(t0), modified_at: iso(t0), ...extra };
		s.linesheets.push(ls);
		return ls;
	};
	// the merchant's own linesheet, built by hand in JOOR: a flow must never strip it
	linesheet('Showroom Picks', {}, famStyles.slice(0, 2).map((st) => ({ style_id: st.id, by_api: false, added_at: iso(t0) })));
	linesheet('Made To Order', { made_to_order: true, code: 'MTO' }, [{ style_id: mto.id, by_api: false, added_at: iso(t0) }]);
	if (famStyles[0]) linesheet('SS25', { created_by_api: true }, [{ style_id: famStyles[0].id, by_api: true, added_at: iso(t0) }]);
	// stale inventory of the existing styles in Main, and the made-to-order style's
	for (const st of famStyles) for (const k of st.skus) s.inventory.push({ style_id: st.id, style_number: st.style_number, style_identifier: st.style_identifier, color_code: k.color_code, size: k.size, upc: k.upc, warehouse: 'Main', inventory: 7, inventory_date: null, made_to_order: false, updated_at: iso(t0) });
	s.inventory.push({ style_id: mto.id, style_number: mto.style_number, style_identifier: mto.style_identifier, color_code: 'ONE', size: 'OS', upc: '0999000000024', warehouse: 'Main', inventory: 999, inventory_date: null, made_to_order: true, updated_at: iso(t0) });

	// customers: some wholesale Cin7 Core customers are connected already (code = Cin7 customer ID)
	const wholesale = core.customers.filter((c) => c.Status === 'Active' && /wholesale/i.test(c.Tags || ''));
	for (const c of wholesale.slice(0, 4)) {
		const a = c.Addresses.find((x) => x.Type === 'Shipping') || c.Addresses[0];
		s.connections.push({
			id: s.nextConnectionId++, customer_code: c.ID, customer_name: c.Name, status: 'Connected', created_by_api: true, email: '', buyer_name: '', customer_group: 'Wholesale',
			price_types: [{ currency: c.Currency, price_label: 'Wholesale' }], warehouses: [], created_at: iso(t0), modified_at: iso(t0),
			shipping_address: { line_1: a.Line1, city: a.City, state: a.State, zip: a.Postcode, country: a.Country },
		});
	}

	// orders
	const CITIES = [['Sydney', 'NSW', '2000', 'Australia'], ['Melbourne', 'VIC', '3000', 'Australia'], ['Auckland', 'AUK', '1010', 'New Zealand']];
	const lineOf = (p, qty) => ({ ...styleOfProduct(core, p), upc: p.Barcode, sku: p.SKU, quantity: qty, price: p.PriceTier2 });
	const pick = () => active[rng.int(0, active.length - 1)];
	const lines = (n) => { const out = []; const used = new Set(); while (out.length < n) { const p = pick(); if (used.has(p.SKU)) continue; used.add(p.SKU); out.push(lineOf(p, rng.int(1, 12))); } return out; };
	const cust = (i) => wholesale[i % Math.max(1, wholesale.length)];
	const approvedAt = (k) => iso(anchor - (20 - (k % 20)) * DAY);
	const order = (spec, k) => {
		const when = approvedAt(k);
		const ship = address(spec.customer_name, k, CITIES[k % CITIES.length]);
		s.orders.push(makeOrder(s, { date_created: iso(Date.parse(when) - 2 * DAY), shipping_address: ship, ...spec }, when));
	};
	const fixed = [];
	if (wholesale.length && active.length) {
		const byCode = (i, extra) => ({ customer_code: cust(i).ID, customer_name: cust(i).Name, line_items: lines(rng.int(1, 4)), ...extra });
		fixed.push(byCode(0, { warehouse: 'Main' }));
		fixed.push(byCode(1, { warehouse: 'Sydney', comments: 'Deliver to the back dock' }));
		fixed.push(byCode(2, { warehouse: 'Default' }));
		fixed.push(byCode(3, { warehouse: 'Auckland', currency: 'NZD' }));
		// known to Cin7 Core by name only (code set in JOOR by hand)
		fixed.push({ customer_code: 'R-20005', customer_name: cust(5).Name, warehouse: 'Main', line_items: lines(2) });
		// a retailer Cin7 Core has never seen: the flow creates the customer
		fixed.push({ customer_code: 'R-20006', customer_name: 'Harbour Lane Boutique', warehouse: 'Main', line_items: lines(3) });
		// an order with a SKU Cin7 Core does not have: never half-imported
		fixed.push({ customer_code: cust(6).ID, customer_name: cust(6).Name, warehouse: 'Main', line_items: [...lines(1), { ...UNKNOWN_LINE, quantity: 2 }] });
		// exported by the old integration; its Cin7 sale was made by hand
		fixed.push(byCode(7, { export: 'exported' }));
		fixed.push(byCode(8, { status: 'Pending' }));
		fixed.push(byCode(9, { status: 'Pending' }));
		fixed.push(byCode(10, { status: 'Cancelled' }));
		fixed.push(byCode(11, { status: 'Shipped', export: 'exported' }));
		fixed.push(byCode(12, { status: 'Notes' }));
		fixed.push(byCode(13, { warehouse: 'Sydney' }));
	}
	const n = Math.max(sz.joorOrders || 0, 0);
	for (let k = 0; k < n; k++) {
		if (k < fixed.length) { order(fixed[k], k); continue; }
		const c = cust(k);
		order({ customer_code: c.ID, customer_name: c.Name, warehouse: WAREHOUSES[1 + (k % 3)], line_items: lines(rng.int(1, 5)) }, k);
	}
	return s;
}

/** Registry seed.build: the JOOR account built from the seeded Cin7 Core account. */
function build(rng, sz, anchor, state) {
	return seedJoor(rng, sz, anchor, state.cin7core);
}

module.exports = { build, seedJoor, makeOrder, styleOfProduct, WAREHOUSES, PRICE_TYPES, UNKNOWN_LINE };
