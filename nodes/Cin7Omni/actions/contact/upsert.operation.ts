import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chunk, type Sourced } from '../../../shared/batching';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import { buildRecords, emitOutcomes, sendBatches, type Outcome } from '../../helpers/batchWrite';
import { readKey, readString } from '../../helpers/keys';
import { readSubscriptionSource } from '../../helpers/subscriptionOptions';
import { inList } from '../../helpers/where';
import { omniList } from '../../transport';
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

/** Emails per lookup call: keeps the `where` short while saving calls against the daily budget. */
const LOOKUP_CHUNK = 50;

/**
 * Upsert by email: one lookup per 50 emails, then one PUT array for the existing contacts and one
 * POST array for the new ones. Items sharing an email all follow the first one, so a re-run or a
 * duplicate row never creates a second contact.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const outcomes = new Map<number, Outcome>();
	const records = buildRecords(
		this,
		(i) => {
			const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
			const email = String(this.getNodeParameter('email', i, '') ?? '').trim();
			if (!email) throw inputError(this, i, 'Email', 'is empty');
			const record = buildContact(this, i, { ...fields, email }, readSubscriptionSource(this, i), 'Additional Fields');
			return { ...record, type: this.getNodeParameter('type', i, 'Customer') as string };
		},
		outcomes,
	);

	const existing = new Map<string, IDataObject>();
	const emails = [...new Set(records.map((r) => String(r.record.email).toLowerCase()))];
	const lookupFailed = new Map<string, unknown>();
	for (const group of chunk(emails, LOOKUP_CHUNK)) {
		try {
			const found = await omniList.call(this, 'Contacts', { where: inList('email', group), order: 'id ASC' });
			for (const c of found) {
				const key = (readString(c, 'email') ?? '').trim().toLowerCase();
				if (key && !existing.has(key)) existing.set(key, c);
			}
		} catch (error) {
			for (const e of group) lookupFailed.set(e, error);
		}
	}

	const toUpdate: Array<Sourced<IDataObject>> = [];
	const toCreate: Array<Sourced<IDataObject>> = [];
	const firstByEmail = new Map<string, number>();
	const followers = new Map<number, number>();
	for (const s of records) {
		const key = String(s.record.email).toLowerCase();
		if (lookupFailed.has(key)) {
			outcomes.set(s.itemIndex, { ok: false, error: lookupFailed.get(key) });
			continue;
		}
		const first = firstByEmail.get(key);
		if (first !== undefined) {
			followers.set(s.itemIndex, first);
			continue;
		}
		firstByEmail.set(key, s.itemIndex);
		const match = existing.get(key);
		if (match) {
			// The type is kept as it is on an existing contact.
			const { type: _type, ...rest } = s.record;
			toUpdate.push({ itemIndex: s.itemIndex, record: { id: readKey(match, 'id') as number, ...rest } });
		} else {
			toCreate.push(s);
		}
	}

	await sendBatches(this, 'PUT', 'Contacts', toUpdate, outcomes, (record, result) => ({
		...record,
		id: result.id ?? record.id,
		success: true,
		operation: 'updated',
	}));
	await sendBatches(this, 'POST', 'Contacts', toCreate, outcomes, (record, result) => ({
		...record,
		id: result.id,
		success: true,
		operation: 'created',
	}));
	for (const [item, first] of followers) {
		const o = outcomes.get(first);
		if (o) outcomes.set(item, o.ok ? { ok: true, json: { ...o.json, duplicateOfItem: first } } : o);
	}
	return emitOutcomes(this, outcomes);
}
