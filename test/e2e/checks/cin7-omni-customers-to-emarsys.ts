/**
 * workflows/cin7-omni-customers-to-emarsys.json: after each run, every Emarsys contact of a Cin7 Omni
 * customer contact, field by field, against an independent reading of the Omni sandbox state:
 *
 *   contacts   = type Customer with a valid email (others → Skipped: no email)
 *   consent    = custom field receive_email: yes → "1", no → "2", missing → Emarsys unchanged; an
 *                Emarsys opt-out ("2") stays
 *   purchases  = sales orders of the contact (memberId) that are approved, not void, not declined:
 *                count, total (lifetime value), average, first / last created day (UTC), last reference
 *
 * The second run adds no contact (the generic count check) and changes nothing.
 */
import { nodeOutput, type Json } from '../harness/n8n';
import { byEmail, EMAIL, emarsysState, lc, omniConsent as consent, text } from './emarsys-common';
import type { CheckContext, TemplateCheck } from './types';

const NUMERIC = ['cin7_lifetime_value', 'cin7_order_count', 'cin7_average_order_value'];
const money = (n: number) => Math.round(n * 100) / 100;

function expected(omni: Json, emBefore: Json): { synced: Map<string, Record<string, string | null>>; skipped: string[] } {
	const before = byEmail(emBefore);
	const orders = new Map<string, Json[]>();
	for (const o of omni.salesOrders as Json[]) {
		if (!o.memberId || o.isVoid || o.status === 'Void' || o.stage === 'Declined' || o.isApproved !== true) continue;
		orders.set(String(o.memberId), [...(orders.get(String(o.memberId)) ?? []), o]);
	}
	const synced = new Map<string, Record<string, string | null>>();
	const skipped: string[] = [];
	for (const c of omni.contacts as Json[]) {
		if (c.type !== 'Customer') continue;
		const email = text(c.email);
		if (!EMAIL.test(email)) { skipped.push(String(c.id)); continue; }
		const list = (orders.get(String(c.id)) ?? []).sort((a, b) => Date.parse(a.createdDate) - Date.parse(b.createdDate));
		const total = list.reduce((t, o) => t + Number(o.total || 0), 0);
		const was = before.get(lc(email))?.optIn ?? null;
		const yes = consent(c);
		synced.set(lc(email), {
			'E-Mail': email,
			'First Name': text(c.firstName) || null,
			'Last Name': text(c.lastName) || null,
			Company: text(c.company) || null,
			Phone: text(c.phone) || null,
			'Opt-In': yes === true ? (was === '2' ? '2' : '1') : yes === false ? '2' : was,
			cin7_customer_id: String(c.id),
			cin7_lifetime_value: String(money(total)),
			cin7_order_count: String(list.length),
			cin7_average_order_value: String(list.length ? money(total / list.length) : 0),
			cin7_first_order_date: list.length ? new Date(list[0].createdDate).toISOString().slice(0, 10) : null,
			cin7_last_order_date: list.length ? new Date(list[list.length - 1].createdDate).toISOString().slice(0, 10) : null,
			cin7_last_order_id: list.length ? text(list[list.length - 1].reference) || String(list[list.length - 1].id) : null,
		});
	}
	return { synced, skipped };
}

function assertRun(run: Json, exp: ReturnType<typeof expected>, em: Json) {
	expect(run.error).toBeNull();
	const got = byEmail(em);
	const diffs: string[] = [];
	for (const [key, fields] of exp.synced) {
		const c = got.get(key);
		if (!c) { diffs.push(`${key}: not in Emarsys`); continue; }
		for (const [name, want] of Object.entries(fields)) {
			const have = c.byName[name] ?? null;
			if (NUMERIC.includes(name) ? Number(have) !== Number(want) : have !== want) diffs.push(`${key} ${name}: expected ${JSON.stringify(want)}, Emarsys has ${JSON.stringify(have)}`);
		}
	}
	expect(diffs.slice(0, 30)).toEqual([]);
	expect(nodeOutput(run.runData, 'Skipped: no email').map((i) => i.customerId).sort()).toEqual([...exp.skipped].sort());
	expect(nodeOutput(run.runData, 'Not written')).toEqual([]);
	expect(nodeOutput(run.runData, 'Synced').length).toBe(exp.synced.size);
}

export const check: TemplateCheck = {
	async prepare(ctx: CheckContext) {
		ctx.memo.omni = await ctx.sandbox.getState('cin7omni');
		ctx.memo.em = await emarsysState(ctx.sandbox);
	},
	async afterFirstRun(ctx, run) {
		const em = await emarsysState(ctx.sandbox);
		const exp = expected(ctx.memo.omni, ctx.memo.em);
		assertRun(run, exp, em);
		// the data exercises the rules: buyers and not, consent yes / no / unknown
		const all = [...exp.synced.values()];
		expect(all.some((e) => Number(e.cin7_order_count) > 0) && all.some((e) => Number(e.cin7_order_count) === 0)).toBe(true);
		expect(new Set(all.map((e) => e['Opt-In'])).size).toBeGreaterThanOrEqual(2);
		ctx.memo.em1 = em;
	},
	async betweenRuns(ctx) {
		ctx.memo.omni2 = await ctx.sandbox.getState('cin7omni');
		ctx.memo.em2 = await emarsysState(ctx.sandbox);
	},
	async afterSecondRun(ctx, run) {
		const em = await emarsysState(ctx.sandbox);
		assertRun(run, expected(ctx.memo.omni2, ctx.memo.em2), em);
	},
};
