/**
 * workflows/cin7-core-available-to-sell.json: the ATS per SKU must equal an independent
 * computation from the sandbox state, written here from the documented rules (DESIGN.md
 * "Available to sell", reference/cin7-api.md), not by importing the package's module:
 *
 *   counted rows  = rows not in an excluded location and not in an excluded Location/Bin
 *   available     = Σ Available (as served) over counted rows
 *   excluded      = Σ Available over rows in excluded locations/bins
 *   unauthorised  = Σ line Quantity of open sales whose order is DRAFT or AUTH_NO_ALLOC
 *                   (not voided), shipping from a location that is not excluded
 *   buffer        = the absolute buffer (2)
 *   ATS           = max(0, available − unauthorised − buffer)   (on-order not added)
 */
import { nodeOutput, type Json } from '../harness/n8n';
import type { CheckContext, TemplateCheck } from './types';

const ATS_NODE = 'Available to sell';
const FILTER_NODE = 'Back in stock?';

function settingsOf(workflow: Json) {
	const p = workflow.nodes.find((n: Json) => n.name === ATS_NODE).parameters;
	return {
		excludedLocations: (p.excludedLocations ?? []) as string[],
		excludedBins: String(p.excludedBins ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean),
		buffer: p.safetyBufferMode === 'absolute' ? Number(p.safetyBufferValue) : 0,
		deductUnauthorised: p.deductUnauthorisedOrders === true,
		includeOnOrder: p.includeOnOrder === true,
	};
}

const lc = (s: unknown) => String(s ?? '').trim().toLowerCase();

export function expectedCoreAts(state: Json, workflow: Json): Map<string, Json> {
	const s = settingsOf(workflow);
	const excludedLocation = (loc: string) => s.excludedLocations.some((l) => lc(l) === lc(loc));
	const excludedBin = (loc: string, bin: string | null) =>
		!!bin &&
		s.excludedBins.some((b) => {
			const i = b.lastIndexOf('/');
			return i > 0 ? lc(b.slice(0, i)) === lc(loc) && lc(b.slice(i + 1)) === lc(bin) : lc(b) === lc(bin);
		});
	const out = new Map<string, Json>();
	for (const row of state.availability as Json[]) {
		const e = out.get(row.SKU) ?? { sku: row.SKU, available: 0, excluded: 0, onOrder: 0 };
		if (excludedLocation(row.Location) || excludedBin(row.Location, row.Bin)) e.excluded += row.Available;
		else {
			e.available += row.Available;
			e.onOrder += row.OnOrder ?? 0;
		}
		out.set(row.SKU, e);
	}
	const unauthorised: Record<string, number> = {};
	if (s.deductUnauthorised) {
		for (const sale of state.sales as Json[]) {
			const orderStatus = sale.Order?.Status ?? sale.OrderStatus;
			if (!['DRAFT', 'AUTH_NO_ALLOC'].includes(orderStatus) || sale.Status === 'VOIDED') continue;
			if (excludedLocation(sale.Location)) continue;
			for (const line of (sale.Order?.Lines ?? []) as Json[]) {
				unauthorised[line.SKU] = (unauthorised[line.SKU] ?? 0) + Number(line.Quantity);
			}
		}
	}
	for (const e of out.values()) {
		e.unauthorisedOrders = unauthorised[e.sku] ?? 0;
		e.buffer = s.buffer;
		e.onOrderAdded = s.includeOnOrder ? e.onOrder : 0;
		e.beforeFloor = e.available - e.unauthorisedOrders - e.buffer + e.onOrderAdded;
		e.availableToSell = Math.max(0, e.beforeFloor);
		e.inStock = e.availableToSell > 0;
	}
	return out;
}

function assertMatches(items: Json[], expected: Map<string, Json>) {
	expect(items.map((i) => i.sku).sort()).toEqual([...expected.keys()].sort());
	const mismatches: string[] = [];
	for (const item of items) {
		const e = expected.get(item.sku)!;
		for (const f of ['available', 'excluded', 'unauthorisedOrders', 'buffer', 'onOrderAdded', 'beforeFloor', 'availableToSell', 'inStock']) {
			if (item[f] !== e[f]) mismatches.push(`${item.sku}.${f}: got ${JSON.stringify(item[f])}, expected ${JSON.stringify(e[f])}`);
		}
		if (item.noStockRows !== false) mismatches.push(`${item.sku}.noStockRows should be false`);
		if (!Array.isArray(item.locations) || !item.locations.length) mismatches.push(`${item.sku}.locations is empty`);
	}
	expect(mismatches.slice(0, 20)).toEqual([]);
}

/** A SKU with exactly one stock row, in a counted location, on no unauthorised order. */
function pickSingleRowSku(state: Json, workflow: Json, not: string[] = []): Json {
	const expected = expectedCoreAts(state, workflow);
	const rowsBySku = new Map<string, Json[]>();
	for (const r of state.availability) rowsBySku.set(r.SKU, [...(rowsBySku.get(r.SKU) ?? []), r]);
	for (const [sku, rows] of rowsBySku) {
		const e = expected.get(sku)!;
		if (rows.length === 1 && !rows[0].Bin && !rows[0].Batch && e.excluded === 0 && e.unauthorisedOrders === 0 && !not.includes(sku)) {
			return { sku, location: rows[0].Location };
		}
	}
	throw new Error('no single-row SKU in the sandbox data');
}

export const check: TemplateCheck = {
	async prepare(ctx: CheckContext) {
		const state = await ctx.sandbox.getState('cin7core');
		// A: out of stock now (row kept: OnHand 5, all allocated), back in stock later.
		const a = pickSingleRowSku(state, ctx.workflow);
		// B: in stock now, sold out later.
		const b = pickSingleRowSku(state, ctx.workflow, [a.sku]);
		await ctx.sandbox.mutate('cin7core', { entity: 'availability', sku: a.sku, location: a.location, patch: { OnHand: 5, Allocated: 5 } });
		await ctx.sandbox.mutate('cin7core', { entity: 'availability', sku: b.sku, location: b.location, patch: { OnHand: 30, Allocated: 0 } });
		ctx.memo.a = a;
		ctx.memo.b = b;
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const state = await ctx.sandbox.getState('cin7core');
		const expected = expectedCoreAts(state, ctx.workflow);
		const items = nodeOutput(run.runData, ATS_NODE);
		assertMatches(items, expected);
		// The documented deductions really happen in this data set.
		expect(items.some((i) => i.excluded > 0)).toBe(true);
		expect(items.some((i) => i.locations.some((l: Json) => l.location === 'Quarantine' && l.counted === false))).toBe(true);
		expect(items.some((i) => i.locations.some((l: Json) => l.bin === 'Wholesale Reserve' && l.counted === false))).toBe(true);
		expect(items.some((i) => i.unauthorisedOrders > 0)).toBe(true);
		expect(items.some((i) => i.beforeFloor < 0 && i.availableToSell === 0)).toBe(true);
		expect(items.find((i) => i.sku === ctx.memo.a.sku)).toMatchObject({ availableToSell: 0, inStock: false });
		expect(items.find((i) => i.sku === ctx.memo.b.sku)).toMatchObject({ availableToSell: 28, inStock: true });
		// First run: nothing known before, so nothing is "back in stock" downstream.
		for (const i of items) expect(i.previousAvailableToSell ?? null).toBeNull();
		expect(nodeOutput(run.runData, FILTER_NODE)).toEqual([]);
		ctx.memo.first = new Map(items.map((i) => [i.sku, i.availableToSell]));
	},

	async betweenRuns(ctx) {
		await ctx.sandbox.mutate('cin7core', { entity: 'availability', sku: ctx.memo.a.sku, location: ctx.memo.a.location, patch: { OnHand: 40, Allocated: 0 } });
		await ctx.sandbox.mutate('cin7core', { entity: 'availability', sku: ctx.memo.b.sku, location: ctx.memo.b.location, patch: { OnHand: 3, Allocated: 3 } });
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const state = await ctx.sandbox.getState('cin7core');
		const items = nodeOutput(run.runData, ATS_NODE);
		assertMatches(items, expectedCoreAts(state, ctx.workflow));
		const first: Map<string, number> = ctx.memo.first;
		const a = items.find((i) => i.sku === ctx.memo.a.sku)!;
		const b = items.find((i) => i.sku === ctx.memo.b.sku)!;
		expect(a).toMatchObject({ previousAvailableToSell: 0, availableToSell: 38, changed: true, backInStock: true });
		expect(b).toMatchObject({ previousAvailableToSell: 28, availableToSell: 0, changed: true, backInStock: false });
		for (const i of items.filter((x) => x.sku !== a.sku && x.sku !== b.sku)) {
			expect({ sku: i.sku, previous: i.previousAvailableToSell, changed: i.changed, backInStock: i.backInStock }).toEqual({
				sku: i.sku,
				previous: first.get(i.sku),
				changed: false,
				backInStock: false,
			});
		}
		// Exactly the one SKU that crossed from ≤ 0 to > 0 reaches the alert.
		expect(nodeOutput(run.runData, FILTER_NODE).map((i) => i.sku)).toEqual([a.sku]);
	},
};
