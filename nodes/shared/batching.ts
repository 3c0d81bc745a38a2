/**
 * Batch writes (Cin7 Omni 250 per call, Emarsys 1,000, Dotdigital imports) keep the index of the
 * input item each record came from, so a per-record failure becomes that item's error.
 */
export interface Sourced<T> {
	record: T;
	itemIndex: number;
}

export function chunk<T>(records: T[], size: number): T[][] {
	if (size < 1) throw new RangeError('Batch size must be at least 1');
	const out: T[][] = [];
	for (let i = 0; i < records.length; i += size) out.push(records.slice(i, i + size));
	return out;
}

export interface RecordOutcome<R> {
	itemIndex: number;
	ok: boolean;
	result?: R;
	error?: string;
}

/**
 * Pairs a batch's per-record results with the sourced records sent in it. Vendors report results
 * by position (`index`), so a result that names no position is taken in order.
 */
export function mapBatchResults<T, R>(
	sent: Array<Sourced<T>>,
	results: R[],
	read: (result: R) => { index?: number; ok: boolean; error?: string },
): Array<RecordOutcome<R>> {
	const outcomes: Array<RecordOutcome<R>> = sent.map((s) => ({
		itemIndex: s.itemIndex,
		ok: false,
		error: 'The vendor returned no result for this record.',
	}));
	results.forEach((result, position) => {
		const { index, ok, error } = read(result);
		const at = typeof index === 'number' && index >= 0 && index < sent.length ? index : position;
		if (at >= sent.length) return;
		outcomes[at] = { itemIndex: sent[at].itemIndex, ok, result, error: ok ? undefined : error };
	});
	return outcomes;
}
