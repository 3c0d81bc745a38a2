/**
 * workflows/cin7-core-orders-to-dotdigital.json: every Cin7 Core sale updated since the template's
 * date becomes a record of the contact collection `orders`, keyed by the sale ID, with the vendor's
 * mapping (seed "Order data"), only when the sale's email is a Dotdigital contact; other orders are
 * reported as skipped with the reason. A malformed sale date fails only that sale; an updated sale
 * replaces its record on the next run.
 */
import { nodeOutput, type Json } from '../harness/n8n';
import { assertOrders, collectionMeta, collectionRecords, contactEmails, isoUtc, lc, nodeParams } from './orders-catalog-common';
import type { CheckContext, TemplateCheck } from './types';

function expectedRecord(sale: Json): Json | null {
	let purchase: string;
	try {
		purchase = isoUtc(String(sale.SaleOrderDate));
	} catch {
		return null;
	}
	const b = sale.BillingAddress ?? {};
	const s = sale.ShippingAddress ?? {};
	return {
		email: sale.Email,
		id: sale.ID,
		order_number: sale.Order?.SaleOrderNumber ?? '',
		order_total: sale.Order?.Total ?? 0,
		order_status: sale.Status,
		currency: sale.CustomerCurrency,
		purchase_date: purchase,
		billing_city: b.City,
		billing_country: b.Country,
		billing_postcode: b.Postcode,
		billing_address_1: b.Line1,
		delivery_address_1: s.Line1,
		delivery_country: s.Country,
		delivery_city: s.City,
		delivery_postcode: s.Postcode,
		products: (sale.Order?.Lines ?? []).map((l: Json) => ({ name: l.Name, variant_name: l.Name, price: l.Price, sku: l.SKU, qty: l.Quantity, branchid: sale.Location })),
	};
}

async function expectedOrders(ctx: CheckContext) {
	const core = await ctx.sandbox.getState('cin7core');
	const since = Date.parse(nodeParams(ctx.workflow, 'Sales updated since').filters.UpdatedSince);
	const ids = new Set<string>((core.sales as Json[]).map((s) => s.ID));
	const expected = new Map<string, Json>();
	for (const sale of core.sales as Json[]) {
		if (Date.parse(isoUtc(sale.LastModifiedOn)) < since) continue;
		const e = expectedRecord(sale);
		expected.set(sale.ID, e ?? { email: sale.Email, bad: true });
	}
	return { expected, ours: (k: string) => ids.has(k) };
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		const core = await ctx.sandbox.getState('cin7core');
		const dd = await ctx.sandbox.getState('dotdigital');
		const present = contactEmails(dd);
		const withContact = (core.sales as Json[]).filter((s) => s.Email && present.has(lc(s.Email)));
		// A sale of a Dotdigital contact whose date is malformed: it alone fails.
		const bad = withContact[0];
		await ctx.sandbox.mutate('cin7core', { entity: 'sale', id: bad.ID, patch: { SaleOrderDate: 'not-a-date' } });
		ctx.memo.bad = bad.ID;
		ctx.memo.changed = withContact[1].ID;
		ctx.memo.presentBefore = present;
		// The data really has the three cases: contact present, contact absent, no email.
		expect(withContact.length).toBeGreaterThan(5);
		expect((core.sales as Json[]).some((s) => s.Email && !present.has(lc(s.Email)))).toBe(true);
		expect((core.sales as Json[]).some((s) => !s.Email)).toBe(true);
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const dd = await ctx.sandbox.getState('dotdigital');
		const input = await expectedOrders(ctx);
		const { imported } = assertOrders(run, dd, input, ctx.memo.presentBefore, [ctx.memo.bad]);
		expect(imported.length).toBeGreaterThan(5);
		expect(collectionMeta(dd, 'orders')).toMatchObject({ scope: 'contact', type: 'orders' });
		// The malformed date failed only its own item, with a message naming the problem.
		const invalid = nodeOutput(run.runData, 'Invalid orders');
		expect(invalid).toHaveLength(1);
		expect(String(invalid[0].error ?? invalid[0].message ?? JSON.stringify(invalid[0]))).toMatch(/date|DateTime/i);
		expect(nodeOutput(run.runData, 'Rejected orders')).toEqual([]);
		ctx.memo.firstKeys = imported.map((r) => r.key).sort();
		ctx.memo.firstUpdated = collectionRecords(dd, 'orders').get(ctx.memo.changed)?.updated;
		expect(ctx.memo.firstKeys).toContain(ctx.memo.changed);
	},

	async betweenRuns(ctx) {
		const core = await ctx.sandbox.getState('cin7core');
		const sale = (core.sales as Json[]).find((s) => s.ID === ctx.memo.changed)!;
		await ctx.sandbox.mutate('cin7core', {
			entity: 'sale',
			id: sale.ID,
			patch: { ShippingAddress: { ...sale.ShippingAddress, Line1: '1 Changed Street', City: 'Wellington' }, CustomerCurrency: 'NZD' },
		});
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const dd = await ctx.sandbox.getState('dotdigital');
		const input = await expectedOrders(ctx);
		const { imported } = assertOrders(run, dd, input, ctx.memo.presentBefore, [ctx.memo.bad]);
		// Replaced, not duplicated: the same keys (contacts created meanwhile may add orders), one record each.
		const keys = imported.map((r) => r.key).sort();
		expect(keys).toEqual(expect.arrayContaining(ctx.memo.firstKeys));
		expect(new Set(keys).size).toBe(keys.length);
		const changed = collectionRecords(dd, 'orders').get(ctx.memo.changed)!;
		expect(changed.json).toMatchObject({ delivery_address_1: '1 Changed Street', delivery_city: 'Wellington', currency: 'NZD' });
		expect(changed.updated > ctx.memo.firstUpdated).toBe(true);
		expect(nodeOutput(run.runData, 'Invalid orders')).toHaveLength(1);
	},
};
