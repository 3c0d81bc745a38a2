import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/items';
import { coreList } from '../../transport';
import { compact, parseJsonField, same } from '../common';

/** Optional customer fields, named as Cin7 Core names them so they pass straight through. */
export const customerFieldOptions: INodeProperties[] = [
	{
		displayName: 'Account Receivable',
		name: 'AccountReceivable',
		type: 'string',
		default: '',
		description: 'Account code; required on create (the system receivable account)',
	},
	{
		displayName: 'Addresses (JSON)',
		name: 'addressesJson',
		type: 'json',
		default: '[]',
		description:
			'Array of addresses {ID?, Line1, Line2, City, State, Postcode, Country, Type, DefaultForType}. An entry with an existing ID updates that address; others are added; none is removed.',
	},
	{
		displayName: 'Contacts (JSON)',
		name: 'contactsJson',
		type: 'json',
		default: '[]',
		description:
			'Array of contacts {ID?, Name, Email, Phone, Default, MarketingConsent}. An entry with an existing ID updates that contact; others are added; none is removed.',
	},
	{ displayName: 'Currency', name: 'Currency', type: 'string', default: '', placeholder: 'e.g. USD' },
	{
		displayName: 'Extra Fields (JSON)',
		name: 'extraJson',
		type: 'json',
		default: '{}',
		description: 'Any other customer fields as Cin7 Core names them, e.g. {"CreditLimit": 5000}',
	},
	{ displayName: 'Name', name: 'Name', type: 'string', default: '' },
	{ displayName: 'Payment Term', name: 'PaymentTerm', type: 'string', default: '', description: 'Must be an active payment term' },
	{ displayName: 'Price Tier', name: 'PriceTier', type: 'string', default: '', description: 'Price tier name' },
	{ displayName: 'Revenue Account', name: 'RevenueAccount', type: 'string', default: '', description: 'Account code; required on create' },
	{
		displayName: 'Status',
		name: 'Status',
		type: 'options',
		options: [
			{ name: 'Active', value: 'Active' },
			{ name: 'Deprecated', value: 'Deprecated' },
		],
		default: 'Active',
	},
	{ displayName: 'Tags', name: 'Tags', type: 'string', default: '', description: 'Comma-separated tags' },
	{ displayName: 'Tax Rule', name: 'TaxRule', type: 'string', default: '', description: 'Tax rule name; required on create' },
];

export interface CustomerInput {
	fields: IDataObject;
	contacts?: IDataObject[];
	addresses?: IDataObject[];
}

export function customerInput(ctx: IExecuteFunctions, i: number, collection: string): CustomerInput {
	const raw = { ...(ctx.getNodeParameter(collection, i, {}) as IDataObject) };
	const extra = parseJsonField(ctx, i, 'Extra Fields (JSON)', raw.extraJson, 'object') ?? {};
	const contacts = parseJsonField<IDataObject[]>(ctx, i, 'Contacts (JSON)', raw.contactsJson, 'array');
	const addresses = parseJsonField<IDataObject[]>(ctx, i, 'Addresses (JSON)', raw.addressesJson, 'array');
	delete raw.extraJson;
	delete raw.contactsJson;
	delete raw.addressesJson;
	return {
		fields: { ...compact(raw), ...extra },
		...(contacts?.length ? { contacts } : {}),
		...(addresses?.length ? { addresses } : {}),
	};
}

/**
 * Cin7 Core replaces a customer's nested lists with what a PUT sends, so incoming entries are
 * merged into the current ones by ID: known IDs are updated, new entries added, none dropped.
 */
export function mergeById(current: IDataObject[] | undefined, incoming: IDataObject[] | undefined): IDataObject[] {
	const out = (current ?? []).map((e) => ({ ...e }));
	for (const entry of incoming ?? []) {
		const at = entry.ID ? out.findIndex((e) => same(e.ID, entry.ID)) : -1;
		if (at >= 0) out[at] = { ...out[at], ...entry };
		else out.push({ ...entry });
	}
	return out;
}

export function firstCustomer(ctx: IExecuteFunctions, i: number, body: IDataObject): IDataObject {
	const customer = (body.CustomerList as IDataObject[] | undefined)?.[0];
	if (!customer) throw inputError(ctx, i, 'Customer', 'was not returned by Cin7 Core');
	return customer;
}

export async function getCustomerById(ctx: IExecuteFunctions, id: string): Promise<IDataObject | undefined> {
	const rows = await coreList.call(ctx, '/customer', 'CustomerList', { ID: id, IncludeDeprecated: true }, 1);
	return rows.find((c) => same(c.ID, id)) ?? rows[0];
}

/** `ContactFilter` also matches contact names by prefix, so the email is compared exactly here. */
export async function findCustomersByEmail(ctx: IExecuteFunctions, email: string): Promise<IDataObject[]> {
	const rows = await coreList.call(ctx, '/customer', 'CustomerList', { ContactFilter: email });
	return rows.filter((c) => ((c.Contacts as IDataObject[] | undefined) ?? []).some((k) => same(k.Email, email)));
}

/** `Name` is a prefix filter; customer names are unique, compared case-insensitively. */
export async function findCustomerByName(ctx: IExecuteFunctions, name: string): Promise<IDataObject | undefined> {
	const rows = await coreList.call(ctx, '/customer', 'CustomerList', { Name: name, IncludeDeprecated: true });
	return rows.find((c) => same(c.Name, name));
}

export function updateBody(current: IDataObject, input: CustomerInput): IDataObject {
	// The current lists are always sent back, so a PUT can never empty them.
	return {
		...input.fields,
		ID: current.ID,
		Contacts: mergeById(current.Contacts as IDataObject[], input.contacts),
		Addresses: mergeById(current.Addresses as IDataObject[], input.addresses),
	};
}
