import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Sourced } from '../../shared/batching';
import { errorItem, withItemIndex } from '../../shared/items';
import { waitForImport, type ImportWait } from '../transport/imports';

/** A record to import, the input item it came from, and the key the vendor reports results by. */
export interface KeyedRecord<T> extends Sourced<T> {
	key: string;
}

export interface RecordResult {
	ok: boolean;
	json: IDataObject;
	error?: string;
}

export interface BatchImportJob<T> {
	/** What one record is called in messages ("contact", "insight record"). */
	noun: string;
	records: Array<KeyedRecord<T>>;
	maxCount: number;
	/** Dotdigital caps import bodies at 50 MB; callers pass a margin below it. */
	maxBytes: number;
	wait: ImportWait;
	/** Sends one batch and returns the vendor's import ID. */
	submit(batch: T[]): Promise<string>;
	statusPath(importId: string): string;
	/** Per-record verdicts from the finished import's report, in the batch's order. */
	judge(batch: Array<KeyedRecord<T>>, report: IDataObject, importId: string): RecordResult[];
}

const encoder = new TextEncoder();

/**
 * Within one run the last item for a key wins: sending a key twice would be rejected as a duplicate,
 * and the last value is what one-by-one upserts would have left behind anyway.
 */
function dedupe<T>(records: Array<KeyedRecord<T>>) {
	const winner = new Map<string, KeyedRecord<T>>();
	for (const r of records) winner.set(r.key, r);
	const unique = [...winner.values()].sort((a, b) => a.itemIndex - b.itemIndex);
	const losers = records.filter((r) => winner.get(r.key) !== r);
	return { unique, losers, winner };
}

function batches<T>(records: Array<KeyedRecord<T>>, maxCount: number, maxBytes: number) {
	const out: Array<Array<KeyedRecord<T>>> = [];
	let current: Array<KeyedRecord<T>> = [];
	let bytes = 0;
	for (const r of records) {
		const size = encoder.encode(JSON.stringify(r.record)).length + 1;
		if (current.length && (current.length >= maxCount || bytes + size > maxBytes)) {
			out.push(current);
			current = [];
			bytes = 0;
		}
		current.push(r);
		bytes += size;
	}
	if (current.length) out.push(current);
	return out;
}

/**
 * Runs an import for all input items together: batches within the API's limits, one import at a
 * time (Dotdigital caps concurrent imports), each polled to completion. Every record's verdict
 * goes back to its own input item: with "continue on fail" a rejected record becomes that item's
 * error and the rest go on; without it the node stops after the batch, naming the item.
 *
 * `results` is indexed by input item; items that failed before the import are already filled.
 */
export async function runBatchImport<T>(
	ctx: IExecuteFunctions,
	job: BatchImportJob<T>,
	results: Array<INodeExecutionData | undefined>,
): Promise<void> {
	const continueOnFail = ctx.continueOnFail();
	const { unique, losers, winner } = dedupe(job.records);
	const verdicts = new Map<KeyedRecord<T>, RecordResult>();
	const all = batches(unique, job.maxCount, job.maxBytes);

	for (const [n, batch] of all.entries()) {
		const first = batch[0].itemIndex;
		const last = batch[batch.length - 1].itemIndex;
		let judged: RecordResult[];
		try {
			const importId = await job.submit(batch.map((r) => r.record));
			const report = await waitForImport(ctx, job.statusPath(importId), job.wait);
			judged = job.judge(batch, report, importId);
		} catch (error) {
			if (!continueOnFail) {
				const e = withItemIndex(ctx, error, first);
				(e as { description?: string }).description = `Batch ${n + 1} of ${all.length} (input items ${first}–${last}) failed as a whole. ${(e as { description?: string }).description ?? ''}`.trim();
				throw e;
			}
			for (const r of batch) results[r.itemIndex] = errorItem(ctx, error, r.itemIndex, { key: r.key });
			continue;
		}

		const failed: Array<{ r: KeyedRecord<T>; v: RecordResult }> = [];
		batch.forEach((r, k) => {
			const v = judged[k];
			verdicts.set(r, v);
			if (v.ok) results[r.itemIndex] = { json: v.json, pairedItem: { item: r.itemIndex } };
			else if (continueOnFail) results[r.itemIndex] = errorItem(ctx, new Error(v.error), r.itemIndex, v.json);
			else failed.push({ r, v });
		});
		if (failed.length) {
			const { r, v } = failed[0];
			const more = failed.length > 1 ? ` (${failed.length - 1} more ${job.noun}(s) in this batch failed too, e.g. items ${failed.slice(1, 6).map((f) => f.r.itemIndex).join(', ')})` : '';
			throw new NodeOperationError(ctx.getNode(), `Item ${r.itemIndex}: Dotdigital rejected the ${job.noun} "${r.key}": ${v.error}${more}`, {
				itemIndex: r.itemIndex,
				description: `The other records of batch ${n + 1} were imported. Enable "Continue On Fail" to get one error item per rejected ${job.noun} and keep the rest going.`,
			});
		}
	}

	// Items superseded by a later item with the same key share that item's outcome.
	for (const r of losers) {
		const w = winner.get(r.key) as KeyedRecord<T>;
		const v = verdicts.get(w);
		const superseded = { supersededByItem: w.itemIndex };
		if (!v) results[r.itemIndex] = results[w.itemIndex] && { ...(results[w.itemIndex] as INodeExecutionData), pairedItem: { item: r.itemIndex } };
		else if (v.ok) results[r.itemIndex] = { json: { ...v.json, ...superseded }, pairedItem: { item: r.itemIndex } };
		else results[r.itemIndex] = errorItem(ctx, new Error(v.error), r.itemIndex, { ...v.json, ...superseded });
	}
}

/** Output items in input order. */
export function inOrder(results: Array<INodeExecutionData | undefined>): INodeExecutionData[][] {
	return [results.filter((r): r is INodeExecutionData => r !== undefined)];
}
