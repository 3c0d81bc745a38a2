import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { dotdigitalResponse, seg } from '../../transport';
import { buildContact, contactFields, mergeOptionField } from './fields';

const properties: INodeProperties[] = [...contactFields, mergeOptionField];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['upsert'] } },
	properties,
);

/** The PATCH query string spells merge options in kebab case, the import body in camel case. */
const KEBAB: Record<string, string> = {
	overwrite: 'overwrite',
	overwriteIfEmpty: 'overwrite-if-empty',
	overwriteIfNotEmpty: 'overwrite-if-not-empty',
};

/** PATCH /contacts/v3/email/{email}: creates or updates one contact, its lists and channel status in one call. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const contact = buildContact(this, i);
	const email = (contact.identifiers as IDataObject).email as string;
	const mergeOption = KEBAB[this.getNodeParameter('mergeOption', i, 'overwrite') as string] ?? 'overwrite';
	const response = await dotdigitalResponse.call(
		this,
		'PATCH',
		`/contacts/v3/email/${seg(email)}`,
		{ 'merge-option': mergeOption },
		contact,
		// An upsert by email: sending it twice leaves the same contact, so a 502 or a dropped
		// connection is retried instead of failing the item.
		{ idempotent: true },
	);
	const body = (response.body && typeof response.body === 'object' ? response.body : {}) as IDataObject;
	return { ...body, created: response.status === 201 };
}
