import type { INodeProperties } from 'n8n-workflow';

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
	{
		displayName: 'Currency',
		name: 'Currency',
		type: 'string',
		default: '',
		placeholder: 'e.g. USD',
		description: 'Currency code; required on create',
	},
	{
		displayName: 'Extra Fields (JSON)',
		name: 'extraJson',
		type: 'json',
		default: '{}',
		description: 'Any other customer fields as Cin7 Core names them, e.g. {"CreditLimit": 5000}',
	},
	{ displayName: 'Name', name: 'Name', type: 'string', default: '', description: 'Unique customer name' },
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
		description: 'Deprecated retires the customer without deleting it',
	},
	{ displayName: 'Tags', name: 'Tags', type: 'string', default: '', description: 'Comma-separated tags' },
	{ displayName: 'Tax Rule', name: 'TaxRule', type: 'string', default: '', description: 'Tax rule name; required on create' },
];
