import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/items';
import { compact, pairsToObject } from '../../../shared/params';
import { customFieldsProperty } from '../../helpers/fields';
import { subscriptionPatch, type SubscriptionSource } from '../../helpers/subscription';

const text = (displayName: string, name: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...(description ? { description } : {}),
});

/** Optional contact fields, shared by create, update and upsert (alphabetical for the UI). */
export const contactFieldOptions: INodeProperties[] = [
	text('Account Number', 'accountNumber'),
	text('Address 1', 'address1'),
	text('Address 2', 'address2'),
	text('City', 'city'),
	text('Company', 'company'),
	text('Country', 'country'),
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
	text('First Name', 'firstName'),
	text('Group', 'group'),
	{
		displayName: 'Is Active',
		name: 'isActive',
		type: 'boolean',
		default: true,
		description: 'Whether the contact is active',
	},
	text('Job Title', 'jobTitle'),
	text('Last Name', 'lastName'),
	text('Mobile', 'mobile'),
	text('Notes', 'notes'),
	text('Phone', 'phone'),
	text('Post Code', 'postCode'),
	text('Price Column', 'priceColumn', 'Price tier name, as named in the product price columns'),
	text('Stages', 'stages'),
	text('State', 'state'),
	text('Sub Group', 'subGroup'),
	text('Website', 'website'),
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
