/**
 * Shared helpers for the checks of the order and product templates (cin7-*-orders-to-dotdigital,
 * cin7-*-products-to-dotdigital). Expected records are computed here from the sandbox state with
 * the documented rules, never with the package's own code.
 */
import { authHeaders, nodeOutput, systemBaseUrl, type Json, type Sandbox } from '../harness/n8n';
import { vendorFetch } from '../harness/vendorFetch';

export const lc = (s: unknown) => String(s ?? '').trim().toLowerCase();

/** A Cin7 / Dotdigital date string as ISO UTC; Cin7 Core dates without an offset are UTC. */
export function isoUtc(value: string): string {
	const withZone = /(Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`;
	const ms = Date.parse(withZone);
	if (!Number.isFinite(ms)) throw new Error(`not a date: ${value}`);
	return new Date(ms).toISOString();
}

/** Records of one insight collection (name compared without case), by key. */
export function collectionRecords(dd: Json, name: string): Map<string, Json> {
	const entry = Object.entries(dd.collections ?? {}).find(([n]) => lc(n) === lc(name));
	const col = (entry?.[1] ?? { records: [] }) as Json;
	return new Map((col.records as Json[]).map((r) => [String(r.key), r]));
}

export function collectionMeta(dd: Json, name: string): Json | undefined {
	const entry = Object.entries(dd.collections ?? {}).find(([n]) => lc(n) === lc(name));
	return entry?.[1] as Json | undefined;
}

export function contactEmails(dd: Json): Set<string> {
	return new Set((dd.contacts as Json[]).map((c) => lc(c.email)));
}

/** Creates contacts in the Dotdigital sandbox through its API (the contact flow's effect). */
export async function createDotdigitalContacts(sandbox: Sandbox, emails: string[]): Promise<void> {
	for (const email of emails) {
		const r = await vendorFetch(`${systemBaseUrl(sandbox, 'dotdigital')}/contacts/v3`, {
			method: 'POST',
			headers: { ...authHeaders('dotdigital'), 'content-type': 'application/json' },
			body: JSON.stringify({ identifiers: { email }, channelProperties: { email: { status: 'subscribed', emailType: 'html', optInType: 'single' } } }),
		});
		if (r.status !== 201 && r.status !== 409) throw new Error(`creating ${email} in the Dotdigital sandbox: ${r.status} ${await r.text()}`);
	}
}

export function nodeParams(workflow: Json, name: string): Json {
	const node = (workflow.nodes as Json[]).find((n) => n.name === name);
	if (!node) throw new Error(`node "${name}" not in ${workflow.name}`);
	return node.parameters;
}

/** Literal values of a Set node's assignments, by field name. */
export function setLiterals(workflow: Json, name: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const a of nodeParams(workflow, name).assignments.assignments as Json[]) out[a.name] = a.value;
	return out;
}

/** Field-by-field differences, at most `max` lines. */
export function diff(expected: Json, actual: Json, at: string, out: string[] = [], max = 40): string[] {
	const keys = new Set([...Object.keys(expected ?? {}), ...Object.keys(actual ?? {})]);
	for (const k of keys) {
		if (out.length >= max) break;
		const e = expected?.[k];
		const a = actual?.[k];
		if (e && typeof e === 'object' && a && typeof a === 'object') diff(e, a, `${at}.${k}`, out, max);
		else if (JSON.stringify(e) !== JSON.stringify(a)) out.push(`${at}.${k}: got ${JSON.stringify(a)}, expected ${JSON.stringify(e)}`);
	}
	return out;
}

export interface OrderCheckInput {
	/** The order as a Dotdigital record, or null when the source order has no usable date. */
	expected: Map<string, Json>;
	/** Keys that belong to this template's system (other templates write the same collection). */
	ours: (key: string) => boolean;
}

/**
 * The contact rule, decided independently: an order is imported exactly when its email belongs to
 * a Dotdigital contact. Contacts present before the batch must have their orders imported; orders
 * whose email is not a contact even after the batch must be skipped with the reason; contacts that
 * other templates create during the same batch may go either way (their order, if imported, is
 * still checked field by field).
 */
export function assertOrders(run: { runData: Json }, dd: Json, input: OrderCheckInput, presentBefore: Set<string>, badKeys: string[]) {
	const records = collectionRecords(dd, 'orders');
	const presentNow = contactEmails(dd);
	const problems: string[] = [];
	const imported = [...records.values()].filter((r) => input.ours(r.key));
	const skipped = new Map(nodeOutput(run.runData, 'Skipped orders').map((s) => [String(s.order_id), s]));

	for (const r of imported) {
		const e = input.expected.get(r.key);
		if (!e) {
			problems.push(`record ${r.key} is not an order of this system`);
			continue;
		}
		if (!presentNow.has(lc(e.email))) problems.push(`record ${r.key} imported for ${e.email}, who is not a Dotdigital contact`);
		// The sandbox state keeps the owner as `email` (the API serves it as contactIdentity.value).
		const owner = r.email ?? r.contactIdentity?.value;
		if (lc(owner) !== lc(e.email)) problems.push(`record ${r.key} belongs to ${owner}, expected ${e.email}`);
		diff(e, r.json, r.key, problems);
	}
	for (const [key, e] of input.expected) {
		if (badKeys.includes(key)) {
			if (records.has(key)) problems.push(`bad order ${key} was imported`);
			continue;
		}
		if (!e.email) {
			if (records.has(key)) problems.push(`order ${key} without email was imported`);
			else if (!/email/i.test(String(skipped.get(key)?.reason))) problems.push(`order ${key} without email not reported as skipped: ${JSON.stringify(skipped.get(key))}`);
		} else if (presentBefore.has(lc(e.email))) {
			if (!records.has(key)) problems.push(`order ${key} of contact ${e.email} was not imported`);
		} else if (!presentNow.has(lc(e.email))) {
			if (records.has(key)) problems.push(`order ${key} of absent contact ${e.email} was imported`);
			const s = skipped.get(key);
			if (!s || s.skipped !== true || !String(s.reason).includes('is not in Dotdigital') || lc(s.email) !== lc(e.email)) {
				problems.push(`order ${key} of absent contact ${e.email} not reported as skipped: ${JSON.stringify(s)}`);
			}
		}
	}
	expect(problems.slice(0, 40)).toEqual([]);
	return { imported, skipped };
}
