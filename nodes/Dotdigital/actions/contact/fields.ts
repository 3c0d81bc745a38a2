import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/items';
import { readJson } from '../../../shared/params';
import { requireEmail } from '../../helpers/email';
import { listIds } from '../../helpers/lists';

/** The v3 API allows at most 100 lists on one contact write. */
export const MAX_LISTS_PER_CONTACT = 100;

export const mergeOptionField: INodeProperties = {
	displayName: 'Merge Option',
	name: 'mergeOption',
	type: 'options',
	options: [
		{
			name: 'Overwrite',
			value: 'overwrite',
			description: 'Every data field sent replaces the stored value',
		},
		{
			name: 'Overwrite If Empty',
			value: 'overwriteIfEmpty',
			description: 'Only fill data fields that are empty at Dotdigital',
		},
		{
			name: 'Overwrite If Not Empty',
			value: 'overwriteIfNotEmpty',
			description: 'Blank values sent do not erase stored values',
		},
	],
	default: 'overwrite',
	description: 'How data fields of an existing contact are updated',
};

/** Fields shared by Upsert and Bulk Import: one contact per input item. */
export const contactFields: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'The contact is matched by this email address and created when missing',
	},
	{
		displayName: 'List Names or IDs',
		name: 'listIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLists' },
		default: [],
		description:
			'Lists (address books) the contact is added to in the same call. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Data Fields',
		name: 'dataFieldsUi',
		placeholder: 'Add Data Field',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Contact data fields to write, e.g. FIRSTNAME or NEWSLETTER_SUB (YES / NO)',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'key',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getDataFields' },
						default: '',
						description:
							'The data field as it exists in Dotdigital, e.g. FIRSTNAME. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The value to store',
					},
				],
			},
		],
	},
	{
		displayName: 'Data Fields (JSON)',
		name: 'dataFieldsJson',
		type: 'json',
		default: '{}',
		description:
			'More data fields as one JSON object, e.g. {"FIRSTNAME": "Ann", "CUSTOMER_ID": "123"}. A null value clears the field. Entries in Data Fields above win over the same name here.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Email channel settings of the contact; fields left out keep their stored values',
		options: [
			{
				displayName: 'Email Status',
				name: 'emailStatus',
				type: 'options',
				options: [
					{
						name: 'Subscribed',
						value: 'subscribed',
						description: 'Contact may receive email (does not resubscribe someone who unsubscribed)',
					},
					{
						name: 'Unsubscribed',
						value: 'unsubscribed',
						description: 'Unsubscribe the contact from all email; only the contact can undo it',
					},
				],
				default: 'subscribed',
				description:
					'Channel status to set. Leave it out to keep the stored status; use a data field such as NEWSLETTER_SUB for a soft YES / NO flag.',
			},
			{
				displayName: 'Email Type',
				name: 'emailType',
				type: 'options',
				options: [
					{ name: 'HTML', value: 'html' },
					{ name: 'Plain Text', value: 'plainText' },
				],
				default: 'html',
				description: 'Whether the contact receives the HTML or the plain-text version of campaigns',
			},
			{
				displayName: 'Opt-In Type',
				name: 'optInType',
				type: 'options',
				options: [
					{ name: 'Double', value: 'double' },
					{ name: 'Single', value: 'single' },
					{ name: 'Unknown', value: 'unknown' },
					{ name: 'Verified Double', value: 'verifiedDouble' },
				],
				default: 'single',
				description: 'How the contact gave consent to receive email',
			},
		],
	},
];

/** The data-field object of one item: JSON first, then the visible pairs. */
export function readDataFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const json = readJson<IDataObject>(
		ctx,
		itemIndex,
		'Data Fields (JSON)',
		ctx.getNodeParameter('dataFieldsJson', itemIndex, '{}'),
		'object',
		'{"FIRSTNAME": "Ann"}',
	);
	// A copy: an expression hands over its own object, which must not collect the rows below.
	const fields: IDataObject = { ...(json ?? {}) };
	const ui = ctx.getNodeParameter('dataFieldsUi', itemIndex, {}) as { field?: Array<{ key?: string; value?: unknown }> };
	for (const [n, pair] of (ui.field ?? []).entries()) {
		const key = String(pair.key ?? '').trim();
		if (!key) throw inputError(ctx, itemIndex, `Data Fields row ${n + 1} Field Name or ID`, 'is empty');
		fields[key] = (pair.value ?? '') as IDataObject[string];
	}
	return fields;
}

/** One item's contact in the v3 shape used by PATCH /contacts/v3 and the v3 import. */
export function buildContact(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const email = requireEmail(ctx, itemIndex, 'Email', ctx.getNodeParameter('email', itemIndex));
	const lists = listIds(ctx, itemIndex, 'List Names or IDs', ctx.getNodeParameter('listIds', itemIndex, []));
	if (lists.length > MAX_LISTS_PER_CONTACT) {
		throw inputError(ctx, itemIndex, 'List Names or IDs', `has ${lists.length} lists; Dotdigital allows ${MAX_LISTS_PER_CONTACT}`);
	}
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const channel: IDataObject = {};
	if (extra.emailStatus) channel.status = extra.emailStatus;
	if (extra.optInType) channel.optInType = extra.optInType;
	if (extra.emailType) channel.emailType = extra.emailType;

	const contact: IDataObject = { identifiers: { email } };
	const dataFields = readDataFields(ctx, itemIndex);
	if (Object.keys(dataFields).length) contact.dataFields = dataFields;
	if (Object.keys(channel).length) contact.channelProperties = { email: channel };
	if (lists.length) contact.lists = lists;
	return contact;
}
