/**
 * workflows/cin7-omni-available-to-sell.json: the ATS per option code must equal an independent
 * computation from the sandbox state, from the documented rules (docs/architecture.md, "Available
 * to sell"; README "Available to sell"):
 *
 *   SKUs         = every active option (option status not Disabled, product status not Inactive),
 *                  rows or not; options of inactive products are left out even with stock rows
 *   counted rows = rows of the selected branches, matched by branch ID (all branches when none
 *                  selected, as the template ships: its branch field is a placeholder)
 *   available    = Σ available (as served: stockOnHand − openSales) over counted rows
 *   holding      = Σ holding over counted rows, when "subtract holding" is on
 *   incoming     = Σ incoming over counted rows, when "add incoming" is on
 *   pre          = available − holding + incoming
 *   buffer       = percent: ceil(pre × p / 100) when pre > 0, else 0; absolute: the value
 *   ATS          = max(0, pre − buffer); a SKU without counted rows has noStockRows and 0
 */
import { nodeOutput, type Json } from '../harness/n8n';
import type { CheckContext, TemplateCheck } from './types';

const ATS_NODE = 'Available to sell';
const FILTER_NODE = 'Back in stock?';

function settingsOf(workflow: Json) {
	const p = workflow.nodes.find((n: Json) => n.name === ATS_NODE).parameters;
	return {
		branches: ((p.branches ?? []) as Array<string | number>).map(String),
		subtractHolding: p.subtractHolding === true,
		addIncoming: p.addIncoming === true,
		mode: (p.safetyBufferMode ?? 'none') as string,
		value: Number(p.safetyBufferValue ?? 0),
	};
}

/**
 * Option id → code of every active option (the SKUs a run without a SKU list reports). An option
 * without a code has no SKU to report (the products check blanks one).
 */
export function activeOptions(state: Json): Map<number, string> {
	const out = new Map<number, string>();
	for (const p of state.products as Json[]) {
		if (p.status === 'Inactive') continue;
		for (const o of p.productOptions as Json[]) {
			const code = String(o.productOptionCode || o.code || '').trim();
			if (o.status !== 'Disabled' && code) out.set(o.id, code);
		}
	}
	return out;
}

/**
 * With change flags, a SKU the previous run reported that is no longer an active option (the
 * products check makes a product Inactive between the runs) is reported once more, at 0.
 */
function withVanished(expected: Map<string, Json>, previous: Map<string, number>): Map<string, Json> {
	const out = new Map(expected);
	for (const sku of previous.keys()) {
		if (out.has(sku)) continue;
		out.set(sku, { sku, available: 0, holding: 0, incomingAdded: 0, buffer: 0, beforeFloor: 0, availableToSell: 0, inStock: false, noStockRows: true });
	}
	return out;
}

export function expectedOmniAts(state: Json, workflow: Json): Map<string, Json> {
	const s = settingsOf(workflow);
	const counted = (row: Json) => !s.branches.length || s.branches.includes(String(row.branchId));
	const active = activeOptions(state);
	const out = new Map<string, Json>();
	for (const code of active.values()) out.set(code, { sku: code, available: 0, holdingAll: 0, incomingAll: 0, rows: 0 });
	for (const row of state.stock as Json[]) {
		if (!counted(row) || !active.has(row.productOptionId)) continue;
		const e = out.get(active.get(row.productOptionId)!)!;
		e.available += Number(row.available ?? Number(row.stockOnHand) - Number(row.openSales));
		e.holdingAll += Number(row.holding ?? 0);
		e.incomingAll += Number(row.incoming ?? 0);
		e.rows += 1;
	}
	for (const e of out.values()) {
		e.noStockRows = e.rows === 0;
		delete e.rows;
		e.holding = s.subtractHolding ? e.holdingAll : 0;
		e.incomingAdded = s.addIncoming ? e.incomingAll : 0;
		const pre = e.available - e.holding + e.incomingAdded;
		e.buffer = s.mode === 'absolute' ? s.value : s.mode === 'percent' ? (pre > 0 ? Math.ceil((pre * s.value) / 100) : 0) : 0;
		e.beforeFloor = pre - e.buffer;
		e.availableToSell = Math.max(0, e.beforeFloor);
		e.inStock = e.availableToSell > 0;
		delete e.holdingAll;
		delete e.incomingAll;
	}
	return out;
}

function assertMatches(items: Json[], expected: Map<string, Json>) {
	expect(items.map((i) => i.sku).sort()).toEqual([...expected.keys()].sort());
	const mismatches: string[] = [];
	for (const item of items) {
		const e = expected.get(item.sku)!;
		for (const f of ['available', 'holding', 'incomingAdded', 'buffer', 'beforeFloor', 'availableToSell', 'inStock', 'noStockRows']) {
			if (item[f] !== e[f]) mismatches.push(`${item.sku}.${f}: got ${JSON.stringify(item[f])}, expected ${JSON.stringify(e[f])}`);
		}
		if (item.noStockRows && !item.reason) mismatches.push(`${item.sku} has no stock rows but no reason`);
		// Lean: Omni's figures only.
		for (const f of ['excluded', 'unauthorisedOrders', 'onOrderAdded']) if (f in item) mismatches.push(`${item.sku} carries Cin7 Core's ${f}`);
	}
	expect(mismatches.slice(0, 20)).toEqual([]);
}

/** An active option code with exactly one stock row, in the given (counted) branch. */
function pickSingleRow(state: Json, branchId: number, not: string[] = []): Json {
	const active = activeOptions(state);
	const byCode = new Map<string, Json[]>();
	for (const r of state.stock) if (active.has(r.productOptionId)) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
	for (const [code, rows] of byCode) {
		if (rows.length === 1 && rows[0].branchId === branchId && !not.includes(code)) return { code, branchId };
	}
	throw new Error(`no single-row option code in branch ${branchId}`);
}

export const check: TemplateCheck = {
	async prepare(ctx: CheckContext) {
		const state = await ctx.sandbox.getState('cin7omni');
		const a = pickSingleRow(state, 3);
		const b = pickSingleRow(state, 5, [a.code]);
		await ctx.sandbox.mutate('cin7omni', { entity: 'stock', code: a.code, branchId: a.branchId, patch: { stockOnHand: 2, openSales: 2, holding: 0, incoming: 0 } });
		await ctx.sandbox.mutate('cin7omni', { entity: 'stock', code: b.code, branchId: b.branchId, patch: { stockOnHand: 20, openSales: 0, holding: 0, incoming: 0 } });
		ctx.memo.a = a;
		ctx.memo.b = b;
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const state = await ctx.sandbox.getState('cin7omni');
		const items = nodeOutput(run.runData, ATS_NODE);
		assertMatches(items, expectedOmniAts(state, ctx.workflow));
		// The documented deductions really happen in this data set.
		expect(items.some((i) => i.holding > 0)).toBe(true);
		// The template ships with no branch chosen (a placeholder): every branch counts, by ID.
		expect(ctx.workflow.nodes.find((n: Json) => n.name === ATS_NODE).parameters.branches).toEqual([]);
		expect(items.every((i) => i.locations.every((l: Json) => l.counted === true && typeof l.branchId === 'number'))).toBe(true);
		expect(new Set(items.flatMap((i) => i.locations.map((l: Json) => l.branchId))).size).toBe(state.branches.length);
		// Options of inactive products are left out although the sandbox serves stock rows for them.
		const inactive = (state.products as Json[]).filter((p) => p.status === 'Inactive').flatMap((p) => p.productOptions.map((o: Json) => o.productOptionCode));
		expect(inactive.length).toBeGreaterThan(0);
		expect(state.stock.some((r: Json) => inactive.includes(r.code))).toBe(true);
		expect(items.filter((i) => inactive.includes(i.sku))).toEqual([]);
		expect(items.some((i) => i.buffer > 0)).toBe(true);
		expect(items.find((i) => i.sku === ctx.memo.a.code)).toMatchObject({ availableToSell: 0, inStock: false });
		expect(items.find((i) => i.sku === ctx.memo.b.code)).toMatchObject({ available: 20, buffer: 2, availableToSell: 18, inStock: true });
		for (const i of items) expect(i.previousAvailableToSell ?? null).toBeNull();
		expect(nodeOutput(run.runData, FILTER_NODE)).toEqual([]);
		ctx.memo.first = new Map(items.map((i) => [i.sku, i.availableToSell]));
	},

	async betweenRuns(ctx) {
		await ctx.sandbox.mutate('cin7omni', { entity: 'stock', code: ctx.memo.a.code, branchId: ctx.memo.a.branchId, patch: { stockOnHand: 30, openSales: 0 } });
		await ctx.sandbox.mutate('cin7omni', { entity: 'stock', code: ctx.memo.b.code, branchId: ctx.memo.b.branchId, patch: { openSales: 20 } });
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const state = await ctx.sandbox.getState('cin7omni');
		const items = nodeOutput(run.runData, ATS_NODE);
		const first: Map<string, number> = ctx.memo.first;
		const current = expectedOmniAts(state, ctx.workflow);
		assertMatches(items, withVanished(current, first));
		const vanished = items.filter((i) => !current.has(i.sku));
		expect(vanished.length).toBeGreaterThan(0);
		for (const i of vanished) {
			expect(i).toMatchObject({ availableToSell: 0, previousAvailableToSell: first.get(i.sku), changed: first.get(i.sku) !== 0, backInStock: false });
			expect(i.reason).toMatch(/^Not an active option any more/);
		}
		const a = items.find((i) => i.sku === ctx.memo.a.code)!;
		const b = items.find((i) => i.sku === ctx.memo.b.code)!;
		expect(a).toMatchObject({ previousAvailableToSell: 0, buffer: 3, availableToSell: 27, changed: true, backInStock: true });
		expect(b).toMatchObject({ previousAvailableToSell: 18, availableToSell: 0, changed: true, backInStock: false });
		for (const i of items.filter((x) => x.sku !== a.sku && x.sku !== b.sku && current.has(x.sku))) {
			expect({ sku: i.sku, previous: i.previousAvailableToSell, changed: i.changed, backInStock: i.backInStock }).toEqual({
				sku: i.sku,
				previous: first.get(i.sku),
				changed: false,
				backInStock: false,
			});
		}
		expect(nodeOutput(run.runData, FILTER_NODE).map((i) => i.sku)).toEqual([a.sku]);
	},
};
