'use strict';
// Seeded Order Desk store: the folders of the seed's Cin7 integration (submit, after import, after
// shipment, if canceled, errors), orders whose items are Cin7 Omni option codes (folder "Submit to
// Cin7") or Cin7 Core SKUs ("Submit to Cin7 Core"), carrying the seed's checkout-data / metadata
// fields in every combination, one order per failure the seed's rule events name (invalid SKU, no
// products available, a general error Cin7 itself reports), and inventory items for Omni codes and
// Core SKUs. Built from the Cin7 sandboxes' seeded data (sandbox/systems.js hands it over).

const DAY = 86400000;
const pad = (n, w) => String(n).padStart(w, '0');
const round2 = (n) => Math.round(n * 100) / 100;

// Folder ids as a store shows them; the names are the seed's integration settings.
const FOLDERS = {
	1: 'New', 2: 'Prepared', 3: 'Closed', 4: 'Canceled',
	10: 'Submit to Cin7', 11: 'Submit to Cin7 Core', 12: 'Sent to Cin7', 13: 'Shipped', 14: 'Cin7 Errors',
};
const FOLDER = { new: 1, prepared: 2, closed: 3, omni: 10, core: 11 };
const SHIP_METHODS = ['Express Post', 'Courier Overnight', 'Standard Parcel', 'International Economy'];
const OMNI_STAGES = ['Processing', 'Awaiting Payment', 'On Hold'];
const SOURCES = [['Shopify', 'shopify'], ['WooCommerce', 'woo'], ['Amazon', 'amz']];
const CUSTOM_FIELDS = [['gift_message', 'Happy birthday!'], ['sales_channel', 'Marketplace'], ['packing_note', 'Fragile'], ['promo', 'SPRING25']];

/**
 * The seed's order-level fields for order number i (checkout data or metadata, as the seed allows
 * both). Every field appears on some orders and is absent on others.
 */
function orderFields(i, system, branches, locations, anchor) {
	const checkout = {};
	const meta = { marketplace_order_ref: `MP-${pad(i, 6)}` };
	if (i % 4 === 0) checkout.ShipMethod = SHIP_METHODS[i % SHIP_METHODS.length];
	else if (i % 4 === 1) meta.cin7_ship_method = SHIP_METHODS[(i + 1) % SHIP_METHODS.length];
	else if (i % 4 === 2) checkout.cin7_ship_method = SHIP_METHODS[(i + 2) % SHIP_METHODS.length];
	// Cin7 Core's only stages a sale is written with are its order statuses; 'On Hold' is not one
	if (i % 3 === 0) checkout.Stage = system === 'omni' ? OMNI_STAGES[i % OMNI_STAGES.length] : i % 2 ? 'AUTHORISED' : 'On Hold';
	if (i % 2 === 0) checkout.CustomerOrderNo = `PO-${pad(i, 5)}`;
	if (i % 5 === 0 && branches.length) checkout.BranchId = String(branches[i % branches.length]);
	// Cin7 Core has no branches: its twin of BranchId is the location a sale ships from (by name)
	if (system === 'core' && i % 3 === 1 && locations.length) (i % 2 ? meta : checkout).BranchId = locations[Math.floor(i / 3) % locations.length];
	if (i % 6 === 0) checkout.DispatchedDate = new Date(anchor + ((i % 9) + 2) * DAY).toISOString().slice(0, 10);
	if (i % 4 === 3) meta.AccountingImportStatus = 'Not Imported';
	const nCustom = i % 7 === 0 ? 2 : i % 11 === 0 ? 4 : 0;
	for (let k = 1; k <= nCustom; k++) {
		const target = k % 2 ? checkout : meta;
		target[`CustomFieldName${k}`] = CUSTOM_FIELDS[k - 1][0];
		target[`CustomFieldValue${k}`] = CUSTOM_FIELDS[k - 1][1];
	}
	return { checkout, meta };
}

function address(c) {
	return { first_name: c.first, last_name: c.last, company: c.company, address1: c.address1, address2: '', address3: '', address4: '', city: c.city, state: c.state, postal_code: c.postal, country: c.country, phone: c.phone };
}

function seedOrderDesk(rng, sz, anchor, state) {
	const omni = state.cin7omni;
	const core = state.cin7core;
	const omniProducts = new Map(omni.products.map((p) => [p.id, p]));
	const omniCodes = omni.options.filter((o) => omniProducts.get(o.productId) && omniProducts.get(o.productId).status !== 'Inactive')
		.map((o) => ({ code: o.code, name: `${omniProducts.get(o.productId).name} ${o.size}`, price: o.retailPrice, weight: o.optionWeight }));
	const coreCodes = core.products.filter((p) => p.Status !== 'Deprecated' && p.Type !== 'Service').map((p) => ({ code: p.SKU, name: p.Name, price: p.PriceTier1, weight: p.Weight }));
	const omniPeople = omni.contacts.filter((c) => c.type === 'Customer' && c.isActive && c.email).map((c) => ({ email: c.email, first: c.firstName, last: c.lastName, company: c.company, address1: c.address1, city: c.city, state: c.state, postal: c.postCode, country: c.country, phone: c.phone }));
	const corePeople = core.customers.filter((c) => c.Status !== 'Deprecated').map((c) => ({ c, d: c.Contacts.find((x) => x.Default) })).filter((x) => x.d && x.d.Email)
		.map(({ c, d }) => { const [first, ...rest] = String(d.Name || c.Name).split(' '); const a = (c.Addresses || [])[0] || {}; return { email: d.Email, first, last: rest.join(' '), company: c.Name, address1: a.Line1 || '1 Main Street', city: a.City || 'Sydney', state: a.State || 'NSW', postal: a.Postcode || '2000', country: a.Country || 'Australia', phone: d.Phone || '' }; });
	const omniBranches = omni.branches.map((b) => b.id);
	// locations other than the default one, so a BranchId visibly moves the sale
	const coreLocations = core.locations.filter((l) => !l.IsDefault && !l.Deprecated && l.Name !== 'Quarantine').map((l) => l.Name);
	let nextItemId = 700001;
	const orders = [];
	let omniSeen = 0;
	let coreSeen = 0;
	for (let i = 1; i <= sz.odOrders; i++) {
		const slot = i % 5;
		const system = slot <= 1 ? 'omni' : slot === 2 ? 'core' : i % 2 ? 'omni' : 'core';
		const folder = slot <= 1 ? FOLDER.omni : slot === 2 ? FOLDER.core : slot === 3 ? (i % 2 ? FOLDER.new : FOLDER.prepared) : FOLDER.closed;
		const codes = system === 'omni' ? omniCodes : coreCodes;
		const people = system === 'omni' ? omniPeople : corePeople;
		// most customers already exist in Cin7; every 8th is new there (a flow must create the customer);
		// Cin7 Core's new buyers order more than once (i ≡ 7 mod 40), so one run must create them once
		const buyer = system === 'core' ? i % 40 : i;
		const person = i % 8 === 7 || !people.length
			? { email: `od.buyer${buyer}@example-orderdesk.com`, first: 'New', last: `Buyer ${buyer}`, company: '', address1: `${buyer} Harbour Road`, city: 'Auckland', state: 'AUK', postal: '1010', country: 'New Zealand', phone: `021 ${pad(buyer, 6)}` }
			: people[(i * 7) % people.length];
		const nItems = rng.int(1, 3);
		const items = [];
		const used = new Set();
		for (let k = 0; k < nItems && codes.length; k++) {
			const p = codes[rng.int(0, codes.length - 1)];
			if (used.has(p.code)) continue;
			used.add(p.code);
			items.push({ id: String(nextItemId++), name: p.name, code: p.code, price: p.price, quantity: rng.int(1, 4), weight: p.weight || 0, delivery_type: 'ship', category_code: '', variation_list: {}, metadata: k === 0 ? { line_ref: `L${i}-${k + 1}` } : {} });
		}
		const { checkout, meta } = orderFields(i, system, system === 'omni' ? omniBranches : [], coreLocations, anchor);
		// the seed's rule events, one order each in both submit folders
		const inSubmit = folder === FOLDER.omni || folder === FOLDER.core;
		const nth = inSubmit ? (system === 'omni' ? ++omniSeen : ++coreSeen) : 0;
		if (nth === 3) items.push({ id: String(nextItemId++), name: 'Discontinued widget', code: `NO-SUCH-SKU-${i}`, price: 9.5, quantity: 1, weight: 0, delivery_type: 'ship', category_code: '', variation_list: {}, metadata: {} });
		if (nth === 4) { items.length = 0; items.push({ id: String(nextItemId++), name: 'Gift wrapping', code: '', price: 4, quantity: 1, weight: 0, delivery_type: 'none', category_code: '', variation_list: {}, metadata: {} }); }
		if (nth === 5) checkout.BranchId = system === 'omni' ? '99' : 'Closed Warehouse';
		const added = anchor - rng.int(1, 30) * DAY - rng.int(0, DAY);
		const updated = Math.min(anchor, added + rng.int(0, 3) * DAY + rng.int(0, 3600000));
		const productTotal = round2(items.reduce((a, it) => a + it.price * it.quantity, 0));
		const shippingTotal = [0, 5.95, 9.95][i % 3];
		const [sourceName, sourcePrefix] = SOURCES[i % SOURCES.length];
		orders.push({
			id: String(500000 + i), source_id: `${sourcePrefix}-${1000 + i}`, source_name: sourceName, email: person.email, shipping_method: i % 3 === 0 ? 'Standard' : 'Express',
			quantity_total: items.reduce((a, it) => a + it.quantity, 0), weight_total: round2(items.reduce((a, it) => a + it.weight * it.quantity, 0)), product_total: productTotal,
			shipping_total: shippingTotal, handling_total: 0, tax_total: round2(productTotal * 0.1), discount_total: 0, order_total: round2(productTotal * 1.1 + shippingTotal),
			cc_number_masked: 'xxxx-xxxx-xxxx-4242', cc_exp: '12/28', processor_response: 'Approved', payment_type: 'Visa', payment_status: 'Approved', processor_balance: 0, refund_total: 0,
			customer_id: '', email_count: 1, ip_address: `10.0.${i % 250}.${(i * 7) % 250}`, tag_color: '', tag_name: '', fulfillment_name: '', fulfillment_id: '', folder_id: folder,
			shipping: address(person), customer: address(person),
			return_address: { title: '', name: 'Returns Dept', company: 'Sandbox Store', address1: '1 Warehouse Way', address2: '', city: 'Sydney', state: 'NSW', postal_code: '2000', country: 'Australia', phone: '' },
			checkout_data: checkout, order_metadata: meta, discount_list: [], order_items: items, order_notes: [], order_shipments: [], _added: added, _updated: updated,
		});
	}
	const inventory = [];
	const half = Math.ceil(sz.odInventory / 2);
	const invCodes = [...omniCodes.slice(0, half), ...coreCodes.slice(0, sz.odInventory - Math.min(half, omniCodes.length))].slice(0, sz.odInventory);
	invCodes.forEach((p, k) => {
		const at = anchor - rng.int(1, 90) * DAY;
		inventory.push({ id: String(900001 + k), name: p.name, code: p.code, price: p.price, cost: round2(p.price * 0.45), weight: p.weight || 0, stock: rng.int(0, 60), location: '', metadata: {}, update_source: 'Cin7', _added: at, _updated: at });
	});
	return {
		store: { name: 'Sandbox Order Desk Store', currency: 'USD' }, folders: { ...FOLDERS }, defaultFolderId: FOLDER.new,
		orders, inventory, nextOrderId: 500000 + sz.odOrders + 1, nextItemId, nextShipmentId: 300001, nextInventoryId: 900001 + inventory.length,
	};
}

module.exports = { seedOrderDesk, FOLDERS };
