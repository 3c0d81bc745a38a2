import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite, type RecordVerdict } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { readJson } from '../../../shared/params';
import { fieldIndexFor, valuesOfAllItems } from '../../helpers/fields';
import { errorsByKey, recordName, keyFieldOf, keyFieldProperty, keyValueProperty, readKey, type ContactKey } from '../../helpers/keys';
import { eventLocator, readEventId } from '../../helpers/locators';
import { emarsysRequest, MAX_BATCH, MAX_BODY_BYTES, seg } from '../../transport';

const properties: INodeProperties[] = [
	{ ...eventLocator },
	keyFieldProperty,
	keyValueProperty('The value of the key field of the contact the event is for; the contact must exist'),
	{
		displayName: 'Event Data (JSON)',
		name: 'dataJson',
		type: 'json',
		default: '{}',
		description:
			'Data the email can show as {{event.order_id}} and so on, e.g. {"order_id": "SO-1001", "total": 120.5}',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['externalEvent'], operation: ['trigger'] } }, properties);

interface Trigger extends ContactKey {
	eventId: number;
	data?: IDataObject;
}

/**
 * `POST /event/{id}/trigger` with up to 1,000 contacts per call, one call per event and key field.
 * Emarsys answers 200 even when it triggered nothing, naming each contact it could not use in
 * `data.errors` (2008: no such contact): each becomes its item's error. Not idempotent (a repeat
 * sends the email again), so a dropped connection is not retried.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const index = await fieldIndexFor(this, valuesOfAllItems(this, (i) => keyFieldOf(this, i)));
	return await batchWrite<Trigger>(this, {
		vendor: 'Emarsys',
		noun: 'contact',
		maxCount: MAX_BATCH,
		maxBytes: MAX_BODY_BYTES,
		duplicates: 'sendEach',
		build: (i) => {
			const eventId = readEventId(this, i);
			const key = readKey(this, i, index);
			const data = readJson<IDataObject>(this, i, 'Event Data (JSON)', this.getNodeParameter('dataJson', i, '{}'), 'object', '{"order_id": "SO-1"}');
			return { record: { ...key, eventId, ...(data && Object.keys(data).length ? { data } : {}) }, key: recordName(key, `event ${eventId}`) };
		},
		send: async (batch) => {
			const groups = new Map<string, typeof batch>();
			for (const r of batch) {
				const g = `${r.record.eventId}|${r.record.keyId}`;
				groups.set(g, [...(groups.get(g) ?? []), r]);
			}
			const verdicts = new Map<number, RecordVerdict>();
			for (const group of groups.values()) {
				const { eventId, keyId } = group[0].record;
				const data = await emarsysRequest.call(this, 'POST', `/event/${seg(eventId)}/trigger`, undefined, {
					key_id: String(keyId),
					contacts: group.map((r) => ({ external_id: r.record.key, ...(r.record.data ? { data: r.record.data } : {}) })),
				});
				const errors = errorsByKey(data);
				for (const r of group) {
					const error = errors.get(r.record.key.toLowerCase());
					verdicts.set(
						r.itemIndex,
						error
							? { ok: false, error, json: { key: r.record.key, eventId, triggered: false } }
							: { ok: true, json: { key: r.record.key, eventId, triggered: true } },
					);
				}
			}
			return batch.map((r) => verdicts.get(r.itemIndex) as RecordVerdict);
		},
	});
}
