'use strict';
// JOOR (targets-api.md §5): credits, not calls, are the limit — GET 1, POST/PUT/DELETE 5, 300 per
// fixed 300-second window per account — so writes go in bulk. Scenarios: styles in bulk jobs
// (POST /v2/bulk-style, 500 styles a job, then its status), inventory for many SKUs
// (POST /v2/bulk-inventory, 1,000 rows a call), and the approved-orders export (a sync=0 read of
// the queue, 100 a page, then Mark Exported, a sync=1 read restricted to 50 order ids). Each has a
// naive variant: one single-record write per style / SKU, and a default-sync read that consumes
// the queue page by page.
const { ceil } = require('./common');
const { naiveFor } = require('../naive');

const STYLES_PER_JOB = 500;
const SKUS_PER_CALL = 1000;
const PAGE = 100;
const IDS_PER_MARK = 50;
const SIZES = ['S', 'M', 'L'];
// 300 credits per 300 s: the documented rate in calls when every call is a GET
const base = { system: 'joor', limitPerMinute: 60, systems: ['joor'], sandboxSize: () => 'demo', naiveMax: 1000 };

async function joorState(env) {
	const res = await fetch(`${env.url}/_sandbox/state?system=joor`);
	return await res.json();
}
/** Credits the measured part spent (the sandbox's account counter; set-up through its control API costs none). */
async function credits(env) {
	return (await joorState(env)).credits.spent;
}
/** The scenario's result with its credits beside the minimum credits, in the row's note. */
async function withCredits(env, result, minimumCredits) {
	const spent = await credits(env);
	return { ...result, credits: spent, note: `credits ${spent} (minimum ${minimumCredits})` };
}

function joorNode(env) {
	const { Joor } = env.dist('nodes/Joor/Joor.node.js');
	return new Joor();
}
const styleNumber = (i) => `BENCH-${String(i).padStart(6, '0')}`;
const upc = (i, k) => `07${String(i).padStart(9, '0')}${k}`;
/** n styles, each one colour × three sizes with UPCs, a wholesale AUD price and the linesheet Bench. */
function styleItems(n) {
	const out = [];
	for (let i = 1; i <= n; i++) {
		out.push({ json: {
			styleNumber: styleNumber(i), styleName: `Bench Style ${i}`,
			variants: JSON.stringify(SIZES.map((size, k) => ({ color_code: 'BLK', color_name: 'Black', size, upc: upc(i, k) }))),
			prices: JSON.stringify([{ currency: 'AUD', price_label: 'Wholesale', wholesale: 20 + (i % 50), retail: 45 + (i % 50) }]),
		} });
	}
	return out;
}
const styleRecord = (it) => ({
	style_number: it.json.styleNumber, style_identifier: it.json.styleNumber, style_name: it.json.styleName,
	colors: [{ color_code: 'BLK', color_name: 'Black' }], sizes: SIZES.map((size) => ({ size })), skus: JSON.parse(it.json.variants).map(({ color_code, size, upc: u }) => ({ color_code, size, upc: u })),
	prices: JSON.parse(it.json.prices), deliveries: [{ linesheet: 'Bench' }], delivery_overwrite: 3,
});

/** n SKUs of inventory: the styles holding them are created through the sandbox's control API (no credits). */
async function createSkuStyles(env) {
	const styles = styleItems(ceil(env.n, SIZES.length)).map(styleRecord);
	for (let k = 0; k < styles.length; k += 1000) {
		const res = await fetch(`${env.url}/_sandbox/mutate`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ system: 'joor', entity: 'style', action: 'create', styles: styles.slice(k, k + 1000) }) });
		if (!res.ok) throw new Error(`set-up: creating bench styles failed: HTTP ${res.status} ${await res.text()}`);
	}
}
function inventoryItems(n) {
	const out = [];
	for (let j = 0; j < n; j++) {
		const i = Math.floor(j / SIZES.length) + 1;
		out.push({ json: { upc: upc(i, j % SIZES.length), warehouse: ['Main', 'Sydney', 'Auckland'][j % 3], inventory: (j * 7) % 120 } });
	}
	return out;
}

module.exports = [
	{
		...base,
		name: 'joor.styleUpsert',
		what: 'JOOR node, Style → Create or Update: n styles (1 colour × 3 sizes, UPCs, wholesale AUD price, linesheet added), POST /v2/bulk-style with 500 styles a job + its status calls',
		maxSize: 10000,
		// the token (password grant; no credits), one POST (5 credits) per 500 styles and one status
		// call (1 credit) per job: the minimum includes that read, because a job's per-record results
		// come only from its status call (the POST answers with the job id). JOOR documents no job
		// duration, so the node learns the pace from the run's first job (helpers/bulkJob.ts).
		minimum: (f, n) => 1 + 2 * ceil(n, STYLES_PER_JOB),
		async pkg(env) {
			const { ctx } = env.createContext({
				items: styleItems(env.n),
				parameters: {
					resource: 'style', operation: 'upsert', styleNumber: (i, it) => it.json.styleNumber, styleIdentifier: '', styleName: (i, it) => it.json.styleName,
					linesheetMode: 'add', additionalFields: (i, it) => ({ linesheets: 'Bench', variants: it.json.variants, prices: it.json.prices }),
					waitForCompletion: true, statusIntervalSeconds: 5, maxWaitMinutes: 60,
				},
			});
			const out = await joorNode(env).execute.call(ctx);
			const failed = out[0].filter((o) => o.json.error).length;
			const jobs = ceil(env.n, STYLES_PER_JOB);
			const polls = (await joorState(env)).jobs.filter((j) => j.kind === 'style').reduce((a, j) => a + j.polls, 0);
			const row = await withCredits(env, { records: out[0].length - failed, failed }, 5 * jobs + jobs);
			// polls: the status calls, shown in the bench table's note (the minimum holds one per job)
			return { ...row, polls, note: `${row.note}; status calls ${polls} for ${jobs} job(s) (minimum ${jobs}: one read per job)` };
		},
		async naive(env) {
			// one style POST per style (5 credits each): 60 styles per 300-second window
			const c = naiveFor('joor', env.url, env.timeScale);
			let records = 0;
			for (const it of styleItems(env.n)) {
				await c.call('POST', '/v2/style-number', { data: styleRecord(it) });
				records++;
			}
			return { records };
		},
	},
	{
		...base,
		name: 'joor.inventorySet',
		what: 'JOOR node, Inventory → Set: n SKUs by UPC into three warehouses, POST /v2/bulk-inventory with 1,000 rows a call (never overwrite)',
		maxSize: 10000,
		minimum: (f, n) => 1 + ceil(n, SKUS_PER_CALL),
		setupPkg: createSkuStyles,
		setupNaive: createSkuStyles,
		async pkg(env) {
			const { ctx } = env.createContext({
				items: inventoryItems(env.n),
				parameters: {
					resource: 'inventory', operation: 'set', warehouse: (i, it) => it.json.warehouse, skuKey: 'upc', upc: (i, it) => it.json.upc,
					inventory: (i, it) => it.json.inventory, options: {},
				},
			});
			const out = await joorNode(env).execute.call(ctx);
			const failed = out[0].filter((o) => o.json.error || o.json.status === 'error').length;
			return await withCredits(env, { records: out[0].length - failed, failed }, 5 * ceil(env.n, SKUS_PER_CALL));
		},
		async naive(env) {
			// the single-SKU endpoint, one PUT (5 credits) per SKU
			const c = naiveFor('joor', env.url, env.timeScale);
			let records = 0;
			for (const it of inventoryItems(env.n)) {
				const i = Math.floor(records / SIZES.length) + 1;
				await c.call('PUT', `/v2/style-number/${styleNumber(i)}/${styleNumber(i)}/inventory/`, { params: { upc: it.json.upc, warehouse: it.json.warehouse, inventory: it.json.inventory } });
				records++;
			}
			return { records };
		},
	},
	{
		...base,
		name: 'joor.ordersExport',
		what: 'JOOR node, Order → Get Many (approved, awaiting export, sync=0, 100 a page) then Order → Mark Exported for every order (sync=1 reads of 50 ids): the bench account\'s ~1,000 approved orders',
		sandboxSize: () => 'bench',
		maxSize: 1000,
		// the token; reads: one per 100 orders; marks: one per 50 ids
		minimum: (f) => 1 + ceil(f.joor.approvedNotExported, PAGE) + ceil(f.joor.approvedNotExported, IDS_PER_MARK),
		async pkg(env) {
			const node = joorNode(env);
			const read = env.createContext({ items: [{ json: {} }], parameters: { resource: 'order', operation: 'getAll', orderType: 6, exportStatus: 5, returnAll: true, filters: {} } });
			const orders = (await node.execute.call(read.ctx))[0];
			const mark = env.createContext({ items: orders.map((o) => ({ json: o.json })), parameters: { resource: 'order', operation: 'markExported', orderId: (i, it) => String(it.json.id) } });
			const out = (await node.execute.call(mark.ctx))[0];
			const failed = out.filter((o) => o.json.error || o.json.exported !== true).length;
			return await withCredits(env, { records: out.length - failed, failed }, ceil(orders.length, PAGE) + ceil(orders.length, IDS_PER_MARK));
		},
		async naive(env) {
			// what a plain GET does: the default sync=1 hands out and commits every page at once
			// (nothing can be retried if the import fails later); 50 a page, as JOOR's default count
			const c = naiveFor('joor', env.url, env.timeScale);
			let records = 0;
			for (;;) {
				const body = await c.call('GET', '/v2/orders', { params: { order_type: 6, export_status: 5 } });
				records += body.orders.length;
				if (!body.orders.length) return { records, note: 'sync=1 consumed the export queue while reading' };
			}
		},
	},
];
