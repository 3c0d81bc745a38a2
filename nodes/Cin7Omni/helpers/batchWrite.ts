import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { chunk, mapBatchResults, type Sourced } from '../../shared/batching';
import { errorItem, withItemIndex } from '../../shared/items';
import { OMNI_BATCH_SIZE, omniRequest } from '../transport';
import { readKey } from './keys';

/** One input item's fate in a batch operation. */
export type Outcome = { ok: true; json: IDataObject } | { ok: false; error: unknown };

export interface WriteResult {
	index?: number;
	success: boolean;
	id?: number | string;
	code?: string;
	errors: string[];
}

function errorText(e: unknown): string {
	if (typeof e === 'string') return e;
	if (e && typeof e === 'object') {
		const m = readKey(e, 'message') ?? readKey(e, 'error') ?? readKey(e, 'errorMessage');
		if (m !== undefined) return String(m);
	}
	return JSON.stringify(e);
}

/** Reads one per-record result whatever the key casing (`success`/`Success`, `errors`/`Errors`). */
export function readWriteResult(raw: unknown): WriteResult {
	const rawErrors = readKey(raw, 'errors');
	const errors = (Array.isArray(rawErrors) ? rawErrors : rawErrors ? [rawErrors] : []).map(errorText);
	const success = readKey(raw, 'success');
	const id = readKey(raw, 'id') as number | string | undefined;
	const index = readKey(raw, 'index');
	const code = readKey(raw, 'code');
	return {
		index: typeof index === 'number' ? index : index !== undefined && index !== null ? Number(index) : undefined,
		// A result without a success flag counts as success only when it names an id and no errors.
		success: success === undefined ? !errors.length && id !== undefined && id !== null : success === true || String(success).toLowerCase() === 'true',
		id: id === null ? undefined : id,
		code: code === undefined || code === null ? undefined : String(code),
		errors,
	};
}

/**
 * Builds each item's record. A bad item fails alone with continue-on-fail; otherwise its input
 * error stops the node before anything is written.
 */
export function buildRecords(
	ctx: IExecuteFunctions,
	build: (itemIndex: number) => IDataObject,
	outcomes: Map<number, Outcome>,
): Array<Sourced<IDataObject>> {
	const records: Array<Sourced<IDataObject>> = [];
	const count = ctx.getInputData().length;
	for (let i = 0; i < count; i++) {
		try {
			records.push({ itemIndex: i, record: build(i) });
		} catch (error) {
			if (!ctx.continueOnFail()) throw withItemIndex(ctx, error, i);
			outcomes.set(i, { ok: false, error });
		}
	}
	return records;
}

/**
 * Sends records in arrays of at most 250 and records each item's outcome. A call that fails as a
 * whole (HTTP error, budget stop) fails every item in that call; a per-record failure fails only
 * its own item.
 */
export async function sendBatches(
	ctx: IExecuteFunctions,
	method: 'POST' | 'PUT',
	resource: string,
	records: Array<Sourced<IDataObject>>,
	outcomes: Map<number, Outcome>,
	describe: (record: IDataObject, result: WriteResult) => IDataObject = (record, result) => ({
		...record,
		id: result.id ?? record.id,
		success: true,
	}),
): Promise<void> {
	for (const batch of chunk(records, OMNI_BATCH_SIZE)) {
		let results: unknown;
		try {
			results = await omniRequest.call(ctx, method, `/${resource}`, undefined, batch.map((s) => s.record));
		} catch (error) {
			for (const s of batch) outcomes.set(s.itemIndex, { ok: false, error });
			continue;
		}
		const list = Array.isArray(results) ? results : [];
		const mapped = mapBatchResults(batch, list, (raw) => {
			const r = readWriteResult(raw);
			return {
				index: r.index,
				ok: r.success,
				error: r.errors.length ? r.errors.join('; ') : 'Cin7 Omni reported the record as not saved.',
			};
		});
		mapped.forEach((outcome, position) => {
			const record = batch[position].record;
			if (outcome.ok) {
				outcomes.set(outcome.itemIndex, { ok: true, json: describe(record, readWriteResult(outcome.result)) });
			} else {
				outcomes.set(outcome.itemIndex, {
					ok: false,
					error: new NodeOperationError(
						ctx.getNode(),
						`Item ${outcome.itemIndex}: Cin7 Omni rejected the record: ${outcome.error}`,
						{
							itemIndex: outcome.itemIndex,
							description: `${method} /${resource} answered with a per-record failure for this item; the other records of the batch were processed on their own.`,
						},
					),
				});
			}
		});
	}
}

/**
 * One output item per input item, in input order and paired with it. Without continue-on-fail
 * the first failed item stops the node, naming that item (records already written stay written).
 */
export function emitOutcomes(ctx: IExecuteFunctions, outcomes: Map<number, Outcome>): INodeExecutionData[][] {
	const out: INodeExecutionData[] = [];
	const count = ctx.getInputData().length;
	for (let i = 0; i < count; i++) {
		const outcome = outcomes.get(i);
		if (!outcome) continue;
		if (outcome.ok) {
			out.push({ json: outcome.json, pairedItem: { item: i } });
		} else if (ctx.continueOnFail()) {
			out.push(errorItem(ctx, outcome.error, i));
		} else {
			throw withItemIndex(ctx, outcome.error, i);
		}
	}
	return [out];
}

/** The whole create/update flow for records that need no lookup first. */
export async function batchWrite(
	ctx: IExecuteFunctions,
	method: 'POST' | 'PUT',
	resource: string,
	build: (itemIndex: number) => IDataObject,
): Promise<INodeExecutionData[][]> {
	const outcomes = new Map<number, Outcome>();
	const records = buildRecords(ctx, build, outcomes);
	await sendBatches(ctx, method, resource, records, outcomes);
	return emitOutcomes(ctx, outcomes);
}
