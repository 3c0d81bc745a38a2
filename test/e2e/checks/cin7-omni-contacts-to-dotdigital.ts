/**
 * workflows/cin7-omni-contacts-to-dotdigital.json: what Dotdigital holds after each run, contact by
 * contact, against an independent reading of the Cin7 Omni contacts (checks/contacts-common.ts;
 * consent = custom field receive_email).
 */
import { nodeOutput, type Json } from '../harness/n8n';
import { assertDotdigital, EMAIL, expectOmni, omniAccepts, states } from './contacts-common';
import type { CheckContext, TemplateCheck } from './types';

function assertRun(ctx: CheckContext, run: Json, omni: Json, dd: Json, ddBefore: Json) {
	expect(run.error).toBeNull();
	const exp = expectOmni(omni, ddBefore);
	assertDotdigital(dd, exp);
	const ids = (node: string) => nodeOutput(run.runData, node).map((i) => i.customerId).sort();
	expect(ids('Skipped: no email')).toEqual([...exp.skippedNoEmail].sort());
	for (const i of nodeOutput(run.runData, 'Skipped: no email')) expect(i.reason).toMatch(/^contact (has no email|email is not valid)$/);
	expect(ids('Skipped: suppressed in Dotdigital')).toEqual([...exp.skippedSuppressed].sort());
	expect(ids('Not written')).toEqual([...exp.badDate].sort());
	expect(nodeOutput(run.runData, 'Synced').length + nodeOutput(run.runData, 'Remove from Cin7 subscribers').length).toBe(exp.synced.size);
	return exp;
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		const { omni } = await states(ctx.sandbox);
		const customers = (omni.contacts as Json[]).filter((c) => c.type === 'Customer' && EMAIL.test(c.email));
		await ctx.sandbox.mutate('cin7omni', { entity: 'contact', id: customers[0].id, patch: { email: 'not-an-email' } });
		await ctx.sandbox.mutate('cin7omni', { entity: 'contact', id: customers[1].id, patch: { customFields: { date_of_birth: 'not a date' } } });
		ctx.memo.badEmail = String(customers[0].id);
		ctx.memo.badDate = String(customers[1].id);
		const snap = await states(ctx.sandbox);
		ctx.memo.omni = snap.omni;
		ctx.memo.dd = snap.dd;
	},

	async afterFirstRun(ctx, run) {
		const { dd } = await states(ctx.sandbox);
		const exp = assertRun(ctx, run, ctx.memo.omni, dd, ctx.memo.dd);
		expect(exp.skippedNoEmail.has(ctx.memo.badEmail)).toBe(true);
		const bad = nodeOutput(run.runData, 'Skipped: no email').find((i) => i.customerId === ctx.memo.badEmail)!;
		expect(bad).toMatchObject({ reason: 'contact email is not valid', storedEmail: 'not-an-email' });
		expect([...exp.badDate]).toEqual([ctx.memo.badDate]);
		const synced = [...exp.synced.values()];
		expect(synced.some((e) => e.subscriber)).toBe(true);
		expect(synced.some((e) => !e.subscriber)).toBe(true);
	},

	async betweenRuns(ctx) {
		const exp = expectOmni(ctx.memo.omni, ctx.memo.dd);
		const cur = new Map(((await states(ctx.sandbox)).omni.contacts as Json[]).map((c) => [String(c.id), c]));
		const synced = [...exp.synced.values()];
		const optOut = synced.find((e) => e.subscriber && omniAccepts(cur.get(e.customerId)!))!;
		const optIn = synced.find((e) => !e.subscriber && cur.get(e.customerId)!.customFields?.receive_email === false)!;
		await ctx.sandbox.mutate('cin7omni', { entity: 'contact', id: Number(optOut.customerId), patch: { customFields: { receive_email: false } } });
		await ctx.sandbox.mutate('cin7omni', { entity: 'contact', id: Number(optIn.customerId), patch: { customFields: { receive_email: true } } });
		ctx.memo.optOut = optOut.email;
		ctx.memo.optIn = optIn.email;
		const snap = await states(ctx.sandbox);
		ctx.memo.omni2 = snap.omni;
		ctx.memo.dd2 = snap.dd;
	},

	async afterSecondRun(ctx, run) {
		const { dd } = await states(ctx.sandbox);
		assertRun(ctx, run, ctx.memo.omni2, dd, ctx.memo.dd2);
		const contact = (email: string) => (dd.contacts as Json[]).find((c) => c.email.toLowerCase() === email.toLowerCase())!;
		expect(contact(ctx.memo.optOut).dataFields.NEWSLETTER_SUB).toBe('NO');
		expect(contact(ctx.memo.optIn).dataFields.NEWSLETTER_SUB).toBe('YES');
		expect(nodeOutput(run.runData, 'Remove from Cin7 subscribers').map((i) => i.email.toLowerCase())).toContain(ctx.memo.optOut.toLowerCase());
	},
};
