import { collectRows, walkPages, type Page } from '../../../nodes/shared/pagination';

function api(total: number, opts: { reportTotal?: boolean } = {}) {
	const calls: Array<[number, number]> = [];
	const rows = Array.from({ length: total }, (_, i) => i + 1);
	const fetch = async (page: number, size: number): Promise<Page<number>> => {
		calls.push([page, size]);
		const slice = rows.slice((page - 1) * size, page * size);
		return { rows: slice, ...(opts.reportTotal ? { total } : {}) };
	};
	return { calls, fetch };
}

async function all<T>(it: AsyncIterable<T[]>): Promise<T[][]> {
	const out: T[][] = [];
	for await (const p of it) out.push(p);
	return out;
}

describe('walkPages', () => {
	it('ends by Total without asking for an extra page', async () => {
		const a = api(20, { reportTotal: true });
		const pages = await all(walkPages(a.fetch, 10));
		expect(pages.map((p) => p.length)).toEqual([10, 10]);
		expect(a.calls).toEqual([[1, 10], [2, 10]]);
	});

	it('ends on a short page', async () => {
		const a = api(25);
		expect((await all(walkPages(a.fetch, 10))).map((p) => p.length)).toEqual([10, 10, 5]);
		expect(a.calls).toHaveLength(3);
	});

	it('ends on an empty page (exact multiple, no Total) and yields no empty page', async () => {
		const a = api(20);
		expect((await all(walkPages(a.fetch, 10))).map((p) => p.length)).toEqual([10, 10]);
		expect(a.calls).toHaveLength(3);
		const none = api(0, { reportTotal: true });
		expect(await all(walkPages(none.fetch, 10))).toEqual([]);
	});

	it('a short page ends the walk even when Total says more', async () => {
		const fetch = async (page: number): Promise<Page<number>> => ({ rows: page === 1 ? [1, 2] : [], total: 100 });
		expect(await all(walkPages(fetch, 10))).toEqual([[1, 2]]);
	});

	it('starts at firstPage', async () => {
		const a = api(30);
		await all(walkPages(a.fetch, 10, 2));
		expect(a.calls[0]).toEqual([2, 10]);
	});
});

describe('collectRows', () => {
	it('collects everything at the maximum page size without a limit', async () => {
		const a = api(2500, { reportTotal: true });
		expect(await collectRows(a.fetch, 1000)).toHaveLength(2500);
		expect(a.calls).toEqual([[1, 1000], [2, 1000], [3, 1000]]);
	});

	it('with a limit asks only for the page size needed and stops early', async () => {
		const a = api(2500);
		const rows = await collectRows(a.fetch, 1000, 30);
		expect(rows).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
		expect(a.calls).toEqual([[1, 30]]);
		const b = api(2500);
		expect(await collectRows(b.fetch, 100, 250)).toHaveLength(250);
		expect(b.calls).toEqual([[1, 100], [2, 100], [3, 100]]);
	});

	it('a limit of 0 returns nothing and asks for nothing', async () => {
		const a = api(10);
		expect(await collectRows(a.fetch, 100, 0)).toEqual([]);
		expect(a.calls).toEqual([]);
	});
});
