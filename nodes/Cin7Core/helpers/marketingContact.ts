import type { IDataObject } from 'n8n-workflow';

/**
 * A Cin7 Core customer as one marketing contact:
 *
 * - the contact is the one marked `Default`, which is not always the first; only when no contact
 *   is marked is the first one used, and `pickedBy` says so;
 * - consent is that contact's `MarketingConsent`: 2 = opt in, 3 = opt out, 1 or missing (or any
 *   other value) = unknown, never a subscriber. `IncludeInEmail` ("cc on emailed documents") is
 *   not consent and is ignored;
 * - a default contact without a usable email gets `skipReason`; no address is ever guessed from
 *   another contact.
 */

export type MarketingConsent = 'optIn' | 'unknown' | 'optOut';

export interface MarketingContact extends IDataObject {
	customerId: string | null;
	customerName: string | null;
	contactId: string | null;
	/** 'default': the contact marked Default; 'first': none is marked, so the first contact. */
	pickedBy: 'default' | 'first' | null;
	email: string | null;
	firstName: string | null;
	lastName: string | null;
	name: string | null;
	phone: string | null;
	mobile: string | null;
	/** The raw MarketingConsent value (1, 2, 3 or null). */
	marketingConsent: number | null;
	consent: MarketingConsent;
	acceptsEmail: boolean | null;
	billingAddress1: string | null;
	billingAddress2: string | null;
	billingCity: string | null;
	billingState: string | null;
	billingPostcode: string | null;
	billingCountry: string | null;
	skipReason?: string;
	/** The email as stored, when it is present but not a valid address. */
	invalidEmail?: string;
	note?: string;
}

export const SKIP_NO_CONTACT = 'customer has no contacts';
export const SKIP_NO_EMAIL = 'default contact has no email';

/** Loose on purpose (the marketing platform does the strict check): catches blanks and typos. */
const EMAIL = /^[^\s@"<>,;()]+@[^\s@"<>,;()]+\.[^\s@"<>,;()]{2,}$/;

export function isValidEmail(value: string): boolean {
	return EMAIL.test(value);
}

const text = (v: unknown): string | null => {
	if (v === null || v === undefined) return null;
	const s = String(v).trim();
	return s ? s : null;
};

const isTrue = (v: unknown) => v === true || String(v).trim().toLowerCase() === 'true';

/** The contact marked Default, else the first contact. */
export function pickDefaultContact(contacts: unknown): { contact?: IDataObject; pickedBy: 'default' | 'first' | null } {
	const list = (Array.isArray(contacts) ? contacts : []).filter(
		(c): c is IDataObject => !!c && typeof c === 'object' && !Array.isArray(c),
	);
	const marked = list.find((c) => isTrue(c.Default));
	if (marked) return { contact: marked, pickedBy: 'default' };
	if (list.length) return { contact: list[0], pickedBy: 'first' };
	return { pickedBy: null };
}

/** MarketingConsent 2 = opt in, 3 = opt out; 1, missing or anything else = unknown. */
export function consentOf(value: unknown): { raw: number | null; consent: MarketingConsent; acceptsEmail: boolean | null } {
	const n = value === null || value === undefined || value === '' ? NaN : Number(value);
	const raw = Number.isInteger(n) ? n : null;
	if (raw === 2) return { raw, consent: 'optIn', acceptsEmail: true };
	if (raw === 3) return { raw, consent: 'optOut', acceptsEmail: false };
	return { raw, consent: 'unknown', acceptsEmail: null };
}

/** First word is the first name, the rest the last name ("Mary Ann Lee" → "Mary", "Ann Lee"). */
export function splitName(name: string | null): { firstName: string | null; lastName: string | null } {
	if (!name) return { firstName: null, lastName: null };
	const [first, ...rest] = name.split(/\s+/);
	return { firstName: first || null, lastName: rest.length ? rest.join(' ') : null };
}

/** The default billing address, else any billing address. */
export function billingAddress(addresses: unknown): IDataObject | undefined {
	const list = (Array.isArray(addresses) ? addresses : []).filter(
		(a): a is IDataObject => !!a && typeof a === 'object' && String(a.Type ?? '').toLowerCase() === 'billing',
	);
	return list.find((a) => isTrue(a.DefaultForType)) ?? list[0];
}

export function marketingContact(customer: IDataObject): MarketingContact {
	const { contact, pickedBy } = pickDefaultContact(customer.Contacts);
	const address = billingAddress(customer.Addresses);
	const name = text(contact?.Name);
	const consent = consentOf(contact?.MarketingConsent);
	const stored = text(contact?.Email);
	const valid = stored !== null && isValidEmail(stored);
	const out: MarketingContact = {
		customerId: text(customer.ID),
		customerName: text(customer.Name),
		contactId: text(contact?.ID),
		pickedBy,
		email: valid ? stored : null,
		...splitName(name),
		name,
		phone: text(contact?.Phone),
		mobile: text(contact?.MobilePhone),
		marketingConsent: consent.raw,
		consent: consent.consent,
		acceptsEmail: consent.acceptsEmail,
		billingAddress1: text(address?.Line1),
		billingAddress2: text(address?.Line2),
		billingCity: text(address?.City),
		billingState: text(address?.State),
		billingPostcode: text(address?.Postcode),
		billingCountry: text(address?.Country),
	};
	if (!contact) out.skipReason = SKIP_NO_CONTACT;
	else if (!valid) {
		out.skipReason = SKIP_NO_EMAIL;
		if (stored !== null) out.invalidEmail = stored;
	}
	if (pickedBy === 'first') out.note = 'No contact is marked Default, so the first contact was used';
	return out;
}

/** The customer with its `marketingContact` added (customer get / get many / trigger output). */
export function withMarketingContact(customer: IDataObject): IDataObject {
	return { ...customer, marketingContact: marketingContact(customer) };
}
