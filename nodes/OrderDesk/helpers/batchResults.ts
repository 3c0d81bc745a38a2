import type { IDataObject } from 'n8n-workflow';

import type { BatchRecord, RecordVerdict } from '../../shared/batchWrite';
import { httpStatusOf } from '../../shared/http';

/** An answer refusing a batch for its size ("Too many items: at most 100 per call"). */
const TOO_LARGE = /too (many|large|big)|at most|maximum|max(imum)? (batch|items|records)|exceed/i;

/**
 * Sends a batch; when Order Desk refuses it for its size (413, or 400 saying so), sends each half
 * instead. Order Desk documents no batch size, so the user's Batch Size may be above the real one:
 * the batch then costs a few more calls, and nothing fails.
 */
export async function sendSplitting<R>(
	batch: Array<BatchRecord<R>>,
	sendOnce: (part: Array<BatchRecord<R>>) => Promise<RecordVerdict[]>,
): Promise<RecordVerdict[]> {
	// The transport's errors are NodeApiErrors already; only a refusal for size splits the batch.
	const TOO_LARGE_MARK = Symbol('too large');
	const verdicts = await sendOnce(batch).catch((error: unknown) => {
		const status = httpStatusOf(error);
		const tooLarge = status === 413 || (status === 400 && TOO_LARGE.test(String((error as Error).message)));
		if (tooLarge && batch.length > 1) return TOO_LARGE_MARK;
		throw error;
	});
	if (typeof verdicts !== 'symbol') return verdicts;
	const half = Math.ceil(batch.length / 2);
	return [...(await sendSplitting(batch.slice(0, half), sendOnce)), ...(await sendSplitting(batch.slice(half), sendOnce))];
}

/**
 * Per-record verdicts of an Order Desk batch call (`/batch-shipments`, `/batch-inventory-items`).
 * The answer's shape is not documented; every reading met is handled: a list of per-record
 * results (the body itself, or under `results` or the records' own key), matched by the record's
 * key when the results name it and by position otherwise. An answer without such a list accepts
 * every record (a failed call never gets here: the transport throws on it).
 */
export function batchVerdicts<R extends IDataObject>(
	body: unknown,
	batch: Array<BatchRecord<R>>,
	keyField: string,
	listKeys: string[],
	output: (record: R, result: IDataObject | undefined) => IDataObject,
): RecordVerdict[] {
	const results = resultList(body, listKeys);
	if (!results) return batch.map((r) => ({ ok: true, json: output(r.record, undefined) }));
	// Results that name their record are matched by that name, in order (two shipments of one
	// order take that order's two results); others by position.
	const byKey = new Map<string, IDataObject[]>();
	for (const result of results) {
		const key = result?.[keyField];
		if (key !== undefined && key !== null) byKey.set(String(key), [...(byKey.get(String(key)) ?? []), result]);
	}
	return batch.map((r, position) => {
		const result = byKey.size ? byKey.get(String(r.record[keyField]))?.shift() : results[position];
		if (!result) return { ok: false, error: 'Order Desk returned no result for this record' };
		const failure = failureOf(result);
		return failure ? { ok: false, error: failure, json: { result } } : { ok: true, json: output(r.record, result) };
	});
}

function resultList(body: unknown, listKeys: string[]): IDataObject[] | undefined {
	if (Array.isArray(body)) return body as IDataObject[];
	if (!body || typeof body !== 'object') return undefined;
	for (const key of ['results', ...listKeys]) {
		const list = (body as IDataObject)[key];
		if (Array.isArray(list)) return list as IDataObject[];
	}
	return undefined;
}

function failureOf(result: IDataObject): string | undefined {
	if (!result || typeof result !== 'object') return undefined;
	const failed =
		result.status === 'error' || result.status === 'failure' || result.success === false || (result.error !== undefined && result.error !== null && result.error !== '');
	if (!failed) return undefined;
	const text = result.message ?? result.error;
	return typeof text === 'string' && text ? text : JSON.stringify(text ?? result);
}
