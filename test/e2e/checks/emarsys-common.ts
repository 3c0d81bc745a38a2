/**
 * Shared, independent readings for the Cin7 → Emarsys template checks, written from the documented
 * rules (DESIGN.md "Contacts", the Emarsys reference), never by importing the package's code: the
 * Cin7 Core side is read through its own API in the sandbox, the Emarsys side from the sandbox state.
 */
import { authHeaders, nodeOutput, systemBaseUrl, type Json, type Sandbox } from '../harness/n8n';
import { vendorFetch } from '../harness/vendorFetch';

export const EMAIL = /^[^\s@"<>,;()]+@[^\s@"<>,;()]+\.[^\s@"<>,;()]{2,}$/;
export const lc = (s: unknown): string => String(s ?? '').trim().toLowerCase();
export const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());
const money = (n: number) => Math.round(n * 100) / 100;

/** Every row of a Cin7 Core list endpoint, read page by page through the sandbox's API. */
export async function coreList(sandbox: Sandbox, path: string, key: string, query: Record<string, string> = {}): Promise<Json[]> {
	const out: Json[] = [];
	for (let page = 1; ; page++) {
		const qs = new URLSearchParams({ ...query, Page: String(page), Limit: '1000' });
		const r = await vendorFetch(`${systemBaseUrl(sandbox, 'cin7core')}${path}?${qs}`, { headers: authHeaders('cin7core') });
		if (r.status !== 200) throw new Error(`GET ${path} in the Cin7 Core sandbox: ${r.status} ${await r.text()}`);
		const rows = ((await r.json()) as Json)[key] as Json[];
		out.push(...rows);
		if (rows.length < 1000) return out;
	}
}

export interface Purchases {
	orderCount: number;
	lifetimeValue: number;
	averageOrderValue: number;
	firstOrderDate: string;
	lastOrderDate: string;
	lastOrderNumber: string;
}

/**
 * Purchase attributes per Cin7 Core customer ID from the verified order history: quotes (ESTIMATING,
 * ESTIMATED), drafts and voided sales are not purchases; lifetime value = invoiced amounts minus
 * credit notes that are not voided; dates are the order dates (UTC, day).
 */
export async function corePurchases(sandbox: Sandbox): Promise<Map<string, Purchases>> {
	const sales = await coreList(sandbox, '/saleList', 'SaleList');
	const credits = await coreList(sandbox, '/saleCreditNoteList', 'SaleList');
	const out = new Map<string, Purchases>();
	const by = new Map<string, Json[]>();
	for (const s of sales) {
		if (['VOIDED', 'DRAFT', 'ESTIMATING', 'ESTIMATED'].includes(String(s.Status).toUpperCase())) continue;
		by.set(s.CustomerID, [...(by.get(s.CustomerID) ?? []), s]);
	}
	const refunds = new Map<string, number>();
	for (const c of credits) {
		if (String(c.CreditNoteStatus ?? c.Status).toUpperCase() === 'VOIDED') continue;
		refunds.set(c.CustomerID, (refunds.get(c.CustomerID) ?? 0) + Number(c.CreditNoteAmount ?? c.InvoiceAmount ?? 0));
	}
	const day = (d: string) => new Date(/Z|[+-]\d\d:\d\d$/.test(d) ? d : `${d}Z`).toISOString().slice(0, 10);
	for (const [id, list] of by) {
		const dated = list.filter((s) => s.OrderDate).sort((a, b) => Date.parse(`${a.OrderDate}Z`) - Date.parse(`${b.OrderDate}Z`));
		const gross = list.reduce((t, s) => t + Number(s.InvoiceAmount || 0), 0);
		const last = dated[dated.length - 1];
		out.set(id, {
			orderCount: list.length,
			lifetimeValue: money(gross - (refunds.get(id) ?? 0)),
			averageOrderValue: money(gross / list.length),
			firstOrderDate: dated.length ? day(dated[0].OrderDate) : '',
			lastOrderDate: last ? day(last.OrderDate) : '',
			lastOrderNumber: last ? text(last.OrderNumber) || text(last.SaleID) : '',
		});
	}
	return out;
}

/** The Cin7 Core customer's marketing contact: the contact marked Default, else the first. */
export function defaultContact(c: Json): Json | undefined {
	const list = (c.Contacts ?? []) as Json[];
	return list.find((k) => k.Default === true) ?? list[0];
}

/**
 * Emarsys opt-in (field 31) for a Cin7 MarketingConsent: 2 → "1", 3 → "2", else unchanged; an opt-out
 * already in Emarsys ("2") stays (it goes back to Cin7 through the opt-outs template).
 */
export function optInFor(consent: unknown, before: string | null): string | null {
	if (Number(consent) === 2) return before === '2' ? '2' : '1';
	if (Number(consent) === 3) return '2';
	return before;
}

/**
 * Emails opted out in the Emarsys sandbox's UI by a check between the runs (the opt-outs check):
 * the customers check's expectations for the second run start from them, as its template does.
 */
export const optedOutBetweenRuns = new Set<string>();

export async function emarsysState(sandbox: Sandbox): Promise<Json> {
	return sandbox.getState('emarsys');
}

/** Emarsys contacts by lower-case email. */
export function byEmail(em: Json): Map<string, Json> {
	return new Map((em.contacts as Json[]).filter((c) => c.email).map((c) => [lc(c.email), c]));
}

/**
 * Sets the scene in Emarsys through its own API (`PUT /contact/?create_if_not_exists=1`, keyed by
 * email): contacts with their opt-in (field 31: "1" true, "2" false) and other fields by id. Fails
 * on any per-record error.
 */
export async function emarsysUpsert(sandbox: Sandbox, contacts: Array<{ email: string; optIn: '1' | '2'; fields?: Record<string, string> }>): Promise<void> {
	const r = await vendorFetch(`${systemBaseUrl(sandbox, 'emarsys')}/contact/?create_if_not_exists=1`, {
		method: 'PUT',
		headers: { ...authHeaders('emarsys'), 'Content-Type': 'application/json' },
		body: JSON.stringify({ key_id: '3', contacts: contacts.map((c) => ({ ...c.fields, 3: c.email, 31: c.optIn })) }),
	});
	const body = (await r.json()) as Json;
	if (r.status !== 200 || body.replyCode !== 0 || body.data?.errors) throw new Error(`PUT /contact in the Emarsys sandbox: ${r.status} ${JSON.stringify(body)}`);
}

/**
 * Cin7 Omni email consent as the templates' consent source (custom field receive_email) reads it:
 * yes / true → true, no / false → false, anything else → null (unknown).
 */
export function omniConsent(contact: Json): boolean | null {
	const v = contact.customFields?.receive_email;
	if (v === true || ['true', 'yes', '1', 'subscribed'].includes(lc(v))) return true;
	if (v === false || ['false', 'no', '0', 'unsubscribed'].includes(lc(v))) return false;
	return null;
}

/** Cin7 records (id → email and whether its consent is off) whose email Emarsys has opted out (field 31 = "2"). */
export function optedOutRecords(em: Json, records: Array<{ id: string; email: string; off: boolean }>): Map<string, { email: string; off: boolean }> {
	const contacts = byEmail(em);
	const out = new Map<string, { email: string; off: boolean }>();
	for (const r of records) if (EMAIL.test(r.email) && contacts.get(lc(r.email))?.optIn === '2') out.set(r.id, { email: r.email, off: r.off });
	return out;
}

/**
 * One run of an opt-outs template (Emarsys → Cin7), judged from the records opted out in Emarsys as
 * they were before the run and as they are now: every one is off now; the written node lists exactly
 * those that were not off before, the already node those that were; nothing failed. Returns the ids written.
 */
export function assertOptOuts(
	runData: Json,
	before: Map<string, { email: string; off: boolean }>,
	now: Map<string, { email: string; off: boolean }>,
	nodes: { written: string; already: string; failed: string; id: string },
): string[] {
	expect([...now].filter(([, v]) => !v.off).map(([id, v]) => `${id} ${v.email}: consent not off`)).toEqual([]);
	const written = [...before].filter(([, v]) => !v.off).map(([id]) => id).sort();
	const ids = (node: string) => nodeOutput(runData, node).map((i) => String(i[nodes.id])).sort();
	expect(ids(nodes.written)).toEqual(written);
	expect(ids(nodes.already)).toEqual([...before].filter(([, v]) => v.off).map(([id]) => id).sort());
	expect(nodeOutput(runData, nodes.failed)).toEqual([]);
	return written;
}
