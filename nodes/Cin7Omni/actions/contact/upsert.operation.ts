import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildRecords, writeInBatches, type BatchRecord } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { requiredText } from '../../../shared/params';
import { omniBatchJob } from '../../helpers/batchJob';
import { readKey } from '../../helpers/keys';
import { lookupByKey } from '../../helpers/lookup';
import { readSubscriptionSource } from '../../helpers/subscriptionOptions';
import { buildContact, contactFieldOptions, contactTypeProperty } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Contact to update, or create when no contact has this email (matched case-insensitively)',
	},
	{ ...contactTypeProperty, description: 'Used only when the contact is created' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: contactFieldOptions,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['upsert'] } },
	properties,
);

/**
 * Upsert by email: one lookup per 50 emails, then PUT arrays for the existing contacts and POST
 * arrays for the new ones. Items sharing an email all follow the first one (`duplicateOfItem`),
 * so a re-run or a duplicate row never creates a second contact.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const outcomes: ItemOutcomes = new Map();
	const records = buildRecords(
		this,
		(i) => {
			const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
			const email = requiredText(this, i, 'Email', this.getNodeParameter('email', i, ''));
			const contact = buildContact(this, i, { ...fields, email }, readSubscriptionSource(this, i), 'Additional Fields');
			return {
				record: { ...contact, type: this.getNodeParameter('type', i, 'Customer') as string },
				key: email.toLowerCase(),
			};
		},
		outcomes,
	);

	const { found, failed } = await lookupByKey(this, 'Contacts', 'email', records.map((r) => r.key as string));
	const toUpdate: Array<BatchRecord<IDataObject>> = [];
	const toCreate: Array<BatchRecord<IDataObject>> = [];
	for (const r of records) {
		const key = r.key as string;
		const match = found.get(key);
		if (failed.has(key)) {
			outcomes.set(r.itemIndex, { ok: false, error: failed.get(key) });
		} else if (match) {
			// The type is kept as it is on an existing contact.
			const { type: _type, ...rest } = r.record;
			toUpdate.push({ ...r, record: { id: readKey(match, 'id') as number, ...rest } });
		} else {
			toCreate.push(r);
		}
	}

	const write = { resource: 'Contacts', duplicates: 'firstWins' } as const;
	await writeInBatches(
		this,
		omniBatchJob(this, {
			...write,
			method: 'PUT',
			describe: (record, result) => ({ ...record, id: result.id ?? record.id, success: true, operation: 'updated' }),
		}),
		toUpdate,
		outcomes,
	);
	await writeInBatches(
		this,
		omniBatchJob(this, {
			...write,
			method: 'POST',
			describe: (record, result) => ({ ...record, id: result.id, success: true, operation: 'created' }),
		}),
		toCreate,
		outcomes,
	);
	return outcomes;
}
