/**
 * Shared, independent expectations for the SparkLayer + Shopify templates, written from the
 * documented rules (the seed's Cin7 Core → Shopify / SparkLayer table, targets-api.md §3), never by
 * importing the package's code:
 *
 * - a Cin7 Core customer is one Shopify customer, matched by its Default contact's email;
 * - B2B = the customer's Tags hold the template's b2b tag and it is not deprecated;
 * - Shopify tags: `b2b` and `b2b-<group slug>` for every Cin7 tag naming a SparkLayer group (name or
 *   slug, any case); tags the flow does not manage are kept;
 * - the default billing address becomes the default address (others kept); phone in E.164 with the
 *   country's dialling code; company = the customer's name;
 * - metafields in namespace `sparklayer`; price tiers → price lists `cin7-tier-<code>`.
 */
import type { Json } from '../harness/n8n';

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const lc = (v: unknown): string => String(v ?? '').trim().toLowerCase();
/** null, undefined and '' are the same "no value" on both sides. */
export const blank = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** Settings literals of a Set node in the template (name → value). */
export function setLiterals(workflow: Json, node: string): Json {
	const n = (workflow.nodes as Json[]).find((x) => x.name === node);
	if (!n) throw new Error(`template has no node "${node}"`);
	const out: Json = {};
	for (const a of n.parameters.assignments.assignments as Json[]) {
		out[a.name] = a.type === 'object' && typeof a.value === 'string' ? JSON.parse(a.value) : a.value;
	}
	return out;
}

export const slugOf = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
export const tagsOf = (c: Json): string[] => String(c.Tags ?? '').split(',').map(lc).filter(Boolean);
export const defaultContact = (c: Json): Json | undefined => ((c.Contacts ?? []) as Json[]).find((k) => k.Default === true) ?? (c.Contacts ?? [])[0];
export const emailOf = (c: Json): string => {
	const e = String(defaultContact(c)?.Email ?? '').trim();
	return EMAIL.test(e) ? e : '';
};
export const customerListSlug = (c: Json): string => 'cin7-c-' + String(c.ID).replace(/-/g, '').slice(0, 20).toLowerCase();
export const tierSlug = (core: Json, tierName: string): string => {
	const t = (core.priceTiers as Json[]).find((x) => x.Name === tierName);
	return t ? `cin7-tier-${t.Code}` : '';
};

export function billingAddress(c: Json): Json | undefined {
	const list = ((c.Addresses ?? []) as Json[]).filter((a) => lc(a.Type) === 'billing');
	return list.find((a) => a.DefaultForType === true) ?? list[0];
}

export function e164(phone: unknown, countryCode: string, dialCodes: Json): string {
	const raw = String(phone ?? '').trim();
	if (!raw) return '';
	if (raw.startsWith('+')) return '+' + raw.replace(/\D/g, '');
	const cc = dialCodes[countryCode];
	return cc ? `+${cc}${raw.replace(/\D/g, '').replace(/^0/, '')}` : '';
}

/** Shopify customers by lower-case email. */
export function shopifyByEmail(shopify: Json): Map<string, Json> {
	return new Map((shopify.customers as Json[]).map((c) => [lc(c.email), c]));
}

export function metafield(c: Json, key: string): Json | undefined {
	return ((c.metafields ?? []) as Json[]).find((m) => m.namespace === 'sparklayer' && m.key === key);
}

/** Field-by-field differences between an expected object and the actual one (both flat). */
export function diff(expected: Json, actual: Json, label: string, problems: string[]): void {
	for (const [k, v] of Object.entries(expected)) {
		const a = actual?.[k];
		const same = Array.isArray(v) ? JSON.stringify(v) === JSON.stringify(a) : blank(v) === blank(a);
		if (!same) problems.push(`${label}.${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify(a)}`);
	}
}
