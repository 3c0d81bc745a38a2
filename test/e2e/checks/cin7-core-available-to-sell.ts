/**
 * workflows/cin7-core-available-to-sell.json: the ATS per SKU must equal an independent
 * computation from the sandbox state, written here from the documented rules (DESIGN.md
 * "Available to sell", reference/cin7-api.md), not by importing the package's module:
 *
 *   covered SKUs  = every product with a SKU, Type Stock (not Service) and Status not Deprecated
 *                   (Setup required counts; deprecated too with Include Deprecated), with or
 *                   without stock rows: a product without rows is at 0 with noStockRows
 *   its rows      = availability rows naming the product (by ID)
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
	// A list picked from the drop-down, or the comma-separated text older templates saved.
	const bins = Array.isArray(p.excludedBins) ? (p.excludedBins as string[]) : String(p.excludedBins ?? '').split(',');
	return {
		excludedLocations: (p.excludedLocations ?? []) as string[],
		excludedBins: bins.map((s) => String(s).trim()).filter(Boolean),
		buffer: p.safetyBufferMode === 'absolute' ? Number(p.safetyBufferValue) : 0,
		deductUnauthorised: p.deductUnauthorisedOrders === true,
		includeOnOrder: p.includeOnOrder === true,
		includeDeprecated: p.includeDeprecated === true,
		skus: String(p.skus ?? '').trim(),
	};
}

const lc = (s: unknown) => String(s ?? '').trim().toLowerCase();

/** The products a run without SKUs covers, from the sandbox's product list. */
function coveredProducts(state: Json, includeDeprecated = false): Json[] {
	return (state.products as Json[]).filter(
		(p) => String(p.SKU ?? '').trim() && lc(p.Type) !== 'service' && (includeDeprecated || lc(p.Status) !== 'deprecated'),
	);
}

export function expectedCoreAts(state: Json, workflow: Json): Map<string, Json> {
	const s = settingsOf(workflow);
	const excludedLocation = (loc: string) => s.excludedLocations.some((l) => lc(l) === lc(loc));
	const excludedBin = (loc: string, bin: string | null) =>
		!!bin &&
		s.excludedBins.some((b) => {
			const i = b.lastIndexOf('/');
			return i > 0 ? lc(b.slice(0, i)) === lc(loc) && lc(b.slice(i + 1)) === lc(bin) : lc(b) === lc(bin);
		});
	// The template leaves SKUs empty: every covered product is expected.
	expect(s.skus).toBe('');
	const out = new Map<string, Json>();
	const byId = new Map<string, Json>();
	for (const product of coveredProducts(state, s.includeDeprecated)) {
		const e = { sku: product.SKU, available: 0, excluded: 0, onOrder: 0, noStockRows: true };
		out.set(product.SKU, e);
		byId.set(product.ID, e);
	}
	for (const row of state.availability as Json[]) {
		const e = byId.get(row.ID);
		if (!e) continue;
		e.noStockRows = false;
		if (excludedLocation(row.Location) || excludedBin(row.Location, row.Bin)) e.excluded += row.Available;
		else {
			e.available += row.Available;
			e.onOrder += row.OnOrder ?? 0;
		}
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
		if (item.noStockRows !== e.noStockRows) mismatches.push(`${item.sku}.noStockRows should be ${String(e.noStockRows)}`);
		if (e.noStockRows) {
			if (!Array.isArray(item.locations) || item.locations.length) mismatches.push(`${item.sku}.locations should be empty`);
			if (typeof item.noStockReason !== 'string' || !item.noStockReason) mismatches.push(`${item.sku}.noStockReason is missing`);
		} else if (!Array.isArray(item.locations) || !item.locations.length) mismatches.push(`${item.sku}.locations is empty`);
	}
	expect(mismatches.slice(0, 20)).toEqual([]);
}

/**
 * SKUs another template's check changes (the catalog check edits the first products), so the SKUs
 * this check moves are never touched by anyone else.
 */
const othersTouch = (state: Json) => (state.products as Json[]).slice(0, 11).map((p) => p.SKU);

/** A covered SKU with exactly one stock row, in a counted location, on no unauthorised order. */
function pickSingleRowSku(state: Json, workflow: Json, not: string[] = []): Json {
	const expected = expectedCoreAts(state, workflow);
	const rowsBySku = new Map<string, Json[]>();
	for (const r of state.availability) rowsBySku.set(r.SKU, [...(rowsBySku.get(r.SKU) ?? []), r]);
	const skip = new Set([...not, ...othersTouch(state)]);
	for (const [sku, rows] of rowsBySku) {
		const e = expected.get(sku);
		if (!e || skip.has(sku)) continue;
		if (rows.length === 1 && !rows[0].Bin && !rows[0].Batch && !rows[0].OnOrder && e.excluded === 0 && e.unauthorisedOrders === 0) {
			return { sku, location: rows[0].Location };
		}
	}
	throw new Error('no single-row SKU in the sandbox data');
}

/** A covered SKU with no stock row at all (sold out: Cin7 omits all-zero rows), on no unauthorised order. */
function pickNoRowSku(state: Json, workflow: Json): Json {
	const expected = expectedCoreAts(state, workflow);
	const skip = new Set(othersTouch(state));
	for (const e of expected.values()) {
		if (e.noStockRows && e.unauthorisedOrders === 0 && !skip.has(e.sku)) return { sku: e.sku, location: 'Sydney Store' };
	}
	throw new Error('no active stock product without stock rows in the sandbox data');
}

export const check: TemplateCheck = {
	async prepare(ctx: CheckContext) {
		const state = await ctx.sandbox.getState('cin7core');
		// A: out of stock now (row kept: OnHand 5, all allocated), back in stock later.
		const a = pickSingleRowSku(state, ctx.workflow);
		// B: in stock now, sold out later.
		const b = pickSingleRowSku(state, ctx.workflow, [a.sku]);
		// C: an active product with no stock row at all now (reported at 0), stock arrives later.
		const c = pickNoRowSku(state, ctx.workflow);
		// D: in stock now; later everything goes and Cin7 drops its last row (still reported, at 0).
		// C gains a row as D loses one, so the collections keep their sizes between the runs.
		const d = pickSingleRowSku(state, ctx.workflow, [a.sku, b.sku, c.sku]);
		await ctx.sandbox.mutate('cin7core', { entity: 'availability', sku: a.sku, location: a.location, patch: { OnHand: 5, Allocated: 5 } });
		await ctx.sandbox.mutate('cin7core', { entity: 'availability', sku: b.sku, location: b.location, patch: { OnHand: 30, Allocated: 0 } });
		await ctx.sandbox.mutate('cin7core', { entity: 'availability', sku: d.sku, location: d.location, patch: { OnHand: 20, Allocated: 0 } });
		ctx.memo.a = a;
		ctx.memo.b = b;
		ctx.memo.c = c;
		ctx.memo.d = d;
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
		// Coverage really bites: sold-out products are there at 0, deprecated ones with rows and
		// service products are not, a product whose setup is not finished is.
		const bySku = new Map(items.map((i) => [i.sku, i]));
		const products = state.products as Json[];
		const rowIds = new Set((state.availability as Json[]).map((r) => r.ID));
		const deprecatedWithRows = products.filter((p) => p.Status === 'Deprecated' && rowIds.has(p.ID));
		expect(deprecatedWithRows.length).toBeGreaterThan(0);
		for (const p of deprecatedWithRows) expect(bySku.has(p.SKU)).toBe(false);
		const service = products.filter((p) => p.Type === 'Service');
		expect(service.length).toBeGreaterThan(0);
		for (const p of service) expect(bySku.has(p.SKU)).toBe(false);
		const setup = products.find((p) => p.Status === 'Setup required');
		expect(setup).toBeDefined();
		expect(bySku.get(setup!.SKU)).toMatchObject({ noStockRows: false, inStock: true });
		expect(items.filter((i) => i.noStockRows).length).toBeGreaterThanOrEqual(3);
		expect(items).toHaveLength(coveredProducts(state).length);
		expect(items.find((i) => i.sku === ctx.memo.a.sku)).toMatchObject({ availableToSell: 0, inStock: false });
		expect(items.find((i) => i.sku === ctx.memo.b.sku)).toMatchObject({ availableToSell: 28, inStock: true });
		expect(items.find((i) => i.sku === ctx.memo.c.sku)).toMatchObject({ availableToSell: 0, inStock: false, noStockRows: true });
		expect(items.find((i) => i.sku === ctx.memo.d.sku)).toMatchObject({ availableToSell: 18, inStock: true, noStockRows: false });
		// First run: nothing known before, so nothing is "back in stock" downstream.
		for (const i of items) expect(i.previousAvailableToSell ?? null).toBeNull();
		expect(nodeOutput(run.runData, FILTER_NODE)).toEqual([]);
		ctx.memo.first = new Map(items.map((i) => [i.sku, i.availableToSell]));
	},

	async betweenRuns(ctx) {
		await ctx.sandbox.mutate('cin7core', { entity: 'availability', sku: ctx.memo.a.sku, location: ctx.memo.a.location, patch: { OnHand: 40, Allocated: 0 } });
		await ctx.sandbox.mutate('cin7core', { entity: 'availability', sku: ctx.memo.b.sku, location: ctx.memo.b.location, patch: { OnHand: 3, Allocated: 3 } });
		await ctx.sandbox.mutate('cin7core', { entity: 'availability', sku: ctx.memo.c.sku, location: ctx.memo.c.location, patch: { OnHand: 40, Allocated: 0 } });
		await ctx.sandbox.mutate('cin7core', { entity: 'availability', sku: ctx.memo.d.sku, location: ctx.memo.d.location, patch: { OnHand: 0, Allocated: 0, OnOrder: 0 } });
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const state = await ctx.sandbox.getState('cin7core');
		const items = nodeOutput(run.runData, ATS_NODE);
		assertMatches(items, expectedCoreAts(state, ctx.workflow));
		const first: Map<string, number> = ctx.memo.first;
		const a = items.find((i) => i.sku === ctx.memo.a.sku)!;
		const b = items.find((i) => i.sku === ctx.memo.b.sku)!;
		const c = items.find((i) => i.sku === ctx.memo.c.sku)!;
		const d = items.find((i) => i.sku === ctx.memo.d.sku)!;
		expect(a).toMatchObject({ previousAvailableToSell: 0, availableToSell: 38, changed: true, backInStock: true });
		expect(b).toMatchObject({ previousAvailableToSell: 28, availableToSell: 0, changed: true, backInStock: false });
		expect(c).toMatchObject({ previousAvailableToSell: 0, availableToSell: 38, changed: true, backInStock: true, noStockRows: false });
		expect(d).toMatchObject({ previousAvailableToSell: 18, availableToSell: 0, changed: true, backInStock: false, noStockRows: true });
		const moved = new Set([a.sku, b.sku, c.sku, d.sku]);
		for (const i of items.filter((x) => !moved.has(x.sku))) {
			expect({ sku: i.sku, previous: i.previousAvailableToSell, changed: i.changed, backInStock: i.backInStock }).toEqual({
				sku: i.sku,
				previous: first.get(i.sku),
				changed: false,
				backInStock: false,
			});
		}
		// Exactly the SKUs that crossed from ≤ 0 to > 0 reach the alert, the one without rows at the
		// first run included.
		expect(nodeOutput(run.runData, FILTER_NODE).map((i) => i.sku).sort()).toEqual([a.sku, c.sku].sort());
	},
};
