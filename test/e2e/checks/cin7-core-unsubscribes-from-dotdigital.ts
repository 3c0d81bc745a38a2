/**
 * workflows/cin7-core-unsubscribes-from-dotdigital.json: every Dotdigital suppression since the
 * template's date whose email is a Cin7 Core customer's default contact ends with that contact at
 * MarketingConsent 3, the customer's other contacts untouched; other emails are reported, not failed.
 * In the first run one opt-out fails (an injected fault): it is reported in Opt-out failed with the
 * reason, the other contacts are still opted out, and the second run writes it.
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

/** Every customer whose default contact has one of `emails` is opted out, except the `skipped` customer IDs. */
function assertOptedOut(ctx: CheckContext, before: Json, after: Json, emails: Iterable<string>, skipped: string[] = []) {
	const now = new Map((after.customers as Json[]).map((c) => [c.ID, c]));
	const problems: string[] = [];
	for (const email of emails) {
		for (const c of (before.customers as Json[]).filter((x) => x.Contacts.length && lc(def(x).Email) === email && !skipped.includes(String(x.ID)))) {
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

/** A customer Cin7 Core refused to update has exactly the contacts it had. */
function assertUnchanged(before: Json, after: Json, customerId: string) {
	const was = (before.customers as Json[]).find((c) => String(c.ID) === customerId);
	const is = (after.customers as Json[]).find((c) => String(c.ID) === customerId);
	expect(was).toBeDefined();
	expect(JSON.stringify(is?.Contacts)).toBe(JSON.stringify(was?.Contacts));
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		const snap = await states(ctx.sandbox);
		ctx.memo.core = snap.core;
		ctx.memo.dd = snap.dd;
		// One opt-out fails: the run's first PUT /customer gets a web page instead of JSON (status 200,
		// an error the transport never retries), so exactly one contact takes the error branch.
		await ctx.sandbox.setFaults({ systems: ['cin7core'], methods: ['PUT'], pathContains: '/customer', kinds: ['html200'], rate: 1, max: 1 });
	},

	async afterFirstRun(ctx, run) {
		await ctx.sandbox.clearFaults();
		expect(run.error).toBeNull();
		const since = sinceOf(ctx.workflow);
		const { dd, core } = await states(ctx.sandbox);
		// Dotdigital as this template saw it: the contacts template ran before it in the batch.
		const exp = expected(dd, ctx.memo.core, since);
		expect(exp.found.size).toBeGreaterThan(0);
		// The failed opt-out: one item on the error output, reported with the customer, contact and reason.
		const failed = nodeOutput(run.runData, 'Opt-out failed');
		expect(failed).toHaveLength(1);
		expect(nodeOutput(run.runData, 'Opt out in Cin7 Core', 1)).toHaveLength(1);
		const f = failed[0];
		expect(exp.found.has(lc(f.email))).toBe(true);
		const failedCustomer = exp.found.get(lc(f.email))!.find((c) => String(c.ID) === String(f.customerId));
		expect(failedCustomer).toBeDefined();
		expect(f.contactId).toBe(def(failedCustomer!).ID);
		expect(f.reason).toMatch(/^Cin7 Core did not save the opt-out: Cin7 Core answered HTTP 200 with a non-JSON body/);
		// `error` marks it as a failure for whoever reads the run (the faults test counts such items).
		expect(f.error).toMatch(/^Cin7 Core answered HTTP 200 with a non-JSON body/);
		assertUnchanged(ctx.memo.core, core, String(f.customerId));
		// Every other contact was still opted out.
		assertOptedOut(ctx, ctx.memo.core, core, exp.found.keys(), [String(f.customerId)]);
		const wrote = nodeOutput(run.runData, 'Opt out in Cin7 Core').map((c) => c.ID);
		expect(wrote).not.toContain(f.customerId);
		const already = nodeOutput(run.runData, 'Already opted out');
		const wasOptOut = (email: string) => exp.found.get(email)!.filter((c) => Number(def(c).MarketingConsent) === 3).map((c) => c.ID);
		expect(already.map((a) => a.customerId).sort()).toEqual([...exp.found.keys()].flatMap(wasOptOut).sort());
		for (const a of already) expect(a.reason).toMatch(/already 3/);
		expect(wrote.length + already.length + failed.length).toBe([...exp.found.values()].flat().length);
		ctx.memo.failed = { email: lc(f.email), customerId: String(f.customerId) };
		const notIn = nodeOutput(run.runData, 'Not in Cin7');
		expect(notIn.map((n) => lc(n.email)).sort()).toEqual(exp.unknown.sort());
		for (const n of notIn) expect(n.reason).toBe('no Cin7 Core customer has this email on its default contact');
		ctx.memo.afterFirst = core;
	},

	async betweenRuns(ctx) {
		await ctx.sandbox.clearFaults();
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
		// The new unsubscribe and the opt-out that failed in the first run are written (unless another
		// template's changes between the runs opted that customer out already); the earlier ones are
		// reported as already opted out, and nothing fails.
		const retried = (ctx.memo.beforeSecond.customers as Json[]).find((c) => String(c.ID) === ctx.memo.failed.customerId)!;
		const expected = [ctx.memo.target, ...(Number(def(retried).MarketingConsent) === 3 ? [] : [ctx.memo.failed.email])];
		assertOptedOut(ctx, ctx.memo.beforeSecond, core, expected);
		const wrote = nodeOutput(run.runData, 'Opt out in Cin7 Core');
		expect(wrote.map((c) => lc(c.marketingContact?.email ?? def(c).Email)).sort()).toEqual(expected.sort());
		expect(nodeOutput(run.runData, 'Opt-out failed')).toEqual([]);
	},
};
