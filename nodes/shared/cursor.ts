import type { IDataObject } from 'n8n-workflow';

/**
 * The "last modified" polling contract every trigger in this package follows.
 *
 * - The cursor is the largest server-side modified time seen (UTC), never the local clock, and
 *   never later than the moment the walk began: a record changed while we were paging may sit on
 *   a page already read, and must be inside the next walk.
 * - Each walk re-reads an overlap before the cursor and drops records already emitted with the
 *   same (id, modified time): ties across a page boundary, clock skew and restarts that rewind
 *   the cursor are neither lost nor repeated.
 * - The first run seeds the cursor (now, or a start date for a history backfill) without a flood.
 * - A poll emits at most `maxPerPoll` records, oldest first; the backlog follows on the next poll.
 * - Manual runs return a recent sample and leave the cursor alone.
 *
 * Guarantee: every record version that exists when a poll runs is emitted by that poll or a later
 * one, and no (id, modified time) is emitted twice, PROVIDED THAT
 *
 * 1. `overlapMs` ≥ how far the vendor's clock may lag ours + how long a write may stay invisible
 *    after its timestamp (commit / replica delay). Walk duration does not matter: the cursor is
 *    capped at the walk start. Use `cursorOverlapMs` to enforce a floor on a user setting.
 * 2. `fetchChanged` returns every record whose modified time is ≥ `since` (an inclusive filter;
 *    a filter that truncates `since` to whole seconds is fine, records older than `since` are
 *    dropped here) and its pages do not shift towards the start while it is paging:
 *    - order by a stable key (ID) or newest first: a record changed mid-walk then stays in place
 *      or moves to the front, so at worst a record is read twice (dropped as a duplicate);
 *    - do NOT send `until` to the server as an upper bound when paging by offset: a record
 *      changed mid-walk then leaves the result set, every later record moves one place back, and
 *      the record at the next page boundary is skipped — possibly for good if it is old —
 *      unless the walk notices the shrink and re-reads (Cin7 Core's saleList walk does this by
 *      watching `Total`, see `coreWindowPages`: with `until`, a record moving to the end of a
 *      modified-ordered list also leaves the set, so the shrink is visible either way);
 *    - deleted / deactivated records vanishing mid-walk shift pages the same way; list them too
 *      (e.g. Cin7 Core `IncludeDeprecated=true`) when walking by offset.
 * 3. With `ascending: true` the API must really sort by modified time, oldest first. Offset pages
 *    in that order DO shift (a record changed mid-walk moves to the end), so the walk never trusts
 *    page 2 of a query: after each page it asks again from the last modified time it has read
 *    (keyset paging). Pass `pageSize` so a short page ends the walk without an extra request.
 *    Only when more than a page of records share one modified time does it page by offset within
 *    them; the cursor then holds at that time for one more poll, which re-reads them. A record of
 *    such a group can still be missed if group members change during BOTH walks.
 * 4. A record changed twice within one timestamp tick keeps its (id, modified) key; the second
 *    change is not emitted again. More than `maxSeen` emitted keys inside the overlap window
 *    forgets the oldest of them, which may then repeat.
 */
export interface RecordVersion {
	id: string;
	modified?: Date;
}

export interface CursorState extends IDataObject {
	configKey: string;
	cursor: string;
	/** `${id}@${modifiedMs}` → modifiedMs for records emitted inside the overlap window. */
	seen: IDataObject;
	/** Set when the last poll held the cursor at a tie group it paged by offset (rule 3). */
	heldAt?: string;
}

export interface CursorPollOptions<T> {
	/** The node's workflow static data; the cursor lives here. */
	staticData: IDataObject;
	manual: boolean;
	/** Anything whose change should restart the cursor (event, filters). */
	configKey: string;
	/** Local time when the poll began, before any request (the walk start). */
	nowMs: number;
	overlapMs: number;
	maxPerPoll: number;
	/** History backfill: begin at this date instead of now. */
	startDate?: Date;
	sampleSize: number;
	versionOf(record: T): RecordVersion;
	/**
	 * Pages of records modified at or after `since`. `until` is the walk start; see rule 2 above
	 * before sending it to the API.
	 */
	fetchChanged(since: Date, until: Date): AsyncIterable<T[]>;
	/** A recent sample for manual runs. */
	fetchSample(limit: number): Promise<T[]>;
	/** Pages arrive in ascending modified order, so the walk may stop once the cap is filled. */
	ascending?: boolean;
	/** Rows per full page that `fetchChanged` asks for; with `ascending`, saves a request per query. */
	pageSize?: number;
	/** Bound on remembered keys; the overlap window normally holds far fewer. */
	maxSeen?: number;
}

export interface CursorPollResult<T> {
	records: T[];
	/** More changes are waiting; the next poll continues with them. */
	backlog: boolean;
}

/** A sensible overlap for vendor polling: covers minutes of clock skew and replica delay. */
export const DEFAULT_OVERLAP_MS = 5 * 60_000;
/** Below this the guarantee above rests on perfectly synchronised clocks. */
export const MIN_OVERLAP_MS = 60_000;

/** Turns a user's "overlap (minutes)" setting into milliseconds, never below `MIN_OVERLAP_MS`. */
export function cursorOverlapMs(minutes: number | undefined): number {
	const ms = typeof minutes === 'number' && Number.isFinite(minutes) ? minutes * 60_000 : DEFAULT_OVERLAP_MS;
	return Math.max(MIN_OVERLAP_MS, Math.round(ms));
}

const keyOf = (v: RecordVersion) => `${v.id}@${v.modified ? v.modified.getTime() : 'none'}`;
const msOf = (v: RecordVersion) => {
	const ms = v.modified ? v.modified.getTime() : Number.NaN;
	return Number.isFinite(ms) ? ms : Number.NEGATIVE_INFINITY;
};

function readState(staticData: IDataObject): CursorState | undefined {
	const s = staticData.cursorState as CursorState | undefined;
	if (!s || typeof s.cursor !== 'string' || typeof s.configKey !== 'string') return undefined;
	if (Number.isNaN(Date.parse(s.cursor))) return undefined;
	if (!s.seen || typeof s.seen !== 'object') s.seen = {};
	return s;
}

export async function pollWithCursor<T>(opts: CursorPollOptions<T>): Promise<CursorPollResult<T> | null> {
	if (opts.manual) return manualSample(opts);

	const state = loadOrSeedState(opts);
	// Without a backfill date the first run only marks "from now on".
	if (!state) return null;
	const cursorMs = Date.parse(state.cursor);
	const cap = Math.max(1, opts.maxPerPoll);

	const walk = await walkChanges(opts, state.seen, cursorMs, cap);
	const { emitted, backlog } = chooseEmitted(walk.fresh, cap);
	const nextCursor = advanceCursor(state, {
		cursorMs,
		walkStartMs: opts.nowMs,
		proposedMs: backlog ? msOf(emitted[emitted.length - 1].version) : walk.maxModified,
		pinMs: walk.pinMs,
	});
	rememberEmitted(state, emitted, nextCursor, opts);

	return emitted.length ? { records: emitted.map((e) => e.record), backlog } : null;
}

async function manualSample<T>(opts: CursorPollOptions<T>): Promise<CursorPollResult<T> | null> {
	const sample = await opts.fetchSample(opts.sampleSize);
	return sample.length ? { records: sample, backlog: false } : null;
}

/**
 * The stored state, or a new one on the first run or after a config change: at the backfill start
 * date, else at now. Undefined when the new state has nothing to walk yet (no backfill).
 */
function loadOrSeedState<T>(opts: CursorPollOptions<T>): CursorState | undefined {
	const stored = readState(opts.staticData);
	if (stored && stored.configKey === opts.configKey) return stored;
	const state: CursorState = {
		configKey: opts.configKey,
		cursor: new Date(opts.startDate ? opts.startDate.getTime() : opts.nowMs).toISOString(),
		seen: {},
	};
	opts.staticData.cursorState = state;
	return opts.startDate ? state : undefined;
}

interface FreshRecord<T> {
	record: T;
	version: RecordVersion;
}

interface WalkResult<T> {
	/** Records not emitted before, keyed by (id, modified), in the order they were read. */
	fresh: Map<string, FreshRecord<T>>;
	/** The newest modified time read, not below the cursor. */
	maxModified: number;
	/** Set when the cursor must not pass a time whose records were paged by offset (rule 3). */
	pinMs?: number;
}

/** Collects what a walk reads: the versions not emitted before and the newest modified time. */
class FreshRecords<T> {
	readonly fresh = new Map<string, FreshRecord<T>>();
	maxModified: number;

	constructor(
		private readonly versionOf: (record: T) => RecordVersion,
		private readonly seen: IDataObject,
		private readonly sinceMs: number,
		cursorMs: number,
	) {
		this.maxModified = cursorMs;
	}

	take(page: T[]): void {
		for (const record of page) {
			const version = this.versionOf(record);
			const ms = msOf(version);
			// An API that rounds `since` down (to whole seconds) returns records from before the
			// window; the keys of those were pruned from `seen`, so they would repeat.
			if (Number.isFinite(ms) && ms < this.sinceMs) continue;
			if (ms > this.maxModified) this.maxModified = ms;
			const key = keyOf(version);
			if (this.seen[key] !== undefined || this.fresh.has(key)) continue;
			this.fresh.set(key, { record, version });
		}
	}

	/** Ascending pages only: the cap is filled by records older than anything still unread. */
	capFilled(lastMs: number, cap: number): boolean {
		if (this.fresh.size <= cap) return false;
		const held = [...this.fresh.values()].map((f) => msOf(f.version)).sort((a, b) => a - b);
		return lastMs > held[cap - 1];
	}
}

/** Reads every change since the cursor minus the overlap, up to the walk start. */
async function walkChanges<T>(
	opts: CursorPollOptions<T>,
	seen: IDataObject,
	cursorMs: number,
	cap: number,
): Promise<WalkResult<T>> {
	const sinceMs = cursorMs - opts.overlapMs;
	const until = new Date(opts.nowMs);
	const read = new FreshRecords(opts.versionOf, seen, sinceMs, cursorMs);
	let pinMs: number | undefined;
	const keyset = opts.ascending ? await walkAscending(opts, read, sinceMs, until, cap) : undefined;
	if (keyset?.sorted) {
		pinMs = keyset.pinMs;
	} else {
		// Not ascending, or the API does not sort as the trigger claims: a full walk. What the
		// keyset walk read stays; it is deduplicated by key.
		await walkAll(opts, read, sinceMs, until);
	}
	return { fresh: read.fresh, maxModified: read.maxModified, pinMs };
}

async function walkAll<T>(opts: CursorPollOptions<T>, read: FreshRecords<T>, sinceMs: number, until: Date) {
	for await (const page of opts.fetchChanged(new Date(sinceMs), until)) read.take(page);
}

type KeysetWalk = { sorted: true; pinMs?: number } | { sorted: false };

/**
 * Keyset paging over an ascending API (rule 3): one query after another, each from the last
 * modified time the previous one read, until the changes or the cap run out.
 */
async function walkAscending<T>(
	opts: CursorPollOptions<T>,
	read: FreshRecords<T>,
	sinceMs: number,
	until: Date,
	cap: number,
): Promise<KeysetWalk> {
	let pinMs: number | undefined;
	for (let from = sinceMs; ; ) {
		const query = await readAscendingQuery(opts, read, from, until, cap);
		// The first tie group paged by offset is the one the cursor must not pass.
		if (query.offsetPaged && pinMs === undefined) pinMs = from;
		if (query.end === 'unsorted') return { sorted: false };
		if (query.end === 'done') return { sorted: true, pinMs };
		from = query.end;
	}
}

interface AscendingQuery {
	/** A time to query again from, or why the walk ends. */
	end: number | 'done' | 'unsorted';
	/** Pages of records all modified at `from` were read by offset. */
	offsetPaged: boolean;
}

/** Reads one ascending query from `from` until it must be asked again; always closes its pages. */
async function readAscendingQuery<T>(
	opts: CursorPollOptions<T>,
	read: FreshRecords<T>,
	from: number,
	until: Date,
	cap: number,
): Promise<AscendingQuery> {
	const pages = opts.fetchChanged(new Date(from), until)[Symbol.asyncIterator]();
	let next: IteratorResult<T[]> = await pages.next();
	let prevMs = Number.NEGATIVE_INFINITY;
	let offsetPaged = false;
	const end = (to: AscendingQuery['end']): AscendingQuery => ({ end: to, offsetPaged });
	try {
		while (!next.done) {
			const page = next.value;
			read.take(page);
			if (!page.length) return end('done');
			const times = page.map((r) => msOf(opts.versionOf(r)));
			if (times.some((ms, i) => ms < (i ? times[i - 1] : prevMs))) return end('unsorted');
			const lastMs = times[times.length - 1];
			prevMs = lastMs;
			if (read.capFilled(lastMs, cap)) return end('done');
			const full = opts.pageSize === undefined ? undefined : page.length >= opts.pageSize;
			if (full === false) return end('done');
			if (full && lastMs > from) return end(lastMs);
			// Without a page size, ask the iterator: it ends after a short page for free.
			next = await pages.next();
			if (next.done) return end('done');
			// Never read page 2 of an ascending query: records changed since page 1 moved to the
			// end and shifted it. Ask again from the last time read.
			if (lastMs > from) return end(lastMs);
			// A page full of records at `from`: page through them by offset.
			offsetPaged = true;
		}
		return end('done');
	} finally {
		await pages.return?.();
	}
}

/** Oldest first (ties by id), at most `cap`; the rest is the backlog of the next poll. */
function chooseEmitted<T>(fresh: Map<string, FreshRecord<T>>, cap: number) {
	const ordered = [...fresh.values()].sort(
		(a, b) => msOf(a.version) - msOf(b.version) || (a.version.id < b.version.id ? -1 : a.version.id > b.version.id ? 1 : 0),
	);
	const emitted = ordered.slice(0, cap);
	return { emitted, backlog: ordered.length > emitted.length };
}

/**
 * Moves the cursor to `proposedMs` (the last emitted time with a backlog, else the newest time
 * read), but never past the walk start nor backwards; writes `cursor` and `heldAt`.
 */
function advanceCursor(
	state: CursorState,
	at: { cursorMs: number; walkStartMs: number; proposedMs: number; pinMs?: number },
): number {
	let nextCursor = Math.min(at.proposedMs, at.walkStartMs);
	// Leaving a tie group paged by offset takes one more walk that re-reads it from the start, so
	// a record skipped because another one of the group changed mid-walk is read then. Held once
	// per group: a group larger than a page stays forever and must not stop the trigger.
	let held: number | undefined;
	if (at.pinMs !== undefined) {
		// Records skipped inside the group are at least as new as the group and, unseen, not
		// older than the cursor.
		const holdAt = Math.max(at.pinMs, at.cursorMs);
		if (nextCursor > holdAt && state.heldAt !== new Date(holdAt).toISOString()) {
			nextCursor = holdAt;
			held = holdAt;
		}
	}
	if (held === undefined) delete state.heldAt;
	else state.heldAt = new Date(held).toISOString();
	nextCursor = Math.max(nextCursor, at.cursorMs);
	state.cursor = new Date(nextCursor).toISOString();
	return nextCursor;
}

/** Adds the emitted keys to `seen` and keeps only those the next walk's overlap can re-read. */
function rememberEmitted<T>(
	state: CursorState,
	emitted: FreshRecord<T>[],
	nextCursor: number,
	opts: Pick<CursorPollOptions<T>, 'overlapMs' | 'maxSeen'>,
): void {
	const seen = state.seen;
	for (const { version } of emitted) seen[keyOf(version)] = Number.isFinite(msOf(version)) ? msOf(version) : nextCursor;
	const keepFrom = nextCursor - opts.overlapMs;
	const kept = Object.entries(seen)
		.filter(([, ms]) => (ms as number) >= keepFrom)
		.sort((a, b) => (b[1] as number) - (a[1] as number))
		.slice(0, opts.maxSeen ?? 20_000);
	state.seen = Object.fromEntries(kept);
}
