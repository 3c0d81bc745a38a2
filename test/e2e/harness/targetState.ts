/**
 * What the Dotdigital templates write, reduced to comparable facts (no times, no generated ids), to
 * compare two runs of the same templates on the same seeded sandbox (faults vs none, queue mode vs
 * regular mode), plus duplicate detection. Keys: `dotdigital:<email>`, `dotdigital-field:<name>`,
 * `dotdigital-insight:<collection>:<key>`, `cin7core:<customer id>`, `cin7omni:<contact id>`.
 */
import type { Json } from './n8n';

const lc = (s: unknown) => String(s ?? '').trim().toLowerCase();

/** What the templates write, reduced to comparable facts (no times, no generated ids). */
export interface Projection {
	facts: Map<string, string>; // key → JSON of the record's relevant fields
	duplicates: string[];
}

export function project(state: Json): Projection {
	const facts = new Map<string, string>();
	const duplicates: string[] = [];
	const dd = state.dotdigital;
	const listName = new Map((dd.addressBooks as Json[]).map((b) => [b.id, b.name]));
	const count = (what: string, keys: string[]) => {
		const seen = new Map<string, number>();
		for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
		for (const [k, n] of seen) if (n > 1) duplicates.push(`${what} "${k}" ×${n}`);
	};
	count('Dotdigital contact', (dd.contacts as Json[]).filter((c) => !c.removedAt).map((c) => lc(c.email)));
	count('Dotdigital list', (dd.addressBooks as Json[]).map((b) => lc(b.name)));
	count('Dotdigital data field', (dd.dataFields as Json[]).map((f) => lc(f.name)));
	for (const c of dd.contacts as Json[]) {
		const fields = Object.fromEntries(Object.entries(c.dataFields ?? {}).map(([k, v]) => [k.toUpperCase(), v ?? '']).sort());
		const lists = (c.lists as number[]).map((id) => listName.get(id)).sort();
		facts.set(`dotdigital:${lc(c.email)}`, JSON.stringify({ status: c.status, removed: !!c.removedAt, lists, fields }));
	}
	for (const f of dd.dataFields as Json[]) facts.set(`dotdigital-field:${lc(f.name)}`, JSON.stringify({ type: f.type }));
	// Insight data (orders, products): one record per key per collection (the key is the identity).
	for (const [name, col] of Object.entries((dd.collections ?? {}) as Record<string, Json>)) {
		for (const r of (col.records ?? []) as Json[]) facts.set(`dotdigital-insight:${lc(name)}:${r.key}`, JSON.stringify({ email: lc(r.email), json: r.json }));
	}
	const core = state.cin7core;
	count('Cin7 Core customer', (core.customers as Json[]).map((c) => c.ID));
	for (const c of core.customers as Json[]) {
		const contacts = (c.Contacts as Json[]).map((k) => ({ ID: k.ID, Email: k.Email, Default: k.Default, MarketingConsent: k.MarketingConsent ?? null }));
		facts.set(`cin7core:${c.ID}`, JSON.stringify(contacts));
	}
	const omni = state.cin7omni;
	count('Cin7 Omni contact', (omni.contacts as Json[]).map((c) => String(c.id)));
	for (const c of omni.contacts as Json[]) facts.set(`cin7omni:${c.id}`, JSON.stringify({ email: c.email, customFields: c.customFields ?? {} }));
	return { facts, duplicates };
}

/** Keys whose facts differ between two projections, with a readable line each. */
export function diff(a: Projection, b: Projection): Array<{ key: string; line: string }> {
	const out = [];
	for (const key of new Set([...a.facts.keys(), ...b.facts.keys()])) {
		if (a.facts.get(key) !== b.facts.get(key)) out.push({ key, line: `${key}: expected ${a.facts.get(key) ?? '(absent)'}, got ${b.facts.get(key) ?? '(absent)'}` });
	}
	return out;
}

