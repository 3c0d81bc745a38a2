/**
 * workflows/cin7-core-customers-to-emarsys.json: after each run, every Emarsys contact of a Cin7 Core
 * customer, field by field, against an independent reading of Cin7 Core (customers, and the sale and
 * credit-note lists for the purchase attributes) and the consent rules; the custom fields exist with
 * their types; a second run adds no contact and follows a consent change.
 */
import { nodeOutput, type Json } from '../harness/n8n';
import { byEmail, corePurchases, defaultContact, EMAIL, emarsysState, lc, optedOutBetweenRuns, optInFor, text } from './emarsys-common';
import type { CheckContext, TemplateCheck } from './types';

const FIELDS: Record<string, string> = {
	cin7_customer_id: 'shorttext', cin7_lifetime_value: 'numeric', cin7_order_count: 'numeric', cin7_average_order_value: 'numeric',
	cin7_first_order_date: 'date', cin7_last_order_date: 'date', cin7_last_order_id: 'shorttext',
};

interface Expected { customerId: string; email: string; fields: Record<string, string | null> }

/** What Emarsys must hold per email, from Cin7 Core before the run and Emarsys before the run (opt-in kept when unknown). */
async function expected(ctx: CheckContext, core: Json, emBefore: Json): Promise<{ synced: Map<string, Expected>; skipped: string[] }> {
	const purchases = await corePurchases(ctx.sandbox);
	const before = byEmail(emBefore);
	const synced = new Map<string, Expected>();
	const skipped: string[] = [];
	for (const c of core.customers as Json[]) {
		if (c.Status === 'Deprecated') continue; // Get Many leaves deprecated customers out
		const d = defaultContact(c);
		const email = text(d?.Email);
		if (!d || !EMAIL.test(email)) { skipped.push(c.ID); continue; }
		const [first, ...rest] = text(d.Name).split(/\s+/);
		const p = purchases.get(c.ID);
		const num = (v: number | undefined) => String(v ?? 0);
		synced.set(lc(email), {
			customerId: c.ID,
			email,
			fields: {
				'First Name': first || null,
				'Last Name': rest.join(' ') || null,
				'E-Mail': email,
				Company: text(c.Name) || null,
				Phone: text(d.Phone) || null,
				'Opt-In': optInFor(d.MarketingConsent, optedOutBetweenRuns.has(lc(email)) ? '2' : (before.get(lc(email))?.optIn ?? null)),
				cin7_customer_id: c.ID,
				cin7_lifetime_value: num(p?.lifetimeValue),
				cin7_order_count: num(p?.orderCount),
				cin7_average_order_value: num(p?.averageOrderValue),
				cin7_first_order_date: p?.firstOrderDate || null,
				cin7_last_order_date: p?.lastOrderDate || null,
				cin7_last_order_id: p?.lastOrderNumber || null,
			},
		});
	}
	return { synced, skipped };
}

/** Emarsys holds exactly the expected values (numbers compared as numbers); returns the differences. */
function differences(exp: Map<string, Expected>, em: Json): string[] {
	const got = byEmail(em);
	const out: string[] = [];
	for (const [key, e] of exp) {
		const c = got.get(key);
		if (!c) { out.push(`${e.email}: not in Emarsys`); continue; }
		for (const [name, want] of Object.entries(e.fields)) {
			const have = c.byName[name] ?? null;
			const same = FIELDS[name] === 'numeric' ? Number(have) === Number(want) : have === want;
			if (!same) out.push(`${e.email} ${name}: expected ${JSON.stringify(want)}, Emarsys has ${JSON.stringify(have)}`);
		}
	}
	return out.slice(0, 40);
}

function assertRun(run: Json, exp: { synced: Map<string, Expected>; skipped: string[] }, em: Json) {
	expect(run.error).toBeNull();
	expect(differences(exp.synced, em)).toEqual([]);
	const ids = (node: string) => nodeOutput(run.runData, node).map((i) => i.customerId).sort();
	expect(ids('Skipped: no email')).toEqual([...exp.skipped].sort());
	expect(nodeOutput(run.runData, 'Not written')).toEqual([]);
	expect(nodeOutput(run.runData, 'Synced').length).toBe(exp.synced.size);
	// the custom fields exist by name with their types, once each
	for (const [name, type] of Object.entries(FIELDS)) {
		expect((em.fields as Json[]).filter((f) => f.name === name).map((f) => f.application_type)).toEqual([type]);
	}
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		ctx.memo.core = await ctx.sandbox.getState('cin7core');
		ctx.memo.em = await emarsysState(ctx.sandbox);
	},

	async afterFirstRun(ctx, run) {
		const em = await emarsysState(ctx.sandbox);
		ctx.memo.emAfterFirst = em;
		const exp = await expected(ctx, ctx.memo.core, ctx.memo.em);
		assertRun(run, exp, em);
		// the data exercises the rules: buyers and non-buyers, opted in, opted out and unknown consent
		const all = [...exp.synced.values()];
		expect(all.some((e) => Number(e.fields.cin7_order_count) > 1)).toBe(true);
		expect(all.some((e) => Number(e.fields.cin7_order_count) === 0)).toBe(true);
		expect(new Set(all.map((e) => e.fields['Opt-In'])).size).toBeGreaterThanOrEqual(2);
		// contacts Cin7 does not know (orphans) are left alone
		const orphans = (ctx.memo.em.contacts as Json[]).filter((c) => !exp.synced.has(lc(c.email)));
		const now = byEmail(em);
		for (const o of orphans) expect(now.get(lc(o.email))?.fields).toEqual(o.fields);
	},

	async betweenRuns(ctx) {
		// A customer who had opted in opts out in Cin7 Core.
		const core = await ctx.sandbox.getState('cin7core');
		const em = await emarsysState(ctx.sandbox);
		const inEm = byEmail(em);
		const c = (core.customers as Json[]).find((x) => x.Status !== 'Deprecated' && Number(defaultContact(x)?.MarketingConsent) === 2 && inEm.get(lc(defaultContact(x)?.Email))?.optIn === '1');
		expect(c).toBeDefined();
		await ctx.sandbox.mutate('cin7core', { entity: 'customer', id: c!.ID, patch: { Contacts: [{ ID: defaultContact(c!)!.ID, MarketingConsent: 3 }] } });
		ctx.memo.optedOut = lc(defaultContact(c!)!.Email);
		ctx.memo.core2 = await ctx.sandbox.getState('cin7core');
		ctx.memo.em2 = em;
	},

	async afterSecondRun(ctx, run) {
		const em = await emarsysState(ctx.sandbox);
		const exp = await expected(ctx, ctx.memo.core2, ctx.memo.em2);
		assertRun(run, exp, em);
		expect(byEmail(em).get(ctx.memo.optedOut)?.optIn).toBe('2');
		expect((em.contacts as Json[]).length).toBe((ctx.memo.emAfterFirst.contacts as Json[]).length);
	},
};
