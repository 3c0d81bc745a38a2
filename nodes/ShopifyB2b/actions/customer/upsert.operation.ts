import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { compact, same, splitList } from '../../../shared/params';
import { ADDRESS_KEYS, sameAddress, USER_ERRORS, userErrorText } from '../../helpers/customer';
import { findCustomerByEmail, readCustomer } from '../../helpers/find';
import { readEmail } from '../../helpers/locators';
import { shopifyGraphql } from '../../transport';
import { emailField } from './findByEmail.operation';
import { sendInvite } from './sendInvite.operation';

const addressOptions: INodeProperties[] = [
	{ displayName: 'Address Line 1', name: 'address1', type: 'string', default: '', description: 'Street and number' },
	{ displayName: 'Address Line 2', name: 'address2', type: 'string', default: '', description: 'Suite, unit, building' },
	{ displayName: 'City', name: 'city', type: 'string', default: '', description: 'City or suburb' },
	{ displayName: 'Company', name: 'company', type: 'string', default: '', description: 'Company name on the address' },
	{ displayName: 'Country Code', name: 'countryCode', type: 'string', default: '', placeholder: 'e.g. AU', description: 'ISO 3166-1 alpha-2 country code' },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', description: 'First name on the address' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', description: 'Last name on the address' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '', description: 'Phone number on the address' },
	{ displayName: 'Province Code', name: 'provinceCode', type: 'string', default: '', placeholder: 'e.g. VIC', description: 'State or province code' },
	{ displayName: 'ZIP', name: 'zip', type: 'string', default: '', description: 'Postal code' },
];

const properties: INodeProperties[] = [
	emailField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Fields written when they differ from the customer\'s; fields left out or empty are kept',
		options: [
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', description: 'The customer\'s first name' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', description: 'The customer\'s last name' },
			{ displayName: 'Note', name: 'note', type: 'string', default: '', description: 'A note on the customer, shown in the Shopify admin' },
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				placeholder: 'e.g. +61395551234',
				description: 'In E.164 form; a number Shopify rejects (format, or used by another customer) is left out and reported in phoneRejected',
			},
			{ displayName: 'Tax Exempt', name: 'taxExempt', type: 'boolean', default: false, description: 'Whether the customer is exempt from tax' },
		],
	},
	{
		displayName: 'Tags to Add',
		name: 'tagsToAdd',
		type: 'string',
		default: '',
		placeholder: 'e.g. b2b, b2b-trade',
		description: 'Added to the customer\'s tags; tags the customer already has (any others included) are kept',
	},
	{
		displayName: 'Tags to Remove',
		name: 'tagsToRemove',
		type: 'string',
		default: '',
		placeholder: 'e.g. b2b-vip',
		description: 'Removed when the customer has them (tags this flow manages and revokes); a tag also in Tags to Add stays',
	},
	{
		displayName: 'Default Address',
		name: 'address',
		type: 'fixedCollection',
		placeholder: 'Add Address',
		default: {},
		description: 'Becomes the default (shipping and billing) address; other addresses of the customer are kept',
		options: [{ displayName: 'Address', name: 'values', values: addressOptions }],
	},
	{
		displayName: 'Send Invite to New Customers',
		name: 'sendInvite',
		type: 'boolean',
		default: false,
		description: 'Whether a customer this call creates gets the account invite email (classic customer accounts)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['upsert'] } }, properties);

const CREATE = `mutation Create($input: CustomerInput!) { customerCreate(input: $input) { customer { id } ${USER_ERRORS} } }`;
const UPDATE = `mutation Update($input: CustomerInput!) { customerUpdate(input: $input) { customer { id } ${USER_ERRORS} } }`;
const TAGS_ADD = `mutation TagsAdd($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, tags: $tags) { node { id } ${USER_ERRORS} } }`;
const TAGS_REMOVE = `mutation TagsRemove($id: ID!, $tags: [String!]!) { tagsRemove(id: $id, tags: $tags) { node { id } ${USER_ERRORS} } }`;
const ADDRESS_CREATE = `mutation AddressCreate($customerId: ID!, $address: MailingAddressInput!) {
customerAddressCreate(customerId: $customerId, address: $address, setAsDefault: true) { address { id } ${USER_ERRORS} } }`;
const ADDRESS_DEFAULT = `mutation AddressDefault($customerId: ID!, $addressId: ID!) {
customerUpdateDefaultAddress(customerId: $customerId, addressId: $addressId) { customer { id } ${USER_ERRORS} } }`;

interface Wanted {
	email: string;
	fields: IDataObject;
	add: string[];
	remove: string[];
	address?: IDataObject;
}

function readWanted(ctx: IExecuteFunctions, i: number): Wanted {
	const email = readEmail(ctx, i, ctx.getNodeParameter('email', i));
	const fields = compact(ctx.getNodeParameter('updateFields', i, {}) as IDataObject);
	for (const key of ['firstName', 'lastName', 'note', 'phone']) if (fields[key] !== undefined) fields[key] = String(fields[key]).trim();
	const add = splitList(ctx.getNodeParameter('tagsToAdd', i, ''));
	const remove = splitList(ctx.getNodeParameter('tagsToRemove', i, '')).filter((t) => !add.some((a) => same(a, t)));
	for (const tag of [...add, ...remove]) {
		if (tag.length > 255) throw inputError(ctx, i, 'Tags', `has a tag longer than 255 characters ("${tag.slice(0, 20)}…")`);
	}
	const raw = ((ctx.getNodeParameter('address', i, {}) as IDataObject).values ?? undefined) as IDataObject | undefined;
	let address: IDataObject | undefined;
	if (raw) {
		address = compact(Object.fromEntries(ADDRESS_KEYS.map((k) => [k, typeof raw[k] === 'string' ? (raw[k] as string).trim() : raw[k]])) as IDataObject);
		if (address.countryCode !== undefined) {
			address.countryCode = String(address.countryCode).toUpperCase();
			if (!/^[A-Z]{2}$/.test(address.countryCode as string)) {
				throw inputError(ctx, i, 'Default Address → Country Code', `is not a two-letter country code ("${String(address.countryCode)}")`);
			}
		}
		if (!Object.keys(address).length) address = undefined;
	}
	return { email, fields, add, remove, address };
}

function rejected(ctx: IExecuteFunctions, i: number, email: string, what: string, problem: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `Item ${i}: Shopify rejected the ${what} of customer "${email}": ${problem}`, { itemIndex: i });
}

/** Whether every userError of a payload is about the phone number (format or taken). */
function onlyPhone(payload: unknown): boolean {
	const errors = ((payload as IDataObject | undefined)?.userErrors ?? []) as IDataObject[];
	return errors.length > 0 && errors.every((e) => JSON.stringify(e.field ?? '').toLowerCase().includes('phone'));
}

/** customerCreate / customerUpdate; a phone Shopify rejects is left out once, and reported. */
async function writeCustomer(ctx: IExecuteFunctions, i: number, email: string, document: string, key: string, input: IDataObject) {
	let data = await shopifyGraphql.call(ctx, document, { input });
	let phoneRejected: string | undefined;
	if (input.phone !== undefined && onlyPhone(data[key])) {
		phoneRejected = userErrorText(data[key]);
		const { phone: _phone, ...rest } = input;
		data = Object.keys(rest).length > (input.id ? 1 : 0) ? await shopifyGraphql.call(ctx, document, { input: rest }) : { [key]: { customer: { id: input.id } } };
	}
	const problem = userErrorText(data[key]);
	if (problem) throw rejected(ctx, i, email, 'customer', problem);
	return { id: String(((data[key] as IDataObject).customer as IDataObject).id), phoneRejected };
}

/**
 * Create or update by email, merging rather than overwriting (customerSet would replace tags and
 * delete addresses not sent): changed fields with customerUpdate, tags with tagsAdd / tagsRemove,
 * the address added (or an equal one reused) and made default. Nothing is written when nothing
 * differs, so a re-run changes nothing.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const wanted = readWanted(this, i);
	const existing = await findCustomerByEmail(this, wanted.email);
	const changed: string[] = [];
	let phoneRejected: string | undefined;
	let id: string;

	if (!existing) {
		const input: IDataObject = { email: wanted.email, ...wanted.fields };
		if (wanted.add.length) input.tags = wanted.add;
		if (wanted.address) input.addresses = [wanted.address];
		({ id, phoneRejected } = await writeCustomer(this, i, wanted.email, CREATE, 'customerCreate', input));
		changed.push('created');
	} else {
		id = String(existing.id);
		const diff: IDataObject = {};
		for (const [key, value] of Object.entries(wanted.fields)) {
			const stored = existing[key];
			const differs = typeof value === 'boolean' ? Boolean(stored) !== value : String(stored ?? '').trim() !== String(value);
			if (differs) diff[key] = value;
		}
		if (Object.keys(diff).length) {
			({ phoneRejected } = await writeCustomer(this, i, wanted.email, UPDATE, 'customerUpdate', { id, ...diff }));
			changed.push('fields');
		}
		const tags = (existing.tags as string[]) ?? [];
		const add = wanted.add.filter((t) => !tags.some((s) => same(s, t)));
		const remove = tags.filter((s) => wanted.remove.some((t) => same(s, t)));
		if (add.length) {
			const data = await shopifyGraphql.call(this, TAGS_ADD, { id, tags: add });
			const problem = userErrorText(data.tagsAdd);
			if (problem) throw rejected(this, i, wanted.email, 'tags', problem);
			changed.push('tagsAdded');
		}
		if (remove.length) {
			const data = await shopifyGraphql.call(this, TAGS_REMOVE, { id, tags: remove });
			const problem = userErrorText(data.tagsRemove);
			if (problem) throw rejected(this, i, wanted.email, 'tags', problem);
			changed.push('tagsRemoved');
		}
		if (wanted.address) {
			const addresses = (existing.addresses as IDataObject[]) ?? [];
			const match = addresses.find((a) => sameAddress(a, wanted.address as IDataObject));
			const isDefault = match && (existing.defaultAddress as IDataObject | null)?.id === match.id;
			if (!match) {
				const data = await shopifyGraphql.call(this, ADDRESS_CREATE, { customerId: id, address: wanted.address });
				const problem = userErrorText(data.customerAddressCreate);
				if (problem) throw rejected(this, i, wanted.email, 'address', problem);
				changed.push('address');
			} else if (!isDefault) {
				const data = await shopifyGraphql.call(this, ADDRESS_DEFAULT, { customerId: id, addressId: match.id });
				const problem = userErrorText(data.customerUpdateDefaultAddress);
				if (problem) throw rejected(this, i, wanted.email, 'default address', problem);
				changed.push('address');
			}
		}
	}

	let invited = false;
	if (!existing && (this.getNodeParameter('sendInvite', i, false) as boolean)) {
		await sendInvite(this, i, id);
		invited = true;
	}
	const customer = changed.length ? await readCustomer(this, id) : existing;
	return {
		...(customer ?? { id, email: wanted.email }),
		created: !existing,
		changed: changed.filter((c) => c !== 'created'),
		invited,
		...(phoneRejected ? { phoneRejected } : {}),
	};
}
