import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/items';
import { compact, readJson, same } from '../../../shared/params';

/** What a user set in a customer fields collection, as Cin7 Core names it. */
export interface CustomerInput {
	fields: IDataObject;
	contacts?: IDataObject[];
	addresses?: IDataObject[];
}

export function customerInput(ctx: IExecuteFunctions, i: number, collection: string): CustomerInput {
	const raw = { ...(ctx.getNodeParameter(collection, i, {}) as IDataObject) };
	const extra = readJson<IDataObject>(ctx, i, 'Extra Fields (JSON)', raw.extraJson, 'object') ?? {};
	const contacts = readJson<IDataObject[]>(ctx, i, 'Contacts (JSON)', raw.contactsJson, 'array');
	const addresses = readJson<IDataObject[]>(ctx, i, 'Addresses (JSON)', raw.addressesJson, 'array');
	delete raw.extraJson;
	delete raw.contactsJson;
	delete raw.addressesJson;
	return {
		fields: { ...compact(raw, 'shallow'), ...extra },
		...(contacts?.length ? { contacts } : {}),
		...(addresses?.length ? { addresses } : {}),
	};
}

/** The body that creates a customer; `contacts` replaces the input's contacts when given. */
export function createBody(name: string, input: CustomerInput, contacts = input.contacts): IDataObject {
	return {
		Status: 'Active',
		...input.fields,
		Name: name,
		...(contacts ? { Contacts: contacts } : {}),
		...(input.addresses ? { Addresses: input.addresses } : {}),
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

export function updateBody(current: IDataObject, input: CustomerInput): IDataObject {
	// The current lists are always sent back, so a PUT can never empty them.
	return {
		...input.fields,
		ID: current.ID,
		Contacts: mergeById(current.Contacts as IDataObject[], input.contacts),
		Addresses: mergeById(current.Addresses as IDataObject[], input.addresses),
	};
}

/** The customer a create or update answers with. */
export function firstCustomer(ctx: IExecuteFunctions, i: number, body: IDataObject): IDataObject {
	const customer = (body.CustomerList as IDataObject[] | undefined)?.[0];
	if (!customer) throw inputError(ctx, i, 'Customer', 'was not returned by Cin7 Core');
	return customer;
}
