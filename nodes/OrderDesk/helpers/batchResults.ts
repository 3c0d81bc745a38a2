import type { IDataObject } from 'n8n-workflow';

import type { BatchRecord, RecordVerdict } from '../../shared/batchWrite';

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
