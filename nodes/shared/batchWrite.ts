import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withItemIndex } from './items';
import type { ItemOutcomes } from './operation';

/**
 * The one batch engine (docs/architecture.md, "Batch writes"): Cin7 Omni arrays of 250, Dotdigital
 * imports, and every later bulk endpoint. It
 * 1. builds each item's record: bad input fails only that item (without "continue on fail" it
 *    stops the node before anything is written);
 * 2. folds items that share a key, by the job's explicit duplicate rule;
 * 3. splits the records by count and by JSON size;
 * 4. sends one batch at a time and maps each record's verdict back to its input item. A batch that
 *    fails as a whole fails each of its items; a record the vendor rejects fails only its item.
 *    Without "continue on fail" no batch is sent after one with a failure, and the node stops
 *    naming the first failed item (records already written stay written).
 * Outcomes come back by input item, and the router emits them in input order.
 */

/** A record to send and the input item it came from. */
export interface BatchRecord<R> {
	itemIndex: number;
	record: R;
	/** The record's identity at the vendor (email, SKU), for the duplicate rule and messages. */
	key?: string;
}

/**
 * What happens to items whose records share a key:
 * - `sendEach`: nothing, each record is sent (the vendor tolerates repeats, or there is no key);
 * - `firstWins`: only the first is sent; later ones get its outcome with `duplicateOfItem`
 *   (an upsert by key: a re-run or a duplicate row must never create a second record);
 * - `lastWins`: only the last is sent; earlier ones get its outcome with `supersededByItem`
 *   (an import that rejects repeated keys, where the last value is what one-by-one writes leave).
 */
export type DuplicateRule = 'sendEach' | 'firstWins' | 'lastWins';

/** The vendor's verdict on one record of a batch. */
export interface RecordVerdict {
	ok: boolean;
	/** The item's output on success; on failure, fields added to its error item. */
	json?: IDataObject;
	/** Why the vendor rejected the record. */
	error?: string;
}

export interface BatchWriteJob<R> {
	/** The vendor's name, in messages ("Cin7 Omni"). */
	vendor: string;
	/** What one record is called in messages ("record", "contact"). */
	noun: string;
	maxCount: number;
	/** Cap on the summed JSON size of a batch's records, when the vendor caps the body. */
	maxBytes?: number;
	duplicates: DuplicateRule;
	/** Sends one batch; one verdict per record, in the batch's order. */
	send(batch: Array<BatchRecord<R>>, position: { batch: number; of: number }): Promise<RecordVerdict[]>;
}

/** The record of one item, and its key for the duplicate rule. */
export type BuiltRecord<R> = { record: R; key?: string };

/**
 * Builds every item's record. A throw is that item's input error: recorded as its outcome under
 * "continue on fail", otherwise it stops the node before anything is sent. `null` skips the item
 * (its outcome, if any, was set by the builder).
 */
export function buildRecords<R>(
	ctx: IExecuteFunctions,
	build: (itemIndex: number) => BuiltRecord<R> | null,
	outcomes: ItemOutcomes,
): Array<BatchRecord<R>> {
	const records: Array<BatchRecord<R>> = [];
	const count = ctx.getInputData().length;
	for (let i = 0; i < count; i++) {
		try {
			const built = build(i);
			if (built) records.push({ itemIndex: i, ...built });
		} catch (error) {
			if (!ctx.continueOnFail()) throw withItemIndex(ctx, error, i);
			outcomes.set(i, { ok: false, error });
		}
	}
	return records;
}

interface Folded<R> {
	unique: Array<BatchRecord<R>>;
	/** item index → the item whose record stands for it */
	folded: Map<number, number>;
}

function foldDuplicates<R>(records: Array<BatchRecord<R>>, rule: DuplicateRule): Folded<R> {
	const folded = new Map<number, number>();
	if (rule === 'sendEach') return { unique: records, folded };
	const winner = new Map<string, BatchRecord<R>>();
	for (const r of records) {
		if (r.key === undefined) continue;
		if (rule === 'lastWins' || !winner.has(r.key)) winner.set(r.key, r);
	}
	const unique = records.filter((r) => r.key === undefined || winner.get(r.key) === r);
	for (const r of records) {
		const w = r.key === undefined ? r : (winner.get(r.key) as BatchRecord<R>);
		if (w !== r) folded.set(r.itemIndex, w.itemIndex);
	}
	return { unique, folded };
}

const encoder = new TextEncoder();

/** Splits by count and by summed JSON size; a record larger than the cap travels alone. */
export function splitBatches<R>(records: Array<BatchRecord<R>>, maxCount: number, maxBytes?: number) {
	if (maxCount < 1) throw new RangeError('Batch size must be at least 1');
	const out: Array<Array<BatchRecord<R>>> = [];
	let current: Array<BatchRecord<R>> = [];
	let bytes = 0;
	for (const r of records) {
		const size = maxBytes === undefined ? 0 : encoder.encode(JSON.stringify(r.record)).length + 1;
		if (current.length && (current.length >= maxCount || (maxBytes !== undefined && bytes + size > maxBytes))) {
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

function rejection<R>(ctx: IExecuteFunctions, job: BatchWriteJob<R>, r: BatchRecord<R>, reason: string) {
	const subject = r.key === undefined ? `the ${job.noun}` : `the ${job.noun} "${r.key}"`;
	return new NodeOperationError(ctx.getNode(), `Item ${r.itemIndex}: ${job.vendor} rejected ${subject}: ${reason}`, {
		itemIndex: r.itemIndex,
		description: `${job.vendor} answered with a per-record failure for this item; the other records of the batch were processed on their own.`,
	});
}

/** Sends already built records by the job's rules and records every item's outcome. */
export async function writeInBatches<R>(
	ctx: IExecuteFunctions,
	job: BatchWriteJob<R>,
	records: Array<BatchRecord<R>>,
	outcomes: ItemOutcomes,
): Promise<void> {
	const continueOnFail = ctx.continueOnFail();
	const { unique, folded } = foldDuplicates(records, job.duplicates);
	const batches = splitBatches(unique, job.maxCount, job.maxBytes);

	for (const [n, batch] of batches.entries()) {
		let verdicts: RecordVerdict[];
		try {
			verdicts = await job.send(batch, { batch: n + 1, of: batches.length });
		} catch (error) {
			const first = batch[0].itemIndex;
			if (!continueOnFail) {
				const e = withItemIndex(ctx, error, first) as Error & { description?: string };
				const last = batch[batch.length - 1].itemIndex;
				e.description = `Batch ${n + 1} of ${batches.length} (input items ${first}–${last}) failed as a whole. ${e.description ?? ''}`.trim();
				throw e;
			}
			for (const r of batch) outcomes.set(r.itemIndex, { ok: false, error, ...(r.key !== undefined ? { json: { key: r.key } } : {}) });
			continue;
		}
		const failed: Array<BatchRecord<R>> = [];
		batch.forEach((r, k) => {
			const v = verdicts[k] ?? { ok: false, error: `${job.vendor} returned no result for this record.` };
			if (v.ok) outcomes.set(r.itemIndex, { ok: true, json: v.json ?? {} });
			else {
				outcomes.set(r.itemIndex, {
					ok: false,
					error: rejection(ctx, job, r, v.error ?? `${job.vendor} reported the ${job.noun} as not saved.`),
					...(v.json ? { json: v.json } : {}),
				});
				failed.push(r);
			}
		});
		if (failed.length && !continueOnFail) {
			const first = outcomes.get(failed[0].itemIndex) as { error: NodeOperationError };
			if (failed.length > 1) {
				const more = failed.slice(1, 6).map((f) => f.itemIndex).join(', ');
				first.error.message += ` (${failed.length - 1} more ${job.noun}(s) in this batch failed too, e.g. items ${more})`;
			}
			first.error.description = `The other records of batch ${n + 1} of ${batches.length} were written; no later batch was sent. Enable "Continue On Fail" to get one error item per rejected ${job.noun} and keep the rest going.`;
			throw first.error;
		}
	}

	// Folded items share the outcome of the item that stands for them.
	for (const [item, by] of folded) {
		const o = outcomes.get(by);
		if (!o) continue;
		const mark = job.duplicates === 'firstWins' ? { duplicateOfItem: by } : { supersededByItem: by };
		if (o.ok) {
			const rows = Array.isArray(o.json) ? o.json : o.json ? [o.json] : [];
			outcomes.set(item, { ok: true, json: rows.map((row) => ({ ...row, ...mark })) });
		} else {
			outcomes.set(item, { ok: false, error: o.error, json: { ...(o.json ?? {}), ...mark } });
		}
	}
}

/** Build, fold, split, send and map back: the whole batch write for one operation. */
export async function batchWrite<R>(
	ctx: IExecuteFunctions,
	job: BatchWriteJob<R> & { build(itemIndex: number): BuiltRecord<R> | null },
	outcomes: ItemOutcomes = new Map(),
): Promise<ItemOutcomes> {
	const records = buildRecords(ctx, job.build, outcomes);
	await writeInBatches(ctx, job, records, outcomes);
	return outcomes;
}
