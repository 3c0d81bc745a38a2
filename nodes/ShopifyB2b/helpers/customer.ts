import type { IDataObject } from 'n8n-workflow';

/** The address fields this package reads and writes (MailingAddress / MailingAddressInput). */
export const ADDRESS_KEYS = ['firstName', 'lastName', 'company', 'address1', 'address2', 'city', 'provinceCode', 'zip', 'countryCode', 'phone'] as const;

const ADDRESS = 'id firstName lastName company address1 address2 city provinceCode zip countryCodeV2 phone';

/** The customer as every operation of this node outputs it, with up to `addresses` addresses. */
export const customerFields = (addresses: number) => `id legacyResourceId email firstName lastName phone note tags taxExempt state createdAt updatedAt
defaultAddress { ${ADDRESS} } addressesV2(first: ${addresses}) { nodes { ${ADDRESS} } }`;

/** One customer read whole (find, by ID): every address, so Create or Update can match them. */
export const CUSTOMER_FIELDS = customerFields(50);

/**
 * Shopify refuses a query whose cost is above 1,000 points, and a connection costs its page size
 * times each node's cost: a customer with up to 10 addresses costs about 14, so lists are read 50
 * customers a page (about 700 points).
 */
export const LIST_ADDRESSES = 10;
export const LIST_PAGE_SIZE = 50;

export const USER_ERRORS = 'userErrors { field message code }';

function flatAddress(a: unknown): IDataObject | null {
	if (!a || typeof a !== 'object') return null;
	const { countryCodeV2, ...rest } = a as IDataObject;
	return { ...rest, countryCode: countryCodeV2 ?? (a as IDataObject).countryCode ?? null };
}

/** Shopify's customer in this node's output shape (addresses as a list, country as countryCode). */
export function toCustomer(node: IDataObject): IDataObject {
	const { addressesV2, defaultAddress, ...rest } = node;
	const nodes = ((addressesV2 as IDataObject | undefined)?.nodes ?? []) as IDataObject[];
	return {
		...rest,
		tags: Array.isArray(node.tags) ? node.tags : [],
		defaultAddress: flatAddress(defaultAddress),
		addresses: nodes.map((n) => flatAddress(n) as IDataObject),
	};
}

const norm = (v: unknown) => String(v ?? '').trim().toLowerCase();

/** The same address for a person: every field this package writes is equal, ignoring case and spaces. */
export function sameAddress(stored: IDataObject, wanted: IDataObject): boolean {
	return ADDRESS_KEYS.every((k) => wanted[k] === undefined || norm(stored[k]) === norm(wanted[k]));
}

/** Customer numbers become Shopify ids; ids stay as they are. */
export function customerGid(id: string): string {
	return /^\d+$/.test(id) ? `gid://shopify/Customer/${id}` : id;
}

/** The userErrors of a mutation's payload as one readable line, or undefined when there are none. */
export function userErrorText(payload: unknown): string | undefined {
	const errors = ((payload as IDataObject | undefined)?.userErrors ?? []) as IDataObject[];
	if (!errors.length) return undefined;
	return errors
		.map((e) => `${Array.isArray(e.field) ? `${(e.field as string[]).join('.')}: ` : ''}${String(e.message)}${e.code ? ` (${String(e.code)})` : ''}`)
		.join('; ');
}
