import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite, type RecordVerdict } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { fieldIndexFor, valuesOfAllItems } from '../../helpers/fields';
import { byKeyField, errorsByKey, recordName, keyFieldOf, keyFieldProperty, keyValueProperty, readKey, type ContactKey } from '../../helpers/keys';
import { emarsysRequest, MAX_BATCH } from '../../transport';

const properties: INodeProperties[] = [keyFieldProperty, keyValueProperty('The value of the key field of the contact to delete')];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['delete'] } }, properties);

/**
 * `POST /contact/delete` with up to 1,000 contacts per call. A contact that is already gone
 * (2008) counts as deleted: deleting is idempotent, so a re-run does not fail on it.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const index = await fieldIndexFor(this, valuesOfAllItems(this, (i) => keyFieldOf(this, i)));
	return await batchWrite<ContactKey>(this, {
		vendor: 'Emarsys',
		noun: 'contact',
		maxCount: MAX_BATCH,
		duplicates: 'firstWins',
		build: (i) => {
			const record = readKey(this, i, index);
			return { record, key: recordName(record) };
		},
		send: async (batch) => {
			const verdicts = new Map<number, RecordVerdict>();
			for (const [keyId, group] of byKeyField(batch)) {
				const data = await emarsysRequest.call(this, 'POST', '/contact/delete', undefined, {
					key_id: String(keyId),
					contacts: group.map((r) => ({ [String(keyId)]: r.record.key })),
				}, { idempotent: true });
				const errors = errorsByKey(data);
				for (const r of group) {
					const error = errors.get(r.record.key.toLowerCase());
					const gone = error !== undefined && /^2008\b|not found/i.test(error);
					verdicts.set(
						r.itemIndex,
						error && !gone
							? { ok: false, error, json: { key: r.record.key } }
							: { ok: true, json: { key: r.record.key, deleted: true, ...(gone ? { alreadyAbsent: true } : {}) } },
					);
				}
			}
			return batch.map((r) => verdicts.get(r.itemIndex) as RecordVerdict);
		},
	});
}
