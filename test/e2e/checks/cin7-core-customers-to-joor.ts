/**
 * workflows/cin7-core-customers-to-joor.json: JOOR's customers (connections) after each run against
 * an independent reading of the Cin7 Core customers, written from the template's documented rules:
 *
 *   sent      = customers with Status Active whose Tags (comma list) include "wholesale"
 *   key       = customer_code is the Cin7 Core customer ID (one JOOR customer per Cin7 customer)
 *   fields    = customer_name = Name; customer_group "Wholesale"; price_types = [{currency: Currency,
 *               price_label: "Wholesale"}]; email / buyer_name / phone from the Default contact (the
 *               first contact when none is marked; an empty email is not sent); billing / shipping
 *               address from the default address of each type
 *   others    = no JOOR customer carries the ID of an untagged or deprecated customer
 *
 * Between the runs a tagged customer is renamed in Cin7 Core: the second run updates that JOOR
 * customer in place (same customer code, no new customer).
 */
import { nodeOutput, type Json } from '../harness/n8n';
import type { CheckContext, TemplateCheck } from './types';

const lc = (s: unknown) => String(s ?? '').trim().toLowerCase();
const tagged = (c: Json) => c.Status === 'Active' && String(c.Tags ?? '').split(',').map(lc).includes('wholesale');
const defaultContact = (c: Json): Json => (c.Contacts ?? []).find((k: Json) => k.Default === true) ?? (c.Contacts ?? [])[0] ?? {};
/** Empty UI values are never sent (the node compacts its record), so they are not expected either. */
function compact(o: Json): Json {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined && v !== null));
}
function address(c: Json, type: string): Json {
	const list = (c.Addresses ?? []) as Json[];
	const a = list.find((x) => x.Type === type && x.DefaultForType) ?? list.find((x) => x.Type === type);
	return a ? compact({ line_1: a.Line1, line_2: a.Line2, city: a.City, state: a.State, zip: a.Postcode, country: a.Country }) : {};
}

async function states(ctx: CheckContext) {
	return { core: await ctx.sandbox.getState('cin7core'), joor: await ctx.sandbox.getState('joor') };
}

function assertJoor(core: Json, joor: Json) {
	const byCode = new Map((joor.connections as Json[]).map((c) => [c.customer_code, c]));
	const expected = (core.customers as Json[]).filter(tagged);
	expect(expected.length).toBeGreaterThan(10);
	const mismatches: string[] = [];
	for (const c of expected) {
		const j = byCode.get(c.ID);
		if (!j) { mismatches.push(`${c.Name}: no JOOR customer with code ${c.ID}`); continue; }
		const d = defaultContact(c);
		const want: Json = compact({
			customer_name: c.Name, customer_group: 'Wholesale', price_types: [{ currency: c.Currency, price_label: 'Wholesale' }],
			billing_address: address(c, 'Billing'), shipping_address: address(c, 'Shipping'), buyer_name: d.Name, phone: d.Phone,
			email: String(d.Email ?? '').trim(),
		});
		for (const [k, v] of Object.entries(want)) {
			if (JSON.stringify(j[k]) !== JSON.stringify(v)) mismatches.push(`${c.ID}.${k}: got ${JSON.stringify(j[k])}, expected ${JSON.stringify(v)}`);
		}
	}
	expect(mismatches.slice(0, 20)).toEqual([]);
	const untagged = new Set((core.customers as Json[]).filter((c) => !tagged(c)).map((c) => c.ID));
	expect((joor.connections as Json[]).filter((j) => untagged.has(j.customer_code)).map((j) => j.customer_code)).toEqual([]);
	// one JOOR customer per code
	expect(new Set((joor.connections as Json[]).map((j) => lc(j.customer_code))).size).toBe((joor.connections as Json[]).length);
	return expected;
}

function assertRun(run: Json, expected: Json[]) {
	expect(run.error).toBeNull();
	const synced = nodeOutput(run.runData, 'Synced');
	expect(synced.map((i) => i.customer_code ?? i.customerCode ?? i.key).sort()).toEqual(expected.map((c) => c.ID).sort());
	expect(nodeOutput(run.runData, 'Not written')).toEqual([]);
	const all = nodeOutput(run.runData, 'Get all customers').length;
	expect(nodeOutput(run.runData, 'Not tagged').length).toBe(all - expected.length);
}

export const check: TemplateCheck = {
	async afterFirstRun(ctx, run) {
		const { core, joor } = await states(ctx);
		const expected = assertJoor(core, joor);
		assertRun(run, expected);
		// new customers wait for JOOR's manual matching; the seeded ones were connected already
		expect((joor.connections as Json[]).some((j) => j.status === 'Pending Match')).toBe(true);
		ctx.memo.count = (joor.connections as Json[]).length;
	},

	async betweenRuns(ctx) {
		const { core } = await states(ctx);
		const c = (core.customers as Json[]).filter(tagged)[2];
		ctx.memo.renamed = { id: c.ID, name: `${c.Name} (renamed)` };
		await ctx.sandbox.mutate('cin7core', { entity: 'customer', id: c.ID, patch: { Name: ctx.memo.renamed.name } });
	},

	async afterSecondRun(ctx, run) {
		const { core, joor } = await states(ctx);
		const expected = assertJoor(core, joor);
		assertRun(run, expected);
		const renamed = (joor.connections as Json[]).filter((j) => j.customer_code === ctx.memo.renamed.id);
		expect(renamed.map((j) => j.customer_name)).toEqual([ctx.memo.renamed.name]);
		expect((joor.connections as Json[]).length).toBe(ctx.memo.count);
	},
};
