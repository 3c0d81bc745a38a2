/**
 * workflows/cin7-core-contacts-to-dotdigital.json: what Dotdigital holds after each run, contact by
 * contact, against an independent reading of the Cin7 Core customers (checks/contacts-common.ts).
 * Cin7 Core state is snapshotted before each run: the unsubscribes template, which runs after this
 * one in the same batch, changes MarketingConsent afterwards.
 */
import { nodeOutput, type Json } from '../harness/n8n';
import { assertDotdigital, EMAIL, expectCore, states } from './contacts-common';
import type { CheckContext, TemplateCheck } from './types';

function defaultContact(c: Json): Json {
	return c.Contacts.find((k: Json) => k.Default === true) ?? c.Contacts[0];
}

function assertRun(ctx: CheckContext, run: Json, core: Json, dd: Json, ddBefore: Json) {
	expect(run.error).toBeNull();
	const exp = expectCore(core, ddBefore);
	assertDotdigital(dd, exp);
	const ids = (node: string, output = 0) => nodeOutput(run.runData, node, output).map((i) => i.customerId).sort();
	// Skipped and failed customers are visible, each on its own item with its reason.
	expect(ids('Skipped: no email')).toEqual([...exp.skippedNoEmail].sort());
	for (const i of nodeOutput(run.runData, 'Skipped: no email')) expect(i.reason).toBe('default contact has no email');
	expect(ids('Skipped: suppressed in Dotdigital')).toEqual([...exp.skippedSuppressed].sort());
	expect(ids('Not written')).toEqual([...exp.badDate].sort());
	for (const i of nodeOutput(run.runData, 'Not written')) expect(i.error).toMatch(/convert|date/i);
	expect(nodeOutput(run.runData, 'Synced').length + nodeOutput(run.runData, 'Remove from Cin7 subscribers').length).toBe(exp.synced.size);
	return exp;
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		const { core } = await states(ctx.sandbox);
		const active = (core.customers as Json[]).filter((c) => c.Status === 'Active' && EMAIL.test(defaultContact(c).Email ?? ''));
		// A default contact whose email was removed; a customer with a malformed date of birth.
		const noEmail = active[0];
		const badDate = active[1];
		await ctx.sandbox.mutate('cin7core', { entity: 'customer', id: noEmail.ID, patch: { Contacts: [{ ID: defaultContact(noEmail).ID, Email: '' }] } });
		await ctx.sandbox.mutate('cin7core', { entity: 'customer', id: badDate.ID, patch: { AdditionalAttribute1: 'not a date' } });
		ctx.memo.noEmail = noEmail.ID;
		ctx.memo.badDate = badDate.ID;
		const snap = await states(ctx.sandbox);
		ctx.memo.core = snap.core;
		ctx.memo.dd = snap.dd;
	},

	async afterFirstRun(ctx, run) {
		const { dd, core: now } = await states(ctx.sandbox);
		// Templates that run earlier in the same batch may add customers (JOOR's approved orders
		// create a missing retailer); this template reads them too, as they were created.
		const known = new Set((ctx.memo.core.customers as Json[]).map((c) => c.ID));
		const added = (now.customers as Json[]).filter((c) => !known.has(c.ID));
		ctx.memo.core = { ...ctx.memo.core, customers: [...(ctx.memo.core.customers as Json[]), ...added] };
		const exp = assertRun(ctx, run, ctx.memo.core, dd, ctx.memo.dd);
		expect(exp.skippedNoEmail.has(ctx.memo.noEmail)).toBe(true);
		expect([...exp.badDate]).toEqual([ctx.memo.badDate]);
		// The data set exercises every rule: subscribers and not, Default not first, unknown consent.
		const synced = [...exp.synced.values()];
		expect(synced.some((e) => e.subscriber)).toBe(true);
		expect(synced.some((e) => !e.subscriber)).toBe(true);
		const core = ctx.memo.core.customers as Json[];
		expect(core.some((c) => c.Contacts.length > 1 && !c.Contacts[0].Default && exp.synced.has(defaultContact(c).Email.toLowerCase()))).toBe(true);
		expect(core.some((c) => defaultContact(c).MarketingConsent === undefined && exp.synced.has(String(defaultContact(c).Email).toLowerCase()))).toBe(true);
	},

	async betweenRuns(ctx) {
		// A subscriber opts out and a non-subscriber opts in, in Cin7 Core.
		const exp = expectCore(ctx.memo.core, ctx.memo.dd);
		const synced = [...exp.synced.values()];
		const cur = (await states(ctx.sandbox)).core.customers as Json[];
		const byId = new Map(cur.map((c) => [c.ID, c]));
		const optOut = synced.find((e) => e.subscriber && Number(defaultContact(byId.get(e.customerId)!).MarketingConsent) === 2)!;
		const optIn = synced.find((e) => !e.subscriber && Number(defaultContact(byId.get(e.customerId)!).MarketingConsent) === 1)!;
		for (const [e, consent] of [[optOut, 3], [optIn, 2]] as Array<[Json, number]>) {
			const c = byId.get(e.customerId)!;
			await ctx.sandbox.mutate('cin7core', { entity: 'customer', id: c.ID, patch: { Contacts: [{ ID: defaultContact(c).ID, MarketingConsent: consent }] } });
		}
		ctx.memo.optOut = optOut.email;
		ctx.memo.optIn = optIn.email;
		const snap = await states(ctx.sandbox);
		ctx.memo.core2 = snap.core;
		ctx.memo.dd2 = snap.dd;
	},

	async afterSecondRun(ctx, run) {
		const { dd } = await states(ctx.sandbox);
		assertRun(ctx, run, ctx.memo.core2, dd, ctx.memo.dd2);
		const contact = (email: string) => (dd.contacts as Json[]).find((c) => c.email.toLowerCase() === email.toLowerCase())!;
		expect(contact(ctx.memo.optOut).dataFields.NEWSLETTER_SUB).toBe('NO');
		expect(contact(ctx.memo.optIn).dataFields.NEWSLETTER_SUB).toBe('YES');
		// The opt-out left the subscribers list, through the visible removal step.
		expect(nodeOutput(run.runData, 'Remove from Cin7 subscribers').map((i) => i.email.toLowerCase())).toContain(ctx.memo.optOut.toLowerCase());
	},
};
