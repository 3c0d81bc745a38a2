'use strict';
// Deterministic seed data for the emulated systems. No Math.random: everything comes from a
// small seeded PRNG (mulberry32), so the same (size, seed, anchor) always yields the same data.
// Which systems exist, their sizes, PRNG streams and generators come from ./systems (each entry's
// `seed`); the generators of the first three systems live in this file.

const { SYSTEMS } = require('./systems');

const DEMO_PRODUCTS = 300; // a numeric size n scales every count by n ÷ the demo product count
const DEFAULT_ANCHOR = '2025-06-30T12:00:00.000Z';

function mulberry32(seed) {
	let a = seed >>> 0;
	return function next() {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX4 = (n) => HEX[(n >>> 8) & 255] + HEX[n & 255];
const HEX8 = (n) => HEX4(n >>> 16) + HEX4(n & 0xffff);

function makeRng(seed) {
	const r = mulberry32(seed);
	const rng = () => r();
	rng.int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
	rng.pick = (arr) => arr[Math.floor(r() * arr.length)];
	rng.chance = (p) => r() < p;
	rng.guid = () => {
		const a = (r() * 4294967296) >>> 0;
		const b = (r() * 4294967296) >>> 0;
		const c = (r() * 4294967296) >>> 0;
		const d = (r() * 4294967296) >>> 0;
		return HEX8(a) + '-' + HEX4(b >>> 16) + '-4' + HEX4(b & 0xffff).slice(1) + '-a' + HEX4(c >>> 16).slice(1) + '-' + HEX4(c & 0xffff) + HEX8(d);
	};
	return rng;
}

/** Counts for a size ('demo', 'bench' or a number of Core products): every system's counts, merged in registry order. */
function resolveSize(size) {
	if (typeof size === 'number' || /^\d+$/.test(String(size))) {
		const n = Math.max(1, Number(size));
		const f = n / DEMO_PRODUCTS;
		return Object.assign({}, ...SYSTEMS.map((s) => s.seed.scale(n, f)));
	}
	const named = SYSTEMS.some((s) => Object.prototype.hasOwnProperty.call(s.seed.sizes, size)) ? size : 'demo';
	return Object.assign({}, ...SYSTEMS.map((s) => s.seed.sizes[named] || s.seed.sizes.demo));
}

const FIRST = ['Ava', 'Liam', 'Olivia', 'Noah', 'Mia', 'Lucas', 'Isla', 'Leo', 'Grace', 'Jack', 'Zoe', 'Henry', 'Ruby', 'Oscar', 'Chloe', 'Max', 'Emily', 'Sam', 'Lily', 'Ethan'];
const LAST = ['Smith', 'Jones', 'Williams', 'Brown', 'Wilson', 'Taylor', 'Nguyen', 'Martin', 'Lee', 'Walker', 'Harris', 'Clark', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Hall', 'Allen'];
const WORDS = ['Coastal', 'Urban', 'Alpine', 'Harbour', 'Summit', 'Meadow', 'Cedar', 'Granite', 'Willow', 'Ember', 'Aurora', 'Pacific', 'Outback', 'Nordic', 'Sunset'];
const NOUNS = ['Tee', 'Hoodie', 'Jacket', 'Cap', 'Backpack', 'Bottle', 'Sneaker', 'Scarf', 'Mug', 'Candle', 'Towel', 'Notebook', 'Beanie', 'Tote', 'Socks'];
const CATEGORIES = ['Apparel', 'Accessories', 'Footwear', 'Homeware', 'Stationery'];
const BRANDS = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin'];
const COMPANY_SUFFIX = ['Trading', 'Retail', 'Supplies', 'Outfitters', 'Boutique', 'Co', 'Group', 'Stores'];
const CITIES = [['Sydney', 'NSW', '2000', 'Australia'], ['Melbourne', 'VIC', '3000', 'Australia'], ['Auckland', 'AUK', '1010', 'New Zealand'], ['Brisbane', 'QLD', '4000', 'Australia'], ['Perth', 'WA', '6000', 'Australia']];
const SIZES_OPT = ['S', 'M', 'L', 'XL'];
const COLOURS = ['Black', 'Navy', 'Sand', 'Olive', 'Red'];

const DAY = 86400000;
const pad = (n, w) => String(n).padStart(w, '0');
// Core style: yyyy-MM-ddTHH:mm:ss.fff, sometimes with a trailing Z (the API is inconsistent).
function coreDate(ms, withZ) {
	const s = new Date(ms).toISOString();
	return withZ ? s : s.slice(0, 23);
}
function omniDate(ms) {
	return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

function seedCore(rng, sz, anchor) {
	const locations = [
		{ Name: 'Main Warehouse', IsDefault: true, Bins: ['A-01', 'B-02', 'Wholesale Reserve'] },
		{ Name: 'Sydney Store', IsDefault: false, Bins: [] },
		{ Name: 'Auckland Store', IsDefault: false, Bins: [] },
		{ Name: 'Online DC', IsDefault: false, Bins: ['P-01', 'P-02'] },
		{ Name: 'Quarantine', IsDefault: false, Bins: [] },
	].map((l, i) => ({
		ID: rng.guid(), Name: l.Name, IsDefault: l.IsDefault, Deprecated: false,
		Bins: l.Bins.map((b) => ({ ID: rng.guid(), Name: b })),
		ParentID: null, AddressLine1: `${10 + i} Depot Road`, AddressLine2: '', AddressCitySuburb: CITIES[i % CITIES.length][0],
		AddressStateProvince: CITIES[i % CITIES.length][1], AddressZipPostCode: CITIES[i % CITIES.length][2], AddressCountry: CITIES[i % CITIES.length][3],
		PickZones: '', FixedAssetsLocation: false, IsShopfloor: false, IsCoMan: false, IsStaging: false, ReferenceCount: 0,
	}));
	const priceTiers = ['Retail', 'Wholesale', 'Distributor', 'VIP', 'Tier 5', 'Tier 6', 'Tier 7', 'Tier 8', 'Tier 9', 'Tier 10'].map((Name, i) => ({ Code: i + 1, Name }));
	const taxRules = [
		{ ID: rng.guid(), Name: 'GST on Income', Code: 'OUTPUT', TaxPercent: 10, IsActive: true, IsTaxForSale: true, IsTaxForPurchase: false },
		{ ID: rng.guid(), Name: 'GST on Expenses', Code: 'INPUT', TaxPercent: 10, IsActive: true, IsTaxForSale: false, IsTaxForPurchase: true },
		{ ID: rng.guid(), Name: 'GST Free Income', Code: 'EXEMPTOUTPUT', TaxPercent: 0, IsActive: true, IsTaxForSale: true, IsTaxForPurchase: false },
	];
	const paymentTerms = [
		{ ID: rng.guid(), Name: '30 days', Duration: 30, Method: 'number of days', IsActive: true, IsDefault: true },
		{ ID: rng.guid(), Name: 'COD', Duration: 0, Method: 'number of days', IsActive: true, IsDefault: false },
	];

	const products = [];
	const availability = [];
	const families = [];
	const sellableLocs = locations.slice(0, 4);
	for (let i = 1; i <= sz.products; i++) {
		const batch = i % 17 === 0;
		const cost = rng.int(200, 6000) / 100;
		const modified = anchor - rng.int(0, 365 * DAY);
		const name = `${rng.pick(WORDS)} ${rng.pick(NOUNS)} ${pad(i, 5)}`;
		const tiers = {};
		const p = {
			ID: rng.guid(), SKU: `SKU-${pad(i, 5)}`, Name: name, Category: rng.pick(CATEGORIES), Brand: rng.pick(BRANDS),
			Barcode: `93${pad(i, 11)}`, Status: i % 97 === 0 ? 'Deprecated' : 'Active', Type: 'Stock',
			CostingMethod: batch ? 'FEFO - Batch' : 'FIFO', UOM: 'Item', DefaultLocation: 'Main Warehouse',
			ShortDescription: `${name} — short description`, Description: `<p>${name}</p>`, InternalNote: '',
			Tags: i % 5 === 0 ? 'new,featured' : '', AttributeSet: '', Sellable: true, Weight: rng.int(1, 50) / 10, WeightUnits: 'kg',
			Length: 0, Width: 0, Height: 0, DimensionsUnits: 'cm', MinimumBeforeReorder: 5, ReorderQuantity: 20,
			AverageCost: cost, DropShipMode: 'No Drop Ship', SaleTaxRule: 'GST on Income', PurchaseTaxRule: 'GST on Expenses',
			LastModifiedOn: coreDate(modified, i % 5 === 0), CreatedDate: coreDate(modified - rng.int(0, 200) * DAY, true),
		};
		for (let t = 1; t <= 10; t++) {
			const price = t <= 4 ? Math.round(cost * (t === 1 ? 2.2 : t === 2 ? 1.6 : t === 3 ? 1.4 : 2.0) * 100) / 100 : 0;
			p[`PriceTier${t}`] = price;
			tiers[priceTiers[t - 1].Name] = price;
		}
		p.PriceTiers = tiers;
		for (let a = 1; a <= 10; a++) p[`AdditionalAttribute${a}`] = null;
		products.push(p);
		// availability rows: product × location × bin × batch, all-zero rows omitted
		const nLoc = rng.int(1, 3);
		const start = rng.int(0, 3);
		for (let k = 0; k < nLoc; k++) {
			const loc = sellableLocs[(start + k) % sellableLocs.length];
			const bins = loc.Bins.length ? (rng.chance(0.3) ? [rng.pick(loc.Bins), rng.pick(loc.Bins)] : [rng.pick(loc.Bins)]) : [null];
			for (const bin of [...new Set(bins)]) {
				const onHand = rng.chance(0.1) ? 0 : rng.int(0, 200);
				let allocated = onHand > 0 && rng.chance(0.4) ? rng.int(0, onHand) : 0;
				if (rng.chance(0.03)) allocated = onHand + rng.int(1, 10); // over-allocated
				const onOrder = rng.chance(0.2) ? rng.int(5, 100) : 0;
				if (onHand === 0 && allocated === 0 && onOrder === 0) continue;
				availability.push(availRow(p, loc.Name, bin && bin.Name, batch ? `B${pad(i, 5)}-${k}` : null,
					batch ? coreDate(anchor + rng.int(30, 400) * DAY, false).slice(0, 10) + 'T00:00:00' : null,
					{ OnHand: onHand, Allocated: allocated, OnOrder: onOrder, InTransit: 0, cost,
						NextDeliveryDate: onOrder ? coreDate(anchor + rng.int(3, 40) * DAY, false) : null }));
			}
		}
		if (i % 31 === 0) { // a quarantined lot
			availability.push(availRow(p, 'Quarantine', null, null, null, { OnHand: rng.int(1, 20), Allocated: 0, OnOrder: 0, InTransit: 0, cost }));
		}
	}
	// one stock-adjusted row where Available differs from OnHand − Allocated
	if (availability.length > 2) availability[2].Available = availability[2].Available - 1;
	// product families of three variants for every 10th product group
	for (let i = 0; i + 2 < Math.min(products.length, 90); i += 10) {
		const members = products.slice(i, i + 3);
		families.push({
			ID: rng.guid(), SKU: `FAM-${pad(i + 1, 5)}`, Name: `${members[0].Name} family`, Category: members[0].Category, Brand: members[0].Brand,
			CostingMethod: 'FIFO', DefaultLocation: 'Main Warehouse', UOM: 'Item', Description: '', ShortDescription: '', Tags: '', AttributeSet: '',
			DropShipMode: 'No Drop Ship', Option1Name: 'Size', Option2Name: null, Option3Name: null, Option1Values: 'S,M,L', Option2Values: '', Option3Values: '',
			Products: members.map((m, j) => ({ ID: m.ID, SKU: m.SKU, Name: m.Name, Option1: ['S', 'M', 'L'][j], Option2: null, Option3: null })),
			LastModifiedOn: members[0].LastModifiedOn,
		});
	}

	const customers = [];
	for (let i = 1; i <= sz.customers; i++) {
		const city = rng.pick(CITIES);
		const modified = anchor - rng.int(0, 365 * DAY);
		const nContacts = rng.int(1, 3);
		const defIdx = nContacts > 1 && i % 4 === 0 ? nContacts - 1 : rng.int(0, nContacts - 1); // Default not always first
		const contacts = [];
		for (let c = 0; c < nContacts; c++) {
			const fn = rng.pick(FIRST);
			const ln = rng.pick(LAST);
			const isDef = c === defIdx;
			const noEmail = isDef && i % 23 === 0;
			const ct = {
				ID: rng.guid(), Name: `${fn} ${ln}`, JobTitle: c === 0 ? 'Owner' : 'Buyer', Phone: `02 9${pad(i, 3)} ${pad(c, 4)}`,
				MobilePhone: `04${pad(i * 7 + c, 8)}`, Fax: '', Email: noEmail ? '' : `${fn}.${ln}.${i}${c ? '.' + c : ''}@example-customer.com`.toLowerCase(),
				Website: '', Comment: '', Default: isDef, IncludeInEmail: rng.chance(0.5),
			};
			const m = i % 10; // consent states 1/2/3 and sometimes missing
			if (m !== 9) ct.MarketingConsent = m < 5 ? 2 : m < 7 ? 1 : 3;
			if (!isDef) ct.MarketingConsent = rng.pick([1, 2, 3]);
			contacts.push(ct);
		}
		const id = rng.guid();
		const cust = {
			ID: id, Name: `${rng.pick(WORDS)} ${rng.pick(COMPANY_SUFFIX)} ${pad(i, 5)}`, DisplayName: '', Status: i % 53 === 0 ? 'Deprecated' : 'Active',
			Currency: city[3] === 'New Zealand' ? 'NZD' : 'AUD', PaymentTerm: '30 days', Discount: 0, TaxRule: 'GST on Income', Carrier: 'Australia Post',
			SalesRepresentative: rng.pick(['Sarah Reed', 'Tom Hayes']), Location: 'Main Warehouse', Comments: '', AccountReceivable: '1200', RevenueAccount: '4000',
			PriceTier: i % 3 === 0 ? 'Wholesale' : 'Retail', TaxNumber: `${pad(i * 13, 11)}`, CreditLimit: i % 3 === 0 ? 5000 : 0, IsOnCreditHold: false,
			Tags: i % 3 === 0 ? 'wholesale' : 'retail', AttributeSet: 'Customer Profile',
			LastModifiedOn: coreDate(modified, i % 2 === 0), IsLegalEntity: false, CustomerParentID: null, CustomerParentName: null, IsBillParent: false,
			Addresses: [
				{ ID: rng.guid(), CustomerID: id, Line1: `${i} ${rng.pick(WORDS)} Street`, Line2: '', City: city[0], State: city[1], Postcode: city[2], Country: city[3], Type: 'Billing', DefaultForType: true },
				{ ID: rng.guid(), CustomerID: id, Line1: `${i} ${rng.pick(WORDS)} Lane`, Line2: '', City: city[0], State: city[1], Postcode: city[2], Country: city[3], Type: 'Shipping', DefaultForType: true },
			],
			Contacts: contacts,
			ProductPrices: [],
		};
		for (let a = 1; a <= 10; a++) cust[`AdditionalAttribute${a}`] = null;
		if (i % 3 === 0) cust.AdditionalAttribute1 = `${1960 + (i % 40)}-${pad((i % 12) + 1, 2)}-${pad((i % 28) + 1, 2)}`; // Date of Birth
		cust.AdditionalAttribute2 = i % 4 === 0 ? 'Instagram' : null; // Acquisition source
		customers.push(cust);
	}

	const sales = [];
	const activeCustomers = customers.filter((c) => c.Status === 'Active');
	const activeProducts = products.filter((p) => p.Status === 'Active');
	const STAGES = ['DRAFT', 'ORDERED', 'ORDERED', 'BACKORDERED', 'SHIPPED', 'INVOICED', 'COMPLETED', 'COMPLETED', 'VOIDED', 'CREDITED'];
	for (let i = 1; i <= sz.sales && activeCustomers.length && activeProducts.length; i++) {
		const cust = activeCustomers[(i * 7) % activeCustomers.length];
		const created = anchor - rng.int(1, 300) * DAY;
		const updated = created + rng.int(0, 20) * DAY + rng.int(0, DAY);
		const loc = sellableLocs[i % sellableLocs.length].Name;
		const lines = [];
		const nLines = rng.int(1, 4);
		for (let l = 0; l < nLines; l++) {
			const p = activeProducts[rng.int(0, activeProducts.length - 1)];
			const qty = rng.int(1, 5);
			lines.push({ ProductID: p.ID, SKU: p.SKU, Name: p.Name, Quantity: qty, Price: p.PriceTier1, Discount: 0, Tax: round2(qty * p.PriceTier1 * 0.1), TaxRule: 'GST on Income', AverageCost: p.AverageCost, Comment: '', DropShip: false, Total: round2(qty * p.PriceTier1) });
		}
		sales.push({
			stage: STAGES[i % STAGES.length], ID: rng.guid(), customer: cust, created, updated, location: loc, lines,
			number: i, externalId: i % 3 === 0 ? `SHOP-${1000 + i}` : '', reference: i % 2 === 0 ? `PO-${5000 + i}` : '',
			tracking: `TRK${pad(i, 8)}`,
		});
	}
	return { locations, priceTiers, taxRules, paymentTerms, products, families, availability, customers, sales, anchor };
}

function round2(n) { return Math.round(n * 100) / 100; }

function availRow(p, location, bin, batch, expiry, q) {
	return {
		ID: p.ID, SKU: p.SKU, Name: p.Name, Barcode: p.Barcode, Location: location, Bin: bin, Batch: batch, ExpiryDate: expiry,
		OnHand: q.OnHand, Allocated: q.Allocated, Available: q.OnHand - q.Allocated, OnOrder: q.OnOrder,
		StockOnHand: round2(q.OnHand * q.cost), InTransit: q.InTransit || 0, NextDeliveryDate: q.NextDeliveryDate || null,
		_cost: q.cost,
	};
}

function seedOmni(rng, sz, anchor) {
	const branches = [
		{ id: 3, company: 'Main Warehouse', branchType: 'Warehouse' },
		{ id: 5, company: 'Sydney Store', branchType: 'Retail' },
		{ id: 8, company: 'Online Store', branchType: 'Online' },
		{ id: 12, company: 'Auckland Store', branchType: 'Retail' },
	].map((b, i) => ({
		id: b.id, company: b.company, firstName: '', lastName: '', email: `branch${b.id}@example-omni.com`, phone: '', mobile: '', isActive: true,
		address1: `${i + 1} Branch Street`, address2: '', city: CITIES[i][0], state: CITIES[i][1], postCode: CITIES[i][2], country: CITIES[i][3],
		postalAddress1: '', postalCity: '', integrationRef: '', customFields: {}, branchType: b.branchType, stockControlOptions: 'Full', taxStatus: 'Incl',
		accountNumber: `BR${b.id}`, branchLocations: [{ zone: 'A', bins: ['A1', 'A2'] }],
	}));
	const users = [
		{ id: 1, firstName: 'Sarah', lastName: 'Reed', email: 'sarah.reed@example-omni.com', isActive: true, userType: 'Admin' },
		{ id: 2, firstName: 'Tom', lastName: 'Hayes', email: 'tom.hayes@example-omni.com', isActive: true, userType: 'Sales' },
		{ id: 3, firstName: 'API', lastName: 'User', email: 'api@example-omni.com', isActive: true, userType: 'API' },
	];
	let nextId = 10000;
	const contacts = [];
	for (let i = 1; i <= sz.omniContacts; i++) {
		const fn = rng.pick(FIRST);
		const ln = rng.pick(LAST);
		const city = rng.pick(CITIES);
		const created = anchor - rng.int(30, 700) * DAY;
		const modified = anchor - rng.int(0, 29) * DAY - rng.int(0, DAY);
		const cf = {};
		if (i % 10 !== 9) cf.receive_email = i % 10 < 6; // true/false, sometimes missing
		if (i % 3 === 0) cf.date_of_birth = `${1960 + (i % 40)}-${pad((i % 12) + 1, 2)}-${pad((i % 28) + 1, 2)}`;
		contacts.push({
			id: nextId++, type: i % 25 === 0 ? 'Supplier' : 'Customer', isActive: i % 61 !== 0, onHold: false,
			createdDate: omniDate(created), modifiedDate: omniDate(modified),
			company: i % 2 ? `${rng.pick(WORDS)} ${rng.pick(COMPANY_SUFFIX)}` : '', firstName: fn, lastName: ln, jobTitle: '',
			email: i % 41 === 0 ? '' : `${fn}.${ln}.${i}@example-omni.com`.toLowerCase(), phone: `09 ${pad(i, 7)}`, mobile: `021${pad(i, 7)}`, fax: '', website: '',
			address1: `${i} ${rng.pick(WORDS)} Road`, address2: '', city: city[0], state: city[1], postCode: city[2], country: city[3],
			postalAddress1: '', postalAddress2: '', postalCity: '', postalState: '', postalPostCode: '', postalCountry: '',
			accountNumber: `C${pad(i, 6)}`, billingId: null, billingCompany: '', billingEmail: '', priceColumn: i % 3 === 0 ? 'WholesalePrice' : 'RetailPrice',
			percentageOff: 0, paymentTerms: '', taxStatus: 'Incl', taxNumber: '', creditLimit: 0, balanceOwing: 0, group: i % 3 === 0 ? 'Wholesale' : 'Retail',
			subGroup: '', stages: '', salesPersonId: rng.pick([1, 2]), notes: '', integrationRef: '', customFields: cf, secondaryContacts: [], accountingIntegrationId: null,
		});
	}
	const products = [];
	const options = [];
	const stock = [];
	for (let s = 1; s <= sz.omniStyles; s++) {
		const created = anchor - rng.int(30, 700) * DAY;
		const modified = anchor - rng.int(0, 60) * DAY - rng.int(0, DAY);
		const pid = nextId++;
		const colour = rng.pick(COLOURS);
		const price = rng.int(1500, 15000) / 100;
		const nOpt = rng.int(2, 4);
		const opts = [];
		for (let o = 0; o < nOpt; o++) {
			const code = `ST${pad(s, 5)}-${SIZES_OPT[o]}`;
			const opt = {
				id: nextId++, productId: pid, createdDate: omniDate(created), modifiedDate: omniDate(modified), status: o === 0 ? 'Primary' : 'Active',
				code, productOptionCode: code, barcode: `94${pad(s * 10 + o, 11)}`, productOptionBarcode: `94${pad(s * 10 + o, 11)}`, supplierCode: `SUP-${s}-${o}`,
				option1: SIZES_OPT[o], option2: colour, option3: '', size: SIZES_OPT[o], sizeId: null, optionWeight: 0.3,
				retailPrice: price, wholesalePrice: round2(price * 0.6), vipPrice: round2(price * 0.8), specialPrice: 0, specialsStartDate: null, specialDays: 0,
				priceColumns: { RetailPrice: price, WholesalePrice: round2(price * 0.6) }, stockAvailable: 0, stockOnHand: 0, uomOptions: [], image: { link: '' },
			};
			opts.push(opt);
			options.push(opt);
		}
		const name = `${rng.pick(WORDS)} ${rng.pick(NOUNS)}`;
		products.push({
			id: pid, status: s % 43 === 0 ? 'Inactive' : 'Public', createdDate: omniDate(created), modifiedDate: omniDate(modified), styleCode: `ST${pad(s, 5)}`,
			name, description: `${name} in ${colour}`, brand: rng.pick(BRANDS), category: rng.pick(CATEGORIES), subCategory: '', categoryIdArray: [],
			tags: '', images: [], supplierId: null, channels: '', weight: 0.3, height: 0, width: 0, length: 0, volume: 0, stockControl: 'FIFO',
			orderType: 'Stock', productType: '', productSubtype: '', optionLabel1: 'Size', optionLabel2: 'Colour', optionLabel3: '',
			salesAccount: '', purchasesAccount: '', sizeRangeId: null, customFields: {}, productOptions: opts,
		});
		for (const opt of opts) {
			const nb = rng.int(1, 3);
			const start = rng.int(0, 3);
			for (let b = 0; b < nb; b++) {
				const br = branches[(start + b) % branches.length];
				const soh = rng.int(0, 120);
				const openSales = rng.chance(0.3) ? rng.int(0, Math.max(1, Math.round(soh / 2) + 3)) : 0;
				stock.push({
					productId: pid, productOptionId: opt.id, modifiedDate: omniDate(anchor - rng.int(0, 90) * DAY - rng.int(0, DAY)), styleCode: `ST${pad(s, 5)}`,
					code: opt.code, barcode: opt.barcode, branchId: br.id, branchName: br.company, productName: name, option1: opt.option1, option2: opt.option2,
					option3: '', size: opt.size, available: soh - openSales, stockOnHand: soh, openSales, incoming: rng.chance(0.2) ? rng.int(5, 50) : 0,
					virtual: 0, holding: rng.chance(0.15) ? rng.int(1, 5) : 0,
				});
			}
		}
	}
	const orders = [];
	const productById = new Map(products.map((p) => [p.id, p]));
	const customers = contacts.filter((c) => c.type === 'Customer' && c.isActive);
	const STAGES = ['New', 'Processing', 'Awaiting Payment', 'Dispatched', 'Dispatched', 'On Hold', 'Declined'];
	for (let i = 1; i <= sz.omniOrders && customers.length && options.length; i++) {
		const c = customers[(i * 11) % customers.length];
		const created = anchor - rng.int(1, 200) * DAY;
		const modified = created + rng.int(0, 10) * DAY;
		const stage = STAGES[i % STAGES.length];
		const br = branches[i % branches.length];
		const lines = [];
		const nl = rng.int(1, 3);
		for (let l = 0; l < nl; l++) {
			const opt = options[rng.int(0, options.length - 1)];
			const qty = rng.int(1, 4);
			const prod = productById.get(opt.productId);
			lines.push({ id: nextId++, transactionId: 0, productId: opt.productId, productOptionId: opt.id, integrationRef: '', sort: l + 1, code: opt.code,
				name: prod ? prod.name : '', option1: opt.option1, option2: opt.option2, option3: '', styleCode: prod ? prod.styleCode : '', barcode: opt.barcode,
				qty, qtyShipped: stage === 'Dispatched' ? qty : 0, holdingQty: 0, accountCode: '', stockMovements: [], unitCost: round2(opt.retailPrice * 0.4),
				unitPrice: opt.retailPrice, discount: 0, lineComments: '' });
		}
		const productTotal = round2(lines.reduce((a, l) => a + l.qty * l.unitPrice, 0));
		const id = nextId++;
		for (const l of lines) l.transactionId = id;
		orders.push({
			id, createdDate: omniDate(created), modifiedDate: omniDate(modified), createdBy: 1, processedBy: 1, isApproved: stage !== 'New' || i % 2 === 0,
			status: i % 29 === 0 ? 'Void' : 'Approved', stage, isVoid: i % 29 === 0, reference: `SO-${pad(i, 5)}`, memberId: c.id, memberEmail: c.email,
			firstName: c.firstName, lastName: c.lastName, company: c.company, email: c.email, phone: c.phone, mobile: c.mobile, fax: '',
			delivery: { firstName: c.firstName, lastName: c.lastName, company: c.company, address1: c.address1, address2: '', city: c.city, state: c.state, postalCode: c.postCode, country: c.country },
			billing: { firstName: c.firstName, lastName: c.lastName, company: c.company, address1: c.address1, address2: '', city: c.city, postalCode: c.postCode, state: c.state, country: c.country },
			branchId: br.id, distributionBranchId: 0, projectName: '', trackingCode: stage === 'Dispatched' ? `TRK${pad(i, 8)}` : '', logisticsCarrier: stage === 'Dispatched' ? 'NZ Post' : '',
			internalComments: '', productTotal, freightTotal: 0, freightDescription: '', surcharge: 0, discountTotal: 0, total: productTotal, currencyCode: 'NZD', currencyRate: 1,
			taxStatus: 'Incl', taxRate: 0.15, source: 'API', customFields: {}, invoiceDate: null, invoiceNumber: null,
			dispatchedDate: stage === 'Dispatched' ? omniDate(modified) : null, estimatedDeliveryDate: null, customerOrderNo: i % 3 === 0 ? `WEB-${2000 + i}` : '',
			voucherCode: '', paymentTerms: '', salesPersonId: 1, deliveryInstructions: '', cancellationDate: null, lineItems: lines,
			_dispatchedStock: stage === 'Dispatched',
		});
	}
	return { branches, users, contacts, products, options, stock, orders, nextId };
}

function seedDotdigital(rng, sz, anchor, coreCustomers) {
	const dataFields = [
		['FIRSTNAME', 'String'], ['LASTNAME', 'String'], ['FULLNAME', 'String'], ['GENDER', 'String'], ['POSTCODE', 'String'], ['LASTSUBSCRIBED', 'Date'],
	].map(([name, type]) => ({ name, type, visibility: 'Private', defaultValue: null }));
	const addressBooks = [
		{ id: 101, name: 'Test', visibility: 'Private' },
		{ id: 102, name: 'Newsletter', visibility: 'Public' },
	];
	const contacts = [];
	let nextId = 500000;
	const emails = [];
	for (const c of coreCustomers) {
		const d = c.Contacts.find((x) => x.Default);
		if (d && d.Email) emails.push([d.Email, d.Name]);
		if (emails.length >= sz.ddContacts) break;
	}
	emails.forEach(([email, name], i) => {
		const created = anchor - rng.int(30, 400) * DAY;
		const suppressed = i % 7 === 3;
		const unsub = i % 7 === 5;
		const [fn, ...rest] = name.split(' ');
		contacts.push({
			id: nextId++, email, optInType: 'Single', emailType: 'Html',
			status: unsub ? 'Unsubscribed' : suppressed ? 'HardBounced' : 'Subscribed',
			dataFields: { FIRSTNAME: fn, LASTNAME: rest.join(' '), FULLNAME: name },
			lists: [102], created: new Date(created).toISOString(), modified: new Date(created + rng.int(0, 20) * DAY).toISOString(),
			removedAt: unsub || suppressed ? new Date(anchor - rng.int(0, 30) * DAY).toISOString() : null,
		});
	});
	return { dataFields, addressBooks, contacts, nextId, nextBookId: 200, collections: {} };
}

/**
 * Build the seeded state for all systems. Each system is generated lazily on first access (the
 * bench often exercises one system only); the result is the same whichever is touched first.
 * `prepare` maps a system key to a hook run on that system's fresh data (the server passes each
 * registry entry's seed.prepare).
 */
function buildState(opts = {}) {
	const seed = Number.isFinite(Number(opts.seed)) ? Number(opts.seed) : 1;
	const sz = resolveSize(opts.size || 'demo');
	const anchor = opts.anchor === 'now' ? Date.now() : Date.parse(opts.anchor || DEFAULT_ANCHOR);
	const state = { meta: { seed, size: opts.size || 'demo', counts: sz, anchor: new Date(anchor).toISOString() } };
	const lazy = (name, build) => {
		let value;
		Object.defineProperty(state, name, {
			enumerable: true, configurable: true,
			get() { if (value === undefined) value = build(); return value; },
			set(v) { value = v; },
		});
	};
	for (const s of SYSTEMS) {
		lazy(s.key, () => {
			const data = s.seed.build(makeRng(seed * 7919 + s.seed.salt), sz, anchor, state);
			if (opts.prepare && opts.prepare[s.key]) opts.prepare[s.key](data);
			return data;
		});
	}
	return state;
}

module.exports = {
	buildState, makeRng, mulberry32, resolveSize, coreDate, omniDate, round2, availRow, seedCore, seedOmni, seedDotdigital, DEFAULT_ANCHOR,
};
