/**
 * workflows/cin7-omni-unsubscribes-from-dotdigital.json: a Dotdigital suppression of a Cin7 Omni
 * contact's email ends with that contact unsubscribed through the consent field (receive_email);
 * emails unknown to Omni are reported with a reason.
 */
import { nodeOutput, type Json } from '../harness/n8n';
import { omniAccepts, states } from './contacts-common';
import type { TemplateCheck } from './types';

const lc = (s: unknown) => String(s ?? '').trim().toLowerCase();

export const check: TemplateCheck = {
	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const since = Date.parse(ctx.workflow.nodes.find((n: Json) => n.name === 'Suppressions since').parameters.since);
		const { dd, omni } = await states(ctx.sandbox);
		const omniEmails = new Set((omni.contacts as Json[]).map((c) => lc(c.email)));
		const suppressed = (dd.contacts as Json[]).filter((c) => !['Subscribed', 'PendingOptIn'].includes(c.status) && c.removedAt && Date.parse(c.removedAt) >= since);
		const unknown = suppressed.filter((c) => !omniEmails.has(lc(c.email))).map((c) => lc(c.email));
		const notIn = nodeOutput(run.runData, 'Not in Cin7');
		expect(notIn.map((n) => lc(n.email)).sort()).toEqual(unknown.sort());
		for (const n of notIn) expect(n.reason).toBe('no Cin7 Omni contact has this email');
		expect(notIn.length).toBeGreaterThan(0);
	},

	async betweenRuns(ctx) {
		// An Omni subscriber synced by the contacts template unsubscribes in Dotdigital.
		const { dd, omni } = await states(ctx.sandbox);
		const subscribed = new Set((dd.contacts as Json[]).filter((c) => c.status === 'Subscribed' && c.dataFields.NEWSLETTER_SUB === 'YES').map((c) => lc(c.email)));
		const target = (omni.contacts as Json[]).find((c) => c.type === 'Customer' && omniAccepts(c) && subscribed.has(lc(c.email)))!;
		await ctx.sandbox.mutate('dotdigital', { email: target.email, action: 'unsubscribe' });
		ctx.memo.target = target;
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const { omni } = await states(ctx.sandbox);
		const after = (omni.contacts as Json[]).find((c) => c.id === ctx.memo.target.id)!;
		expect(omniAccepts(after)).toBe(false);
		expect(after.customFields.receive_email).toBe('No');
		// Nothing else on the contact changed.
		const { customFields: _a, modifiedDate: _b, ...rest } = after;
		const { customFields: _c, modifiedDate: _d, ...was } = ctx.memo.target;
		expect(rest).toEqual(was);
		expect(nodeOutput(run.runData, 'Unsubscribe in Cin7 Omni').length).toBe(1);
	},
};
