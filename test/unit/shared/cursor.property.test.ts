/**
 * Property test for the polling cursor (issue #6, "Cursor"): a simulated vendor store with
 * thousands of records and seeded random streams of changes — ties on whole seconds and across
 * page boundaries, changes landing WHILE a walk is paging (between page fetches), a skewed server
 * clock, random per-poll caps, and random restarts that reload the persisted (JSON) state, which
 * n8n only saves when a poll emits. Properties:
 *   1. no (id, modified) pair is ever emitted twice;
 *   2. every record changed after activation (or inside a backfill) has its LATEST version emitted.
 * Resumable scenarios (rule 5 of nodes/shared/cursor.ts) continue capped walks across polls and
 * restarts; with random ids, records created between polls land anywhere in the list's order and
 * push the rows after them onto the next page.
 */
import type { IDataObject } from 'n8n-workflow';

import { pollWithCursor } from '../../../nodes/shared/cursor';
import { keyOf, pad, prng, SimStore, versionOf, type SimOrder, type SimRecord } from './cursorSim';

interface Scenario {
	order: SimOrder;
	ascending: boolean;
	passPageSize: boolean;
	truncateSince: boolean;
	backfill: boolean;
	resumable?: boolean;
	/** New records get ids that sort anywhere among the others (GUID-like), not after them. */
	randomIds?: boolean;
	/** Rows per page (default 25) and the range of per-poll caps (default 1–10 or 1–150). */
	page?: number;
	caps?: [number, number];
}

const DAY = 86_400_000;
const OVERLAP = 120_000;
const PAGE = 25;

async function run(seed: number, sc: Scenario) {
	const rand = prng(seed);
	const int = (n: number) => Math.floor(rand() * n);
	const activation = Date.parse('2026-03-01T12:00:00Z');
	// Server clock within ±half the overlap of ours: the documented assumption.
	const lag = Math.round((rand() - 0.5) * OVERLAP);
	const store = new SimStore(
		{ order: sc.order, pageSize: sc.page ?? PAGE, serverLagMs: lag, tickMs: 1000, truncateSince: sc.truncateSince },
		activation,
	);
	const ids: string[] = [];
	const newId = () => {
		const id = sc.randomIds && ids.length ? `${pad(int(ids.length))}-${ids.length}` : pad(ids.length);
		ids.push(id);
		return id;
	};
	// History: clusters of equal timestamps (bulk edits) and a spread.
	const clusterTimes = Array.from({ length: 12 }, () => activation - (1 + int(3 * 24 * 60)) * 60_000);
	while (ids.length < 1200) {
		const t = rand() < 0.3 ? clusterTimes[int(clusterTimes.length)] : activation - 1000 * (1 + int((3 * DAY) / 1000));
		store.put(newId(), t);
	}

	const touchedAfterActivation = new Set<string>();
	let mutating = true;
	const mutate = (count: number) => {
		for (let i = 0; i < count; i++) {
			const id = rand() < 0.1 ? newId() : ids[int(ids.length)];
			if (store.touch(id)) touchedAfterActivation.add(id);
		}
	};
	store.beforeQuery = () => {
		store.now += int(800);
		if (mutating && rand() < 0.3) mutate(1 + int(2));
	};
	store.betweenPages = () => {
		store.now += int(2500);
		if (mutating && rand() < 0.6) mutate(1 + int(4));
	};

	const startDate = sc.backfill ? new Date(activation - DAY) : undefined;
	const emitted = new Set<string>();
	let staticData: IDataObject = {};
	let persisted = '{}';
	let polls = 0;

	const poll = async () => {
		polls++;
		const cap = sc.caps ? sc.caps[0] + int(sc.caps[1] - sc.caps[0] + 1) : 1 + int(rand() < 0.5 ? 10 : 150);
		const result = await pollWithCursor<SimRecord>({
			staticData,
			manual: false,
			configKey: 'sales|updated',
			nowMs: store.now,
			overlapMs: OVERLAP,
			maxPerPoll: cap,
			startDate,
			sampleSize: 3,
			versionOf,
			fetchChanged: store.fetchChanged,
			fetchSample: store.fetchSample,
			ascending: sc.ascending,
			resumable: sc.resumable,
			pageSize: sc.passPageSize ? (sc.page ?? PAGE) : undefined,
		});
		if (result) {
			expect(result.records.length).toBeGreaterThan(0);
			expect(result.records.length).toBeLessThanOrEqual(cap);
			for (const r of result.records) {
				const key = keyOf(r);
				if (emitted.has(key)) throw new Error(`seed ${seed}: ${key} emitted twice (poll ${polls})`);
				emitted.add(key);
			}
			// n8n saves static data only when a poll emits.
			persisted = JSON.stringify(staticData);
		}
		return result;
	};

	await poll();
	persisted = JSON.stringify(staticData); // and on activation

	for (let p = 0; p < 120; p++) {
		for (let s = 0; s < 6; s++) {
			store.now += 10_000;
			if (rand() < 0.7) mutate(int(8));
			if (rand() < 0.05) mutate(15); // a burst: many records on one tick
		}
		const r = rand();
		if (r < 0.08) staticData = JSON.parse(persisted); // restart: unsaved changes lost (cursor rewinds)
		else if (r < 0.15) staticData = JSON.parse(JSON.stringify(staticData)); // restart right after a save
		await poll();
	}

	mutating = false;
	let quiet = 0;
	for (let i = 0; i < 3000 && quiet < 3; i++) {
		store.now += 60_000;
		const result = await poll();
		quiet = result ? 0 : quiet + 1;
	}
	expect(quiet).toBe(3);

	const missing: string[] = [];
	for (const rec of store.records.values()) {
		const required = touchedAfterActivation.has(rec.id) || (startDate !== undefined && rec.modified >= startDate.getTime());
		if (required && !emitted.has(keyOf(rec))) missing.push(`${keyOf(rec)} (rev ${rec.rev})`);
	}
	if (missing.length) {
		throw new Error(`seed ${seed} ${JSON.stringify(sc)}: ${missing.length} latest versions never emitted, e.g. ${missing.slice(0, 5).join(', ')}`);
	}
	return { polls, emitted: emitted.size, requests: store.requests, touched: touchedAfterActivation.size };
}

const SEEDS = [1, 7, 42, 2024];

const scenarios: Array<[string, Scenario]> = [
	['stable ID order, offset pages', { order: 'id', ascending: false, passPageSize: false, truncateSince: false, backfill: false }],
	['stable ID order, backfill, API truncates since', { order: 'id', ascending: false, passPageSize: false, truncateSince: true, backfill: true }],
	['newest first, offset pages', { order: 'modifiedDesc', ascending: false, passPageSize: false, truncateSince: true, backfill: true }],
	['modified ascending with page size (keyset walk)', { order: 'modifiedAsc', ascending: true, passPageSize: true, truncateSince: false, backfill: true }],
	['modified ascending without page size', { order: 'modifiedAsc', ascending: true, passPageSize: false, truncateSince: true, backfill: false }],
	['modified ascending, backfill, no page size', { order: 'modifiedAsc', ascending: true, passPageSize: false, truncateSince: false, backfill: true }],
	// Resumable walks (rule 5). Records that start matching `since` (changed from before it) or
	// are created ahead of the walk's position push the rows after them onto later pages; the
	// walk drops those repeats while fewer than about a page of them arrive per poll. The churn
	// here is 20–35 such records per poll, so these walks use pages of 100 rows (Cin7 Core's are
	// 1,000), except small caps, which re-read one page over many polls and follow its rows.
	['stable ID order, resumable capped walks', { order: 'id', ascending: false, passPageSize: true, truncateSince: false, backfill: false, resumable: true, page: 100, caps: [20, 150] }],
	['stable ID order, resumable, backfill, API truncates since, no page size', { order: 'id', ascending: false, passPageSize: false, truncateSince: true, backfill: true, resumable: true, page: 100, caps: [20, 150] }],
	['stable ID order, resumable, backfill, records created anywhere in the order', { order: 'id', ascending: false, passPageSize: true, truncateSince: false, backfill: true, resumable: true, randomIds: true, page: 100, caps: [20, 150] }],
	['stable ID order, resumable, small caps dwelling on a page, records created anywhere', { order: 'id', ascending: false, passPageSize: true, truncateSince: true, backfill: true, resumable: true, randomIds: true, page: 25, caps: [1, 10] }],
];

describe('pollWithCursor property: nothing lost, nothing repeated', () => {
	for (const [name, sc] of scenarios) {
		it.each(SEEDS)(`${name} (seed %i)`, async (seed) => {
			const stats = await run(seed, sc);
			expect(stats.touched).toBeGreaterThan(300);
		});
	}
});
