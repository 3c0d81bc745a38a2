'use strict';
// Cin7 Core (DEAR) API v2 emulation: auth headers, {Total, Page, <ListKey>} envelopes, Page/Limit
// (max 1000), ModifiedSince, product/customer writes, ref books, product availability.
// Sales live in cin7core-sales.js, webhooks (the /webhooks endpoint and delivery of change events)
// in cin7core-webhooks.js. Faithful to /work/shared/reference/cin7-api.md Part A.

const { makeRng, coreDate, round2, availRow } = require('./seed');
const sales = require('./cin7core-sales');
const webhooks = require('./cin7core-webhooks');
const { CoreError, err, parseDate, ci, bool, page, publicAvail } = require('./cin7core-util');

// The sandbox login is the registry's (sandbox/systems.js), read per request rather than at load
// time so that this module and the registry (which loads emulations lazily) load in either order.
const login = () => require('./systems').BY_KEY.cin7core.login;

/**
 * Products the generator never makes, appended (never reordered) from their own PRNG stream so the
 * rest of the seed is unchanged: a Service product (no stock rows, as in Cin7) and a stock product
 * whose setup is not finished ("Setup required") holding stock. With the generator's deprecated
 * products that keep rows and its active products without rows, every case available to sell
 * distinguishes is served.
 */
function appendStatusCases(core) {
	if (!core.products.length) return;
	const rng = makeRng(0x5e7c0de);
	const last = core.products[core.products.length - 1];
	const make = (SKU, Name, Type, Status) => ({
		...JSON.parse(JSON.stringify(last)), ID: rng.guid(), SKU, Name, Type, Status, Barcode: '', Tags: '',
		ShortDescription: `${Name} — short description`, Description: `<p>${Name}</p>`, CostingMethod: 'FIFO',
	});
	const service = make('SVC-00001', 'Gift Wrapping Service', 'Service', 'Active');
	const setup = make('SETUP-00001', 'Harbour Tote 00001 (setup required)', 'Stock', 'Setup required');
	core.products.push(service, setup);
	core.availability.push(availRow(setup, 'Sydney Store', null, null, null, { OnHand: 12, Allocated: 0, OnOrder: 0, InTransit: 0, cost: setup.AverageCost || 1 }));
}

function prepare(core) {
	appendStatusCases(core);
	core.rng = makeRng(0xc0de);
	core.categories = ['Apparel', 'Accessories', 'Footwear', 'Homeware', 'Stationery'].map((Name) => ({ ID: core.rng.guid(), Name }));
	core.brands = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin'].map((Name) => ({ ID: core.rng.guid(), Name }));
	core.units = ['Item', 'Each', 'Box', 'Pack'].map((Name) => ({ ID: core.rng.guid(), Name }));
	core.carriers = ['Australia Post', 'StarTrack', 'NZ Post', 'DHL Express'].map((Description) => ({ CarrierID: core.rng.guid(), Description }));
	core.productById = new Map(core.products.map((p) => [p.ID, p]));
	core.productBySku = new Map(core.products.map((p) => [p.SKU.toLowerCase(), p]));
	core.customerById = new Map(core.customers.map((c) => [c.ID, c]));
	sales.prepare(core);
	webhooks.prepare(core);
}

function route(ctx) {
	const lp = ctx.rest.toLowerCase().replace(/\/+$/, '');
	if (lp === '/externalapi/v2' || lp.startsWith('/externalapi/v2/')) {
		ctx.sub = lp.slice('/externalapi/v2'.length) || '/';
		return null;
	}
	if (lp.startsWith('/externalapi')) {
		// legacy v1 / wrong path: the real host answers 200 with an HTML page
		return { response: { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: '<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>Page not found</h1></body></html>' } };
	}
	return { response: { status: 404, body: [{ ErrorCode: 404, Exception: 'Not found. Base URL is /cin7core/ExternalApi/v2' }] } };
}

function authenticate(ctx) {
	const id = ctx.headers['api-auth-accountid'];
	const key = ctx.headers['api-auth-applicationkey'];
	const { accountId, applicationKey } = login();
	if (id !== accountId || key !== applicationKey) return { status: 403, body: 'Incorrect credentials!' };
	return null;
}

function rateKey() { return 'cin7core'; }

function throttle(ctx, info, mode) {
	const secs = Math.max(1, Math.ceil((info.retryAfterMs || 1000) / 1000));
	if (mode === '503') {
		return { status: 503, body: 'Service Unavailable: API calls quota exceeded! Maximum admitted 60 per 60 seconds.' };
	}
	const headers = { 'Retry-After': mode === '429text' ? `${secs} Seconds` : String(secs), 'X-RateLimit-Remaining': '0' };
	return { status: 429, headers, body: [{ ErrorCode: 429, Exception: 'You have reached the limit of 60 API calls per minute.' }] };
}

function errorBody(code, msg) { return [{ ErrorCode: code, Exception: msg }]; }

// ---------- products ----------
const PRODUCT_REQUIRED = ['SKU', 'Name', 'Category', 'Type', 'CostingMethod', 'UOM', 'Status'];
const PRODUCT_STATUS = ['Active', 'Setup required', 'Deprecated'];
const COSTING = ['FIFO', 'Special - Batch', 'Special - Serial Number', 'FIFO - Serial Number', 'FIFO - Batch', 'FEFO - Batch', 'FEFO - Serial Number'];

function publicProduct(p, q) {
	const o = { ...p };
	if (bool(q.includebom)) { o.BillOfMaterialsProducts = o.BillOfMaterialsProducts || []; o.BillOfMaterialsServices = o.BillOfMaterialsServices || []; }
	if (bool(q.includesuppliers)) o.Suppliers = o.Suppliers || [];
	if (bool(q.includemovements)) o.Movements = [];
	if (bool(q.includeattachments)) o.Attachments = o.Attachments || [];
	if (bool(q.includereorderlevels)) o.ReorderLevels = o.ReorderLevels || [];
	if (bool(q.includecustomprices)) o.CustomPrices = [];
	return o;
}

function listProducts(ctx) {
	const core = ctx.state;
	const q = ctx.q;
	let rows = core.products;
	if (q.id) rows = rows.filter((p) => p.ID.toLowerCase() === q.id.toLowerCase());
	else if (!bool(q.includedeprecated)) rows = rows.filter((p) => p.Status !== 'Deprecated');
	if (q.sku) { const s = q.sku.toLowerCase(); rows = rows.filter((p) => p.SKU.toLowerCase().startsWith(s)); }
	if (q.name) { const s = q.name.toLowerCase(); rows = rows.filter((p) => p.Name.toLowerCase().includes(s)); }
	if (q.modifiedsince) {
		const since = parseDate(q.modifiedsince, 'ModifiedSince');
		rows = rows.filter((p) => parseDate(p.LastModifiedOn) >= since);
	}
	return page(ctx, rows, 'Products', (p) => publicProduct(p, q));
}

function checkRef(list, name, what) {
	if (name == null || name === '') return;
	if (!list.some((x) => ci(x.Name, name))) err(400, `${what} '${name}' not found.`, 404);
}

function applyProduct(core, p, body, isNew) {
	for (const [k, v] of Object.entries(body)) {
		if (k === 'ID' || k === 'LastModifiedOn' || k === 'AverageCost' || (k === 'Type' && !isNew)) continue;
		if (k === 'PriceTiers' && v && typeof v === 'object') {
			for (const [name, price] of Object.entries(v)) {
				const t = core.priceTiers.find((x) => ci(x.Name, name));
				if (t) p[`PriceTier${t.Code}`] = Number(price);
			}
			continue;
		}
		p[k] = v;
	}
	const tiers = {};
	for (const t of core.priceTiers) tiers[t.Name] = Number(p[`PriceTier${t.Code}`] || 0);
	p.PriceTiers = tiers;
	p.LastModifiedOn = coreDate(Date.now(), false);
}

function createProduct(ctx) {
	const core = ctx.state;
	const b = ctx.body;
	if (!b || typeof b !== 'object' || Array.isArray(b)) err(400, 'Request body must be a product object.');
	const missing = PRODUCT_REQUIRED.filter((k) => b[k] == null || b[k] === '');
	if (missing.length) err(400, `Required attribute ${missing[0]} is not provided.`);
	if (String(b.SKU).length > 50) err(400, 'SKU must be at most 50 characters.');
	if (core.productBySku.has(String(b.SKU).toLowerCase())) err(400, `Product with SKU '${b.SKU}' already exists.`);
	if (!PRODUCT_STATUS.some((s) => ci(s, b.Status))) err(400, `Invalid Status '${b.Status}'.`);
	if (!['Stock', 'Service'].some((s) => ci(s, b.Type))) err(400, `Invalid Type '${b.Type}'.`);
	if (!COSTING.some((s) => ci(s, b.CostingMethod))) err(400, `Invalid CostingMethod '${b.CostingMethod}'.`);
	checkRef(core.categories, b.Category, 'Category');
	checkRef(core.brands, b.Brand, 'Brand');
	checkRef(core.units, b.UOM, 'UOM');
	const p = { ID: core.rng.guid(), Brand: '', Barcode: '', Description: '', ShortDescription: '', Tags: '', AverageCost: 0, DropShipMode: 'No Drop Ship', Sellable: true, DefaultLocation: '', CreatedDate: coreDate(Date.now(), true) };
	for (let t = 1; t <= 10; t++) p[`PriceTier${t}`] = 0;
	for (let a = 1; a <= 10; a++) p[`AdditionalAttribute${a}`] = null;
	applyProduct(core, p, b, true);
	core.products.push(p);
	core.productById.set(p.ID, p);
	core.productBySku.set(p.SKU.toLowerCase(), p);
	return { status: 200, body: { Total: 1, Page: 1, Products: [p] } };
}

function updateProduct(ctx) {
	const core = ctx.state;
	const b = ctx.body;
	if (!b || !b.ID) err(400, 'Required attribute ID is not provided.');
	const p = core.productById.get(b.ID);
	if (!p) err(400, 'Product not found.', 404);
	if (b.SKU && b.SKU.toLowerCase() !== p.SKU.toLowerCase()) {
		if (core.productBySku.has(b.SKU.toLowerCase())) err(400, `Product with SKU '${b.SKU}' already exists.`);
		core.productBySku.delete(p.SKU.toLowerCase());
		core.productBySku.set(b.SKU.toLowerCase(), p);
	}
	if (b.Status && !PRODUCT_STATUS.some((s) => ci(s, b.Status))) err(400, `Invalid Status '${b.Status}'.`);
	if (b.Category) checkRef(core.categories, b.Category, 'Category');
	if (b.Brand) checkRef(core.brands, b.Brand, 'Brand');
	applyProduct(core, p, b, false);
	for (const r of core.availability) if (r.ID === p.ID) { r.SKU = p.SKU; r.Name = p.Name; r.Barcode = p.Barcode; }
	return { status: 200, body: { Total: 1, Page: 1, Products: [p] } };
}

// ---------- product families ----------
function listFamilies(ctx) {
	const q = ctx.q;
	let rows = ctx.state.families;
	if (q.id) rows = rows.filter((f) => ci(f.ID, q.id));
	if (q.name) rows = rows.filter((f) => f.Name.toLowerCase().startsWith(q.name.toLowerCase()));
	if (q.sku) rows = rows.filter((f) => f.SKU.toLowerCase().startsWith(q.sku.toLowerCase()));
	if (q.modifiedsince) { const s = parseDate(q.modifiedsince, 'ModifiedSince'); rows = rows.filter((f) => parseDate(f.LastModifiedOn) >= s); }
	return page(ctx, rows, 'ProductFamilies');
}
function writeFamily(ctx, isNew) {
	const core = ctx.state;
	const b = ctx.body || {};
	let f;
	if (isNew) {
		if (!b.SKU || !b.Name || !b.Option1Name) err(400, `Required attribute ${!b.SKU ? 'SKU' : !b.Name ? 'Name' : 'Option1Name'} is not provided.`);
		f = { ID: core.rng.guid(), Products: [] };
		core.families.push(f);
	} else {
		f = core.families.find((x) => x.ID === b.ID);
		if (!f) err(400, 'Product family not found.', 404);
	}
	for (const [k, v] of Object.entries(b)) if (k !== 'ID' && k !== 'Products') f[k] = v;
	for (const lp of b.Products || []) {
		const p = core.productById.get(lp.ID) || core.productBySku.get(String(lp.SKU || '').toLowerCase());
		if (!p) err(400, `Product '${lp.ID || lp.SKU}' not found.`, 404);
		const ex = f.Products.find((x) => x.ID === p.ID);
		const row = { ID: p.ID, SKU: p.SKU, Name: p.Name, Option1: lp.Option1 || null, Option2: lp.Option2 || null, Option3: lp.Option3 || null };
		if (ex) Object.assign(ex, row); else f.Products.push(row);
	}
	f.Option1Values = [...new Set(f.Products.map((x) => x.Option1).filter(Boolean))].join(',');
	f.LastModifiedOn = coreDate(Date.now(), false);
	return { status: 200, body: { Total: 1, Page: 1, ProductFamilies: [f] } };
}

// ---------- customers ----------
const CUSTOMER_REQUIRED = ['Name', 'Currency', 'PaymentTerm', 'AccountReceivable', 'RevenueAccount', 'TaxRule', 'Status'];

function listCustomers(ctx) {
	const q = ctx.q;
	let rows = ctx.state.customers;
	if (q.id) rows = rows.filter((c) => ci(c.ID, q.id));
	else if (!bool(q.includedeprecated)) rows = rows.filter((c) => c.Status !== 'Deprecated');
	if (q.name) { const s = q.name.toLowerCase(); rows = rows.filter((c) => c.Name.toLowerCase().startsWith(s)); }
	if (q.contactfilter) {
		const s = q.contactfilter.toLowerCase();
		rows = rows.filter((c) => c.Contacts.some((k) => (k.Name || '').toLowerCase().startsWith(s) || (k.Email || '').toLowerCase() === s));
	}
	if (q.modifiedsince) { const s = parseDate(q.modifiedsince, 'ModifiedSince'); rows = rows.filter((c) => parseDate(c.LastModifiedOn) >= s); }
	const withPrices = bool(q.includeproductprices);
	return page(ctx, rows, 'CustomerList', (c) => (withPrices ? c : { ...c, ProductPrices: undefined }));
}

function mergeNested(core, list, incoming, customerId, kind) {
	let newDefault = null;
	for (const item of incoming) {
		if (!item || typeof item !== 'object') continue;
		const ex = item.ID ? list.find((x) => ci(x.ID, item.ID)) : null;
		if (item.ID && !ex) err(400, `${kind} with ID '${item.ID}' not found.`, 404);
		let stored = ex;
		if (ex) Object.assign(ex, item);
		else {
			if (kind === 'Contact' && !item.Name) err(400, 'Required attribute Contacts.Name is not provided.');
			if (kind === 'Address' && (!item.Line1 || !item.Country)) err(400, `Required attribute Addresses.${!item.Line1 ? 'Line1' : 'Country'} is not provided.`);
			stored = kind === 'Address'
				? { ID: core.rng.guid(), CustomerID: customerId, Line2: '', City: '', State: '', Postcode: '', Type: 'Business', DefaultForType: false, ...item }
				: { ID: core.rng.guid(), JobTitle: '', Phone: '', MobilePhone: '', Fax: '', Email: '', Website: '', Comment: '', Default: false, IncludeInEmail: false, MarketingConsent: 1, ...item };
			list.push(stored);
		}
		if (kind === 'Contact' && item.Default === true) newDefault = stored;
	}
	if (newDefault) for (const x of list) if (x !== newDefault) x.Default = false;
	if (kind === 'Contact') {
		for (const c of list) if (c.MarketingConsent != null && ![1, 2, 3].includes(Number(c.MarketingConsent))) err(400, 'MarketingConsent must be 1 (Unknown), 2 (Opt in) or 3 (Opt out).');
		if (list.length && !list.some((x) => x.Default)) list[0].Default = true;
	}
}

function applyCustomer(core, c, b) {
	for (const [k, v] of Object.entries(b)) {
		if (['ID', 'LastModifiedOn', 'Contacts', 'Addresses', 'ChildCustomers'].includes(k)) continue;
		c[k] = v;
	}
	if (Array.isArray(b.Contacts)) mergeNested(core, c.Contacts, b.Contacts, c.ID, 'Contact');
	if (Array.isArray(b.Addresses)) mergeNested(core, c.Addresses, b.Addresses, c.ID, 'Address');
	c.LastModifiedOn = coreDate(Date.now(), true);
}

function validateCustomerRefs(core, b) {
	if (b.PaymentTerm != null && !core.paymentTerms.some((t) => ci(t.Name, b.PaymentTerm) && t.IsActive)) err(400, `Payment term '${b.PaymentTerm}' not found or inactive.`);
	if (b.TaxRule != null && !core.taxRules.some((t) => ci(t.Name, b.TaxRule))) err(400, `Tax rule '${b.TaxRule}' not found.`);
	if (b.PriceTier != null && b.PriceTier !== '' && !core.priceTiers.some((t) => ci(t.Name, b.PriceTier))) err(400, `Price tier '${b.PriceTier}' not found.`);
	if (b.Status != null && !['Active', 'Deprecated'].some((s) => ci(s, b.Status))) err(400, `Invalid Status '${b.Status}'.`);
	if (b.Location && !core.locations.some((l) => ci(l.Name, b.Location))) err(400, `Location '${b.Location}' not found.`, 404);
}

function createCustomer(ctx) {
	const core = ctx.state;
	const b = ctx.body;
	if (!b || typeof b !== 'object' || Array.isArray(b)) err(400, 'Request body must be a customer object.');
	const missing = CUSTOMER_REQUIRED.filter((k) => b[k] == null || b[k] === '');
	if (missing.length) err(400, `Required attribute ${missing[0]} is not provided.`);
	if (core.customers.some((c) => ci(c.Name, b.Name))) err(400, `Customer with name '${b.Name}' already exists.`);
	validateCustomerRefs(core, b);
	const c = { ID: core.rng.guid(), DisplayName: '', Discount: 0, Carrier: '', SalesRepresentative: '', Location: '', Comments: '', PriceTier: core.priceTiers[0].Name, TaxNumber: '', CreditLimit: 0, IsOnCreditHold: false, Tags: '', AttributeSet: '', IsLegalEntity: false, CustomerParentID: null, CustomerParentName: null, IsBillParent: false, ProductPrices: [], Addresses: [], Contacts: [] };
	for (let a = 1; a <= 10; a++) c[`AdditionalAttribute${a}`] = null;
	applyCustomer(core, c, b);
	core.customers.push(c);
	core.customerById.set(c.ID, c);
	return { status: 200, body: { Total: 1, Page: 1, CustomerList: [c] } };
}

function updateCustomer(ctx) {
	const core = ctx.state;
	const b = ctx.body;
	if (!b || !b.ID) err(400, 'Required attribute ID is not provided.');
	const c = core.customerById.get(b.ID);
	if (!c) err(400, 'Customer not found.', 404);
	if (b.Name && !ci(b.Name, c.Name) && core.customers.some((x) => ci(x.Name, b.Name))) err(400, `Customer with name '${b.Name}' already exists.`);
	validateCustomerRefs(core, b);
	applyCustomer(core, c, b);
	return { status: 200, body: { Total: 1, Page: 1, CustomerList: [c] } };
}

// ---------- availability & reference books ----------
function listAvailability(ctx) {
	const core = ctx.state;
	const q = ctx.q;
	let rows = core.availability.filter((r) => r.OnHand !== 0 || r.Available !== 0 || r.OnOrder !== 0);
	if (q.id) rows = rows.filter((r) => ci(r.ID, q.id));
	if (q.sku) rows = rows.filter((r) => ci(r.SKU, q.sku));
	if (q.name) { const s = q.name.toLowerCase(); rows = rows.filter((r) => r.Name.toLowerCase().startsWith(s)); }
	if (q.location) rows = rows.filter((r) => ci(r.Location, q.location));
	if (q.batch) rows = rows.filter((r) => ci(r.Batch, q.batch));
	if (q.category) rows = rows.filter((r) => { const p = core.productById.get(r.ID); return p && ci(p.Category, q.category); });
	return page(ctx, rows, 'ProductAvailabilityList', publicAvail);
}

function listRef(ctx, list, key, nameField = 'Name') {
	let rows = list;
	if (ctx.q.id) rows = rows.filter((x) => ci(x.ID, ctx.q.id));
	if (ctx.q.name) rows = rows.filter((x) => String(x[nameField]).toLowerCase().startsWith(ctx.q.name.toLowerCase()));
	return page(ctx, rows, key);
}

function createRef(ctx, list) {
	const b = ctx.body || {};
	if (!b.Name) err(400, 'Required attribute Name is not provided.');
	if (list.some((x) => ci(x.Name, b.Name))) err(400, `'${b.Name}' already exists.`);
	const row = { ID: ctx.state.rng.guid(), Name: b.Name };
	list.push(row);
	return { status: 200, body: row };
}

function me() {
	return {
		status: 200,
		body: {
			Company: 'Sandbox Trading Pty Ltd', Currency: 'AUD', TimeZone: '(GMT+10:00) Canberra, Melbourne, Sydney', DefaultWeightUnits: 'kg',
			DefaultDimensionsUnits: 'cm', LockDate: null, OpeningBalanceDate: '2023-07-01T00:00:00', TaxCalculationMethod: 'Exclusive', DefaultSaleTaxRuleName: 'GST on Income',
			DefaultPurchaseTaxRuleName: 'GST on Expenses', TaxNumber: '12345678901', Country: 'Australia',
		},
	};
}

// ---------- router ----------
/**
 * Every write goes through the webhooks' change detection, so each change Cin7 reports by webhook
 * (a sale stage, stock, a customer or product written) is delivered to the webhooks of its type.
 */
function handle(ctx) {
	if (ctx.method === 'GET' || ctx.sub === '/webhooks') return dispatch(ctx);
	const hint = {};
	if (ctx.sub === '/customer') hint.customer = (r) => r && r.body && r.body.CustomerList && r.body.CustomerList[0];
	if (ctx.sub === '/product') {
		hint.product = (r) => r && r.body && r.body.Products && r.body.Products[0];
		hint.created = ctx.method === 'POST';
	}
	return webhooks.around(ctx.state, ctx.sandbox, () => dispatch(ctx), hint);
}

function dispatch(ctx) {
	const core = ctx.state;
	const m = ctx.method;
	const s = ctx.sub;
	const not = () => err(405, `The requested resource does not support http method '${m}'.`);
	if ((m === 'POST' || m === 'PUT') && ctx.bodyInvalid) err(500, 'Unable to parse request body. Check that it is valid JSON.');
	switch (s) {
		case '/me': return m === 'GET' ? me() : not();
		case '/product':
			if (m === 'GET') return listProducts(ctx);
			if (m === 'POST') return createProduct(ctx);
			if (m === 'PUT') return updateProduct(ctx);
			return not();
		case '/productfamily':
			if (m === 'GET') return listFamilies(ctx);
			if (m === 'POST') return writeFamily(ctx, true);
			if (m === 'PUT') return writeFamily(ctx, false);
			return not();
		case '/customer':
			if (m === 'GET') return listCustomers(ctx);
			if (m === 'POST') return createCustomer(ctx);
			if (m === 'PUT') return updateCustomer(ctx);
			return not();
		case '/ref/productavailability': return m === 'GET' ? listAvailability(ctx) : not();
		case '/ref/location': return m === 'GET' ? listRef(ctx, core.locations.filter((l) => bool(ctx.q.deprecated) || !l.Deprecated), 'LocationList') : not();
		case '/ref/pricetier': return m === 'GET' ? { status: 200, body: { PriceTiers: core.priceTiers } } : not();
		case '/ref/tax': return m === 'GET' ? listRef(ctx, core.taxRules, 'TaxRuleList') : not();
		case '/ref/paymentterm': return m === 'GET' ? listRef(ctx, core.paymentTerms, 'PaymentTermList') : not();
		case '/ref/category': return m === 'GET' ? listRef(ctx, core.categories, 'CategoryList') : m === 'POST' ? createRef(ctx, core.categories) : not();
		case '/ref/brand': return m === 'GET' ? listRef(ctx, core.brands, 'BrandList') : m === 'POST' ? createRef(ctx, core.brands) : not();
		case '/ref/unit': return m === 'GET' ? listRef(ctx, core.units, 'UnitList') : m === 'POST' ? createRef(ctx, core.units) : not();
		case '/ref/carrier': return m === 'GET' ? listRef(ctx, core.carriers, 'CarrierList', 'Description') : not();
		case '/webhooks': return webhooks.handle(ctx);
		default: {
			const r = sales.handle(ctx);
			if (r) return r;
			return err(404, `Endpoint '${s}' not found.`);
		}
	}
}

// ---------- control: snapshot & mutate ----------
function snapshot(core) {
	return {
		products: core.products, families: core.families, customers: core.customers,
		availability: core.availability.filter((r) => r.OnHand !== 0 || r.Available !== 0 || r.OnOrder !== 0).map(publicAvail),
		locations: core.locations, priceTiers: core.priceTiers, taxRules: core.taxRules, paymentTerms: core.paymentTerms,
		categories: core.categories, brands: core.brands, units: core.units,
		sales: core.sales.map(sales.publicSale),
		...webhooks.snapshot(core),
	};
}

/** A change made as if in Cin7 Core's UI; it is delivered to the webhooks like an API change. */
function mutate(core, body, sandbox) {
	const entity = String(body.entity || '').toLowerCase();
	if (entity === 'webhook') return webhooks.mutate(core, body);
	const hint = entity === 'customer' ? { customer: (c) => c } : entity === 'product' ? { product: (p) => p } : {};
	return webhooks.around(core, sandbox, () => applyMutation(core, body, entity), hint);
}

function applyMutation(core, body, entity) {
	const patch = body.patch || {};
	try {
		if (entity === 'customer') {
			const c = core.customerById.get(body.id) || core.customers.find((x) => ci(x.Name, body.name));
			if (!c) throw Object.assign(new Error('customer not found'), { status: 404 });
			applyCustomer(core, c, patch);
			return c;
		}
		if (entity === 'product') {
			const p = core.productById.get(body.id) || core.productBySku.get(String(body.sku || '').toLowerCase());
			if (!p) throw Object.assign(new Error('product not found'), { status: 404 });
			if (patch.SKU && !ci(patch.SKU, p.SKU)) { core.productBySku.delete(p.SKU.toLowerCase()); core.productBySku.set(patch.SKU.toLowerCase(), p); }
			applyProduct(core, p, patch, false);
			// Stock rows carry the product's current SKU and name, as after a PUT.
			for (const r of core.availability) if (r.ID === p.ID) { r.SKU = p.SKU; r.Name = p.Name; r.Barcode = p.Barcode; }
			return p;
		}
		if (entity === 'availability') return mutateAvailability(core, body);
		if (entity === 'sale') return sales.mutate(core, body);
	} catch (e) {
		if (e instanceof CoreError) throw Object.assign(new Error(e.message), { status: 400 });
		throw e;
	}
	throw Object.assign(new Error("entity must be customer, product, availability, sale or webhook"), { status: 400 });
}

/** Set quantities for SKU × location (× bin × batch). Without bin/batch the location total becomes exactly these values. */
function mutateAvailability(core, body) {
	const p = core.productBySku.get(String(body.sku || '').toLowerCase()) || core.productById.get(body.id);
	if (!p) throw Object.assign(new Error('product not found (give sku or id)'), { status: 404 });
	const location = body.location || 'Main Warehouse';
	if (!core.locations.some((l) => ci(l.Name, location))) throw Object.assign(new Error(`location '${location}' not found`), { status: 404 });
	const patch = body.patch || {};
	const specific = body.bin !== undefined || body.batch !== undefined;
	let rows = core.availability.filter((r) => r.ID === p.ID && ci(r.Location, location) && (!specific || ((r.Bin || null) === (body.bin || null) && (r.Batch || null) === (body.batch || null))));
	let row = rows[0];
	if (!row) {
		row = availRow(p, core.locations.find((l) => ci(l.Name, location)).Name, body.bin || null, body.batch || null, null, { OnHand: 0, Allocated: 0, OnOrder: 0, InTransit: 0, cost: p.AverageCost || 1 });
		core.availability.push(row);
		rows = [row];
	}
	if (!specific) { const extra = new Set(rows.slice(1)); core.availability = core.availability.filter((r) => !extra.has(r)); }
	for (const k of ['OnHand', 'Allocated', 'OnOrder', 'InTransit']) if (patch[k] != null) row[k] = Number(patch[k]);
	row.Available = patch.Available != null ? Number(patch.Available) : row.OnHand - row.Allocated;
	if (patch.NextDeliveryDate !== undefined) row.NextDeliveryDate = patch.NextDeliveryDate;
	row.StockOnHand = round2(row.OnHand * (row._cost || 1));
	return publicAvail(row);
}

module.exports = {
	name: 'cin7core', prepare, route, authenticate, rateKey, throttle, errorBody, handle, snapshot, mutate,
};
