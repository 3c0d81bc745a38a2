import type { IDataObject } from 'n8n-workflow';

import {
	cursorOverlapMs,
	DEFAULT_OVERLAP_MS,
	MIN_OVERLAP_MS,
	pollWithCursor,
	type CursorPollOptions,
	type CursorState,
} from '../../../nodes/shared/cursor';
import { keyOf, pad, SimStore, versionOf, type SimOrder, type SimRecord } from './cursorSim';

const T0 = Date.parse('2026-03-01T12:00:00Z');
const MIN = 60_000;

function setup(order: SimOrder = 'id', pageSize = 3, extra: { truncateSince?: boolean } = {}) {
	const store = new SimStore({ order, pageSize, tickMs: 1000, ...extra }, T0);
	const staticData: IDataObject = {};
	const emitted: string[] = [];
	const poll = async (o: Partial<CursorPollOptions<SimRecord>> = {}) => {
		const result = await pollWithCursor<SimRecord>({
			staticData: o.staticData ?? staticData,
			manual: false,
			configKey: 'k',
			nowMs: store.now,
			overlapMs: 5 * MIN,
			maxPerPoll: 100,
			sampleSize: 2,
			versionOf,
			fetchChanged: store.fetchChanged,
			fetchSample: store.fetchSample,
			...o,
		});
		for (const r of result?.records ?? []) emitted.push(keyOf(r));
		return result;
	};
	return { store, staticData, emitted, poll, state: () => staticData.cursorState as CursorState };
}

describe('pollWithCursor', () => {
	it('first run seeds the cursor at now and returns null without reading', async () => {
		const { store, poll, state } = setup();
		store.put('A', T0 - MIN);
		expect(await poll()).toBeNull();
		expect(store.requests).toBe(0);
		expect(state().cursor).toBe(new Date(T0).toISOString());
		store.now += MIN;
		store.touch('A');
		const r = await poll();
		expect(r?.records.map((x) => x.id)).toEqual(['A']);
		store.now += MIN;
		expect(await poll()).toBeNull();
	});

	it('backfills from a start date at most maxPerPoll per poll, resuming the backlog without loss or repeats', async () => {
		const { store, poll, emitted } = setup('id', 4);
		for (let i = 0; i < 10; i++) store.put(pad(i), T0 - (10 - i) * MIN);
		store.put('OLD', T0 - 60 * MIN);
		const startDate = new Date(T0 - 30 * MIN);
		const first = await poll({ startDate, maxPerPoll: 4 });
		expect(first?.records).toHaveLength(4);
		expect(first?.backlog).toBe(true);
		const results = [first];
		for (let i = 0; i < 5; i++) {
			store.now += MIN;
			results.push(await poll({ startDate, maxPerPoll: 4 }));
		}
		expect(results.map((r) => r?.records.length ?? 0)).toEqual([4, 4, 2, 0, 0, 0]);
		expect(results[2]?.backlog).toBe(false);
		expect(emitted).toEqual(Array.from({ length: 10 }, (_, i) => `${pad(i)}@${T0 - (10 - i) * MIN}`));
	});

	it('splits ties at the cap boundary by id and emits the rest next poll', async () => {
		const { store, poll, emitted, state } = setup('id', 2);
		await poll();
		store.now += MIN;
		for (const id of ['E', 'D', 'C', 'B', 'A']) store.touch(id);
		const tieMs = store.serverTime();
		store.now += MIN;
		const r1 = await poll({ maxPerPoll: 3 });
		expect(r1?.records.map((r) => r.id)).toEqual(['A', 'B', 'C']);
		expect(r1?.backlog).toBe(true);
		expect(state().cursor).toBe(new Date(tieMs).toISOString());
		store.now += MIN;
		const r2 = await poll({ maxPerPoll: 3 });
		expect(r2?.records.map((r) => r.id)).toEqual(['D', 'E']);
		expect(r2?.backlog).toBe(false);
		expect(new Set(emitted).size).toBe(5);
	});

	it('ties straddling a page boundary in an ascending walk are all emitted once', async () => {
		const { store, poll, emitted } = setup('modifiedAsc', 2);
		await poll();
		store.now += MIN;
		for (const id of ['A', 'B', 'C', 'D', 'E']) store.touch(id);
		store.now += 1000;
		store.touch('F');
		store.now += MIN;
		const r = await poll({ ascending: true, pageSize: 2, maxPerPoll: 10 });
		expect(r?.records.map((x) => x.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
		store.now += MIN;
		expect(await poll({ ascending: true, pageSize: 2 })).toBeNull();
		expect(emitted).toHaveLength(6);
	});

	it('a record changed during the walk on a page already read is emitted by the next poll, once per version', async () => {
		const { store, poll, emitted } = setup('id', 2);
		for (const id of ['A', 'B', 'C', 'D', 'E']) store.put(id, T0 - 2 * MIN);
		await poll();
		store.now += MIN;
		for (const id of ['A', 'B', 'C', 'D', 'E']) store.touch(id);
		const firstVersion = store.records.get('A')!.modified;
		store.now += MIN;
		let fetches = 0;
		store.betweenPages = () => {
			fetches++;
			store.now += 2000;
			// A sits on page 1, already read; E on page 3, not yet read.
			if (fetches === 1) {
				store.touch('A');
				store.touch('E');
			}
		};
		const r1 = await poll();
		expect(r1?.records.map((r) => r.id).sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
		expect(r1?.records.find((r) => r.id === 'A')?.modified).toBe(firstVersion);
		store.betweenPages = undefined;
		store.now += MIN;
		const r2 = await poll();
		// A's new version was on a page already read; E's new version was read in the walk.
		expect(r2?.records.map(keyOf)).toEqual([keyOf(store.records.get('A')!)]);
		store.now += MIN;
		expect(await poll()).toBeNull();
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(emitted).toContain(keyOf(store.records.get('E')!));
	});

	it('a change stamped before the walk start by a lagging server clock is still caught (overlap ≥ lag)', async () => {
		const store = new SimStore({ order: 'id', pageSize: 2, serverLagMs: 90_000, tickMs: 1000 }, T0);
		const staticData: IDataObject = {};
		const emitted: string[] = [];
		const poll = async () => {
			const r = await pollWithCursor<SimRecord>({
				staticData, manual: false, configKey: 'k', nowMs: store.now, overlapMs: 2 * MIN, maxPerPoll: 50,
				sampleSize: 1, versionOf, fetchChanged: store.fetchChanged, fetchSample: store.fetchSample,
			});
			for (const x of r?.records ?? []) emitted.push(keyOf(x));
		};
		await poll();
		store.now += MIN;
		for (const id of ['A', 'B', 'C', 'D']) store.touch(id);
		store.now += 10 * MIN;
		store.betweenPages = () => {
			store.now += 1000;
			store.touch('A'); // server time is 90 s behind our walk start
		};
		await poll();
		store.betweenPages = undefined;
		store.now += MIN;
		await poll();
		expect(emitted).toContain(keyOf(store.records.get('A')!));
		expect(new Set(emitted).size).toBe(emitted.length);
	});

	it('ascending walk does not skip a record when another one moves to the end mid-walk (keyset paging)', async () => {
		const { store, poll, emitted } = setup('modifiedAsc', 3);
		// Six old records on two pages, one poll interval ago.
		for (let i = 0; i < 6; i++) store.put(pad(i), T0 - 60 * MIN + i * 1000);
		const startDate = new Date(T0 - 61 * MIN);
		let fetches = 0;
		store.betweenPages = () => {
			fetches++;
			store.now += 1000;
			if (fetches === 1) store.touch(pad(0)); // R00000 moves from page 1 to the end
		};
		store.beforeQuery = () => {
			// keyset re-queries also count as "later pages" of the walk
			if (fetches === 0 && store.requests > 0) {
				fetches++;
				store.touch(pad(0));
			}
		};
		await poll({ startDate, ascending: true, pageSize: 3, maxPerPoll: 100 });
		store.betweenPages = undefined;
		store.beforeQuery = undefined;
		store.now += MIN;
		await poll({ startDate, ascending: true, pageSize: 3 });
		for (let i = 0; i < 6; i++) expect(emitted).toContain(keyOf(store.records.get(pad(i))!));
		expect(new Set(emitted).size).toBe(emitted.length);
	});

	it('ascending walk stops early once the cap is filled and resumes next poll', async () => {
		const { store, poll, emitted } = setup('modifiedAsc', 5);
		for (let i = 0; i < 40; i++) store.put(pad(i), T0 - 40 * MIN + i * 1000);
		const startDate = new Date(T0 - 50 * MIN);
		const r = await poll({ startDate, ascending: true, pageSize: 5, maxPerPoll: 7 });
		expect(r?.records).toHaveLength(7);
		expect(r?.backlog).toBe(true);
		expect(store.requests).toBeLessThanOrEqual(2);
		for (let i = 0; i < 10; i++) {
			store.now += MIN;
			await poll({ startDate, ascending: true, pageSize: 5, maxPerPoll: 7 });
		}
		expect(emitted).toEqual(Array.from({ length: 40 }, (_, i) => keyOf(store.records.get(pad(i))!)));
	});

	it('restart with persisted state (JSON round trip), also rewound to an older save, repeats nothing', async () => {
		const { store, poll, emitted } = setup('id', 2);
		let data: IDataObject = {};
		await poll({ staticData: data });
		const saves: string[] = [JSON.stringify(data)];
		for (let round = 0; round < 6; round++) {
			store.now += MIN;
			for (let i = 0; i < 3; i++) store.touch(pad(round * 3 + i));
			store.now += MIN;
			const r = await poll({ staticData: data, maxPerPoll: 2 });
			if (r) saves.push(JSON.stringify(data));
			// a null poll advances the cursor in memory only; restart from the last save
			data = JSON.parse(saves[saves.length - 1]);
		}
		for (let i = 0; i < 5; i++) {
			store.now += MIN;
			const r = await poll({ staticData: data, maxPerPoll: 2 });
			if (r) saves.push(JSON.stringify(data));
		}
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(emitted).toHaveLength(18);
	});

	it('manual mode returns a sample and leaves state alone', async () => {
		const { store, poll, staticData } = setup();
		await poll();
		store.put('A', T0 - MIN);
		store.put('B', T0 - 2 * MIN);
		store.put('C', T0 - 3 * MIN);
		const before = JSON.stringify(staticData);
		const r = await poll({ manual: true, sampleSize: 2 });
		expect(r?.records.map((x) => x.id)).toEqual(['A', 'B']);
		expect(JSON.stringify(staticData)).toBe(before);
		const empty = setup();
		expect(await empty.poll({ manual: true })).toBeNull();
		expect(empty.staticData).toEqual({});
	});

	it('a configuration change reseeds the cursor', async () => {
		const { store, poll, state } = setup();
		await poll({ configKey: 'sales' });
		store.now += 10 * MIN;
		store.touch('A');
		store.now += MIN;
		expect(await poll({ configKey: 'purchases' })).toBeNull();
		expect(state().configKey).toBe('purchases');
		expect(state().cursor).toBe(new Date(store.now).toISOString());
	});

	it('an unreadable stored cursor reseeds instead of walking from NaN', async () => {
		const { poll, staticData, state } = setup();
		staticData.cursorState = { configKey: 'k', cursor: 'garbage', seen: {} };
		expect(await poll()).toBeNull();
		expect(state().cursor).toBe(new Date(T0).toISOString());
	});

	it('keeps the seen-set bounded: only keys inside the overlap window, at most maxSeen', async () => {
		const { store, poll, state } = setup('id', 50);
		await poll();
		for (let round = 0; round < 30; round++) {
			store.now += MIN;
			for (let i = 0; i < 10; i++) store.touch(pad(round * 10 + i));
			await poll();
			// 5-minute overlap, 10 changes a minute → never more than ~60 keys
			expect(Object.keys(state().seen).length).toBeLessThanOrEqual(60);
		}
		store.now += MIN;
		for (let i = 0; i < 30; i++) store.touch(pad(1000 + i));
		await poll({ maxSeen: 5 });
		expect(Object.keys(state().seen)).toHaveLength(5);
	});

	it('drops records older than the window when the API rounds since down (no repeats)', async () => {
		const { store, poll, emitted } = setup('id', 10, { truncateSince: true });
		await poll({ overlapMs: 0 });
		store.now += MIN;
		store.put('A', T0 + 30_000 + 200);
		store.put('B', T0 + 30_000 + 700);
		store.now += MIN;
		await poll({ overlapMs: 0 });
		store.now += MIN;
		await poll({ overlapMs: 0 });
		expect(emitted).toEqual([`A@${T0 + 30_200}`, `B@${T0 + 30_700}`]);
	});

	it('holds the cursor once at a tie group larger than a page, so a skip inside it is re-read', async () => {
		const { store, poll, emitted, state } = setup('modifiedAsc', 3);
		await poll();
		store.now += MIN;
		for (let i = 0; i < 7; i++) store.touch(pad(i)); // 7 records on one tick, page size 3
		const tie = store.serverTime();
		store.now += 5000;
		store.touch('Z');
		store.now += MIN;
		let fetches = 0;
		store.betweenPages = () => {
			fetches++;
			store.now += 1000;
			if (fetches === 1) store.touch(pad(0)); // leaves the group: R00003 slides onto page 1
		};
		await poll({ ascending: true, pageSize: 3 });
		store.betweenPages = undefined;
		expect(state().cursor).toBe(new Date(tie).toISOString());
		store.now += MIN;
		await poll({ ascending: true, pageSize: 3 });
		store.now += MIN;
		await poll({ ascending: true, pageSize: 3 });
		for (const rec of store.records.values()) expect(emitted).toContain(keyOf(rec));
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(Date.parse(state().cursor)).toBeGreaterThan(tie);
	});

	it('falls back to a full walk when pages claimed ascending are not sorted', async () => {
		const { store, poll, emitted } = setup('id', 2);
		await poll();
		store.now += MIN;
		store.touch('D');
		store.now += 1000;
		store.touch('C');
		store.now += 1000;
		store.touch('B');
		store.now += 1000;
		store.touch('A');
		store.now += MIN;
		await poll({ ascending: true, pageSize: 2, maxPerPoll: 1 });
		for (let i = 0; i < 4; i++) {
			store.now += MIN;
			await poll({ ascending: true, pageSize: 2, maxPerPoll: 1 });
		}
		expect(emitted.map((k) => k.split('@')[0])).toEqual(['D', 'C', 'B', 'A']);
	});

	it('an ascending steady-state poll (one short page) costs one request, with or without pageSize', async () => {
		for (const pageSize of [5, undefined]) {
			const { store, poll } = setup('modifiedAsc', 5);
			await poll({ ascending: true, pageSize });
			store.now += MIN;
			store.touch('A');
			store.touch('B');
			store.now += MIN;
			const before = store.requests;
			const r = await poll({ ascending: true, pageSize });
			expect(r?.records).toHaveLength(2);
			expect(store.requests - before).toBe(1);
		}
	});

	describe('resumable walks over a list in stable order (rule 5)', () => {
		const history = (store: SimStore, n: number) => {
			for (let i = 0; i < n; i++) store.put(pad(i), T0 - DAY_MS + ((i * 7919) % n) * 1000);
		};
		const DAY_MS = 86_400_000;
		const startDate = new Date(T0 - 2 * DAY_MS);

		it('a capped backfill continues where the previous poll stopped: each page is read once', async () => {
			const { store, poll, emitted, state } = setup('id', 25);
			history(store, 1000);
			const opts = { startDate, maxPerPoll: 25, resumable: true, pageSize: 25 };
			const polls = [];
			for (let i = 0; i < 41; i++) {
				polls.push(await poll(opts));
				store.now += MIN;
			}
			expect(polls.map((r) => r?.records.length ?? 0)).toEqual([...Array(40).fill(25), 0]);
			expect(new Set(emitted).size).toBe(1000);
			// One query, each page once; the last page was full, so one more request finds the end.
			expect(store.pagesRead).toEqual(Array.from({ length: 41 }, (_, i) => `${startDate.getTime() - 5 * MIN}:${i + 1}`));
			// Complete: the cursor is at the newest record read; the next walks start from it.
			expect(state().walk).toBeUndefined();
			expect(state().cursor).toBe(new Date(T0 - DAY_MS + 999_000).toISOString());
			expect(Object.keys(state().seen).length).toBeLessThanOrEqual(301);
		});

		it('without resuming, the same backfill re-reads the backlog from the cursor on every poll', async () => {
			const { store, poll, emitted } = setup('id', 25);
			history(store, 1000);
			for (let i = 0; i < 41; i++) {
				await poll({ startDate, maxPerPoll: 25, pageSize: 25 });
				store.now += MIN;
			}
			expect(new Set(emitted).size).toBe(1000);
			expect(store.requests).toBeGreaterThan(400);
		});

		it('reads a page the cap cuts again, oldest first, and each poll emits in order', async () => {
			const { store, poll, emitted, state } = setup('id', 5);
			const times = [9, 3, 7, 1, 5, 2, 8, 4, 6, 0];
			times.forEach((t, i) => store.put(pad(i), T0 - 10 * MIN + t * 1000));
			const opts = { startDate, maxPerPoll: 3, resumable: true, pageSize: 5 };
			const r1 = await poll(opts);
			expect(r1?.records.map((r) => r.id)).toEqual([pad(3), pad(1), pad(4)]);
			expect(r1?.backlog).toBe(true);
			expect(state().walk).toMatchObject({ page: 1 });
			const r2 = await poll(opts);
			// The rest of page 1, then the oldest of page 2, sorted oldest first.
			expect(r2?.records.map((r) => r.id)).toEqual([pad(9), pad(2), pad(0)]);
			expect(state().walk).toMatchObject({ page: 2 });
			await poll(opts);
			await poll(opts);
			expect(await poll(opts)).toBeNull();
			expect(emitted.map((k) => k.split('@')[0]).sort()).toEqual(times.map((_, i) => pad(i)));
			expect(new Set(emitted).size).toBe(10);
		});

		it('keeps the walk query until it is complete; a change on a page already read is emitted by the next walk', async () => {
			const { store, poll, emitted, state } = setup('id', 4);
			for (let i = 0; i < 12; i++) store.put(pad(i), T0 - 30 * MIN + i * 1000);
			await poll({ resumable: true, pageSize: 4 });
			store.now += 10 * MIN;
			for (let i = 0; i < 12; i++) store.touch(pad(i));
			const walkStart = store.now;
			const opts = { maxPerPoll: 4, resumable: true, pageSize: 4 };
			await poll(opts);
			const since = state().walk!.since;
			store.now += MIN;
			store.touch(pad(1)); // page 1, already read
			await poll(opts);
			expect(state().walk!.since).toBe(since);
			expect(state().cursor).toBe(new Date(T0).toISOString());
			store.now += MIN;
			await poll(opts); // page 3, full
			expect(state().walk).toMatchObject({ page: 4 });
			await poll(opts); // page 4: empty, the walk is complete
			// The newest time read is R00001's second change, after the walk start.
			expect(state().walk).toBeUndefined();
			expect(state().cursor).toBe(new Date(walkStart).toISOString());
			store.now += MIN;
			const next = await poll(opts);
			expect(next?.records.map((r) => keyOf(r))).toEqual([keyOf(store.records.get(pad(1))!)]);
			expect(new Set(emitted).size).toBe(13);
		});

		it('rows pushed onto the next page by records created ahead of the position are not repeated', async () => {
			const { store, poll, emitted } = setup('id', 4);
			// An hour apart: keys of page 1 are not kept in `seen` (outside the overlap of the newest).
			for (let i = 0; i < 12; i++) store.put(pad(i * 10), T0 - DAY_MS + i * 60 * MIN);
			const opts = { startDate, maxPerPoll: 4, resumable: true, pageSize: 4 };
			await poll(opts);
			store.now += MIN;
			// Two records sorted before the walk's position: the last two rows of page 1 move to page 2.
			store.touch(pad(1));
			store.touch(pad(2));
			for (let i = 0; i < 5; i++) {
				await poll(opts);
				store.now += MIN;
			}
			expect(new Set(emitted).size).toBe(emitted.length);
			expect(emitted).toHaveLength(14);
		});

		it('continues a walk after a restart from the persisted state, and starts a new one from an unreadable point', async () => {
			const { store, poll, emitted, staticData } = setup('id', 5);
			for (let i = 0; i < 20; i++) store.put(pad(i), T0 - 30 * MIN + i * 1000);
			const opts = { startDate, maxPerPoll: 5, resumable: true, pageSize: 5 };
			await poll(opts);
			const saved = JSON.parse(JSON.stringify(staticData)) as IDataObject;
			await poll({ ...opts, staticData: saved });
			expect(store.pagesRead.slice(-1)[0]).toMatch(/:2$/);
			(saved.cursorState as CursorState).walk = { since: 'x', until: 'y', page: 0, maxModified: 'z', tail: {} };
			const before = store.pagesRead.length;
			const fresh = await poll({ ...opts, staticData: saved });
			// A new walk from page 1; what was emitted is in `seen`, so page 3 comes next.
			expect(store.pagesRead.slice(before).map((p) => p.split(':')[1])).toEqual(['1', '2', '3']);
			expect(fresh?.records).toHaveLength(5);
			expect(new Set(emitted).size).toBe(15);
		});

		it('a walk read whole in one poll keeps the unresumable rule: oldest first across it, cursor at the last emitted', async () => {
			const { store, poll, state } = setup('id', 10);
			const times = [5, 1, 4, 2, 3];
			times.forEach((t, i) => store.put(pad(i), T0 - 10 * MIN + t * 1000));
			const r = await poll({ startDate, maxPerPoll: 2, resumable: true, pageSize: 10 });
			expect(r?.records.map((x) => x.id)).toEqual([pad(1), pad(3)]);
			expect(state().walk).toBeUndefined();
			expect(state().cursor).toBe(new Date(T0 - 10 * MIN + 2000).toISOString());
		});
	});

	it('cursorOverlapMs enforces a floor and a default', () => {
		expect(cursorOverlapMs(undefined)).toBe(DEFAULT_OVERLAP_MS);
		expect(cursorOverlapMs(0)).toBe(MIN_OVERLAP_MS);
		expect(cursorOverlapMs(10)).toBe(10 * MIN);
	});
});
