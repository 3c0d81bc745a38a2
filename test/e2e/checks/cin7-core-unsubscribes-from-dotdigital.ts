/**
 * workflows/cin7-core-unsubscribes-from-dotdigital.json: every Dotdigital suppression since the
 * template's date whose email is a Cin7 Core customer's default contact ends with that contact at
 * MarketingConsent 3, the customer's other contacts untouched; other emails are reported, not failed.
 */
import { nodeOutput, type Json } from '../harness/n8n';
import { EMAIL, states } from './contacts-common';
import type { CheckContext, TemplateCheck } from './types';

const lc = (s: unknown) => String(s ?? '').trim().toLowerCase();
const def = (c: Json) => c.Contacts.find((k: Json) => k.Default === true) ?? c.Contacts[0];

function sinceOf(workflow: Json): number {
	return Date.parse(workflow.nodes.find((n: Json) => n.name === 'Suppressions since').parameters.since);
}

/** Suppressed emails since the date → Core customers whose default contact has that email. */
function expected(dd: Json, core: Json, since: number) {
	const suppressed = (dd.contacts as Json[]).filter((c) => !['Subscribed', 'PendingOptIn'].includes(c.status) && c.removedAt && Date.parse(c.removedAt) >= since);
	const found = new Map<string, Json[]>();
	const unknown: string[] = [];
	for (const s of suppressed) {
		const matches = (core.customers as Json[]).filter((c) => c.Contacts.length && lc(def(c).Email) === lc(s.email));
		if (matches.length) found.set(lc(s.email), matches);
		else unknown.push(lc(s.email));
	}
	return { suppressed, found, unknown };
}

function assertOptedOut(ctx: CheckContext, before: Json, after: Json, emails: Iterable<string>) {
	const now = new Map((after.customers as Json[]).map((c) => [c.ID, c]));
	const problems: string[] = [];
	for (const email of emails) {
		for (const c of (before.customers as Json[]).filter((x) => x.Contacts.length && lc(def(x).Email) === email)) {
			const a = now.get(c.ID)!;
			const d = def(c);
			for (const k of c.Contacts as Json[]) {
				const got = a.Contacts.find((x: Json) => x.ID === k.ID);
				if (!got) problems.push(`${c.Name}: contact ${k.ID} was removed`);
				else if (k.ID === d.ID) {
					if (got.MarketingConsent !== 3) problems.push(`${email}: MarketingConsent ${got.MarketingConsent}, expected 3`);
				} else if (JSON.stringify(got) !== JSON.stringify(k)) problems.push(`${c.Name}: other contact ${k.ID} changed`);
			}
			if (a.Contacts.length !== c.Contacts.length) problems.push(`${c.Name}: ${a.Contacts.length} contacts, had ${c.Contacts.length}`);
		}
	}
	expect(problems).toEqual([]);
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		const snap = await states(ctx.sandbox);
		ctx.memo.core = snap.core;
		ctx.memo.dd = snap.dd;
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const since = sinceOf(ctx.workflow);
		const { dd, core } = await states(ctx.sandbox);
		// Dotdigital as this template saw it: the contacts template ran before it in the batch.
		const exp = expected(dd, ctx.memo.core, since);
		expect(exp.found.size).toBeGreaterThan(0);
		assertOptedOut(ctx, ctx.memo.core, core, exp.found.keys());
		const wrote = nodeOutput(run.runData, 'Opt out in Cin7 Core').map((c) => c.ID);
		const already = nodeOutput(run.runData, 'Already opted out');
		const wasOptOut = (email: string) => exp.found.get(email)!.filter((c) => Number(def(c).MarketingConsent) === 3).map((c) => c.ID);
		expect(already.map((a) => a.customerId).sort()).toEqual([...exp.found.keys()].flatMap(wasOptOut).sort());
		for (const a of already) expect(a.reason).toMatch(/already 3/);
		expect(wrote.length + already.length).toBe([...exp.found.values()].flat().length);
		const notIn = nodeOutput(run.runData, 'Not in Cin7');
		expect(notIn.map((n) => lc(n.email)).sort()).toEqual(exp.unknown.sort());
		for (const n of notIn) expect(n.reason).toBe('no Cin7 Core customer has this email on its default contact');
		ctx.memo.afterFirst = core;
	},

	async betweenRuns(ctx) {
		// A customer who opted in unsubscribes in Dotdigital now.
		const { core, dd } = await states(ctx.sandbox);
		const subscribed = new Map((dd.contacts as Json[]).filter((c) => c.status === 'Subscribed').map((c) => [lc(c.email), c]));
		const target = (core.customers as Json[]).find(
			(c) => c.Status === 'Active' && c.Contacts.length > 1 && EMAIL.test(def(c).Email) && Number(def(c).MarketingConsent) === 2 && subscribed.has(lc(def(c).Email)),
		)!;
		await ctx.sandbox.mutate('dotdigital', { email: def(target).Email, action: 'unsubscribe' });
		ctx.memo.target = lc(def(target).Email);
		ctx.memo.beforeSecond = (await states(ctx.sandbox)).core;
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const { core } = await states(ctx.sandbox);
		assertOptedOut(ctx, ctx.memo.beforeSecond, core, [ctx.memo.target]);
		// Only the new unsubscribe is written; the earlier ones are reported as already opted out.
		const wrote = nodeOutput(run.runData, 'Opt out in Cin7 Core');
		expect(wrote.map((c) => lc(c.marketingContact?.email ?? def(c).Email))).toEqual([ctx.memo.target]);
	},
};
