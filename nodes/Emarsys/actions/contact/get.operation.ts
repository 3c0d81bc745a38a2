import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildRecords, writeInBatches, type RecordVerdict } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { splitList } from '../../../shared/params';
import { fieldIndexFor, OPTIN_FIELD, optInValue, requireFieldId, valuesOfAllItems, type FieldIndex } from '../../helpers/fields';
import { byKeyField, errorsByKey, recordName, keyFieldOf, keyFieldProperty, keyValueProperty, readKey, type ContactKey } from '../../helpers/keys';
import { emarsysRequest, MAX_BATCH } from '../../transport';

const DEFAULT_FIELDS = 'first_name,last_name,email,optin';

const properties: INodeProperties[] = [
	keyFieldProperty,
	keyValueProperty('The value of the key field to look up, e.g. the email address'),
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'string',
		default: DEFAULT_FIELDS,
		description: 'Contact fields to return, comma-separated names or IDs',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, properties);

interface GetRecord extends ContactKey {
	fields: number[];
}

function build(ctx: IExecuteFunctions, i: number, index: FieldIndex): GetRecord {
	const key = readKey(ctx, i, index);
	const names = splitList(ctx.getNodeParameter('fields', i, DEFAULT_FIELDS));
	const fields = names.map((n) => requireFieldId(ctx, i, 'Fields', index, n));
	return { ...key, fields: [...new Set([key.keyId, OPTIN_FIELD, ...fields])] };
}

/** A contact as read: its fields by name, opt-in as a boolean. */
function present(index: FieldIndex, key: string, row: IDataObject): IDataObject {
	const fields: IDataObject = {};
	for (const [id, value] of Object.entries(row)) {
		if (/^\d+$/.test(id)) fields[index.name(id)] = value;
	}
	return { key, found: true, id: row.id, optIn: optInValue(row[String(OPTIN_FIELD)]), fields };
}

/**
 * `POST /contact/getdata` with up to 1,000 key values per call. A contact Emarsys does not have
 * is an answer, not a failure: `{key, found: false}`, so workflows can branch on it.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const index = await fieldIndexFor(
		this,
		valuesOfAllItems(this, (i) => [...keyFieldOf(this, i), ...splitList(this.getNodeParameter('fields', i, DEFAULT_FIELDS))]),
	);
	const outcomes: ItemOutcomes = new Map();
	const records = buildRecords(this, (i) => {
		const record = build(this, i, index);
		return { record, key: recordName(record) };
	}, outcomes);
	await writeInBatches<GetRecord>(this, {
		vendor: 'Emarsys',
		noun: 'contact',
		maxCount: MAX_BATCH,
		duplicates: 'firstWins',
		send: async (batch) => {
			const verdicts = new Map<number, RecordVerdict>();
			for (const [keyId, group] of byKeyField(batch)) {
				const fields = [...new Set(group.flatMap((r) => r.record.fields))];
				const data = await emarsysRequest.call(this, 'POST', '/contact/getdata', undefined, {
					keyId: String(keyId),
					keyValues: group.map((r) => r.record.key),
					fields,
				});
				const rows = Array.isArray(data?.result) ? (data.result as IDataObject[]) : [];
				const byKey = new Map(rows.map((row) => [String(row[String(keyId)] ?? '').trim().toLowerCase(), row] as const));
				const errors = errorsByKey(data);
				for (const r of group) {
					const k = r.record.key.toLowerCase();
					const row = byKey.get(k);
					if (row) verdicts.set(r.itemIndex, { ok: true, json: present(index, r.record.key, row) });
					else if (errors.has(k) && !/^2008\b|not found/i.test(String(errors.get(k)))) {
						verdicts.set(r.itemIndex, { ok: false, error: errors.get(k), json: { key: r.record.key } });
					} else verdicts.set(r.itemIndex, { ok: true, json: { key: r.record.key, found: false } });
				}
			}
			return batch.map((r) => verdicts.get(r.itemIndex) as RecordVerdict);
		},
	}, records, outcomes);
	return outcomes;
}
