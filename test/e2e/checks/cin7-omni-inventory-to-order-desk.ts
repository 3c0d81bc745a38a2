/**
 * workflows/cin7-omni-inventory-to-order-desk.json: every Order Desk inventory item whose code is
 * an active Cin7 Omni option gets the option's available to sell as its stock (computed here from
 * the sandbox's stock rows by the documented rules, see cin7-omni-available-to-sell.ts), and only
 * items whose stock differs are written, in batch calls of at most 100. Codes Cin7 does not have
 * are left alone. The second run writes only what changed in Cin7 between the runs.
 *
 * Other Order Desk templates in the same batch create Cin7 Omni sales orders (open sales lower the
 * available figure); SKUs on those orders are left out of the field comparison, as their figure
 * depends on which template ran first. Every write is still counted: a written SKU's stock differs
 * from what it was, so the sum of batch sizes equals the number of items whose stock changed.
 */
import { authHeaders, systemBaseUrl, type Json } from '../harness/n8n';
import { expectedOmniAts } from './cin7-omni-available-to-sell';
import { inventoryBaseline } from './order-desk-common';
import type { CheckContext, TemplateCheck } from './types';
import { vendorFetch } from '../harness/vendorFetch';

const BATCH = 100;

const inventory = (od: Json): Map<string, Json> => new Map((od.inventoryItems as Json[]).map((it) => [String(it.code), it]));

/** Batch sizes of the inventory writes since a request-log position. */
async function writes(ctx: CheckContext, since: number): Promise<number[]> {
	const log = await ctx.sandbox.getRequests({ system: 'orderdesk', since });
	return log.filter((r) => /\/batch-inventory-items$/.test(r.path) && r.status === 200).map((r) => Number(r.records));
}

/** Codes on Cin7 Omni sales orders created after the check started (by other templates or checks). */
function touchedCodes(omni: Json, sinceId: number): Set<string> {
	return new Set((omni.salesOrders as Json[]).filter((o) => Number(o.id) > sinceId).flatMap((o) => (o.lineItems as Json[]).map((l) => String(l.code))));
}

/** SKUs the other Cin7 system has (its inventory template may run in the same batch and write them). */
async function otherSystemCodes(ctx: CheckContext): Promise<Set<string>> {
	const core = await ctx.sandbox.getState('cin7core');
	return new Set((core.products as Json[]).map((p) => String(p.SKU)));
}

/** Order Desk items no Cin7 system has (gift cards, services): a flow must leave them alone. */
async function createLocalItems(ctx: CheckContext, tag: string): Promise<void> {
	for (let k = 1; k <= 2; k++) {
		const r = await vendorFetch(`${systemBaseUrl(ctx.sandbox, 'orderdesk')}/inventory-items`, {
			method: 'POST',
			headers: { ...authHeaders('orderdesk'), 'content-type': 'application/json' },
			body: JSON.stringify({ name: `Order Desk only ${k}`, code: `OD-ONLY-${tag}-${k}`, stock: 5 }),
		});
		if (r.status !== 201) throw new Error(`creating an Order Desk inventory item: ${r.status} ${await r.text()}`);
	}
}

function changedItems(before: Map<string, Json>, after: Map<string, Json>): string[] {
	return [...after.values()].filter((it) => Number(it.stock) !== Number(before.get(String(it.code))?.stock)).map((it) => String(it.code));
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		await createLocalItems(ctx, 'OMNI');
		const od = await ctx.sandbox.getState('orderdesk');
		const omni = await ctx.sandbox.getState('cin7omni');
		const ats = expectedOmniAts(omni, ctx.workflow);
		// a few items already hold Cin7's figure: they must not be written
		const same = [...inventory(od).values()].filter((it) => ats.has(it.code)).slice(0, 5);
		for (const it of same) await ctx.sandbox.mutate('orderdesk', { entity: 'inventory', code: it.code, patch: { stock: ats.get(it.code)!.availableToSell } });
		ctx.memo.before = inventory(await ctx.sandbox.getState('orderdesk'));
		ctx.memo.same = same.map((it) => String(it.code));
		ctx.memo.omniMaxId = Math.max(...(omni.salesOrders as Json[]).map((o) => Number(o.id)));
		expect([...(ctx.memo.before as Map<string, Json>).values()].filter((it) => !ats.has(it.code)).length).toBeGreaterThan(0);
		inventoryBaseline.items = ctx.memo.before as Map<string, Json>;
		inventoryBaseline.seq = await ctx.sandbox.lastSeq();
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const omni = await ctx.sandbox.getState('cin7omni');
		const od = inventory(await ctx.sandbox.getState('orderdesk'));
		const ats = expectedOmniAts(omni, ctx.workflow);
		const touched = touchedCodes(omni, ctx.memo.omniMaxId as number);
		const mine = ctx.memo.before as Map<string, Json>;
		const before = inventoryBaseline.items!;
		ctx.memo.afterFirst = od;
		const others = await otherSystemCodes(ctx);
		expect([...od.keys()].filter((c) => !ats.has(c) && !others.has(c)).length).toBeGreaterThanOrEqual(2);
		const problems: string[] = [];
		let compared = 0;
		for (const [code, it] of od) {
			const want = ats.get(code);
			if (!want) {
				if (!others.has(code) && before.has(code) && JSON.stringify(it) !== JSON.stringify(before.get(code))) problems.push(`${code}: in no Cin7 system, yet changed`);
			} else if (!touched.has(code)) {
				compared++;
				if (Number(it.stock) !== want.availableToSell) problems.push(`${code}: stock ${it.stock}, Cin7 available to sell ${want.availableToSell}`);
			}
		}
		expect(problems).toEqual([]);
		expect(compared).toBeGreaterThan(BATCH);
		for (const code of ctx.memo.same as string[]) if (!touched.has(code)) expect({ code, stock: od.get(code)!.stock }).toEqual({ code, stock: mine.get(code)!.stock });
		const sent = await writes(ctx, inventoryBaseline.seq!);
		const changed = changedItems(before, od).length;
		expect(changed).toBeGreaterThan(BATCH);
		expect(sent.reduce((a, b) => a + b, 0)).toBe(changed);
		// the other system's inventory template may write in the same batch: every call holds ≤ 100
		for (const size of sent) expect(size).toBeLessThanOrEqual(BATCH);
		expect(sent.length).toBeGreaterThanOrEqual(Math.ceil(changed / BATCH));
	},

	async betweenRuns(ctx) {
		const omni = await ctx.sandbox.getState('cin7omni');
		const od = ctx.memo.afterFirst as Map<string, Json>;
		const ats = expectedOmniAts(omni, ctx.workflow);
		const onOrders = new Set((omni.salesOrders as Json[]).flatMap((o) => (o.lineItems as Json[]).map((l) => String(l.code))));
		const code = [...od.keys()].find((c) => ats.has(c) && !onOrders.has(c) && (omni.stock as Json[]).some((r) => r.code === c))!;
		const row = (omni.stock as Json[]).find((r) => r.code === code)!;
		await ctx.sandbox.mutate('cin7omni', { entity: 'stock', code, branchId: row.branchId, patch: { stockOnHand: Number(row.stockOnHand) + 7, openSales: row.openSales, incoming: row.incoming, holding: row.holding } });
		ctx.memo.moved = code;
		ctx.memo.seq = await ctx.sandbox.lastSeq();
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const od = inventory(await ctx.sandbox.getState('orderdesk'));
		const ats = expectedOmniAts(await ctx.sandbox.getState('cin7omni'), ctx.workflow);
		const code = ctx.memo.moved as string;
		expect(Number(od.get(code)!.stock)).toBe(ats.get(code)!.availableToSell);
		const changed = changedItems(ctx.memo.afterFirst as Map<string, Json>, od);
		expect(changed).toContain(code);
		const sent = await writes(ctx, ctx.memo.seq as number);
		expect(sent.reduce((a, b) => a + b, 0)).toBe(changed.length);
	},
};
