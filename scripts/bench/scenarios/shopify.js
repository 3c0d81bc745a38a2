'use strict';
// Shopify Admin GraphQL writes for B2B customers (targets-api.md §3.2): metafieldsSet takes ≤ 25
// metafields a call, so the minimum for customers × k metafields is ⌈customers × k ÷ 25⌉ calls; the
// budget is query cost (Standard plan: 100 points a second, bucket 2,000), not a request count, so
// the rows also report the points the run used against the plan's budget for its wall time and the
// THROTTLED answers (each one must have been waited out and retried: records = customers).
const { ceil } = require('./common');
const { naiveFor } = require('../naive');

const KEYS = [
	{ key: 'price_lists', type: 'single_line_text_field', value: (i) => `customer-${i}` },
	{ key: 'credit_limit', type: 'number_decimal', value: (i) => String((i % 10) * 500) },
	{ key: 'on_hold', type: 'boolean', value: (i) => String(i % 17 === 0) },
	{ key: 'company_name', type: 'single_line_text_field', value: (i) => `Bench Company ${i}` },
];
const base = { system: 'shopify', limitPerMinute: null, systems: ['shopify', 'cin7core'], sandboxSize: () => 'bench', naiveMax: 300 };

function shopifyNode(env) {
	const { ShopifyB2b } = env.dist('nodes/ShopifyB2b/ShopifyB2b.node.js');
	return new ShopifyB2b();
}
/** The bench store's customers (seeded from Cin7 Core customers), first n. */
async function customerIds(env, n) {
	const res = await fetch(`${env.url}/_sandbox/state?system=shopify`);
	const s = await res.json();
	if (s.customers.length < n) throw new Error(`the bench store has ${s.customers.length} customers, fewer than ${n}`);
	return s.customers.slice(0, n).map((c) => c.id);
}
async function costStats(env) {
	const res = await fetch(`${env.url}/_sandbox/state?system=shopify`);
	return (await res.json()).cost;
}

module.exports = [
	{
		...base,
		name: 'shopify.metafields',
		what: 'Shopify B2B node, Metafield → Set Many: 4 sparklayer metafields per customer, metafieldsSet with 25 a call; points used vs the Standard plan budget',
		minimum: (f, n) => ceil(n * KEYS.length, 25),
		async pkg(env) {
			const ids = await customerIds(env, env.n);
			const before = await costStats(env);
			const t0 = Date.now();
			const { ctx } = env.createContext({
				items: ids.map((id, i) => ({ json: { id, i } })),
				parameters: {
					resource: 'metafield', operation: 'setMany', namespace: 'sparklayer', ownerId: (i, it) => it.json.id,
					metafields: (i, it) => ({ values: KEYS.map((k) => ({ key: k.key, type: k.type, value: k.value(it.json.i) })) }),
				},
			});
			const out = await shopifyNode(env).execute.call(ctx);
			const after = await costStats(env);
			const seconds = (Date.now() - t0) / 1000;
			const failed = out[0].filter((o) => o.json.error).length;
			return {
				records: out[0].length - failed, failed,
				pointsUsed: after.pointsUsed - before.pointsUsed,
				// the plan restores 100 points a second, the sandbox's time scale makes that many more
				pointsBudget: Math.round(seconds * 100 * env.timeScale + 2000),
				throttledAnswers: after.throttled - before.throttled,
			};
		},
		async naive(env) {
			// one metafieldsSet per customer and key
			const c = naiveFor('shopify', env.url, env.timeScale);
			const ids = await customerIds(env, env.n);
			let records = 0;
			for (const [i, id] of ids.entries()) {
				for (const k of KEYS) {
					const body = await c.call('POST', '/admin/api/2026-01/graphql.json', { data: { query: 'mutation($m:[MetafieldsSetInput!]!){ metafieldsSet(metafields:$m){ userErrors{ message } } }', variables: { m: [{ ownerId: id, namespace: 'sparklayer', key: k.key, type: k.type, value: k.value(i) }] } } });
					if (body.errors) throw new Error(JSON.stringify(body.errors));
				}
				records++;
			}
			return { records };
		},
	},
];
