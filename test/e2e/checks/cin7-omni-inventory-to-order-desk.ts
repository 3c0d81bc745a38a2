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
 * from what it was, so the sum of batch sizes equals the number of items whose stock changed. The
 * comparison is shared with the Cin7 Core twin (order-desk-common.ts, inventoryCheck).
 */
import type { Json } from '../harness/n8n';
import { expectedOmniAts } from './cin7-omni-available-to-sell';
import { inventoryCheck } from './order-desk-common';

const orderCodes = (o: Json): string[] => (o.lineItems as Json[]).map((l) => String(l.code));

export const check = inventoryCheck({
	system: 'cin7omni',
	tag: 'OMNI',
	ats: expectedOmniAts,
	salesMark: (omni) => Math.max(...(omni.salesOrders as Json[]).map((o) => Number(o.id))),
	/** Codes on Cin7 Omni sales orders created after the check started (by other templates or checks). */
	touchedCodes: (omni, sinceId) => new Set((omni.salesOrders as Json[]).filter((o) => Number(o.id) > (sinceId as number)).flatMap(orderCodes)),
	async otherSystemCodes(ctx) {
		const core = await ctx.sandbox.getState('cin7core');
		return new Set((core.products as Json[]).map((p) => String(p.SKU)));
	},
	async restock(ctx, omni, od, ats) {
		const onOrders = new Set((omni.salesOrders as Json[]).flatMap(orderCodes));
		const code = [...od.keys()].find((c) => ats.has(c) && !onOrders.has(c) && (omni.stock as Json[]).some((r) => r.code === c))!;
		const row = (omni.stock as Json[]).find((r) => r.code === code)!;
		await ctx.sandbox.mutate('cin7omni', { entity: 'stock', code, branchId: row.branchId, patch: { stockOnHand: Number(row.stockOnHand) + 7, openSales: row.openSales, incoming: row.incoming, holding: row.holding } });
		return code;
	},
});
