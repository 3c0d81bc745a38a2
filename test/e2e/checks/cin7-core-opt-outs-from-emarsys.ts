/**
 * workflows/cin7-core-opt-outs-from-emarsys.json: after each run, every Cin7 Core customer whose
 * marketing contact (Default contact's email) is opted out in Emarsys (field 31 = "2") has
 * MarketingConsent 3, and only those whose consent was not 3 before the run were written. With
 * the customers template (run before it in the same batch) this is the round trip: Cin7 opt-ins
 * reach Emarsys as "1", an opt-out made in Emarsys comes back to Cin7 as 3 and is never switched on
 * again from Cin7. Between the runs a contact opts out in Emarsys (the sandbox's UI action).
 */
import { nodeOutput, type Json } from '../harness/n8n';
import { assertOptOuts, byEmail, defaultContact, emarsysState, lc, optedOutBetweenRuns, optedOutRecords, text } from './emarsys-common';
import type { CheckContext, TemplateCheck } from './types';

/** Customers (non-deprecated, valid email) whose Emarsys contact is opted out; off = MarketingConsent 3. */
function optedOutInEmarsys(core: Json, em: Json) {
	const customers = (core.customers as Json[]).filter((c) => c.Status !== 'Deprecated');
	return optedOutRecords(em, customers.map((c) => ({ id: c.ID, email: text(defaultContact(c)?.Email), off: Number(defaultContact(c)?.MarketingConsent) === 3 })));
}

async function assertRun(ctx: CheckContext, run: Json, coreBefore: Json) {
	expect(run.error).toBeNull();
	const em = await emarsysState(ctx.sandbox);
	const core = await ctx.sandbox.getState('cin7core');
	const before = optedOutInEmarsys(coreBefore, em);
	const written = assertOptOuts(run.runData, before, optedOutInEmarsys(core, em), { written: 'Opted out', already: 'Already opted out', failed: 'Opt-out failed', id: 'customerId' });
	// nothing else in Cin7 changed: customers not opted out in Emarsys keep their consent
	const was = new Map((coreBefore.customers as Json[]).map((c) => [c.ID, defaultContact(c)?.MarketingConsent ?? null]));
	for (const c of core.customers as Json[]) if (!before.has(c.ID)) expect([c.ID, defaultContact(c)?.MarketingConsent ?? null]).toEqual([c.ID, was.get(c.ID) ?? null]);
	return { written, em, core };
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		// no template before this one in the batch writes Cin7 Core marketing consent
		ctx.memo.core = await ctx.sandbox.getState('cin7core');
	},

	async afterFirstRun(ctx, run) {
		const coreBefore = ctx.memo.core;
		const r = await assertRun(ctx, run, coreBefore);
		// the round trip happened: customers opted in in Cin7 and opted out in Emarsys are now opted out in Cin7
		expect(r.written.length).toBeGreaterThan(0);
	},

	async betweenRuns(ctx) {
		// A contact opted in from Cin7 opts out in Emarsys.
		const core = await ctx.sandbox.getState('cin7core');
		const contacts = byEmail(await emarsysState(ctx.sandbox));
		const candidates = (core.customers as Json[]).filter((c) => c.Status !== 'Deprecated' && Number(defaultContact(c)?.MarketingConsent) === 2 && contacts.get(lc(defaultContact(c)?.Email))?.optIn === '1');
		const c = candidates[candidates.length - 1];
		expect(c).toBeDefined();
		await ctx.sandbox.mutate('emarsys', { action: 'optout', email: text(defaultContact(c)?.Email) });
		optedOutBetweenRuns.add(lc(defaultContact(c)?.Email));
		ctx.memo.optedOut = c.ID;
		ctx.memo.core2 = await ctx.sandbox.getState('cin7core');
	},

	async afterSecondRun(ctx, run) {
		const r = await assertRun(ctx, run, ctx.memo.core2);
		expect(r.written).toContain(ctx.memo.optedOut);
		// and the customers template kept the Emarsys opt-out (never switched it back on)
		const c = (r.core.customers as Json[]).find((x) => x.ID === ctx.memo.optedOut)!;
		expect(byEmail(r.em).get(lc(defaultContact(c)?.Email))?.optIn).toBe('2');
	},
};
