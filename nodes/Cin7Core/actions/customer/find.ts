import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { same } from '../../../shared/params';
import { coreList } from '../../transport';

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
