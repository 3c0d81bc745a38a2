/**
 * workflows/cin7-core-shopify-b2b-orders-to-sales.json: Cin7 Core sales after each run against an
 * independent computation from the Shopify orders and the template's documented settings (tag b2b
 * on the order or its customer, line price after line discounts, Simple draft sale at Main
 * Warehouse, External ID SHOPIFY-<order number>, customer reference = order name, AUD base, NZD at 1.09):
 *
 *   B2B        = the order or its Shopify customer is tagged b2b, and it is not cancelled
 *   importable = B2B, one Cin7 Core customer (not deprecated) has the order's email as default contact
 *                email, every SKU is a Cin7 Core product, the currency is the customer's (with a rate)
 *   each importable order = exactly one sale: customer, reference, External ID, location, draft,
 *                every line's SKU, quantity and B2B unit price
 *   the others = no sale; B2B ones listed in Cannot import (naming the SKUs or the email), the rest in
 *                Not imported
 *
 * The second run reads every order again and adds nothing: each imported order is found by its
 * External ID and goes to Already a sale. (A new order between runs would change the record counts
 * the batch compares; the trigger's once-per-order cursor is unit-tested.)
 */
import { nodeOutput, type Json } from '../harness/n8n';
import type { CheckContext, TemplateCheck } from './types';

const TAG = 'b2b';
const PREFIX = 'SHOPIFY-';
const RATES: Record<string, number> = { AUD: 1, NZD: 1.09 };
const lc = (s: unknown) => String(s ?? '').trim().toLowerCase();
const numberOf = (gid: string) => String(gid).split('/').pop();

type Expected = { order: Json; b2b: boolean; problems: string[]; customer?: Json; lines: Json[] };

async function states(ctx: CheckContext) {
	return { core: await ctx.sandbox.getState('cin7core'), shopify: await ctx.sandbox.getState('shopify') };
}

function expectations(core: Json, shopify: Json): Expected[] {
	const products = new Map((core.products as Json[]).filter((p) => p.Status !== 'Deprecated').map((p) => [lc(p.SKU), p]));
	const customersByEmail = new Map<string, Json[]>();
	for (const c of core.customers as Json[]) {
		const email = lc(((c.Contacts ?? []) as Json[]).find((x) => x.Default)?.Email);
		if (email && c.Status !== 'Deprecated') customersByEmail.set(email, [...(customersByEmail.get(email) ?? []), c]);
	}
	const shopCustomers = new Map((shopify.customers as Json[]).map((c) => [c.id, c]));
	return (shopify.orders as Json[]).map((o) => {
		const tags = [...((shopCustomers.get(o.customerId)?.tags ?? []) as string[]), ...(o.tags as string[])].map(lc);
		const b2b = tags.includes(TAG) && !o.cancelledAt;
		const problems: string[] = [];
		const matches = customersByEmail.get(lc(o.email)) ?? [];
		if (matches.length !== 1) problems.push(`customer ${o.email}`);
		const customer = matches.length === 1 ? matches[0] : undefined;
		const live = (o.lineItems as Json[]).filter((l) => l.quantity > 0);
		for (const l of live) if (!products.has(lc(l.sku))) problems.push(`SKU ${l.sku}`);
		const currency = String(o.currencyCode).toUpperCase();
		if (customer && String(customer.Currency || 'AUD').toUpperCase() !== currency) problems.push('currency');
		if (RATES[currency] === undefined) problems.push('rate');
		const lines = live.filter((l) => products.has(lc(l.sku))).map((l) => ({ SKU: products.get(lc(l.sku))!.SKU, Quantity: l.quantity, Price: Number(l.discountedUnitPrice) }));
		return { order: o, b2b, problems, customer, lines };
	});
}

const ours = (core: Json) => (core.sales as Json[]).filter((s) => String(s.ExternalID ?? '').startsWith(PREFIX) && s.Status !== 'VOIDED');
const lineView = (s: Json) => ((s.Order?.Lines ?? []) as Json[]).map((l) => ({ SKU: l.SKU, Quantity: l.Quantity, Price: l.Price }));

function assertSales(core: Json, exp: Expected[]) {
	const sales = ours(core);
	const importable = exp.filter((e) => e.b2b && !e.problems.length);
	// exactly one sale per importable order and no other sale from Shopify
	expect(sales.map((s) => s.ExternalID).sort()).toEqual(importable.map((e) => PREFIX + numberOf(e.order.id)).sort());
	for (const e of importable) {
		const sale = sales.find((s) => s.ExternalID === PREFIX + numberOf(e.order.id))!;
		expect({
			order: e.order.name, CustomerID: sale.CustomerID, CustomerReference: sale.CustomerReference, Location: sale.Location, Type: sale.Type,
			Status: sale.Order?.Status, CurrencyRate: sale.CurrencyRate, lines: lineView(sale),
		}).toEqual({
			order: e.order.name, CustomerID: e.customer!.ID, CustomerReference: e.order.name, Location: 'Main Warehouse', Type: 'Simple Sale',
			Status: 'DRAFT', CurrencyRate: RATES[String(e.order.currencyCode).toUpperCase()], lines: e.lines,
		});
	}
	return importable;
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		const { core, shopify } = await states(ctx);
		const exp = expectations(core, shopify);
		// the seed exercises every path: imported, a SKU Cin7 Core lacks, an unknown buyer, not B2B
		expect(exp.filter((e) => e.b2b && !e.problems.length).length).toBeGreaterThanOrEqual(3);
		expect(exp.some((e) => e.b2b && e.problems.some((p) => p.startsWith('SKU')))).toBe(true);
		expect(exp.some((e) => e.b2b && e.problems.some((p) => p.startsWith('customer')))).toBe(true);
		expect(exp.some((e) => !e.b2b)).toBe(true);
		expect(ours(core)).toEqual([]);
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const { core, shopify } = await states(ctx);
		const exp = expectations(core, shopify);
		const importable = assertSales(core, exp);
		expect(nodeOutput(run.runData, 'Imported').map((i) => i.orderName).sort()).toEqual(importable.map((e) => e.order.name).sort());
		// the orders that cannot be imported are named with what stops them
		const cannot = nodeOutput(run.runData, 'Cannot import');
		const blocked = exp.filter((e) => e.b2b && e.problems.length);
		expect(cannot.map((i) => i.orderName).sort()).toEqual(blocked.map((e) => e.order.name).sort());
		for (const e of blocked) {
			const item = cannot.find((i) => i.orderName === e.order.name)!;
			for (const p of e.problems) expect(item.reason).toContain(p.startsWith('SKU ') ? p.slice(4) : p.startsWith('customer ') ? lc(p.slice(9)) : '');
		}
		expect(nodeOutput(run.runData, 'Not imported').map((i) => i.orderName).sort()).toEqual(exp.filter((e) => !e.b2b).map((e) => e.order.name).sort());
		expect(nodeOutput(run.runData, 'Sale not created')).toEqual([]);
		expect(nodeOutput(run.runData, 'Already a sale')).toEqual([]);
		ctx.memo.firstSales = ours(core).length;
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const { core, shopify } = await states(ctx);
		const exp = expectations(core, shopify);
		assertSales(core, exp);
		// the run read every order again: each imported one was found by its External ID and skipped
		expect(ours(core).length).toBe(ctx.memo.firstSales);
		expect(nodeOutput(run.runData, 'Imported')).toEqual([]);
		expect(nodeOutput(run.runData, 'Already a sale').map((i) => i.saleId).sort()).toEqual(ours(core).map((s) => s.ID).sort());
		expect(nodeOutput(run.runData, 'Sale not created')).toEqual([]);
	},
};
