/**
 * workflows/cin7-omni-orders-to-dotdigital.json: every Cin7 Omni sales order modified since the
 * template's date becomes a record of the contact collection `orders`, keyed by the order ID, with
 * the vendor's mapping (seed "Order data"), only when the order's email is a Dotdigital contact.
 * The seeded Dotdigital contacts are Cin7 Core customers, so the check first creates contacts for
 * some Omni customers through the Dotdigital API (what the contact flow does).
 */
import { nodeOutput, type Json } from '../harness/n8n';
import { assertOrders, collectionRecords, contactEmails, createDotdigitalContacts, isoUtc, lc, nodeParams } from './orders-catalog-common';
import type { CheckContext, TemplateCheck } from './types';

function expectedRecord(o: Json): Json | null {
	let purchase: string;
	try {
		purchase = isoUtc(String(o.createdDate));
	} catch {
		return null;
	}
	return {
		email: o.email || o.memberEmail,
		id: String(o.id),
		order_number: o.reference ?? '',
		order_total: o.total,
		order_status: o.isVoid ? 'Void' : o.stage,
		currency: o.currencyCode,
		purchase_date: purchase,
		billing_city: o.billing?.city,
		billing_country: o.billing?.country,
		billing_postcode: o.billing?.postalCode,
		billing_address_1: o.billing?.address1,
		delivery_address_1: o.delivery?.address1,
		delivery_country: o.delivery?.country,
		delivery_city: o.delivery?.city,
		delivery_postcode: o.delivery?.postalCode,
		products: (o.lineItems ?? []).map((l: Json) => ({
			name: l.name,
			variant_name: [l.option1, l.option2, l.option3].filter((x) => x).join(' / ') || l.name,
			price: l.unitPrice,
			sku: l.code,
			qty: l.qty,
			branchid: String(o.branchId),
		})),
	};
}

async function expectedOrders(ctx: CheckContext) {
	const omni = await ctx.sandbox.getState('cin7omni');
	const since = Date.parse(nodeParams(ctx.workflow, 'Sales orders since').filters.modifiedSince);
	const ids = new Set<string>((omni.salesOrders as Json[]).map((o) => String(o.id)));
	const expected = new Map<string, Json>();
	for (const o of omni.salesOrders as Json[]) {
		if (Date.parse(o.modifiedDate) < since) continue;
		expected.set(String(o.id), expectedRecord(o) ?? { email: o.email, bad: true });
	}
	return { expected, ours: (k: string) => ids.has(k) };
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		const omni = await ctx.sandbox.getState('cin7omni');
		const emails = [...new Set((omni.salesOrders as Json[]).map((o) => o.email).filter(Boolean))] as string[];
		await createDotdigitalContacts(ctx.sandbox, emails.slice(0, 20));
		const present = contactEmails(await ctx.sandbox.getState('dotdigital'));
		const withContact = (omni.salesOrders as Json[]).filter((o) => o.email && present.has(lc(o.email)));
		const bad = withContact[0];
		await ctx.sandbox.mutate('cin7omni', { entity: 'salesOrder', id: bad.id, patch: { createdDate: '31/02/2025 25:00' } });
		ctx.memo.bad = String(bad.id);
		ctx.memo.changed = String(withContact[1].id);
		ctx.memo.presentBefore = present;
		expect(withContact.length).toBeGreaterThan(5);
		expect((omni.salesOrders as Json[]).some((o) => o.email && !present.has(lc(o.email)))).toBe(true);
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const dd = await ctx.sandbox.getState('dotdigital');
		const { imported } = assertOrders(run, dd, await expectedOrders(ctx), ctx.memo.presentBefore, [ctx.memo.bad]);
		expect(imported.length).toBeGreaterThan(5);
		const invalid = nodeOutput(run.runData, 'Invalid orders');
		expect(invalid).toHaveLength(1);
		expect(nodeOutput(run.runData, 'Rejected orders')).toEqual([]);
		ctx.memo.firstKeys = imported.map((r) => r.key).sort();
		ctx.memo.firstUpdated = collectionRecords(dd, 'orders').get(ctx.memo.changed)?.updated;
		expect(ctx.memo.firstKeys).toContain(ctx.memo.changed);
	},

	async betweenRuns(ctx) {
		await ctx.sandbox.mutate('cin7omni', {
			entity: 'salesOrder',
			id: Number(ctx.memo.changed),
			patch: { delivery: { address1: '1 Changed Street', city: 'Wellington' }, stage: 'Dispatched', total: 999.5 },
		});
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const dd = await ctx.sandbox.getState('dotdigital');
		const { imported } = assertOrders(run, dd, await expectedOrders(ctx), ctx.memo.presentBefore, [ctx.memo.bad]);
		const keys = imported.map((r) => r.key).sort();
		expect(keys).toEqual(expect.arrayContaining(ctx.memo.firstKeys));
		expect(new Set(keys).size).toBe(keys.length);
		const changed = collectionRecords(dd, 'orders').get(ctx.memo.changed)!;
		expect(changed.json).toMatchObject({ delivery_address_1: '1 Changed Street', delivery_city: 'Wellington', order_status: 'Dispatched', order_total: 999.5 });
		expect(changed.updated > ctx.memo.firstUpdated).toBe(true);
		expect(nodeOutput(run.runData, 'Invalid orders')).toHaveLength(1);
	},
};
