import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { mapBatchResults } from '../../shared/batching';
import type { BatchWriteJob, DuplicateRule } from '../../shared/batchWrite';
import { OMNI_BATCH_SIZE, omniRequest, unexpectedAnswer } from '../transport';
import { readWriteResult, type WriteResult } from './writeResult';

/** An item's output once Omni saved its record. */
export type Describe = (record: IDataObject, result: WriteResult) => IDataObject;

const saved: Describe = (record, result) => ({ ...record, id: result.id ?? record.id, success: true });

export interface OmniWrite {
	method: 'POST' | 'PUT';
	/** The endpoint, e.g. `Contacts`. */
	resource: string;
	duplicates?: DuplicateRule;
	describe?: Describe;
}

/**
 * Omni's side of a batch write (docs/architecture.md, "Batch writes"): one POST or PUT of an array
 * of up to 250 records, answered with one result per record, matched by its `index` when Omni
 * gives one, else by position.
 */
export function omniBatchJob(ctx: IExecuteFunctions, write: OmniWrite): BatchWriteJob<IDataObject> {
	const describe = write.describe ?? saved;
	return {
		vendor: 'Cin7 Omni',
		noun: 'record',
		maxCount: OMNI_BATCH_SIZE,
		duplicates: write.duplicates ?? 'sendEach',
		async send(batch) {
			const body = batch.map((r) => r.record);
			const results = await omniRequest.call(ctx, write.method, `/${write.resource}`, undefined, body);
			// Anything but a list fails the batch with what came instead, not "no result" per record.
			if (!Array.isArray(results)) {
				throw await unexpectedAnswer(ctx, `${write.method} /${write.resource}`, results, 'one result per record');
			}
			const outcomes = mapBatchResults(batch, results, (raw) => {
				const r = readWriteResult(raw);
				return { index: r.index, ok: r.success, error: r.errors.length ? r.errors.join('; ') : undefined };
			});
			return outcomes.map((o, position) =>
				o.ok ? { ok: true, json: describe(batch[position].record, readWriteResult(o.result)) } : { ok: false, error: o.error },
			);
		},
	};
}
