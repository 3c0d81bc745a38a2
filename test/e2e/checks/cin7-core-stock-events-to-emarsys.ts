/**
 * workflows/cin7-core-stock-events-to-emarsys.json: Emarsys external events fire only when a SKU's
 * available to sell (never on hand) crosses a line between two scheduled runs, once per watcher:
 *
 *   ATS per SKU     = the independent computation of the Cin7 Core available-to-sell check
 *                     (same exclusions, unauthorised orders and buffer, read from this workflow)
 *   back in stock   = ATS before ≤ 0 and ATS now > 0
 *   low stock       = ATS before ≥ threshold and 0 < ATS now < threshold
 *   watchers of SKU = Emarsys contacts whose watch field lists it (comma separated, any case)
 *   events          = each crossing × each of its watchers, keyed by the watcher's email, with
 *                     data { sku, title (Cin7 product name), available_to_sell,
 *                     previous_available_to_sell, low_stock_threshold (low stock only) }
 *
 * The first run only records the levels (nothing fires). Between the runs one SKU comes back in
 * stock (one watcher), one drops below the threshold (two watchers), one sells out and one drops
 * to exactly the threshold (neither fires).
 */
import { nodeOutput, type Json } from '../harness/n8n';
import { expectedCoreAts } from './cin7-core-available-to-sell';
import { emarsysState, emarsysUpsert, lc } from './emarsys-common';
import type { CheckContext, TemplateCheck } from './types';

const settingsOf = (workflow: Json): Json => {
	const values: Json = {};
	for (const a of workflow.nodes.find((n: Json) => n.name === 'Event settings').parameters.assignments.assignments) values[a.name] = a.value;
	return values;
};

/** Triggers of this template's two events in the Emarsys sandbox, in order. */
function stockTriggers(em: Json, workflow: Json): Json[] {
	const s = settingsOf(workflow);
	const names = new Set([lc(s.back_in_stock_event), lc(s.low_stock_event)]);
	return (em.eventTriggers as Json[]).filter((t) => names.has(lc(t.eventName)));
}

const atsBySku = (core: Json, workflow: Json) => new Map([...expectedCoreAts(core, workflow)].map(([sku, e]) => [sku, e.availableToSell as number]));

/** A covered SKU with exactly one plain stock row in a counted location, on no unauthorised order. */
function pickSkus(core: Json, workflow: Json, count: number): Json[] {
	const expected = expectedCoreAts(core, workflow);
	const rowsBySku = new Map<string, Json[]>();
	for (const r of core.availability as Json[]) rowsBySku.set(r.SKU, [...(rowsBySku.get(r.SKU) ?? []), r]);
	// Other checks of the Emarsys group edit the first products (the catalog feed): take the last ones.
	const out: Json[] = [];
	for (const p of [...(core.products as Json[])].reverse()) {
		const e = expected.get(p.SKU);
		const rows = rowsBySku.get(p.SKU) ?? [];
		if (!e || rows.length !== 1 || rows[0].Bin || rows[0].Batch || rows[0].OnOrder || e.excluded || e.unauthorisedOrders) continue;
		out.push({ sku: p.SKU, location: rows[0].Location });
		if (out.length === count) return out;
	}
	throw new Error(`fewer than ${count} single-row SKUs in the Cin7 Core sandbox data`);
}

const setStock = (ctx: CheckContext, o: Json, onHand: number, allocated: number) =>
	ctx.sandbox.mutate('cin7core', { entity: 'availability', sku: o.sku, location: o.location, patch: { OnHand: onHand, Allocated: allocated } });

/** The events the second run must fire, from the two independent ATS readings and the watch field. */
function expectedEvents(before: Map<string, number>, after: Map<string, number>, core: Json, em: Json, workflow: Json): Json[] {
	const s = settingsOf(workflow);
	const threshold = Number(s.low_stock_threshold);
	const names = new Map((core.products as Json[]).map((p) => [p.SKU, p.Name]));
	const field = (em.fields as Json[]).find((f) => lc(f.name) === lc(s.watch_field));
	if (!field) throw new Error(`no Emarsys field ${s.watch_field}`);
	const watchers = (em.contacts as Json[])
		.filter((c) => c.email && c.fields[field.id])
		.map((c) => ({ email: lc(c.email), skus: String(c.fields[field.id]).split(/[,;\n]/).map(lc).filter(Boolean) }));
	const out: Json[] = [];
	for (const [sku, now] of [...after].sort(([a], [b]) => a.localeCompare(b))) {
		const was = before.get(sku) ?? 0;
		const kind = was <= 0 && now > 0 ? 'back' : was >= threshold && now > 0 && now < threshold ? 'low' : null;
		if (!kind) continue;
		const data: Json = { sku, title: names.get(sku) ?? sku, available_to_sell: now, previous_available_to_sell: was };
		if (kind === 'low') data.low_stock_threshold = threshold;
		for (const w of watchers) {
			if (w.skus.includes(lc(sku))) out.push({ eventName: kind === 'back' ? s.back_in_stock_event : s.low_stock_event, externalId: w.email, data });
		}
	}
	return out;
}

const byKey = (a: Json, b: Json) => `${a.eventName}|${a.data.sku}|${a.externalId}`.localeCompare(`${b.eventName}|${b.data.sku}|${b.externalId}`);

export const check: TemplateCheck = {
	async prepare(ctx) {
		const core = await ctx.sandbox.getState('cin7core');
		const [back, low, soldOut, atThreshold] = pickSkus(core, ctx.workflow, 4);
		await setStock(ctx, back, 5, 5); // ATS 0 now, restocked between the runs
		await setStock(ctx, low, 30, 0); // ATS 28 (buffer 2), 4 later
		await setStock(ctx, soldOut, 20, 0); // ATS 18, 0 later: sold out fires nothing
		await setStock(ctx, atThreshold, 30, 0); // ATS 28, exactly the threshold later: not below it
		// The shop's "notify me" form fills a long-text contact field (made in the Emarsys UI) on
		// contacts of its own: shop visitors Cin7 does not know, so no other check judges them.
		const s = settingsOf(ctx.workflow);
		const field = await ctx.sandbox.mutate('emarsys', { action: 'field', name: s.watch_field, type: 'longtext' });
		const [w1, w2, w3] = [1, 2, 3].map((n) => `stock.watcher${n}@example-shop.test`);
		const watch = (email: string, value: string) => ({ email, optIn: '1' as const, fields: { [field.id]: value } });
		await emarsysUpsert(ctx.sandbox, [
			watch(w1, `${back.sku}, ${lc(low.sku)} ,${soldOut.sku};${atThreshold.sku}`),
			watch(w2, `NOT-A-CIN7-SKU,${low.sku}`),
			watch(w3, `${soldOut.sku}\n${atThreshold.sku}`),
		]);
		Object.assign(ctx.memo, { back, low, soldOut, atThreshold, watchers: [w1, w2, w3] });
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const core = await ctx.sandbox.getState('cin7core');
		const ats = atsBySku(core, ctx.workflow);
		const items = nodeOutput(run.runData, 'Available to sell');
		expect(new Map(items.map((i) => [i.sku, i.availableToSell]))).toEqual(ats);
		expect(ats.get(ctx.memo.back.sku)).toBe(0);
		expect(ats.get(ctx.memo.low.sku)).toBe(28);
		// The first run records the levels: no crossing, no Emarsys call, no event.
		for (const i of items) expect(i.previousAvailableToSell ?? null).toBeNull();
		expect(nodeOutput(run.runData, 'Stock crossings')).toEqual([]);
		expect(stockTriggers(await emarsysState(ctx.sandbox), ctx.workflow)).toEqual([]);
		ctx.memo.before = ats;
	},

	async betweenRuns(ctx) {
		await setStock(ctx, ctx.memo.back, 40, 0); // 38: back in stock
		await setStock(ctx, ctx.memo.low, 6, 0); // 4: below the threshold of 5
		await setStock(ctx, ctx.memo.soldOut, 20, 20); // 0
		await setStock(ctx, ctx.memo.atThreshold, 7, 0); // 5: at the threshold, not below
	},

	secondRunAdds: () => ({ 'emarsys.eventTriggers': 3 }),

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const core = await ctx.sandbox.getState('cin7core');
		const em = await emarsysState(ctx.sandbox);
		const after = atsBySku(core, ctx.workflow);
		const expected = expectedEvents(ctx.memo.before, after, core, em, ctx.workflow);
		// The scene bites: one back-in-stock event for its one watcher, low stock for its two.
		const [w1, w2] = ctx.memo.watchers;
		expect(expected.map((e) => `${e.eventName} ${e.data.sku} ${e.externalId}`).sort()).toEqual(
			[`cin7_back_in_stock ${ctx.memo.back.sku} ${w1}`, `cin7_low_stock ${ctx.memo.low.sku} ${w1}`, `cin7_low_stock ${ctx.memo.low.sku} ${w2}`].sort(),
		);
		// Emarsys received exactly those, field by field, each once.
		const fired = stockTriggers(em, ctx.workflow).map((t) => ({ eventName: t.eventName, externalId: lc(t.externalId), data: t.data }));
		expect(fired.sort(byKey)).toEqual(expected.sort(byKey));
		expect(nodeOutput(run.runData, 'Fired')).toHaveLength(expected.length);
		expect(nodeOutput(run.runData, 'Not fired')).toEqual([]);
		expect(nodeOutput(run.runData, 'Skipped')).toEqual([]);
	},
};
