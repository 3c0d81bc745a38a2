/**
 * workflows/cin7-core-inventory-to-order-desk.json: every Order Desk inventory item whose code is
 * an active Cin7 Core stock product gets the product's available to sell as its stock (computed
 * here from the sandbox's availability rows by the documented rules, see
 * cin7-core-available-to-sell.ts: Quarantine excluded, on order added), and only items whose stock
 * differs are written, in batch calls of at most 100. Codes Cin7 does not have are left alone. The
 * second run writes only what changed in Cin7 between the runs.
 *
 * Other templates in the same batch may create Cin7 Core sales (authorised orders allocate stock);
 * SKUs on those sales are left out of the field comparison, as their figure depends on which
 * template ran first. Every write is still counted: a written SKU's stock differs from what it
 * was, so the sum of batch sizes equals the number of items whose stock changed. The comparison
 * is shared with the Cin7 Omni twin (order-desk-common.ts, inventoryCheck).
 */
import type { Json } from '../harness/n8n';
import { expectedCoreAts } from './cin7-core-available-to-sell';
import { inventoryCheck } from './order-desk-common';

const saleSkus = (sale: Json): string[] => ((sale.Order?.Lines ?? []) as Json[]).map((l) => String(l.SKU));

export const check = inventoryCheck({
	system: 'cin7core',
	tag: 'CORE',
	ats: expectedCoreAts,
	salesMark: (core) => new Set((core.sales as Json[]).map((x) => String(x.ID))),
	/** SKUs on Cin7 Core sales created after the check started (by other templates or checks). */
	touchedCodes: (core, before) => new Set((core.sales as Json[]).filter((s) => !(before as Set<string>).has(String(s.ID))).flatMap(saleSkus)),
	async otherSystemCodes(ctx) {
		const omni = await ctx.sandbox.getState('cin7omni');
		return new Set((omni.productOptions as Json[]).map((o) => String(o.productOptionCode ?? o.code)));
	},
	async restock(ctx, core, od, ats) {
		const onSales = new Set((core.sales as Json[]).flatMap(saleSkus));
		// a plain row (no bin or batch) in a location that counts, so the change reaches the figure
		const row = (core.availability as Json[]).find((r) => ats.has(r.SKU) && od.has(r.SKU) && !onSales.has(r.SKU) && !r.Bin && !r.Batch && r.Location !== 'Quarantine')!;
		const code = String(row.SKU);
		await ctx.sandbox.mutate('cin7core', { entity: 'availability', sku: code, location: row.Location, patch: { OnHand: Number(row.OnHand) + 7, Allocated: row.Allocated, OnOrder: row.OnOrder } });
		return code;
	},
});
