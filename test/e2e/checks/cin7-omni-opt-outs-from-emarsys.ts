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
import { byEmail, EMAIL, emarsysState, emarsysUpsert, lc, text } from './emarsys-common';
import type { CheckContext, TemplateCheck } from './types';

function consent(c: Json): boolean | null {
	const v = c.customFields?.receive_email;
	if (v === true || ['true', 'yes', '1', 'subscribed'].includes(lc(v))) return true;
	if (v === false || ['false', 'no', '0', 'unsubscribed'].includes(lc(v))) return false;
	return null;
}

/** Omni contacts (valid email) whose Emarsys contact is opted out, with their consent in `omni`. */
function optedOutInEmarsys(omni: Json, em: Json): Map<string, { email: string; consent: boolean | null }> {
	const contacts = byEmail(em);
	const out = new Map<string, { email: string; consent: boolean | null }>();
	for (const c of omni.contacts as Json[]) {
		const email = text(c.email);
		if (!EMAIL.test(email) || contacts.get(lc(email))?.optIn !== '2') continue;
		out.set(String(c.id), { email, consent: consent(c) });
	}
	return out;
}

async function assertRun(ctx: CheckContext, run: Json, omniBefore: Json) {
	expect(run.error).toBeNull();
	const em = await emarsysState(ctx.sandbox);
	const omni = await ctx.sandbox.getState('cin7omni');
	const before = optedOutInEmarsys(omniBefore, em);
	const now = optedOutInEmarsys(omni, em);
	// every contact opted out in Emarsys has its consent off in Omni now
	expect([...now].filter(([, v]) => v.consent !== false).map(([id, v]) => `${id} ${v.email}: receive_email ${String(v.consent)}`)).toEqual([]);
	const written = [...before].filter(([, v]) => v.consent !== false).map(([id]) => id).sort();
	expect(nodeOutput(run.runData, 'Unsubscribed').map((i) => String(i.contactId)).sort()).toEqual(written);
	expect(nodeOutput(run.runData, 'Already unsubscribed').map((i) => String(i.contactId)).sort()).toEqual([...before].filter(([, v]) => v.consent === false).map(([id]) => id).sort());
	expect(nodeOutput(run.runData, 'Unsubscribe failed')).toEqual([]);
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
