/**
 * workflows/cin7-core-order-events-to-emarsys.json: the external events Emarsys received and the sales
 * data lines it holds, against an independent reading of the Cin7 Core sales (sandbox state):
 *
 *   qualifying sale = not VOIDED, CombinedShippingStatus SHIPPED (the template's Event settings)
 *   purchases       = sales not VOIDED / DRAFT / ESTIMATING / ESTIMATED; a qualifying sale is the
 *                     customer's first purchase when no purchase of theirs has an earlier order date
 *   refund issued   = one per AUTHORISED credit note of a non-voided sale
 *   email           = the customer's Default contact email (else the first contact's)
 *   fired           = the contact exists in Emarsys (others are reported and retried, never lost)
 *   sales lines     = per qualifying sale with an email: its order lines (price = line total) and its
 *                     authorised credit-note lines negated, summed per order and SKU
 *
 * The second run fires nothing again and adds no sales line (the generic record counts check it too).
 */
import { nodeOutput, type Json } from '../harness/n8n';
import { byEmail, defaultContact, EMAIL, emarsysState, lc, text } from './emarsys-common';
import type { CheckContext, TemplateCheck } from './types';

const NOT_PURCHASES = ['VOIDED', 'DRAFT', 'ESTIMATING', 'ESTIMATED'];
const utc = (d: string) => Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(d) ? d : `${d}Z`);
const round = (n: number) => Math.round(n * 100) / 100;

/** This template's events only: the stock-events template of the same group fires its own between the runs. */
const ORDER_EVENTS = new Set(['cin7_first_purchase', 'cin7_repeat_purchase', 'cin7_refund_issued']);
const orderEvents = (em: Json) => (em.eventTriggers as Json[]).filter((t) => ORDER_EVENTS.has(t.eventName));

interface Exp { events: Map<string, { event: string; email: string; orderNumber: string }>; lines: Map<string, { quantity: number; price: number }> }

function expected(core: Json): Exp {
	const customers = new Map((core.customers as Json[]).map((c) => [c.ID, c]));
	const firstDate = new Map<string, number>();
	for (const s of core.sales as Json[]) {
		if (NOT_PURCHASES.includes(String(s.Status).toUpperCase()) || !s.SaleOrderDate) continue;
		const t = utc(s.SaleOrderDate);
		if (!firstDate.has(s.CustomerID) || t < firstDate.get(s.CustomerID)!) firstDate.set(s.CustomerID, t);
	}
	const events: Exp['events'] = new Map();
	const lines: Exp['lines'] = new Map();
	for (const s of core.sales as Json[]) {
		if (s.Status === 'VOIDED') continue;
		const c = customers.get(s.CustomerID);
		const email = text(c ? defaultContact(c)?.Email : '');
		if (!EMAIL.test(email)) continue;
		const orderNumber = text(s.Order?.SaleOrderNumber);
		const shipped = s.CombinedShippingStatus === 'SHIPPED';
		if (shipped) {
			const first = utc(s.SaleOrderDate) === firstDate.get(s.CustomerID);
			events.set(`order|${s.ID}`, { event: first ? 'cin7_first_purchase' : 'cin7_repeat_purchase', email, orderNumber });
		}
		const credits = ((s.CreditNotes ?? []) as Json[]).filter((cn) => cn.Status === 'AUTHORISED');
		for (const cn of credits) events.set(`refund|${s.ID}|${cn.TaskID}`, { event: 'cin7_refund_issued', email, orderNumber });
		if (!shipped) continue;
		const add = (sku: string, q: number, p: number) => {
			const k = `${orderNumber || s.ID}|${sku}`;
			const e = lines.get(k) ?? { quantity: 0, price: 0 };
			lines.set(k, { quantity: e.quantity + q, price: round(e.price + p) });
		};
		for (const l of (s.Order?.Lines ?? []) as Json[]) add(l.SKU, Number(l.Quantity), Number(l.Total));
		for (const cn of credits) for (const l of (cn.Lines ?? []) as Json[]) add(l.SKU, -Math.abs(Number(l.Quantity)), -Math.abs(Number(l.Total)));
	}
	return { events, lines };
}

/** Events Emarsys received since the snapshot, as "event|email|order number". */
function received(em: Json, fromSeq: number): string[] {
	return (em.eventTriggers as Json[]).filter((t) => t.seq > fromSeq).map((t) => `${t.eventName}|${lc(t.externalId)}|${t.data.order_number}`).sort();
}

function salesSums(em: Json, fromIndex: number): Map<string, { quantity: number; price: number }> {
	const out = new Map<string, { quantity: number; price: number }>();
	for (const l of (em.salesLines as Json[]).slice(fromIndex)) {
		const k = `${l.order}|${l.item}`;
		const e = out.get(k) ?? { quantity: 0, price: 0 };
		out.set(k, { quantity: e.quantity + Number(l.quantity), price: round(e.price + Number(l.price)) });
	}
	for (const [k, v] of out) if (v.quantity === 0 && v.price === 0) out.delete(k);
	return out;
}

async function assertFirst(ctx: CheckContext, run: Json) {
	expect(run.error).toBeNull();
	const em = await emarsysState(ctx.sandbox);
	const exp = expected(ctx.memo.core);
	const known = byEmail(em);
	const fire = [...exp.events.values()].filter((e) => known.has(lc(e.email)));
	const missing = [...exp.events.entries()].filter(([, e]) => !known.has(lc(e.email))).map(([k]) => k).sort();
	expect(received(em, ctx.memo.seq)).toEqual(fire.map((e) => `${e.event}|${lc(e.email)}|${e.orderNumber}`).sort());
	expect(nodeOutput(run.runData, 'Not fired').map((i) => i.key).sort()).toEqual(missing);
	for (const i of nodeOutput(run.runData, 'Not fired')) expect(i.error).toMatch(/2008|not found|No contact/i);
	// the data exercises each kind of event
	const kinds = new Set(fire.map((e) => e.event));
	expect([...kinds].sort()).toEqual(['cin7_first_purchase', 'cin7_refund_issued', 'cin7_repeat_purchase']);
	// sales data: every qualifying line once, refunds negative
	const sums = salesSums(em, ctx.memo.salesFrom);
	const want = new Map([...exp.lines].filter(([, v]) => !(v.quantity === 0 && v.price === 0)));
	expect(Object.fromEntries([...sums].sort())).toEqual(Object.fromEntries([...want].sort()));
	expect((em.salesLines as Json[]).slice(ctx.memo.salesFrom).some((l) => Number(l.quantity) < 0)).toBe(true);
	// an event's data names the order and its total
	const one = (em.eventTriggers as Json[]).find((t) => t.seq > ctx.memo.seq && t.eventName === 'cin7_first_purchase');
	expect(one?.data).toEqual(expect.objectContaining({ order_number: expect.any(String), order_total: expect.any(Number), order_date: expect.stringMatching(/Z$/) }));
	return em;
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		// The seed gives every customer one sale: move the latest shipped sale to the customer of the
		// earliest one, so that customer has a repeat purchase (no stock moves).
		const before = await ctx.sandbox.getState('cin7core');
		const customers = new Map((before.customers as Json[]).map((c) => [c.ID, c]));
		const usable = (before.sales as Json[])
			.filter((s) => s.Status !== 'VOIDED' && s.CombinedShippingStatus === 'SHIPPED' && !(s.CreditNotes ?? []).length && s.SaleOrderDate)
			.filter((s) => { const c = customers.get(s.CustomerID); return c && c.Status !== 'Deprecated' && EMAIL.test(text(defaultContact(c)?.Email)); })
			.sort((a, b) => utc(a.SaleOrderDate) - utc(b.SaleOrderDate));
		const [first, last] = [usable[0], usable[usable.length - 1]];
		expect(first.CustomerID).not.toBe(last.CustomerID);
		await ctx.sandbox.mutate('cin7core', { entity: 'sale', id: last.ID, patch: { CustomerID: first.CustomerID, Customer: first.Customer, Email: first.Email } });
		ctx.memo.repeatSale = last.ID;
		ctx.memo.core = await ctx.sandbox.getState('cin7core');
		const em = await emarsysState(ctx.sandbox);
		ctx.memo.seq = (em.eventTriggers as Json[]).reduce((m, t) => Math.max(m, t.seq), 0);
		ctx.memo.salesFrom = (em.salesLines as Json[]).length;
	},

	async afterFirstRun(ctx, run) {
		const now = await emarsysState(ctx.sandbox);
		ctx.memo.events1 = orderEvents(now).length;
		ctx.memo.lines1 = (now.salesLines as Json[]).length;
		await assertFirst(ctx, run);
		expect(expected(ctx.memo.core).events.get(`order|${ctx.memo.repeatSale}`)?.event).toBe('cin7_repeat_purchase');
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const em = await emarsysState(ctx.sandbox);
		expect(orderEvents(em).length).toBe(ctx.memo.events1);
		expect((em.salesLines as Json[]).length).toBe(ctx.memo.lines1);
		expect(nodeOutput(run.runData, 'Remember fired events')).toEqual([]);
		// what was not fired (contacts Emarsys does not know) is tried again, and only that
		const known = byEmail(em);
		const retried = nodeOutput(run.runData, 'Not fired').map((i) => i.key).sort();
		const exp = expected(ctx.memo.core);
		expect(retried).toEqual([...exp.events.entries()].filter(([, e]) => !known.has(lc(e.email))).map(([k]) => k).sort());
	},
};
