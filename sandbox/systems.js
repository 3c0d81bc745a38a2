'use strict';
// The one list of emulated vendor systems. Everything that differs per system lives in its entry;
// the server, the seed, the credential helper, the demo, the e2e harness and the bench read it from
// here instead of naming systems. Adding a system = one entry below + its emulation module in
// sandbox/ + its bench scenarios module in scripts/bench/scenarios/ (see sandbox/README.md).
// Plain CommonJS, no dependencies. Modules named here are required lazily (emulation modules
// require ./seed, which requires this file).
//
// Entry fields:
//   key          path prefix (/<key>/…), stats / state / request-log / fault-filter key; lower case
//   label        human name ('Cin7 Core')
//   emulation    module in sandbox/ implementing route, authenticate, rateKey, throttle, errorBody,
//                handle, snapshot, mutate (optional decorate, prepare); load it with emulation(entry)
//   basePath     the base URL path a client uses (credential baseUrl = <sandbox url> + basePath)
//   extraBaseUrls  more named base URL lists for /_sandbox/health and startSandbox().baseUrls
//   probe        a cheap authenticated GET under basePath (tests check the login with it)
//   credential   the n8n credential type, the fixed id and name templates in workflows/ reference,
//                and its file under credentials/
//   login        the sandbox's fixed login (scripts/lib/credentials SANDBOX_LOGINS[loginKey])
//   auth         how a plain HTTP client sends that login: { headers } or { basic: {username, password} }
//   credentialData(url, speedUp)  candidate credential fields for `n8n import:credentials`; only the
//                fields the credential file declares are used. speedUp multiplies documented rates.
//   rateLimits   limiter key (what the emulation's rateKey returns) → sliding windows (unscaled ms)
//   logCollections  optional: keys of the emulation's snapshot that log submissions rather than hold
//                records (every run adds its own entries), so "a second run added no records" skips them
//   throttle     { forms, option? }: the throttle response forms passed to the emulation's
//                throttle(); one form = always that one; several = the sandbox option `option`
//                picks one, anything else rotates through them
//   options      sandbox options this system reads (sandbox.opts.<name>): name → { normalize(raw),
//                flag?, env?, values? } (flag/env: the scripts/sandbox.js command line)
//   seed         { salt, sizes: {demo, bench}, scale(n, f), build(rng, sizes, anchor, state), prepare? }
//                salt: PRNG stream makeRng(seed * 7919 + salt); sizes: this system's counts (flat
//                keys, merged into state.meta.counts in registry order); scale: counts for a numeric
//                size n (f = n ÷ 300, the demo product count); build: the seeded data (state gives
//                other systems' data, e.g. Dotdigital's contacts come from Core customers);
//                prepare: hook run on the built data when the server seeds (indexes, emulation state)
//   bench        { scenarios, factsKey, facts(data) }: scenarios module (path relative to sandbox/);
//                facts: counts the scenarios' minimum-call formulas read as facts[factsKey]

const path = require('node:path');

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

const seedLib = () => require('./seed');

const CORE_BASE = '/cin7core/ExternalApi/v2';
const OMNI_BASE = '/cin7omni/api/v1';
const DD_BASE = '/dotdigital/r1';
const CORE_LOGIN = { accountId: 'sandbox-core-account', applicationKey: 'sandbox-core-key-7f3a9c' };
const OMNI_LOGIN = { username: 'sandbox-omni-user', apiKey: 'sandbox-omni-key-4b8e2d' };
const DD_LOGIN = { username: 'apiuser-sandbox@apiconnector.com', password: 'sandbox-dd-pass-9c1e5a' };
const SPARKLAYER_BASE = '/sparklayer/live';
const SPARKLAYER_LOGIN = { siteId: 'sandbox-site-1', clientId: 'sandbox-sl-client', clientSecret: 'sandbox-sl-secret-3d9f1b' };
// the shop's host https://sandbox-b2b.myshopify.com is /shopify/sandbox-b2b
const SHOPIFY_BASE = '/shopify/sandbox-b2b';
const SHOPIFY_LOGIN = {
	shopDomain: 'sandbox-b2b.myshopify.com', adminAccessToken: 'shpat_sandbox0b2b0token0000000000001',
	clientId: 'sandbox-shopify-client', clientSecret: 'sandbox-shopify-secret-5e2c8a',
};
// JOOR: one API root for v2 and v4 (/joor/api/v2/…, /joor/api/v4/…); the atlas token endpoint
// stands in at /joor/api/auth/ (a credential's default token URL when its Base URL is overridden)
const JOOR_BASE = '/joor/api';
const JOOR_LOGIN = {
	apiToken: 'sandbox-joor-token-5d2c8e', account: 'sandbox-joor-account',
	clientId: 'sandbox-joor-client', clientSecret: 'sandbox-joor-secret-3a7f1b', username: 'sandbox-joor-user', password: 'sandbox-joor-pass-8e4d2c',
};
const OD_BASE = '/orderdesk/api/v2';
const OD_LOGIN = { storeId: 'sandbox-od-store-2417', apiKey: 'sandbox-od-key-8d4f1b' };

const EM_BASE = '/emarsys/api/v3';
const EM_LOGIN = {
	clientId: 'sandbox-emarsys-client', clientSecret: 'sandbox-emarsys-secret-3d9f1b', wsseUser: 'sandbox_emarsys001', wsseSecret: 'sandbox-emarsys-wsse-8a2c7e',
	merchantId: '1A2B3C4D5E6F7A8B', salesDataToken: 'sandbox-emarsys-sales-token-5e7b2f',
};
const SYSTEMS = [
	{
		key: 'cin7core',
		label: 'Cin7 Core',
		emulation: './cin7core',
		basePath: CORE_BASE,
		extraBaseUrls: {},
		probe: '/me',
		credential: { type: 'cin7CoreApi', id: 'cin7CoreCred0001', name: 'Cin7 Core account', file: 'Cin7CoreApi.credentials.ts' },
		loginKey: 'core',
		login: CORE_LOGIN,
		auth: { headers: { 'api-auth-accountid': CORE_LOGIN.accountId, 'api-auth-applicationkey': CORE_LOGIN.applicationKey } },
		credentialData: (url, speedUp) => ({
			...CORE_LOGIN,
			baseUrl: url + CORE_BASE,
			callsPerMinute: 60 * speedUp,
		}),
		rateLimits: { cin7core: [{ name: 'minute', limit: 60, windowMs: MINUTE }] },
		// alternate: 503 text (no Retry-After) → 429 `Retry-After: "N Seconds"` → 429 numeric Retry-After
		throttle: { forms: ['429', '503', '429text'], option: 'coreThrottle' },
		options: {
			coreThrottle: { normalize: (v) => v || 'alternate', flag: 'core-throttle', env: 'SANDBOX_CORE_THROTTLE', values: 'alternate|429|503|429text' },
		},
		seed: {
			salt: 1,
			sizes: { demo: { products: 300, customers: 200, sales: 150 }, bench: { products: 20000, customers: 20000, sales: 2000 } },
			scale: (n, f) => ({ products: n, customers: Math.max(1, Math.round(200 * f)), sales: Math.max(1, Math.round(150 * f)) }),
			build: (rng, sz, anchor) => seedLib().seedCore(rng, sz, anchor),
			prepare: (data) => emulation('cin7core').prepare(data),
		},
		bench: {
			scenarios: '../scripts/bench/scenarios/cin7core',
			factsKey: 'core',
			facts: (c) => ({
				products: c.products.length,
				productsActive: c.products.filter((p) => p.Status !== 'Deprecated').length,
				customers: c.customers.length,
				availabilityRows: c.availability.filter((r) => r.OnHand !== 0 || r.Available !== 0 || r.OnOrder !== 0).length,
			}),
		},
	},
	{
		key: 'cin7omni',
		label: 'Cin7 Omni',
		emulation: './cin7omni',
		basePath: OMNI_BASE,
		extraBaseUrls: {},
		probe: '/Users?rows=1',
		credential: { type: 'cin7OmniApi', id: 'cin7OmniCred0001', name: 'Cin7 Omni account', file: 'Cin7OmniApi.credentials.ts' },
		loginKey: 'omni',
		login: OMNI_LOGIN,
		auth: { basic: { username: OMNI_LOGIN.username, password: OMNI_LOGIN.apiKey } },
		credentialData: (url, speedUp) => ({
			...OMNI_LOGIN,
			baseUrl: url + OMNI_BASE,
			callsPerMinute: 60 * speedUp,
			callsPerSecond: 3 * speedUp,
			dailyCallBudget: 5000 * speedUp,
		}),
		rateLimits: {
			cin7omni: [
				{ name: 'second', limit: 3, windowMs: SECOND },
				{ name: 'minute', limit: 60, windowMs: MINUTE },
				{ name: 'day', limit: 5000, windowMs: DAY },
			],
		},
		throttle: { forms: ['429'] },
		options: {},
		seed: {
			salt: 2,
			sizes: { demo: { omniStyles: 100, omniContacts: 200, omniOrders: 150 }, bench: { omniStyles: 7000, omniContacts: 20000, omniOrders: 2000 } },
			scale: (n, f) => ({ omniStyles: Math.max(1, Math.round(n / 3)), omniContacts: Math.max(1, Math.round(200 * f)), omniOrders: Math.max(1, Math.round(150 * f)) }),
			build: (rng, sz, anchor) => seedLib().seedOmni(rng, sz, anchor),
		},
		bench: {
			scenarios: '../scripts/bench/scenarios/omni',
			factsKey: 'omni',
			facts: (o) => ({ products: o.products.length, options: o.options.length, stockRows: o.stock.length, contacts: o.contacts.length }),
		},
	},
	{
		key: 'dotdigital',
		label: 'Dotdigital',
		emulation: './dotdigital',
		basePath: DD_BASE,
		// regional hosts: the account lives in r1, r2/r3 answer 403 except GET /v2/account-info
		extraBaseUrls: { dotdigitalRegions: ['/dotdigital/r1', '/dotdigital/r2', '/dotdigital/r3'] },
		probe: '/v2/account-info',
		credential: { type: 'dotdigitalApi', id: 'dotdigitalCred01', name: 'Dotdigital account', file: 'DotdigitalApi.credentials.ts' },
		loginKey: 'dotdigital',
		login: DD_LOGIN,
		auth: { basic: { username: DD_LOGIN.username, password: DD_LOGIN.password } },
		credentialData: (url, speedUp) => ({
			username: DD_LOGIN.username,
			apiUser: DD_LOGIN.username,
			email: DD_LOGIN.username,
			password: DD_LOGIN.password,
			region: 'r1',
			baseUrl: url + DD_BASE,
			callsPerMinute: 35 * speedUp,
		}),
		// import jobs: one per submitted import, however many contacts it upserted
		logCollections: ['imports'],
		rateLimits: {
			'dotdigital:Low': [{ name: 'Low', limit: 35, windowMs: MINUTE }],
			'dotdigital:Medium': [{ name: 'Medium', limit: 150, windowMs: MINUTE }],
			'dotdigital:High': [{ name: 'High', limit: 300, windowMs: MINUTE }],
		},
		throttle: { forms: ['429'] },
		options: {
			// imports finish after a time proportional to their size (sandbox/dotdigital.js); this adds
			// that many NotFinished status answers before the report (default 0: time alone decides)
			ddImportPolls: { normalize: (v) => Math.max(0, Math.floor(Number(v)) || 0) },
		},
		seed: {
			salt: 3,
			sizes: { demo: { ddContacts: 60 }, bench: { ddContacts: 2000 } },
			scale: (n, f) => ({ ddContacts: Math.max(1, Math.round(60 * f)) }),
			build: (rng, sz, anchor, state) => seedLib().seedDotdigital(rng, sz, anchor, state.cin7core.customers),
		},
		bench: {
			scenarios: '../scripts/bench/scenarios/dotdigital',
			factsKey: 'dd',
			facts: (d) => ({ contacts: d.contacts.length }),
		},
	},
	{
		key: 'orderdesk',
		label: 'Order Desk',
		emulation: './orderdesk',
		basePath: OD_BASE,
		extraBaseUrls: {},
		probe: '/test',
		credential: { type: 'orderDeskApi', id: 'orderDeskCred001', name: 'Order Desk account', file: 'OrderDeskApi.credentials.ts' },
		loginKey: 'orderdesk',
		login: OD_LOGIN,
		auth: { headers: { 'ORDERDESK-STORE-ID': OD_LOGIN.storeId, 'ORDERDESK-API-KEY': OD_LOGIN.apiKey } },
		credentialData: (url, speedUp) => ({
			...OD_LOGIN,
			baseUrl: url + OD_BASE,
			refillPerSecond: 3 * speedUp,
			bucketSize: 20,
			// the zone the store reads and writes its dates in (the sandbox's store is not on UTC)
			timeZone: require('./orderdesk-dates').STORE_TIME_ZONE,
		}),
		// the leaky bucket (20, refilling 3/s) as the sliding windows it implies (sandbox/orderdesk-bucket.js)
		rateLimits: { orderdesk: require('./orderdesk-bucket').leakyBucketWindows(20, 3) },
		throttle: { forms: ['429'] },
		options: {},
		seed: {
			salt: 12,
			sizes: { demo: { odOrders: 60, odInventory: 240 }, bench: { odOrders: 10000, odInventory: 10000 } },
			// a numeric size n = that many orders and inventory items (the bench's 1k / 10k rows)
			scale: (n) => ({ odOrders: Math.max(10, n), odInventory: Math.max(10, n) }),
			build: (rng, sz, anchor, state) => require('./orderdesk-seed').seedOrderDesk(rng, sz, anchor, state),
			prepare: (data) => emulation('orderdesk').prepare(data),
		},
		bench: {
			scenarios: '../scripts/bench/scenarios/orderdesk',
			factsKey: 'od',
			facts: (d) => ({ orders: d.orders.length, inventoryItems: d.inventory.length }),
		},
	},
	{
		key: 'emarsys',
		label: 'Emarsys',
		emulation: './emarsys',
		// OAuth 2.0 (the default) calls /api/v3 with a bearer token; legacy WSSE calls /api/v2
		basePath: EM_BASE,
		extraBaseUrls: { emarsysWsse: ['/emarsys/api/v2'], emarsysToken: ['/emarsys/auth/oauth2/token'], emarsysSalesData: ['/emarsys/hapi'], emarsysCatalogFetch: ['/emarsys/predict/catalog/fetch'] },
		probe: '/settings',
		credential: { type: 'emarsysApi', id: 'emarsysCred00001', name: 'Emarsys account', file: 'EmarsysApi.credentials.ts' },
		loginKey: 'emarsys',
		login: EM_LOGIN,
		// a plain client sends a fresh signed access token (what the token endpoint would issue)
		auth: { get headers() { return { Authorization: `Bearer ${emulation('emarsys').mintToken(EM_LOGIN.clientId)}` }; } },
		credentialData: (url, speedUp) => ({
			authType: 'oauth2',
			clientId: EM_LOGIN.clientId,
			clientSecret: EM_LOGIN.clientSecret,
			tokenUrl: url + '/emarsys/auth/oauth2/token',
			username: EM_LOGIN.wsseUser,
			secret: EM_LOGIN.wsseSecret,
			baseUrl: url + EM_BASE,
			salesDataUrl: url + '/emarsys/hapi',
			salesDataMerchantId: EM_LOGIN.merchantId,
			salesDataToken: EM_LOGIN.salesDataToken,
			callsPerMinute: 1000 * speedUp,
		}),
		// event triggers and sales lines are records (a re-run must add none); exports and catalog
		// fetches log what each run asked for
		logCollections: ['exports', 'catalogFetches', 'salesUploads'],
		rateLimits: { emarsys: [{ name: 'minute', limit: 1000, windowMs: MINUTE }] },
		throttle: { forms: ['429'] },
		options: {
			// access-token lifetime in seconds (default 3600, as Emarsys issues); short values test refresh
			emarsysTokenTtl: { normalize: (v) => Math.max(0, Math.floor(Number(v)) || 0) },
		},
		seed: {
			salt: 11,
			sizes: { demo: { emContacts: 60 }, bench: { emContacts: 2000 } },
			scale: (n, f) => ({ emContacts: Math.max(1, Math.round(60 * f)) }),
			build: (rng, sz, anchor, state) => emulation('emarsys').seedEmarsys(rng, sz, anchor, state.cin7core),
			prepare: (data) => emulation('emarsys').prepare(data),
		},
		bench: {
			scenarios: '../scripts/bench/scenarios/emarsys',
			factsKey: 'em',
			facts: (d) => ({ contacts: d.contacts.length, catalogItems: d.catalog.items.length }),
		},
	},
	{
		key: 'sparklayer',
		label: 'SparkLayer',
		emulation: './sparklayer',
		basePath: SPARKLAYER_BASE,
		// the test host (test.app.sparklayer.io) has its own data and keys; the live keys answer 401 there
		extraBaseUrls: { sparklayerTest: ['/sparklayer/test'] },
		testLogin: { siteId: 'sandbox-site-1', clientId: 'sandbox-sl-test-client', clientSecret: 'sandbox-sl-test-secret-77aa01' },
		// a client of a plan without API access: the token endpoint answers 403 (credential test)
		noApiClientId: 'sandbox-sl-noapi',
		probe: '/api/v1/customer-groups',
		credential: { type: 'sparkLayerApi', id: 'sparkLayerCred01', name: 'SparkLayer account', file: 'SparkLayerApi.credentials.ts' },
		loginKey: 'sparklayer',
		login: SPARKLAYER_LOGIN,
		// a bearer token from POST /api/auth/token (Site-Id header + JSON body); see sandbox/README.md
		// Plain HTTP clients (tests, bench probes, e2e checks) send a token the sandbox pre-issues and never
		// expires; n8n's credential gets real ones from POST /api/auth/token (Site-Id + JSON body).
		plainClientToken: 'sl_sandbox_plain_client_token_0001',
		auth: { headers: { Authorization: 'Bearer sl_sandbox_plain_client_token_0001', 'Site-Id': SPARKLAYER_LOGIN.siteId } },
		credentialData: (url, speedUp) => ({
			environment: 'live',
			...SPARKLAYER_LOGIN,
			baseUrl: url + SPARKLAYER_BASE,
			callsPerMinute: 300 * speedUp,
		}),
		// SparkLayer publishes no number; the sandbox answers 429 + Retry-After above 10 calls a second
		rateLimits: { sparklayer: [{ name: 'second', limit: 10, windowMs: SECOND }] },
		throttle: { forms: ['429'] },
		options: {
			// every Nth write answers 409 "concurrent update" (default 0 = never), for retry tests and the bench
			sparklayerConflictEvery: { normalize: (v) => Math.max(0, Math.floor(Number(v)) || 0) },
		},
		seed: {
			salt: 13,
			sizes: { demo: { slGroups: 3 }, bench: { slGroups: 3 } },
			scale: () => ({ slGroups: 3 }),
			build: () => emulation('sparklayer').seedSparkLayer(),
		},
		bench: {
			scenarios: '../scripts/bench/scenarios/sparklayer',
			factsKey: 'sparklayer',
			facts: (s) => ({ priceLists: s.live.priceLists.length, groups: s.live.groups.length }),
		},
	},
	{
		key: 'shopify',
		label: 'Shopify',
		emulation: './shopify',
		basePath: SHOPIFY_BASE,
		extraBaseUrls: {},
		// a valid token without the customer scopes (queries answer ACCESS_DENIED), for the credential test
		noScopeToken: 'shpat_sandbox0noscope00000000000000002',
		// the scopes of the registry login's token and of client-credentials tokens
		scopes: ['read_customers', 'write_customers', 'read_products'],
		shopDomain: SHOPIFY_LOGIN.shopDomain,
		apiVersion: '2026-01',
		probe: '/admin/api/2026-01/graphql.json?query=%7Bshop%7Bname%7D%7D',
		credential: { type: 'shopifyB2bApi', id: 'shopifyB2bCred01', name: 'Shopify B2B account', file: 'ShopifyB2bApi.credentials.ts' },
		loginKey: 'shopify',
		login: SHOPIFY_LOGIN,
		auth: { headers: { 'X-Shopify-Access-Token': SHOPIFY_LOGIN.adminAccessToken } },
		credentialData: (url, speedUp) => ({
			shopDomain: SHOPIFY_LOGIN.shopDomain,
			apiVersion: '2026-01',
			authentication: 'accessToken',
			adminAccessToken: SHOPIFY_LOGIN.adminAccessToken,
			baseUrl: url + SHOPIFY_BASE,
			pointsPerSecond: 100 * speedUp,
		}),
		// GraphQL is limited by query cost inside the emulation (leaky bucket, THROTTLED answers);
		// this window limits the Dev Dashboard token endpoint only
		rateLimits: { 'shopify:token': [{ name: 'minute', limit: 60, windowMs: MINUTE }] },
		throttle: { forms: ['429'] },
		options: {},
		seed: {
			salt: 23,
			sizes: { demo: { shopifyCustomers: 15 }, bench: { shopifyCustomers: 10000 } },
			scale: (n, f) => ({ shopifyCustomers: Math.max(1, Math.round(15 * f)) }),
			build: (rng, sz, anchor, state) => emulation('shopify').seedShopify(rng, sz, anchor, state.cin7core.customers, state.cin7core.products),
		},
		bench: {
			scenarios: '../scripts/bench/scenarios/shopify',
			factsKey: 'shopify',
			facts: (s) => ({ customers: s.customers.length }),
		},
	},
	{
		key: 'joor',
		label: 'JOOR',
		emulation: './joor',
		basePath: JOOR_BASE,
		extraBaseUrls: { joorAuth: [JOOR_BASE + '/auth/'] },
		probe: '/v2/style?count=1',
		credential: { type: 'joorApi', id: 'joorCred00000001', name: 'JOOR account', file: 'JoorApi.credentials.ts' },
		loginKey: 'joor',
		login: JOOR_LOGIN,
		// v2's API-token scheme; v4 bearer tokens come from POST /joor/auth/ (sandbox/README.md)
		auth: { headers: { Authorization: 'OAuth2 ' + Buffer.from(JOOR_LOGIN.apiToken).toString('base64') } },
		credentialData: (url, speedUp) => ({
			environment: 'sandbox',
			// the password grant, so templates exercise the token path and reach v4 (bearer works on v2 too)
			authType: 'password',
			apiToken: JOOR_LOGIN.apiToken,
			clientId: JOOR_LOGIN.clientId,
			clientSecret: JOOR_LOGIN.clientSecret,
			username: JOOR_LOGIN.username,
			password: JOOR_LOGIN.password,
			accountId: JOOR_LOGIN.account,
			baseUrl: url + JOOR_BASE,
			authUrl: url + JOOR_BASE + '/auth/',
			creditsPerWindow: 300 * speedUp,
		}),
		// credits (GET 1, writes 5, 300 per fixed 300 s window) are counted in sandbox/joor.js; a call
		// that does not fit is routed to this one-slot key, which the emulation keeps full
		rateLimits: { 'joor:spent': [{ name: 'credits', limit: 1, windowMs: 300 * SECOND }] },
		logCollections: ['jobs'],
		throttle: { forms: ['429'] },
		options: {},
		seed: {
			salt: 14,
			sizes: { demo: { joorOrders: 14 }, bench: { joorOrders: 1000 } },
			scale: (n, f) => ({ joorOrders: Math.max(14, Math.round(14 * f)) }),
			build: (rng, sz, anchor, state) => require('./joor-seed').build(rng, sz, anchor, state),
		},
		bench: {
			scenarios: '../scripts/bench/scenarios/joor',
			factsKey: 'joor',
			facts: (j) => ({ orders: j.orders.length, approvedNotExported: j.orders.filter((o) => o.status === 'Approved' && o._export !== 'exported').length }),
		},
	},
];

Object.freeze(SYSTEMS);
const BY_KEY = Object.freeze(Object.fromEntries(SYSTEMS.map((s) => [s.key, s])));
const KEYS = SYSTEMS.map((s) => s.key);

function entry(systemOrKey) {
	const s = typeof systemOrKey === 'string' ? BY_KEY[systemOrKey.toLowerCase()] : systemOrKey;
	if (!s) throw new Error(`unknown sandbox system "${systemOrKey}" (known: ${KEYS.join(', ')})`);
	return s;
}

/** The emulation module of a system (entry or key). */
function emulation(systemOrKey) {
	return require(path.join(__dirname, entry(systemOrKey).emulation));
}

/** The bench scenario list of a system ([] when it has none). */
function benchScenarios(systemOrKey) {
	const s = entry(systemOrKey);
	return s.bench && s.bench.scenarios ? require(path.resolve(__dirname, s.bench.scenarios)) : [];
}

/** "a, b or c" over the keys, each with an optional prefix (for error messages). */
function keyList(prefix = '') {
	const k = KEYS.map((x) => prefix + x);
	return k.length > 1 ? `${k.slice(0, -1).join(', ')} or ${k[k.length - 1]}` : k.join('');
}

/** Every base URL of a sandbox at `url`: { <key>: url + basePath, ...extraBaseUrls }. */
function baseUrls(url) {
	const out = {};
	for (const s of SYSTEMS) {
		out[s.key] = url + s.basePath;
		for (const [name, paths] of Object.entries(s.extraBaseUrls || {})) out[name] = paths.map((p) => url + p);
	}
	return out;
}

/** Rate-limit windows of every system, keyed as the emulations' rateKey() answers. */
function rateLimits() {
	return Object.assign({}, ...SYSTEMS.map((s) => s.rateLimits || {}));
}

/** A system's login as HTTP headers (Basic auth encoded), for fetch-style clients. */
function authHeaders(systemOrKey) {
	const a = entry(systemOrKey).auth;
	if (a.basic) return { Authorization: 'Basic ' + Buffer.from(`${a.basic.username}:${a.basic.password}`).toString('base64') };
	return { ...(a.headers || {}) };
}

/** A system's login in words ("headers k: v / k: v" or "Basic user / password"), for console hints. */
function describeAuth(systemOrKey) {
	const a = entry(systemOrKey).auth;
	if (a.basic) return `Basic ${a.basic.username} / ${a.basic.password}`;
	return 'headers ' + Object.entries(a.headers || {}).map(([k, v]) => `${k}: ${v}`).join(' / ');
}

module.exports = {
	SYSTEMS, BY_KEY, KEYS, entry, emulation, benchScenarios, keyList, baseUrls, rateLimits, authHeaders, describeAuth,
};
