'use strict';
// Cin7 Omni scenarios. Page / batch maximum 250; documented limits 3/s, 60/min, 5000/day.
const { pad5, BACKFILL_START, pollUntil, spread, perItemCount, PER_ITEM_TIME_SCALE } = require('./common');
const { naiveFor, omniAll } = require('../naive');

const PAGE = 250;
// No total in Omni lists: the walk ends on a short page, so N rows need floor(N/250)+1 pages.
const pages = (rows) => Math.floor(rows / PAGE) + 1;
// rateWindows: the documented windows rate% is measured against (3 a second and 60 a minute).
const base = { system: 'cin7omni', limitPerMinute: 60, rateWindows: [{ limit: 3, windowMs: 1000 }, { limit: 60, windowMs: 60000 }], systems: ['cin7omni'] };
const omniNaive = (url, timeScale) => naiveFor(base.system, url, timeScale);

function omniNode(env) {
	const { Cin7Omni } = env.dist('nodes/Cin7Omni/Cin7Omni.node.js');
	return new Cin7Omni();
}
function omniTrigger(env) {
	const { Cin7OmniTrigger } = env.dist('nodes/Cin7Omni/Cin7OmniTrigger.node.js');
	return new Cin7OmniTrigger();
}
async function mutateStyles(env, count) {
	const idx = spread(env.facts.omni.products, count);
	for (const s of idx) await env.control.mutate('cin7omni', { entity: 'product', styleCode: `ST${pad5(s)}`, patch: { description: `changed ${Date.now()}` } });
	return idx.length;
}
const triggerParams = (event, extra = {}) => ({ event, stages: [], overlapMinutes: 5, maxPerPoll: 100000, startDate: '', subscriptionSource: 'customField', subscriptionOptions: {}, branches: [], subtractHolding: false, addIncoming: false, safetyBufferMode: 'none', safetyBufferValue: 0, ...extra });

module.exports = [
	{
		...base,
		name: 'omni.productRead',
		what: 'Cin7 Omni node, Product → Get Many (Return All)',
		sandboxSize: (n) => n * 3, // the seed makes size/3 styles
		minimum: (f) => pages(f.omni.products),
		async pkg(env) {
			const { ctx } = env.createContext({ parameters: { resource: 'product', operation: 'getAll', returnAll: true, filters: {} } });
			const out = await omniNode(env).execute.call(ctx);
			return { records: out[0].length };
		},
		async naive(env) {
			const rows = await omniAll(omniNaive(env.url, env.timeScale), '/Products', { order: 'id ASC' });
			return { records: rows.length };
		},
	},
	{
		...base,
		name: 'omni.productStream',
		what: 'shared transport only: omniPages over /Products, each page dropped after use (memory baseline)',
		sandboxSize: (n) => n * 3,
		minimum: (f) => pages(f.omni.products),
		async pkg(env) {
			const { omniPages, ORDER } = env.dist('nodes/Cin7Omni/transport/index.js');
			const { ctx } = env.createContext({ parameters: {} });
			let records = 0;
			// Keyset pages by id, as Get Many walks them: the next query starts AT a full page's last id,
			// so rows not above the last id counted are repeats.
			let lastId = -Infinity;
			for await (const page of omniPages.call(ctx, 'Products', { order: ORDER.byId })) {
				for (const p of page) if (p.id > lastId) { records++; lastId = p.id; }
			}
			return { records };
		},
	},
	{
		...base,
		name: 'omni.availableToSell',
		what: 'Cin7 Omni node, Stock → Get Available To Sell, every SKU (full Stock scan, then the active products for every active option)',
		sandboxSize: (n) => n, // ≈ n options (SKUs)
		// Every stock row, then every product not Inactive (options with no stock rows are
		// reported at 0); no branches chosen, so no Branches call.
		minimum: (f, n, state) => pages(f.omni.stockRows) + pages(state.cin7omni.products.filter((p) => p.status !== 'Inactive').length),
		async pkg(env) {
			const { ctx } = env.createContext({ parameters: { resource: 'stock', operation: 'getAvailableToSell', skus: '', branches: [], subtractHolding: false, addIncoming: false, safetyBufferMode: 'none', safetyBufferValue: 0, flagChangesSinceLastRun: false } });
			const out = await omniNode(env).execute.call(ctx);
			return { records: out[0].length, stockRows: env.facts.omni.stockRows };
		},
		async naive(env) {
			const onHand = new Map();
			const available = new Map();
			await omniAll(omniNaive(env.url, env.timeScale), '/Stock', { order: 'productOptionId ASC' }, (rows) => {
				for (const r of rows) {
					onHand.set(r.code, (onHand.get(r.code) || 0) + Number(r.stockOnHand || 0));
					available.set(r.code, (available.get(r.code) || 0) + Number(r.available || 0));
				}
			});
			let wrong = 0;
			for (const [sku, q] of onHand) if (q !== Math.max(0, available.get(sku))) wrong++;
			return { records: onHand.size, wrongStockSkus: wrong };
		},
	},
	{
		...base,
		name: 'omni.salesOrderGetPerItem',
		timeScale: PER_ITEM_TIME_SCALE,
		pacingBound: true,
		what: 'Cin7 Omni node, Sales Order → Get for each of n ÷ 20 items (300–1,000): one call per order, bound by the 3/s and 60/min pacing',
		sandboxSize: (n) => 2 * perItemCount(n), // orders = size ÷ 2
		input: (state, n) => ({ ids: state.cin7omni.orders.slice(0, perItemCount(n)).map((o) => o.id) }),
		minimum: (f, n) => perItemCount(n),
		async pkg(env) {
			const items = env.input.ids.map((id) => ({ json: { id } }));
			const { ctx } = env.createContext({ items, parameters: { resource: 'salesOrder', operation: 'get', orderId: (i, it) => it.json.id } });
			const out = await omniNode(env).execute.call(ctx);
			return { records: out[0].filter((o) => !o.json.error).length };
		},
		async naive(env) {
			const c = omniNaive(env.url, env.timeScale);
			let records = 0;
			for (const id of env.input.ids) {
				await c.call('GET', `/SalesOrders/${id}`);
				records++;
			}
			return { records };
		},
	},
	{
		...base,
		name: 'omni.contactBackfill',
		what: 'Cin7 Omni Trigger, Contact Updated, History Start Date 2000-01-01, Max Records per Poll 100000',
		sandboxSize: (n) => Math.round(n * 1.5),
		minimum: (f) => pages(f.omni.contacts),
		async pkg(env) {
			const { ctx } = env.createContext({ mode: 'trigger', parameters: triggerParams('contactUpdated', { startDate: BACKFILL_START }) });
			const r = await pollUntil(omniTrigger(env), ctx, env.facts.omni.contacts);
			return { records: r.records, polls: r.polls };
		},
		async naive(env) {
			const rows = await omniAll(omniNaive(env.url, env.timeScale), '/Contacts', { where: "modifieddate>='2000-01-01T00:00:00Z'", order: 'id ASC' });
			return { records: rows.length };
		},
	},
	{
		...base,
		name: 'omni.pollNothingChanged',
		what: 'Cin7 Omni Trigger, Product Updated: one poll after activation with no change (naive: full re-read)',
		sandboxSize: (n) => n * 3,
		minimum: () => 1,
		async setupPkg(env) {
			env.trigger = omniTrigger(env);
			env.tctx = env.createContext({ mode: 'trigger', parameters: triggerParams('productUpdated') }).ctx;
			await env.trigger.poll.call(env.tctx);
		},
		async pkg(env) {
			const out = await env.trigger.poll.call(env.tctx);
			return { records: out ? out[0].length : 0 };
		},
		async naive(env) {
			const rows = await omniAll(omniNaive(env.url, env.timeScale), '/Products', { order: 'id ASC' });
			return { records: rows.filter((r) => Date.parse(r.modifiedDate) >= env.startedAt).length, scanned: rows.length };
		},
	},
	{
		...base,
		name: 'omni.poll1pctChanged',
		what: 'Cin7 Omni Trigger, Product Updated: poll after 1% of products changed (sandbox mutate)',
		sandboxSize: (n) => n * 3,
		minimum: (f) => pages(Math.floor(f.omni.products / 100)),
		async setupPkg(env) {
			env.trigger = omniTrigger(env);
			env.tctx = env.createContext({ mode: 'trigger', parameters: triggerParams('productUpdated') }).ctx;
			await env.trigger.poll.call(env.tctx);
			env.changed = await mutateStyles(env, Math.floor(env.facts.omni.products / 100));
		},
		async pkg(env) {
			const r = await pollUntil(env.trigger, env.tctx, env.changed, 20);
			return { records: r.records, changed: env.changed };
		},
		async setupNaive(env) {
			env.since = Date.now();
			env.changed = await mutateStyles(env, Math.floor(env.facts.omni.products / 100));
		},
		async naive(env) {
			const rows = await omniAll(omniNaive(env.url, env.timeScale), '/Products', { order: 'id ASC' });
			return { records: rows.filter((r) => Date.parse(r.modifiedDate) >= env.since - 1000).length, changed: env.changed, scanned: rows.length };
		},
	},
];
