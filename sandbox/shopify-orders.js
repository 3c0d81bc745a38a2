'use strict';
// Shopify orders (Admin GraphQL, read_orders): the B2B orders a layer such as SparkLayer places at
// the customer's B2B prices. `orders(first, after, query, sortKey, reverse)` and `order(id)`, each
// order with its customer, shipping address and line items whose unit prices are MoneyBags
// (originalUnitPriceSet: the price charged before order-level discounts; discountedUnitPriceSet:
// after line discounts). Seeded from Cin7 Core customers and products; shopify.js serves them.

const gid = (type, n) => `gid://shopify/${type}/${n}`;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const round2 = (n) => Math.round(n * 100) / 100;

const OBJECT_FIELDS = {
	Order: { customer: 'Customer', shippingAddress: 'MailingAddress', billingAddress: 'MailingAddress', lineItems: 'LineItemConnection' },
	OrderConnection: { nodes: 'Order', edges: 'OrderEdge', pageInfo: 'PageInfo' },
	OrderEdge: { node: 'Order' },
	LineItemConnection: { nodes: 'LineItem', edges: 'LineItemEdge', pageInfo: 'PageInfo' },
	LineItemEdge: { node: 'LineItem' },
	LineItem: { originalUnitPriceSet: 'MoneyBag', discountedUnitPriceSet: 'MoneyBag' },
	MoneyBag: { shopMoney: 'MoneyV2', presentmentMoney: 'MoneyV2' },
};
const CONNECTIONS = { OrderConnection: 'Order', LineItemConnection: 'LineItem' };

const money = (amount, currencyCode) => ({ __typename: 'MoneyBag', shopMoney: { __typename: 'MoneyV2', amount: amount.toFixed(2), currencyCode }, presentmentMoney: { __typename: 'MoneyV2', amount: amount.toFixed(2), currencyCode } });

/**
 * The resolvers. `h` brings shopify.js's helpers: connection, matcher, customerOut, addressOut, needScope.
 * An order searches like a customer (created_at, updated_at, tag, email, id) plus `name:#1001`.
 */
function types(s, h) {
	const field = (k) => (o) => (o[k] === undefined ? null : o[k]);
	const ord = (o) => o._o;
	const orderOut = (o) => (o ? { __typename: 'Order', _o: o } : null);
	return {
		QueryRoot: {
			orders: (o, a, ctx) => {
				h.needScope(ctx, 'read_orders');
				const keyName = String(a.sortKey || 'ID').toUpperCase();
				const key = keyName === 'UPDATED_AT' ? (x) => x.updatedAt : keyName === 'CREATED_AT' || keyName === 'PROCESSED_AT' ? (x) => x.createdAt : keyName === 'ORDER_NUMBER' ? (x) => x.number : (x) => x.n;
				const q = String(a.query || '');
				const byName = /(?:^|\s)name:'?"?(#?\w+)/i.exec(q);
				const match = h.matcher(q.replace(/(?:^|\s)name:\S+/i, ' '));
				const rows = s.orders.filter((x) => match(x) && (!byName || x.name.toLowerCase() === (byName[1].startsWith('#') ? byName[1] : `#${byName[1]}`).toLowerCase()))
					.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : x.n - y.n));
				if (a.reverse) rows.reverse();
				return h.connection('OrderConnection', rows.map(orderOut), a, (r) => r._o.n);
			},
			order: (o, a, ctx) => { h.needScope(ctx, 'read_orders'); const n = /(\d+)$/.exec(String(a.id || '')); return orderOut(n ? s.orders.find((x) => x.n === Number(n[1])) : null); },
		},
		Order: {
			id: (o) => gid('Order', ord(o).n), legacyResourceId: (o) => String(ord(o).n), name: (o) => ord(o).name,
			email: (o) => ord(o).email, createdAt: (o) => ord(o).createdAt, updatedAt: (o) => ord(o).updatedAt, processedAt: (o) => ord(o).createdAt,
			cancelledAt: (o) => ord(o).cancelledAt, closed: () => false, note: (o) => ord(o).note, tags: (o) => [...ord(o).tags],
			currencyCode: (o) => ord(o).currencyCode, presentmentCurrencyCode: (o) => ord(o).currencyCode,
			displayFinancialStatus: (o) => ord(o).financialStatus, displayFulfillmentStatus: () => 'UNFULFILLED', poNumber: (o) => ord(o).poNumber,
			customer: (o) => h.customerOut(s.customers.find((c) => c.n === ord(o).customerN)),
			shippingAddress: (o) => h.addressOut(ord(o).shippingAddress), billingAddress: (o) => h.addressOut(ord(o).shippingAddress),
			lineItems: (o, a) => h.connection('LineItemConnection', ord(o).lines.map((l) => ({ __typename: 'LineItem', _l: l, _cur: ord(o).currencyCode })), a, (r) => r._l.id),
		},
		OrderConnection: { nodes: field('nodes'), edges: field('edges'), pageInfo: field('pageInfo') },
		OrderEdge: { node: field('node'), cursor: field('cursor') },
		LineItemConnection: { nodes: field('nodes'), edges: field('edges'), pageInfo: field('pageInfo') },
		LineItemEdge: { node: field('node'), cursor: field('cursor') },
		LineItem: {
			id: (o) => gid('LineItem', o._l.id), sku: (o) => o._l.sku, name: (o) => o._l.name, title: (o) => o._l.name, quantity: (o) => o._l.quantity,
			currentQuantity: (o) => o._l.quantity, variantTitle: () => null,
			originalUnitPriceSet: (o) => money(o._l.price, o._cur), discountedUnitPriceSet: (o) => money(o._l.discounted, o._cur),
		},
		MoneyBag: { shopMoney: field('shopMoney'), presentmentMoney: field('presentmentMoney') },
		MoneyV2: { amount: field('amount'), currencyCode: field('currencyCode') },
	};
}

/**
 * Demo orders: three B2B buyers (Cin7 Core customers' default contacts, taken from the end of the
 * list so the customers template's own cases stay as they are) whose orders a B2B storefront app
 * tagged `b2b`, at their B2B price (the Cin7 tier-1 price less a 15 % SparkLayer discount); a B2B
 * order with a SKU Cin7 Core does not have; a buyer tagged `b2b` as a customer but unknown to Cin7
 * Core; and a retail shopper's order (neither the order nor its customer tagged) that is not B2B.
 */
function seedOrders(s, rng, anchor, coreCustomers, coreProducts, helpers) {
	s.nextOrder = 820001;
	s.nextLine = 30001;
	const inShop = new Set(s.customers.map((c) => String(c.email).toLowerCase()));
	const products = (coreProducts || []).filter((p) => p.SKU && p.Status !== 'Deprecated' && Number(p.PriceTier1) > 0);
	if (!products.length) return;
	const buyers = [];
	for (const cc of [...coreCustomers].reverse()) {
		if (buyers.length >= 3) break;
		const def = (cc.Contacts || []).find((x) => x.Default);
		if (cc.Status !== 'Active' || !def || !def.Email || inShop.has(String(def.Email).toLowerCase())) continue;
		buyers.push({ c: helpers.addCustomer(def.Email, def.Name, []), currency: cc.Currency || 'AUD' });
	}
	const stranger = helpers.addCustomer('purchasing@unknown-retailer.example', 'Pat Unknown', ['b2b']);
	// a retail shopper only in Shopify: no B2B template ever tags it, whatever the batch runs before
	const retail = helpers.addCustomer('robin.retail@example-shopper.com', 'Robin Retail', []);
	let number = 1001;
	let k = 0;
	const order = (customer, currency, lineCount, extraLines = [], discount = 0.15, tags = ['b2b']) => {
		const n = s.nextOrder++;
		const created = anchor - (20 - k++) * 3600000;
		const lines = [];
		for (let i = 0; i < lineCount; i++) {
			const p = products[rng.int(0, products.length - 1)];
			if (lines.some((l) => l.sku === p.SKU)) continue;
			const price = round2(Number(p.PriceTier1) * (1 - discount));
			lines.push({ id: s.nextLine++, sku: p.SKU, name: p.Name, quantity: rng.int(1, 12), price, discounted: price });
		}
		for (const l of extraLines) lines.push({ id: s.nextLine++, ...l });
		const def = customer.addresses.find((a) => a.id === customer.defaultAddressId) || null;
		s.orders.push({
			n, name: `#${number++}`, number: number - 1, email: customer.email, customerN: customer.n, createdAt: iso(created), updatedAt: iso(created),
			cancelledAt: null, note: null, tags, currencyCode: currency, financialStatus: 'PENDING',
			poNumber: tags.length ? `PO-${n}` : null, shippingAddress: def ? { ...def } : null, lines,
		});
	};
	buyers.forEach((b, i) => { order(b.c, b.currency, 3); if (i === 0) order(b.c, b.currency, 2); });
	if (buyers.length) order(buyers[buyers.length - 1].c, buyers[buyers.length - 1].currency, 1, [{ sku: 'SL-NOT-IN-CIN7', name: 'Sample pack (not in Cin7 Core)', quantity: 2, price: 9.5, discounted: 9.5 }]);
	order(stranger, 'AUD', 2, [], 0.15, []);
	if (retail) order(retail, 'AUD', 1, [], 0, []);
}

function snapshot(s) {
	return (s.orders || []).map((o) => ({
		id: gid('Order', o.n), name: o.name, email: o.email, customerId: gid('Customer', o.customerN), createdAt: o.createdAt, updatedAt: o.updatedAt,
		cancelledAt: o.cancelledAt, tags: [...o.tags], currencyCode: o.currencyCode, poNumber: o.poNumber, shippingAddress: o.shippingAddress ? { ...o.shippingAddress } : null,
		lineItems: o.lines.map((l) => ({ id: gid('LineItem', l.id), sku: l.sku, name: l.name, quantity: l.quantity, originalUnitPrice: l.price.toFixed(2), discountedUnitPrice: l.discounted.toFixed(2) })),
	}));
}

/** A new order placed now (control endpoint `mutate` with action `createOrder`), e.g. for the trigger. */
function createOrder(s, body, helpers) {
	const c = s.customers.find((x) => String(x.email).toLowerCase() === String(body.email || '').toLowerCase());
	if (!c) throw Object.assign(new Error('customer not found (give email)'), { status: 404 });
	const n = s.nextOrder++;
	const number = Math.max(1000, ...s.orders.map((o) => o.number)) + 1;
	const now = iso(Date.now());
	const def = c.addresses.find((a) => a.id === c.defaultAddressId) || null;
	const o = {
		n, name: `#${number}`, number, email: c.email, customerN: c.n, createdAt: now, updatedAt: now, cancelledAt: null, note: body.note || null,
		tags: body.tags || [], currencyCode: body.currencyCode || s.shop.currencyCode, financialStatus: 'PENDING', poNumber: body.poNumber || null,
		shippingAddress: def ? { ...def } : null,
		lines: (body.lines || []).map((l) => ({ id: s.nextLine++, sku: l.sku, name: l.name || l.sku, quantity: Number(l.quantity), price: Number(l.price), discounted: Number(l.discounted ?? l.price) })),
	};
	s.orders.push(o);
	return snapshot({ orders: [o] })[0];
}

module.exports = { OBJECT_FIELDS, CONNECTIONS, types, seedOrders, snapshot, createOrder };
