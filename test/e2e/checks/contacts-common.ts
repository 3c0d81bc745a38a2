/**
 * Shared, independent expectations for the contacts ↔ Dotdigital templates, written from the
 * documented rules (DESIGN.md "Contacts", the vendor's Cin7 → Dotdigital table), never by importing
 * the package's code:
 *
 * Core: the marketing contact is the contact marked Default (else the first); consent is its
 *       MarketingConsent (2 = subscriber; 1, 3 or missing = not); no valid email → skipped.
 * Omni: consent is the custom field receive_email (true / "Yes" = subscriber).
 * Both: contacts suppressed in Dotdigital for another reason than an unsubscribe are skipped;
 *       every synced contact is in "Cin7 customers", subscribers also in "Cin7 subscribers";
 *       NEWSLETTER_SUB is YES / NO; data fields hold the Cin7 values (overwrite).
 */
import { SYSTEM_KEYS, type Json, type Sandbox } from '../harness/n8n';

export const EMAIL = /^[^\s@"<>,;()]+@[^\s@"<>,;()]+\.[^\s@"<>,;()]{2,}$/;
const lc = (s: unknown) => String(s ?? '').trim().toLowerCase();
const s = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

export interface Expected {
	key: string;
	customerId: string;
	email: string;
	subscriber: boolean;
	dataFields: Record<string, string>;
}

export interface Expectation {
	synced: Map<string, Expected>;
	skippedNoEmail: Set<string>;
	skippedSuppressed: Set<string>;
	badDate: Set<string>;
}

/** Emails Dotdigital will not accept writes for: suppressed for a reason other than an unsubscribe. */
export function hardSuppressed(dd: Json): Set<string> {
	return new Set(
		(dd.contacts as Json[]).filter((c) => !['Subscribed', 'PendingOptIn', 'Unsubscribed'].includes(c.status)).map((c) => lc(c.email)),
	);
}

const isoDate = (v: unknown): string | null => {
	const t = s(v);
	if (!t) return '';
	return /^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(t)) ? t : null;
};

export function expectCore(core: Json, dd: Json): Expectation {
	const out: Expectation = { synced: new Map(), skippedNoEmail: new Set(), skippedSuppressed: new Set(), badDate: new Set() };
	const suppressed = hardSuppressed(dd);
	for (const c of core.customers as Json[]) {
		if (c.Status === 'Deprecated') continue; // Get Many leaves deprecated customers out
		const contacts = (c.Contacts ?? []) as Json[];
		const d = contacts.find((k) => k.Default === true) ?? contacts[0];
		const email = s(d?.Email);
		if (!d || !EMAIL.test(email)) {
			out.skippedNoEmail.add(c.ID);
			continue;
		}
		if (suppressed.has(lc(email))) {
			out.skippedSuppressed.add(c.ID);
			continue;
		}
		const dob = isoDate(c.AdditionalAttribute1);
		if (dob === null) {
			out.badDate.add(c.ID);
			continue;
		}
		const billing = ((c.Addresses ?? []) as Json[]).filter((a) => a.Type === 'Billing');
		const b = billing.find((a) => a.DefaultForType) ?? billing[0] ?? {};
		const [first, ...rest] = s(d.Name).split(/\s+/);
		const subscriber = Number(d.MarketingConsent) === 2;
		out.synced.set(lc(email), {
			key: lc(email),
			customerId: c.ID,
			email,
			subscriber,
			dataFields: {
				CUSTOMER_ID: c.ID,
				FIRSTNAME: first ?? '',
				LASTNAME: rest.join(' '),
				COMPANY: s(c.Name),
				MOBILE_NUMBER: s(d.MobilePhone),
				DOB: dob,
				BILLING_ADDRESS_1: s(b.Line1),
				BILLING_STATE: s(b.State),
				BILLING_POSTCODE: s(b.Postcode),
				BILLING_COUNTRY: s(b.Country),
				BILLING_TELEPHONE: s(d.Phone),
				NEWSLETTER_SUB: subscriber ? 'YES' : 'NO',
			},
		});
	}
	return out;
}

export function omniAccepts(contact: Json): boolean {
	const v = contact.customFields?.receive_email;
	return v === true || ['true', 'yes', '1', 'subscribed'].includes(lc(v));
}

export function expectOmni(omni: Json, dd: Json): Expectation {
	const out: Expectation = { synced: new Map(), skippedNoEmail: new Set(), skippedSuppressed: new Set(), badDate: new Set() };
	const suppressed = hardSuppressed(dd);
	for (const c of omni.contacts as Json[]) {
		if (c.type !== 'Customer') continue;
		const id = String(c.id);
		const email = s(c.email);
		if (!EMAIL.test(email)) {
			out.skippedNoEmail.add(id);
			continue;
		}
		if (suppressed.has(lc(email))) {
			out.skippedSuppressed.add(id);
			continue;
		}
		const dob = isoDate(c.customFields?.date_of_birth);
		if (dob === null) {
			out.badDate.add(id);
			continue;
		}
		const subscriber = omniAccepts(c);
		out.synced.set(lc(email), {
			key: lc(email),
			customerId: id,
			email,
			subscriber,
			dataFields: {
				CUSTOMER_ID: id,
				FIRSTNAME: s(c.firstName),
				LASTNAME: s(c.lastName),
				COMPANY: s(c.company),
				MOBILE_NUMBER: s(c.mobile),
				DOB: dob,
				BILLING_ADDRESS_1: s(c.address1),
				BILLING_STATE: s(c.state),
				BILLING_POSTCODE: s(c.postCode),
				BILLING_COUNTRY: s(c.country),
				BILLING_TELEPHONE: s(c.phone),
				NEWSLETTER_SUB: subscriber ? 'YES' : 'NO',
			},
		});
	}
	return out;
}

export function listId(dd: Json, name: string): number {
	const list = (dd.addressBooks as Json[]).filter((b) => lc(b.name) === lc(name));
	expect(list.map((b) => b.name)).toEqual([name]); // exactly one list of that name, never a duplicate
	return list[0].id;
}

/** Record-by-record comparison of what Dotdigital holds with the expectation. */
export function assertDotdigital(dd: Json, exp: Expectation): void {
	const customers = listId(dd, 'Cin7 customers');
	const subscribers = listId(dd, 'Cin7 subscribers');
	const byEmail = new Map<string, Json[]>();
	for (const c of dd.contacts as Json[]) byEmail.set(lc(c.email), [...(byEmail.get(lc(c.email)) ?? []), c]);
	const problems: string[] = [];
	for (const e of exp.synced.values()) {
		const found = byEmail.get(e.key) ?? [];
		if (found.length !== 1) {
			problems.push(`${e.email}: ${found.length} Dotdigital contacts`);
			continue;
		}
		const c = found[0];
		if (!c.lists.includes(customers)) problems.push(`${e.email}: not in Cin7 customers`);
		if (c.lists.includes(subscribers) !== e.subscriber) problems.push(`${e.email}: in Cin7 subscribers = ${c.lists.includes(subscribers)}, expected ${e.subscriber}`);
		for (const [k, v] of Object.entries(e.dataFields)) {
			const got = c.dataFields[k] === null || c.dataFields[k] === undefined ? '' : String(c.dataFields[k]);
			if (got !== v) problems.push(`${e.email}.${k}: got ${JSON.stringify(got)}, expected ${JSON.stringify(v)}`);
		}
	}
	// Nobody else is in the Cin7 lists: skipped and bad records were not written.
	const expectedKeys = new Set(exp.synced.keys());
	for (const c of dd.contacts as Json[]) {
		if (c.lists.includes(customers) && !expectedKeys.has(lc(c.email)) && !otherSystem(c.email, exp)) {
			problems.push(`${c.email}: in Cin7 customers but not expected`);
		}
	}
	expect(problems.slice(0, 25)).toEqual([]);
	expect(exp.synced.size).toBeGreaterThan(50);
}

/** Core and Omni contacts share the two lists; each check only judges its own system's emails. */
function otherSystem(email: string, exp: Expectation): boolean {
	const mine = [...exp.synced.keys()][0]?.split('@')[1];
	return !!mine && lc(email).split('@')[1] !== mine;
}

/**
 * A copy of every system's current state, by registry key (`bySystem`); `core`, `omni` and `dd` are
 * the three the contacts checks compare.
 */
export async function states(sandbox: Sandbox): Promise<{ core: Json; omni: Json; dd: Json; bySystem: Record<string, Json> }> {
	const all = await Promise.all(SYSTEM_KEYS.map(async (k) => [k, JSON.parse(JSON.stringify(await sandbox.getState(k)))] as const));
	const bySystem: Record<string, Json> = Object.fromEntries(all);
	return { core: bySystem.cin7core, omni: bySystem.cin7omni, dd: bySystem.dotdigital, bySystem };
}
