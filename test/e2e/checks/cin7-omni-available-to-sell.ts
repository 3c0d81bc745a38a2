/**
 * workflows/cin7-omni-available-to-sell.json: the ATS per option code must equal an independent
 * computation from the sandbox state, from the documented rules (DESIGN.md "Available to sell"):
 *
 *   counted rows = rows of the selected branches (all branches when none selected)
 *   SKUs         = every option code with a row in a selected branch (the node asks Omni only for
 *                  those branches, so a code stocked only elsewhere is not reported)
 *   available    = Σ available (as served: stockOnHand − openSales) over counted rows
 *   holding      = Σ holding over counted rows, when "subtract holding" is on
 *   incoming     = Σ incoming over counted rows, when "add incoming" is on
 *   pre          = available − holding + incoming
 *   buffer       = percent: ceil(pre × p / 100) when pre > 0, else 0; absolute: the value
 *   ATS          = max(0, pre − buffer)
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

export function expectedOmniAts(state: Json, workflow: Json): Map<string, Json> {
	const s = settingsOf(workflow);
	const counted = (row: Json) => !s.branches.length || s.branches.includes(String(row.branchId));
	const out = new Map<string, Json>();
	for (const row of state.stock as Json[]) {
		if (!counted(row)) continue;
		const e = out.get(row.code) ?? { sku: row.code, available: 0, holdingAll: 0, incomingAll: 0 };
		{
			e.available += Number(row.available ?? Number(row.stockOnHand) - Number(row.openSales));
			e.holdingAll += Number(row.holding ?? 0);
			e.incomingAll += Number(row.incoming ?? 0);
		}
		out.set(row.code, e);
	}
	for (const e of out.values()) {
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
		for (const f of ['available', 'holding', 'incomingAdded', 'buffer', 'beforeFloor', 'availableToSell', 'inStock']) {
			if (item[f] !== e[f]) mismatches.push(`${item.sku}.${f}: got ${JSON.stringify(item[f])}, expected ${JSON.stringify(e[f])}`);
		}
		if (item.noStockRows !== false) mismatches.push(`${item.sku}.noStockRows should be false`);
	}
	expect(mismatches.slice(0, 20)).toEqual([]);
}

/** An option code with exactly one stock row, in the given (counted) branch. */
function pickSingleRow(state: Json, branchId: number, not: string[] = []): Json {
	const byCode = new Map<string, Json[]>();
	for (const r of state.stock) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
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
		// Auckland Store (12) is left out, and it does hold stock of reported codes.
		const selected = new Set(items.map((i) => i.sku));
		expect(state.stock.some((r: Json) => r.branchId === 12 && selected.has(r.code) && r.available > 0)).toBe(true);
		expect(items.every((i) => i.locations.every((l: Json) => l.location !== 'Auckland Store' || l.counted === false))).toBe(true);
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
		assertMatches(items, expectedOmniAts(state, ctx.workflow));
		const first: Map<string, number> = ctx.memo.first;
		const a = items.find((i) => i.sku === ctx.memo.a.code)!;
		const b = items.find((i) => i.sku === ctx.memo.b.code)!;
		expect(a).toMatchObject({ previousAvailableToSell: 0, buffer: 3, availableToSell: 27, changed: true, backInStock: true });
		expect(b).toMatchObject({ previousAvailableToSell: 18, availableToSell: 0, changed: true, backInStock: false });
		for (const i of items.filter((x) => x.sku !== a.sku && x.sku !== b.sku)) {
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
