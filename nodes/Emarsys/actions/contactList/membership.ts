import type { IExecuteFunctions } from 'n8n-workflow';

import { batchWrite, type RecordVerdict } from '../../../shared/batchWrite';
import type { ItemOutcomes } from '../../../shared/operation';
import { fieldIndexFor, valuesOfAllItems } from '../../helpers/fields';
import { errorsByKey, recordName, keyFieldOf, readKey, type ContactKey } from '../../helpers/keys';
import { readListId } from '../../helpers/locators';
import { emarsysRequest, MAX_BATCH, seg } from '../../transport';

interface Member extends ContactKey {
	listId: number;
}

/**
 * Adds contacts to or removes them from a list (`POST /contactlist/{id}/add` or `/delete`), up to
 * 1,000 per call, one call per list and key field. Emarsys reports contacts it does not know in
 * `data.errors` by key value; each becomes its item's error.
 */
export async function changeMembership(ctx: IExecuteFunctions, action: 'add' | 'delete'): Promise<ItemOutcomes> {
	const index = await fieldIndexFor(ctx, valuesOfAllItems(ctx, (i) => keyFieldOf(ctx, i)));
	const done = action === 'add' ? 'added' : 'removed';
	return await batchWrite<Member>(ctx, {
		vendor: 'Emarsys',
		noun: 'contact',
		maxCount: MAX_BATCH,
		duplicates: 'firstWins',
		build: (i) => {
			const listId = readListId(ctx, i);
			const record = { ...readKey(ctx, i, index), listId };
			return { record, key: recordName(record, `list ${listId}`) };
		},
		send: async (batch) => {
			const groups = new Map<string, typeof batch>();
			for (const r of batch) {
				const g = `${r.record.listId}|${r.record.keyId}`;
				groups.set(g, [...(groups.get(g) ?? []), r]);
			}
			const verdicts = new Map<number, RecordVerdict>();
			for (const group of groups.values()) {
				const { listId, keyId } = group[0].record;
				const data = await emarsysRequest.call(
					ctx,
					'POST',
					`/contactlist/${seg(listId)}/${action}`,
					undefined,
					{ key_id: String(keyId), external_ids: group.map((r) => r.record.key) },
					// Adding a member twice or removing one twice leaves the same list.
					{ idempotent: true },
				);
				const errors = errorsByKey(data);
				for (const r of group) {
					const error = errors.get(r.record.key.toLowerCase());
					verdicts.set(
						r.itemIndex,
						error ? { ok: false, error, json: { key: r.record.key, listId } } : { ok: true, json: { key: r.record.key, listId, [done]: true } },
					);
				}
			}
			return batch.map((r) => verdicts.get(r.itemIndex) as RecordVerdict);
		},
	});
}
