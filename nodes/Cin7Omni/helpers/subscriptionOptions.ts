import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';

import {
	acceptsEmail,
	DEFAULT_SUBSCRIPTION_FIELD,
	type SubscriptionSource,
	type SubscriptionSourceType,
} from './subscription';

/** The "where is email consent kept" settings, shared by the contact operations and the trigger. */
export function subscriptionProperties(show: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return [
		{
			displayName: 'Email Consent Source',
			name: 'subscriptionSource',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show },
			options: [
				{
					name: 'Contact Custom Field',
					value: 'customField',
					description: 'A custom field on the contact, e.g. a Yes/No "receive email" field',
				},
				{ name: 'Contact Group', value: 'group', description: 'The contact is in a given group' },
				{ name: 'Contact Stage', value: 'stage', description: 'The contact has a given stage' },
				{ name: 'None', value: 'none', description: 'Do not report email consent' },
			],
			default: 'customField',
			description:
				'Where this Cin7 Omni account keeps marketing email consent (the API has no documented receive-email flag). Contacts get acceptsEmail: true, false, or null when unknown.',
		},
		{
			displayName: 'Email Consent Options',
			name: 'subscriptionOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show, hide: { subscriptionSource: ['none'] } },
			options: [
				{
					displayName: 'Custom Field Name',
					name: 'customFieldName',
					type: 'string',
					default: DEFAULT_SUBSCRIPTION_FIELD,
					description:
						'API name of the contact custom field holding consent (matched case-insensitively). Yes/No, True/False and 1/0 values are understood.',
				},
				{
					displayName: 'Subscribed Value',
					name: 'subscribedValue',
					type: 'string',
					default: '',
					description:
						'The group, stage or custom field value that means the contact accepts email (required for group and stage)',
				},
				{
					displayName: 'Unsubscribed Value',
					name: 'unsubscribedValue',
					type: 'string',
					default: '',
					description:
						'The value that means the contact does not accept email; also the value written for an unsubscribe',
				},
			],
		},
	];
}

export function readSubscriptionSource(
	ctx: IExecuteFunctions | IPollFunctions,
	itemIndex?: number,
): SubscriptionSource {
	const get = (name: string, fallback: unknown) =>
		itemIndex === undefined
			? (ctx as IPollFunctions).getNodeParameter(name, fallback)
			: (ctx as IExecuteFunctions).getNodeParameter(name, itemIndex, fallback);
	const source = get('subscriptionSource', 'customField') as SubscriptionSourceType;
	const options = (get('subscriptionOptions', {}) ?? {}) as IDataObject;
	return {
		source,
		customFieldName: (options.customFieldName as string) || DEFAULT_SUBSCRIPTION_FIELD,
		subscribedValue: (options.subscribedValue as string) || undefined,
		unsubscribedValue: (options.unsubscribedValue as string) || undefined,
	};
}

/** Adds `acceptsEmail` to a contact unless the source is "None". */
export function withConsent(contact: IDataObject, config: SubscriptionSource): IDataObject {
	if (config.source === 'none') return contact;
	return { ...contact, acceptsEmail: acceptsEmail(contact, config) };
}
