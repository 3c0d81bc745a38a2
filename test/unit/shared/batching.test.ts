import { chunk, mapBatchResults, type Sourced } from '../../../nodes/shared/batching';

describe('chunk', () => {
	it('splits into batches of the vendor maximum', () => {
		const rows = Array.from({ length: 501 }, (_, i) => i);
		expect(chunk(rows, 250).map((c) => c.length)).toEqual([250, 250, 1]);
		expect(chunk([], 250)).toEqual([]);
		expect(chunk([1, 2], 5)).toEqual([[1, 2]]);
		expect(() => chunk([1], 0)).toThrow(RangeError);
	});
});

describe('mapBatchResults', () => {
	const sent: Array<Sourced<string>> = [
		{ record: 'a', itemIndex: 4 },
		{ record: 'b', itemIndex: 7 },
		{ record: 'c', itemIndex: 9 },
	];

	it('pairs results by their index, in any order', () => {
		const results = [
			{ index: 2, success: false, errors: ['bad c'] },
			{ index: 0, success: true, id: 10 },
			{ index: 1, success: true, id: 11 },
		];
		const out = mapBatchResults(sent, results, (r) => ({ index: r.index, ok: r.success, error: r.errors?.join('; ') }));
		expect(out.map((o) => [o.itemIndex, o.ok, o.error])).toEqual([
			[4, true, undefined],
			[7, true, undefined],
			[9, false, 'bad c'],
		]);
		expect(out[1].result).toBe(results[2]);
	});

	it('pairs results by position when they carry no index (or an out-of-range one)', () => {
		const out = mapBatchResults(sent, [{ ok: true }, { ok: false, e: 'x' }, { ok: true, index: 99 }], (r) => ({
			index: (r as { index?: number }).index,
			ok: r.ok,
			error: (r as { e?: string }).e,
		}));
		expect(out.map((o) => [o.itemIndex, o.ok, o.error])).toEqual([
			[4, true, undefined],
			[7, false, 'x'],
			[9, true, undefined],
		]);
	});

	it('a record with no result is an error for its item; extra results are ignored', () => {
		const out = mapBatchResults(sent, [{ index: 0, ok: true }], (r) => r);
		expect(out[0].ok).toBe(true);
		expect(out[1]).toEqual({ itemIndex: 7, ok: false, error: 'The vendor returned no result for this record.' });
		expect(out[2].ok).toBe(false);
		const extra = mapBatchResults(sent.slice(0, 1), [{ ok: true }, { ok: true }], (r) => r);
		expect(extra).toHaveLength(1);
	});
});
