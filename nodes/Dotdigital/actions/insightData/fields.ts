import type { INodeProperties } from 'n8n-workflow';

/** Collection types the insight API accepts, with their display names. */
export const COLLECTION_TYPES: Array<[string, string]> = [
	['Cart Insight', 'cartInsight'],
	['Catalog', 'catalog'],
	['Consent Insight', 'consentInsight'],
	['Custom', 'custom'],
	['EasyEditor Extensions', 'easyEditorExtensions'],
	['Nosto Email Campaigns', 'nostoEmailCampaigns'],
	['Orders', 'orders'],
	['Product Categories', 'productCategories'],
	['Web Insight', 'webInsight'],
	['Wish List', 'wishList'],
];

export const insightFields: INodeProperties[] = [
	{
		displayName: 'Collection Scope',
		name: 'collectionScope',
		type: 'options',
		options: [
			{
				name: 'Account',
				value: 'account',
				description: 'Records belong to the account, e.g. a product catalog (catalog_cin7)',
			},
			{
				name: 'Contact',
				value: 'contact',
				description: 'Each record belongs to a contact, e.g. orders',
			},
		],
		default: 'contact',
		description: 'Whether the collection belongs to the account or its records to contacts',
	},
	{
		displayName: 'Collection Name',
		name: 'collectionName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. orders or catalog_cin7',
		description:
			'Created on first import. Product catalogs for EasyEditor and recommendations must start with catalog_.',
	},
	{
		displayName: 'Collection Type',
		name: 'collectionType',
		type: 'options',
		options: COLLECTION_TYPES.map(([name, value]) => ({ name, value })),
		default: 'orders',
		description: 'Used when the import creates the collection; use Catalog for product catalogs',
	},
	{
		displayName: 'Record Key',
		name: 'recordKey',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. SO-1001 or the SKU',
		description:
			'Unique key of the record in the collection. Importing a key again replaces that record, so use a stable ID (order number, SKU).',
	},
	{
		displayName: 'Contact Email',
		name: 'contactEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		displayOptions: { show: { collectionScope: ['contact'] } },
		description: 'The contact the record belongs to. The contact must already exist in Dotdigital.',
	},
	{
		displayName: 'Record Source',
		name: 'recordSource',
		type: 'options',
		options: [
			{ name: 'Whole Input Item', value: 'item', description: 'The JSON of the input item is the record' },
			{ name: 'JSON Parameter', value: 'json', description: 'Build the record in the Record field below' },
		],
		default: 'item',
		description: 'Where each record\'s JSON comes from',
	},
	{
		displayName: 'Record',
		name: 'recordJson',
		type: 'json',
		default: '{}',
		displayOptions: { show: { recordSource: ['json'] } },
		description:
			'The record as a JSON object. Keep each field\'s type the same on every import (numbers as numbers); arrays of arrays are rejected.',
	},
];
