'use strict';
// Cin7 Core scenarios. Page maximum 1000 rows; documented limit 60 calls/minute.
const { ceil, pad5, BACKFILL_START, pollUntil, spread, perItemCount, PER_ITEM_TIME_SCALE } = require('./common');
const { naiveFor, coreAll } = require('../naive');

const PAGE = 1000;
// Core lists carry Total, so N rows need ceil(N/1000) pages (at least one call).
const pages = (rows) => Math.max(1, ceil(rows, PAGE));
const base = { system: 'cin7core', limitPerMinute: 60, systems: ['cin7core'] };
const coreNaive = (url, timeScale) => naiveFor(base.system, url, timeScale);

function coreNode(env) {
	const { Cin7Core } = env.dist('nodes/Cin7Core/Cin7Core.node.js');
	return new Cin7Core();
}
function coreTrigger(env) {
	const { Cin7CoreTrigger } = env.dist('nodes/Cin7Core/Cin7CoreTrigger.node.js');
	return new Cin7CoreTrigger();
}
async function mutateProducts(env, count) {
	const idx = spread(env.facts.core.products, count);
	for (const i of idx) await env.control.mutate('cin7core', { entity: 'product', sku: `SKU-${pad5(i)}`, patch: { ShortDescription: `changed ${Date.now()}` } });
	return idx.length;
}

module.exports = [
	{
		...base,
		name: 'core.productRead',
		what: 'Cin7 Core node, Product → Get Many (Return All)',
		sandboxSize: (n) => n,
		minimum: (f) => pages(f.core.productsActive),
		async pkg(env) {
			const { ctx } = env.createContext({ parameters: { resource: 'product', operation: 'getAll', returnAll: true, filters: {} } });
			const out = await coreNode(env).execute.call(ctx);
			return { records: out[0].length };
		},
		async naive(env) {
			const c = coreNaive(env.url, env.timeScale);
			const rows = await coreAll(c, '/product', 'Products');
			return { records: rows.length };
		},
	},
	{
		...base,
		name: 'core.productStream',
		what: 'shared transport only: corePages over /product, each page dropped after use (memory baseline for streaming)',
		sandboxSize: (n) => n,
		minimum: (f) => pages(f.core.productsActive),
		async pkg(env) {
			const { corePages } = env.dist('nodes/Cin7Core/transport/index.js');
			const { ctx } = env.createContext({ parameters: {} });
			let records = 0;
			for await (const page of corePages.call(ctx, '/product', 'Products')) records += page.length;
			return { records };
		},
	},
	{
		...base,
		name: 'core.availableToSell',
		what: 'Cin7 Core node, Stock → Get Available To Sell, every SKU (full ProductAvailability scan, then the active product list)',
		sandboxSize: (n) => n,
		// Every availability row, then every active product (sold-out products have no rows); no
		// location or bin names are set, so no location list.
		minimum: (f) => pages(f.core.availabilityRows) + pages(f.core.productsActive),
		async pkg(env) {
			const { ctx } = env.createContext({ parameters: { resource: 'stock', operation: 'getAvailableToSell', skus: '', sellableLocations: [], excludedLocations: [], excludedBins: '', deductUnauthorisedOrders: false, safetyBufferMode: 'none', includeOnOrder: false, flagChangesSinceLastRun: false } });
			const out = await coreNode(env).execute.call(ctx);
			return { records: out[0].length, availabilityRows: env.facts.core.availabilityRows };
		},
		async naive(env) {
			// Sum OnHand per SKU: what a hand-written stock sync usually sends.
			const c = coreNaive(env.url, env.timeScale);
			const onHand = new Map();
			const available = new Map();
			await coreAll(c, '/ref/productavailability', 'ProductAvailabilityList', {}, (rows) => {
				for (const r of rows) {
					onHand.set(r.SKU, (onHand.get(r.SKU) || 0) + Number(r.OnHand || 0));
					available.set(r.SKU, (available.get(r.SKU) || 0) + Number(r.Available || 0));
				}
			});
			let wrong = 0;
			for (const [sku, q] of onHand) if (q !== Math.max(0, available.get(sku))) wrong++;
			return { records: onHand.size, wrongStockSkus: wrong };
		},
	},
	{
		...base,
		name: 'core.customerBackfill',
		what: 'Cin7 Core Trigger, Customer Updated, Start Date 2000-01-01, Max Records Per Poll 100000 (one walk)',
		sandboxSize: (n) => Math.round(n * 1.5),
		minimum: (f) => pages(f.core.customers),
		async pkg(env) {
			const { ctx } = env.createContext({ mode: 'trigger', parameters: { event: 'customerUpdated', startDate: BACKFILL_START, maxPerPoll: 100000, overlapMinutes: 5 } });
			const r = await pollUntil(coreTrigger(env), ctx, env.facts.core.customers);
			return { records: r.records, polls: r.polls };
		},
		async naive(env) {
			const c = coreNaive(env.url, env.timeScale);
			const rows = await coreAll(c, '/customer', 'CustomerList', { ModifiedSince: '2000-01-01T00:00:00', IncludeDeprecated: true });
			return { records: rows.length };
		},
	},
	{
		...base,
		name: 'core.customerBackfill.cap1000',
		// The walk resumes where the previous poll stopped (nodes/shared/cursor.ts rule 5); before
		// that, each poll re-walked everything after the cursor: 64 calls at 10k, 1324 / 146 s at 50k.
		what: 'as core.customerBackfill with the default Max Records Per Poll (1000): polls until the backlog is drained',
		sandboxSize: (n) => Math.round(n * 1.5),
		minimum: (f) => pages(f.core.customers),
		async pkg(env) {
			const { ctx } = env.createContext({ mode: 'trigger', parameters: { event: 'customerUpdated', startDate: BACKFILL_START, maxPerPoll: 1000, overlapMinutes: 5 } });
			const r = await pollUntil(coreTrigger(env), ctx, env.facts.core.customers, 1000);
			return { records: r.records, polls: r.polls };
		},
	},
	{
		...base,
		name: 'core.saleGetPerItem',
		timeScale: PER_ITEM_TIME_SCALE,
		pacingBound: true,
		what: 'Cin7 Core node, Sale → Get for each of n ÷ 20 items (300–1,000): one call per sale, bound by the 60/min pacing',
		// Enough sales (size ÷ 2) without seeding a large catalogue.
		sandboxSize: (n) => 2 * perItemCount(n),
		input: (state, n) => ({ ids: state.cin7core.sales.slice(0, perItemCount(n)).map((s) => s.ID) }),
		minimum: (f, n) => perItemCount(n),
		async pkg(env) {
			const items = env.input.ids.map((id) => ({ json: { id } }));
			const { ctx } = env.createContext({ items, parameters: { resource: 'sale', operation: 'get', saleId: (i, it) => it.json.id } });
			const out = await coreNode(env).execute.call(ctx);
			return { records: out[0].filter((o) => !o.json.error).length };
		},
		async naive(env) {
			const c = coreNaive(env.url, env.timeScale);
			let records = 0;
			for (const id of env.input.ids) {
				await c.call('GET', '/sale', { params: { ID: id } });
				records++;
			}
			return { records };
		},
	},
	{
		...base,
		name: 'core.pollNothingChanged',
		what: 'Cin7 Core Trigger, Product Updated: one poll after activation with no change (naive: full re-read to diff)',
		sandboxSize: (n) => n,
		minimum: () => 1,
		async setupPkg(env) {
			env.trigger = coreTrigger(env);
			env.tctx = env.createContext({ mode: 'trigger', parameters: { event: 'productUpdated', maxPerPoll: 100000, overlapMinutes: 5 } }).ctx;
			await env.trigger.poll.call(env.tctx); // activation: seeds the cursor, no calls
		},
		async pkg(env) {
			const out = await env.trigger.poll.call(env.tctx);
			return { records: out ? out[0].length : 0 };
		},
		async naive(env) {
			const c = coreNaive(env.url, env.timeScale);
			const rows = await coreAll(c, '/product', 'Products', { IncludeDeprecated: true });
			const since = env.startedAt;
			return { records: rows.filter((r) => Date.parse(r.LastModifiedOn.endsWith('Z') ? r.LastModifiedOn : r.LastModifiedOn + 'Z') >= since).length, scanned: rows.length };
		},
	},
	{
		...base,
		name: 'core.poll1pctChanged',
		what: 'Cin7 Core Trigger, Product Updated: poll after 1% of products changed (sandbox mutate)',
		sandboxSize: (n) => n,
		minimum: (f) => pages(Math.floor(f.core.products / 100)),
		async setupPkg(env) {
			env.trigger = coreTrigger(env);
			env.tctx = env.createContext({ mode: 'trigger', parameters: { event: 'productUpdated', maxPerPoll: 100000, overlapMinutes: 5 } }).ctx;
			await env.trigger.poll.call(env.tctx);
			env.changed = await mutateProducts(env, Math.floor(env.facts.core.products / 100));
		},
		async pkg(env) {
			const r = await pollUntil(env.trigger, env.tctx, env.changed, 20);
			return { records: r.records, changed: env.changed };
		},
		async setupNaive(env) {
			env.since = Date.now();
			env.changed = await mutateProducts(env, Math.floor(env.facts.core.products / 100));
		},
		async naive(env) {
			const c = coreNaive(env.url, env.timeScale);
			const rows = await coreAll(c, '/product', 'Products', { IncludeDeprecated: true });
			const fresh = rows.filter((r) => Date.parse(r.LastModifiedOn.endsWith('Z') ? r.LastModifiedOn : r.LastModifiedOn + 'Z') >= env.since - 1000);
			return { records: fresh.length, changed: env.changed, scanned: rows.length };
		},
	},
];
