'use strict';
// SparkLayer pricing writes (targets-api.md §3.1): PATCH /api/v1/price-lists/{slug}/pricing replaces
// the prices of each SKU sent, up to the sandbox's 1,000 rows a call; PATCH /api/v1/batch-update-pricing
// mixes lists in one body. Items: products × the 10 Cin7 Core price tiers, one price list per tier.
// Minimum calls = one token + ⌈rows ÷ 1000⌉ per list (by list) or ⌈all rows ÷ 1000⌉ (across lists).
const { ceil } = require('./common');
const { naiveFor } = require('../naive');

const TIERS = 10;
const MAX_ROWS = 1000;
// SparkLayer publishes no limit; the sandbox throttles above 10 calls a second (600 a minute).
const base = { system: 'sparklayer', limitPerMinute: 600, systems: ['sparklayer'], sandboxSize: () => 'demo', naiveMax: 500 };
const slug = (t) => `bench-tier-${t}`;

function slNode(env) {
	const { SparkLayer } = env.dist('nodes/SparkLayer/SparkLayer.node.js');
	return new SparkLayer();
}
/** n products × 10 tiers as items {priceListSlug, sku, pricing}; prices with a quantity break on every 3rd SKU. */
function priceItems(n) {
	const out = [];
	for (let t = 1; t <= TIERS; t++) {
		for (let i = 1; i <= n; i++) {
			const price = Math.round((10 + (i % 90)) * (1 - t / 40) * 100) / 100;
			const pricing = i % 3 === 0 ? [{ quantity: 1, price }, { quantity: 10, price: Math.round(price * 90) / 100 }] : [{ quantity: 1, price }];
			out.push({ json: { priceListSlug: slug(t), sku: `SKU-${String(i).padStart(6, '0')}`, pricing: JSON.stringify(pricing) } });
		}
	}
	return out;
}
/** The ten price lists exist before the measured part (the template's get-or-create runs once a tier). */
async function ensureLists(env) {
	const c = naiveFor('sparklayer', env.url, env.timeScale);
	const have = new Set((await c.call('GET', '/api/v1/price-lists')).map((p) => p.slug));
	for (let t = 1; t <= TIERS; t++) {
		if (!have.has(slug(t))) await c.call('POST', '/api/v1/price-lists', { data: { slug: slug(t), name: `Bench tier ${t}`, currency_code: 'AUD', source: 'integration' } });
	}
}
function pricingScenario(name, operation, minimum, what) {
	return {
		...base,
		name,
		what,
		minimum: (f, n) => minimum(n),
		setupPkg: ensureLists,
		setupNaive: ensureLists,
		async pkg(env) {
			const { ctx } = env.createContext({
				items: priceItems(env.n),
				parameters: {
					resource: 'priceList', operation, additionalFields: {},
					priceListSlug: (i, it) => it.json.priceListSlug, sku: (i, it) => it.json.sku, pricing: (i, it) => it.json.pricing,
				},
			});
			const out = await slNode(env).execute.call(ctx);
			const failed = out[0].filter((o) => o.json.error).length;
			return { records: out[0].length - failed, failed };
		},
		async naive(env) {
			// one PATCH per SKU and list, as a loop over the price rows would do
			const c = naiveFor('sparklayer', env.url, env.timeScale);
			let records = 0;
			for (const it of priceItems(env.n)) {
				await c.call('PATCH', `/api/v1/price-lists/${it.json.priceListSlug}/pricing`, { data: [{ sku: it.json.sku, pricing: JSON.parse(it.json.pricing) }] });
				records++;
			}
			return { records };
		},
	};
}

module.exports = [
	pricingScenario('sl.pricingByList', 'updatePricing', (n) => 1 + TIERS * ceil(n, MAX_ROWS),
		'SparkLayer node, Price List → Update Prices: products × 10 tiers, one PATCH …/price-lists/{slug}/pricing per list per 1,000 SKUs'),
	pricingScenario('sl.pricingAcrossLists', 'batchUpdatePricing', (n) => 1 + ceil(n * TIERS, MAX_ROWS),
		'SparkLayer node, Price List → Batch Update Across Lists: products × 10 tiers, PATCH /api/v1/batch-update-pricing with 1,000 rows a call'),
];
