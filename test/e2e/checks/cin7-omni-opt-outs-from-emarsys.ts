/**
 * workflows/cin7-omni-opt-outs-from-emarsys.json: after each run, every Cin7 Omni contact (any type)
 * with a valid email whose Emarsys contact is opted out (field 31 = "2") has email consent off
 * (custom field receive_email, the template's consent source), and only those whose consent was not
 * off before the run were written. Consent is read as the Omni customers check reads it: yes / true
 * → on, no / false → off, missing → unknown (an unknown consent is written too).
 *
 * Scene, set through the Emarsys API before the first run: a supplier contact (no other template of
 * the group writes suppliers) opted out in Emarsys → unsubscribed by the first run; a customer
 * already unsubscribed in Omni and opted out in Emarsys → Already unsubscribed; a second supplier
 * opted in, who opts out in Emarsys between the runs (the sandbox's UI action) → unsubscribed by
 * the second run, nothing else on it changed.
 */
import { nodeOutput, type Json } from '../harness/n8n';
import { assertOptOuts, EMAIL, emarsysState, emarsysUpsert, omniConsent as consent, optedOutRecords, text } from './emarsys-common';
import type { CheckContext, TemplateCheck } from './types';

/** Omni contacts of any type (valid email) whose Emarsys contact is opted out; off = consent false. */
function optedOutInEmarsys(omni: Json, em: Json) {
	return optedOutRecords(em, (omni.contacts as Json[]).map((c) => ({ id: String(c.id), email: text(c.email), off: consent(c) === false })));
}

async function assertRun(ctx: CheckContext, run: Json, omniBefore: Json) {
	expect(run.error).toBeNull();
	const em = await emarsysState(ctx.sandbox);
	const omni = await ctx.sandbox.getState('cin7omni');
	const before = optedOutInEmarsys(omniBefore, em);
	const written = assertOptOuts(run.runData, before, optedOutInEmarsys(omni, em), { written: 'Unsubscribed', already: 'Already unsubscribed', failed: 'Unsubscribe failed', id: 'contactId' });
	// nothing else in Omni changed: contacts not opted out in Emarsys keep every field
	const was = new Map((omniBefore.contacts as Json[]).map((c) => [String(c.id), c]));
	const changed = (omni.contacts as Json[]).filter((c) => !before.has(String(c.id)) && JSON.stringify(c) !== JSON.stringify(was.get(String(c.id))));
	expect(changed.map((c) => c.id)).toEqual([]);
	return { written, omni };
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		const omni = await ctx.sandbox.getState('cin7omni');
		const valid = (c: Json) => EMAIL.test(text(c.email));
		const suppliers = (omni.contacts as Json[]).filter((c) => c.type === 'Supplier' && valid(c) && consent(c) === true);
		const unsubscribed = (omni.contacts as Json[]).find((c) => c.type === 'Customer' && valid(c) && consent(c) === false);
		expect(suppliers.length).toBeGreaterThanOrEqual(2);
		expect(unsubscribed).toBeDefined();
		const [optedOut, optsOutLater] = suppliers.slice(-2);
		await emarsysUpsert(ctx.sandbox, [
			{ email: text(optedOut.email), optIn: '2' },
			{ email: text(unsubscribed!.email), optIn: '2' },
			{ email: text(optsOutLater.email), optIn: '1' },
		]);
		Object.assign(ctx.memo, { omni, optedOut: String(optedOut.id), unsubscribed: String(unsubscribed!.id), later: optsOutLater });
	},

	async afterFirstRun(ctx, run) {
		const r = await assertRun(ctx, run, ctx.memo.omni);
		expect(r.written).toContain(ctx.memo.optedOut);
		expect(nodeOutput(run.runData, 'Already unsubscribed').map((i) => String(i.contactId))).toContain(ctx.memo.unsubscribed);
		expect(r.written).not.toContain(String(ctx.memo.later.id));
	},

	async betweenRuns(ctx) {
		await ctx.sandbox.mutate('emarsys', { action: 'optout', email: text(ctx.memo.later.email) });
		ctx.memo.omni2 = await ctx.sandbox.getState('cin7omni');
	},

	async afterSecondRun(ctx, run) {
		const r = await assertRun(ctx, run, ctx.memo.omni2);
		const id = String(ctx.memo.later.id);
		expect(r.written).toEqual([id]);
		// only its consent changed
		const after = (r.omni.contacts as Json[]).find((c) => String(c.id) === id)!;
		expect(after.customFields.receive_email).toBe('No');
		const { customFields: _a, modifiedDate: _b, ...rest } = after;
		const { customFields: _c, modifiedDate: _d, ...was } = ctx.memo.later;
		expect(rest).toEqual(was);
	},
};
