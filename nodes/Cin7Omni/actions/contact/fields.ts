import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/items';
import { compact, pairsToObject } from '../../../shared/params';
import { customFieldsProperty } from '../../helpers/fields';
import { subscriptionPatch, type SubscriptionSource } from '../../helpers/subscription';

/** A text field sent as the contact field `name`; an empty one is not sent (Omni keeps the value). */
const text = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description: `${description} (sent as ${name}; left empty, it is not sent)`,
});

/** Optional contact fields, shared by create, update and upsert (alphabetical for the UI). */
export const contactFieldOptions: INodeProperties[] = [
	text('Account Number', 'accountNumber', 'Your account number for the customer or supplier'),
	text('Address 1', 'address1', 'First line of the physical address'),
	text('Address 2', 'address2', 'Second line of the physical address'),
	text('City', 'city', 'City of the physical address'),
	text('Company', 'company', 'Company name'),
	text('Country', 'country', 'Country of the physical address, as Cin7 Omni shows it (e.g. New Zealand)'),
	customFieldsProperty,
	{
		displayName: 'Email Subscription',
		name: 'emailSubscription',
		type: 'options',
		options: [
			{ name: 'Subscribed', value: 'subscribed' },
			{ name: 'Unsubscribed', value: 'unsubscribed' },
		],
		default: 'unsubscribed',
		description:
			'Writes email consent through the Email Consent Source setting (e.g. to record an unsubscribe)',
	},
	text('First Name', 'firstName', 'First name of the contact person'),
	text('Group', 'group', 'Contact group name, as set up in Cin7 Omni (e.g. Wholesale)'),
	{
		displayName: 'Is Active',
		name: 'isActive',
		type: 'boolean',
		default: true,
		description: 'Whether the contact is active (sent as isActive; false archives it)',
	},
	text('Job Title', 'jobTitle', 'Job title of the contact person'),
	text('Last Name', 'lastName', 'Last name of the contact person'),
	text('Mobile', 'mobile', 'Mobile phone number'),
	text('Notes', 'notes', 'Free-text notes on the contact'),
	text('Phone', 'phone', 'Phone number'),
	text('Post Code', 'postCode', 'Post code of the physical address'),
	text('Price Column', 'priceColumn', 'Price tier name, as named in the product price columns (e.g. WholesalePrice)'),
	text('Stages', 'stages', 'Stage names, comma-separated, as set up in Cin7 Omni'),
	text('State', 'state', 'State or region of the physical address'),
	text('Sub Group', 'subGroup', 'Contact sub-group name, as set up in Cin7 Omni'),
	text('Website', 'website', 'Website address'),
];

export const contactTypeProperty: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [
		{ name: 'Customer', value: 'Customer' },
		{ name: 'Supplier', value: 'Supplier' },
	],
	default: 'Customer',
	description: 'Whether the contact is a customer or a supplier (sent as type)',
};

/**
 * A contact record from the UI fields: empty values omitted at every depth (Omni's PUT keeps an
 * omitted field as it is but clears one sent as ""), custom fields merged with the consent patch
 * when an email subscription change is asked for.
 */
export function buildContact(
	ctx: IExecuteFunctions,
	i: number,
	fields: IDataObject,
	consent: SubscriptionSource,
	fieldLabel: string,
): IDataObject {
	const { customFields, emailSubscription, ...plain } = fields;
	const record: IDataObject = { ...plain };
	const custom = pairsToObject(customFields as IDataObject);
	if (emailSubscription) {
		let patch: IDataObject;
		try {
			patch = subscriptionPatch(consent, emailSubscription === 'subscribed');
		} catch (error) {
			throw inputError(ctx, i, `${fieldLabel} → Email Subscription`, (error as Error).message);
		}
		Object.assign(custom, (patch.customFields as IDataObject) ?? {});
		delete patch.customFields;
		Object.assign(record, patch);
	}
	if (Object.keys(custom).length) record.customFields = custom;
	if (typeof record.email === 'string') record.email = record.email.trim();
	return compact(record, 'deep');
}
