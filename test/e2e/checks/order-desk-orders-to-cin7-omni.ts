/**
 * workflows/order-desk-orders-to-cin7-omni.json: every order in the Order Desk folder "Submit to
 * Cin7" becomes one Cin7 Omni sales order with reference OD-<order id>, the seed's checkout-data /
 * metadata fields landing in their Cin7 fields; the order then moves to "Sent to Cin7" with a note
 * naming the Cin7 reference. Orders Cin7 cannot take move to "Cin7 Errors" with a note saying why
 * (invalid SKU, no products available, general error). The second run finds nothing to submit; an
 * order put back into the submit folder (a retried poll) is filed again without a second Cin7 order.
 */
import type { Json } from '../harness/n8n';
import { allOutputs, content, expectOnlyRequeuedFiled, folderId, lastNote, lc, orderById, ordersIn, productLines, requeueOneSubmitted, seedCustomFields, seedField, setLiterals } from './order-desk-common';
import type { TemplateCheck } from './types';

type Verdict =
	| { kind: 'submitted'; expected: Json }
	| { kind: 'Invalid SKU'; skus: string[] }
	| { kind: 'No products available' }
	| { kind: 'General error'; text: string };

/** The independent verdict for one Order Desk order, from Omni's options and branches. */
function verdict(o: Json, omni: Json, settings: Record<string, string>): Verdict {
	const lines = productLines(o);
	if (!lines.length) return { kind: 'No products available' };
	const codes = new Set((omni.productOptions as Json[]).map((x) => lc(x.productOptionCode ?? x.code)));
	const unknown = lines.map((l) => String(l.code).trim()).filter((c) => !codes.has(lc(c)));
	if (unknown.length) return { kind: 'Invalid SKU', skus: unknown };
	const branch = seedField(o, 'BranchId');
	if (branch && !(omni.branches as Json[]).some((b) => String(b.id) === branch.trim())) return { kind: 'General error', text: `branchId ${branch} not found` };
	const custom: Json = seedCustomFields(o);
	const accounting = seedField(o, 'AccountingImportStatus');
	if (accounting) custom.accountingImportStatus = accounting;
	const dispatched = seedField(o, 'DispatchedDate');
	return {
		kind: 'submitted',
		expected: {
			reference: `${settings.referencePrefix}${o.id}`,
			memberEmail: lc(o.email),
			freightDescription: seedField(o, 'ShipMethod') ?? seedField(o, 'cin7_ship_method') ?? settings.defaultMailClass,
			stage: seedField(o, 'Stage') ?? 'New',
			customerOrderNo: seedField(o, 'CustomerOrderNo') ?? '',
			branchId: branch ? Number(branch) : 3,
			estimatedDeliveryDate: dispatched ?? null,
			customFields: custom,
			lines: lines.map((l) => ({ code: String(l.code).trim(), qty: Number(l.quantity), unitPrice: Number(l.price) })),
			delivery: { address1: o.shipping.address1, city: o.shipping.city, postalCode: o.shipping.postal_code, country: o.shipping.country },
		},
	};
}

function actual(so: Json): Json {
	return {
		reference: so.reference,
		memberEmail: lc(so.memberEmail),
		freightDescription: so.freightDescription,
		stage: so.stage,
		customerOrderNo: so.customerOrderNo,
		branchId: so.branchId,
		estimatedDeliveryDate: so.estimatedDeliveryDate ? String(so.estimatedDeliveryDate).slice(0, 10) : null,
		customFields: so.customFields,
		lines: (so.lineItems as Json[]).map((l) => ({ code: l.code, qty: l.qty, unitPrice: l.unitPrice })),
		delivery: { address1: so.delivery?.Address1 ?? so.delivery?.address1, city: so.delivery?.City ?? so.delivery?.city, postalCode: so.delivery?.PostalCode ?? so.delivery?.postalCode, country: so.delivery?.Country ?? so.delivery?.country },
	};
}


export const check: TemplateCheck = {
	async prepare(ctx) {
		const od = await ctx.sandbox.getState('orderdesk');
		const omni = await ctx.sandbox.getState('cin7omni');
		const settings = setLiterals(ctx.workflow, 'Integration settings');
		const queued = ordersIn(od, settings.submitFolder);
		ctx.memo.settings = settings;
		ctx.memo.queued = queued;
		ctx.memo.verdicts = Object.fromEntries(queued.map((o) => [String(o.id), verdict(o, omni, settings)]));
		ctx.memo.omniOrdersBefore = (omni.salesOrders as Json[]).length;
		const kinds = Object.values(ctx.memo.verdicts as Record<string, Verdict>).map((v) => v.kind);
		// the seed holds every case: submitted orders and each rule event
		for (const k of ['submitted', 'Invalid SKU', 'No products available', 'General error']) expect(kinds).toContain(k);
		// and the fields the seed names, on some of the submitted orders
		for (const f of ['ShipMethod', 'cin7_ship_method', 'Stage', 'CustomerOrderNo', 'BranchId', 'DispatchedDate', 'AccountingImportStatus', 'CustomFieldName1']) {
			expect(queued.some((o) => seedField(o, f) !== undefined)).toBe(true);
		}
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const od = await ctx.sandbox.getState('orderdesk');
		const omni = await ctx.sandbox.getState('cin7omni');
		const settings = ctx.memo.settings as Record<string, string>;
		const byId = orderById(od);
		const verdicts = ctx.memo.verdicts as Record<string, Verdict>;
		const problems: string[] = [];
		const byRef = new Map<string, Json[]>();
		for (const so of omni.salesOrders as Json[]) byRef.set(lc(so.reference), [...(byRef.get(lc(so.reference)) ?? []), so]);
		for (const before of ctx.memo.queued as Json[]) {
			const id = String(before.id);
			const after = byId.get(id)!;
			const v = verdicts[id];
			expect({ id, content: content(after) }).toEqual({ id, content: content(before) });
			const matches = byRef.get(lc(`${settings.referencePrefix}${id}`)) ?? [];
			if (v.kind === 'submitted') {
				expect({ id, cin7Orders: matches.length }).toEqual({ id, cin7Orders: 1 });
				expect({ id, fields: actual(matches[0]) }).toEqual({ id, fields: v.expected });
				expect({ id, folder: after.folder_id }).toEqual({ id, folder: folderId(od, settings.afterImportFolder) });
				expect(lastNote(after)).toBe(`Submitted to Cin7 Omni as sales order ${matches[0].reference} (id ${matches[0].id})`);
				expect(after.order_notes).toHaveLength(before.order_notes.length + 1);
			} else {
				expect({ id, cin7Orders: matches.length }).toEqual({ id, cin7Orders: 0 });
				expect({ id, folder: after.folder_id }).toEqual({ id, folder: folderId(od, settings.errorFolder) });
				const note = lastNote(after);
				if (v.kind === 'Invalid SKU') {
					// Cin7 Omni names the first unknown line; every SKU the note names is one we expect
					const named = /^Not submitted to Cin7 Omni: invalid SKU (.+)$/.exec(note)?.[1].split(', ') ?? [];
					expect({ id, note, named: named.length > 0 }).toEqual({ id, note, named: true });
					for (const sku of named) expect(v.skus).toContain(sku);
				} else if (v.kind === 'No products available') expect(note).toContain('no products available');
				else expect(note).toContain(v.text);
				if (!note) problems.push(`${id}: no note`);
			}
		}
		expect(problems).toEqual([]);
		ctx.memo.notes = Object.fromEntries((od.orders as Json[]).map((o) => [String(o.id), o.order_notes.length]));
		// every Cin7 Omni order this run made is one of ours
		const submitted = Object.values(verdicts).filter((v) => v.kind === 'submitted').length;
		expect((omni.salesOrders as Json[]).length).toBe((ctx.memo.omniOrdersBefore as number) + submitted);
		expect(allOutputs(run.runData, 'Submitted')).toHaveLength(submitted);
		expect(allOutputs(run.runData, 'Not submitted')).toHaveLength((ctx.memo.queued as Json[]).length - submitted);
	},

	betweenRuns: requeueOneSubmitted,

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const od = await ctx.sandbox.getState('orderdesk');
		const omni = await ctx.sandbox.getState('cin7omni');
		const settings = ctx.memo.settings as Record<string, string>;
		const matches = (omni.salesOrders as Json[]).filter((so) => lc(so.reference) === lc(`${settings.referencePrefix}${ctx.memo.requeued}`));
		expect(matches).toHaveLength(1);
		expectOnlyRequeuedFiled(ctx, od, run.runData, `Already in Cin7 Omni as sales order ${matches[0].reference} (id ${matches[0].id})`);
	},
};
