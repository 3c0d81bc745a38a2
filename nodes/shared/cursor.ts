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
 *   A capped walk over a list in a stable order that is not by modified time (rule 5) is resumed
 *   instead of started again: each poll emits the next records in the list's order (each poll's
 *   records sorted oldest first), and the cursor moves only when the walk is complete.
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
 * 5. With `resumable: true` (lists that cannot be sorted by modified time, e.g. Cin7 Core's, paged
 *    by offset) a walk the cap stops before its last page is continued by the next poll instead of
 *    started again from the cursor (which would re-read the backlog on every poll: quadratic). The
 *    state keeps the walk's `since`, its start (`until`), the next page, the newest modified time
 *    read and the keys emitted from the pages around that position; the next poll asks the same
 *    query from that page (a page the cap cut is read again, its emitted records dropped). Each
 *    poll emits its share in list order, sorted oldest first; the cursor moves only when the walk
 *    is complete, to the newest time it read (never past its start). On top of rule 2 this needs:
 *    - `fetchChanged(since, until, fromPage)` starts at page `fromPage` (1-based) and yields one
 *      array per page, in page order; pass `pageSize` so a short page ends the walk;
 *    - the vendor's order is stable across the polls of one walk (e.g. by ID, not by modified
 *      time) and records never leave the list (deprecated ones are listed, as rule 2 asks).
 *    A record changed between two polls of the walk stays where it is and still matches `since`:
 *    on a page not read yet, it is emitted in its new version; on a page already read, the next
 *    walk catches it (the cursor is at most this walk's start, and that walk re-reads the
 *    overlap). A record that starts to match `since` (changed from before it) or is created
 *    between two polls lands anywhere in the order and pushes the rows after it one place
 *    forward: on a page already read it is newer than the walk's start, so the next walk reads
 *    it; the rows pushed across the walk's position were emitted already and are recognised by the
 *    kept keys (rows read again are followed to their new page), which holds while fewer than
 *    about a page of such records arrive ahead of the position per poll. More than that may
 *    repeat a few rows (never lose one).
 *    A walk read whole in its first poll keeps the rule of a walk that is not resumable (the oldest
 *    `maxPerPoll` across it, the cursor at the last one emitted).
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
	/** A capped walk in progress over a list in stable order (rule 5): where the next poll goes on. */
	walk?: WalkPoint;
}

/** Where a resumable walk (rule 5) stands between two polls. */
export interface WalkPoint extends IDataObject {
	/** The query of the walk: the same on every poll until the walk is complete. */
	since: string;
	/** The walk's start: the cursor never passes it. */
	until: string;
	/** The next page to read (1-based); a page only partly emitted is read again. */
	page: number;
	/** The newest modified time the walk has read so far. */
	maxModified: string;
	/**
	 * `${id}@${modifiedMs}` → page, for the keys emitted from the page before the walk's position and
	 * from the page at it: rows read again there (a page the cap cut, rows pushed forward) repeat nothing.
	 */
	tail: IDataObject;
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
	 * before sending it to the API. With `resumable`, the walk begins at page `fromPage` (1-based;
	 * always 1 otherwise).
	 */
	fetchChanged(since: Date, until: Date, fromPage?: number): AsyncIterable<T[]>;
	/** A recent sample for manual runs. */
	fetchSample(limit: number): Promise<T[]>;
	/** Pages arrive in ascending modified order, so the walk may stop once the cap is filled. */
	ascending?: boolean;
	/**
	 * The list keeps a stable order across polls and `fetchChanged` honours `fromPage` (rule 5): a
	 * walk the cap stops is continued by the next poll instead of started again. Not with `ascending`.
	 */
	resumable?: boolean;
	/**
	 * Rows per full page that `fetchChanged` asks for: a shorter page ends the walk without another
	 * request (ascending and resumable walks).
	 */
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
	if (opts.resumable && !opts.ascending) return await pollResumable(opts, state, cursorMs, cap);
	delete state.walk;

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
		private readonly seen: IDataObject[],
		private readonly sinceMs: number,
		cursorMs: number,
	) {
		this.maxModified = cursorMs;
	}

	/** Takes a page; returns its records not emitted before (nor read earlier in this poll). */
	take(page: T[]): FreshRecord<T>[] {
		const out: FreshRecord<T>[] = [];
		for (const record of page) {
			const version = this.versionOf(record);
			const ms = msOf(version);
			// An API that rounds `since` down (to whole seconds) returns records from before the
			// window; the keys of those were pruned from `seen`, so they would repeat.
			if (Number.isFinite(ms) && ms < this.sinceMs) continue;
			if (ms > this.maxModified) this.maxModified = ms;
			const key = keyOf(version);
			if (this.seen.some((s) => s[key] !== undefined) || this.fresh.has(key)) continue;
			const fresh = { record, version };
			this.fresh.set(key, fresh);
			out.push(fresh);
		}
		return out;
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
	const read = new FreshRecords(opts.versionOf, [seen], sinceMs, cursorMs);
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

/** One page a resumable walk read: its number and its records not emitted before. */
interface ReadPage<T> {
	page: number;
	fresh: FreshRecord<T>[];
}

/** Where a poll of a resumable walk stopped reading: at the end of the list, or before `next`. */
interface PagesRead<T> {
	pages: Array<ReadPage<T>>;
	/** The next page to read; undefined when the list ended. */
	next?: number;
}

/**
 * Rule 5: a walk over a list in stable order, continued across polls. Reads from the walk's next
 * page until the cap is filled or the list ends, emits the fresh records page by page (the page
 * that does not fit is cut, oldest first, and read again next poll), and moves the cursor only
 * when the walk is complete.
 */
async function pollResumable<T>(
	opts: CursorPollOptions<T>,
	state: CursorState,
	cursorMs: number,
	cap: number,
): Promise<CursorPollResult<T> | null> {
	const resumed = readWalkPoint(state.walk);
	const sinceMs = resumed ? Date.parse(resumed.since) : cursorMs - opts.overlapMs;
	const untilMs = resumed ? Date.parse(resumed.until) : opts.nowMs;
	const firstPage = resumed ? resumed.page : 1;
	const tail = resumed ? resumed.tail : {};
	const newestRead = resumed ? Math.max(cursorMs, Date.parse(resumed.maxModified)) : cursorMs;
	const read = new FreshRecords(opts.versionOf, [state.seen, tail], sinceMs, newestRead);
	const walked = await readPagesFrom(opts, read, { sinceMs, untilMs, firstPage, tail }, cap);

	if (walked.next === undefined && !resumed) {
		// The whole walk was read in this poll: the rule of an unresumable walk, oldest first
		// across all of it. (A resumed walk cannot move the cursor back to its last record:
		// the keys it emitted earlier are no longer all in `seen`.)
		delete state.walk;
		const { emitted, backlog } = chooseEmitted(read.fresh, cap);
		const nextCursor = advanceCursor(state, {
			cursorMs,
			walkStartMs: untilMs,
			proposedMs: backlog ? msOf(emitted[emitted.length - 1].version) : read.maxModified,
		});
		rememberEmitted(state, emitted, nextCursor, opts);
		return emitted.length ? { records: emitted.map((e) => e.record), backlog } : null;
	}

	const { emitted, resumeAt } = cutByPage(walked, cap);
	const fresh = emitted.map((e) => e.fresh);
	if (resumeAt === undefined) {
		delete state.walk;
		const nextCursor = advanceCursor(state, { cursorMs, walkStartMs: untilMs, proposedMs: read.maxModified });
		rememberEmitted(state, fresh, nextCursor, opts);
	} else {
		state.walk = {
			since: new Date(sinceMs).toISOString(),
			until: new Date(untilMs).toISOString(),
			page: resumeAt,
			maxModified: new Date(read.maxModified).toISOString(),
			tail: nextTail(tail, emitted, resumeAt),
		};
		// The cursor stays: what the next walk will read again is what its overlap before the
		// newest time read so far can reach; older keys of this walk are left to the tail.
		rememberDuringWalk(state, fresh, Math.min(read.maxModified, untilMs) - opts.overlapMs, opts.maxSeen);
	}
	const records = oldestFirst(fresh).map((e) => e.record);
	return records.length ? { records, backlog: resumeAt !== undefined } : null;
}

/** The stored walk point, or undefined when there is none or it is not readable. */
function readWalkPoint(walk: unknown): WalkPoint | undefined {
	const w = walk as WalkPoint | undefined;
	if (!w || typeof w !== 'object') return undefined;
	if ([w.since, w.until, w.maxModified].some((t) => typeof t !== 'string' || Number.isNaN(Date.parse(t)))) return undefined;
	if (!Number.isInteger(w.page) || w.page < 1) return undefined;
	if (!w.tail || typeof w.tail !== 'object') w.tail = {};
	return w;
}

/**
 * Reads pages from `firstPage` until the list ends or the fresh records fill the cap. A row of the
 * tail read again is moved to the page it is on now, so the tail follows rows pushed forward.
 */
async function readPagesFrom<T>(
	opts: CursorPollOptions<T>,
	read: FreshRecords<T>,
	at: { sinceMs: number; untilMs: number; firstPage: number; tail: IDataObject },
	cap: number,
): Promise<PagesRead<T>> {
	const iterator = opts.fetchChanged(new Date(at.sinceMs), new Date(at.untilMs), at.firstPage)[Symbol.asyncIterator]();
	const pages: Array<ReadPage<T>> = [];
	let count = 0;
	try {
		for (let page = at.firstPage; ; page++) {
			const next = await iterator.next();
			if (next.done) return { pages };
			const fresh = read.take(next.value);
			for (const row of next.value) {
				const key = keyOf(opts.versionOf(row));
				if (at.tail[key] !== undefined) at.tail[key] = page;
			}
			pages.push({ page, fresh });
			count += fresh.length;
			if (opts.pageSize !== undefined && next.value.length < opts.pageSize) return { pages };
			// Stop before asking for another page: the next poll starts with it.
			if (count >= cap) return { pages, next: page + 1 };
		}
	} finally {
		await iterator.return?.();
	}
}

/**
 * The records to emit in page order, at most `cap`: the first page that does not fit gives its
 * oldest and is where the walk resumes; else the walk resumes where reading stopped.
 */
function cutByPage<T>(walked: PagesRead<T>, cap: number) {
	const emitted: Array<{ fresh: FreshRecord<T>; page: number }> = [];
	for (const { page, fresh } of walked.pages) {
		const room = cap - emitted.length;
		const taken = fresh.length <= room ? fresh : oldestFirst(fresh).slice(0, room);
		emitted.push(...taken.map((f) => ({ fresh: f, page })));
		if (taken.length < fresh.length) return { emitted, resumeAt: page };
	}
	return { emitted, resumeAt: walked.next };
}

/**
 * The keys emitted from the page before the walk's position and from the page at it: a page read
 * again, or rows pushed onto the next page by records created ahead of the position, are not
 * repeated (rule 5).
 */
function nextTail<T>(tail: IDataObject, emitted: Array<{ fresh: FreshRecord<T>; page: number }>, resumeAt: number): IDataObject {
	const next: IDataObject = {};
	for (const [key, page] of Object.entries(tail)) if ((page as number) >= resumeAt - 1) next[key] = page;
	for (const { fresh, page } of emitted) if (page >= resumeAt - 1) next[keyOf(fresh.version)] = page;
	return next;
}

/**
 * Adds the keys the next walk can read again (modified at or after `recentFromMs`) to `seen`, and
 * prunes nothing else: until the walk is complete, keys emitted before it still drop repeats.
 */
function rememberDuringWalk<T>(state: CursorState, emitted: FreshRecord<T>[], recentFromMs: number, maxSeen?: number) {
	const seen = state.seen;
	for (const { version } of emitted) {
		const ms = msOf(version);
		if (!Number.isFinite(ms)) seen[keyOf(version)] = recentFromMs;
		else if (ms >= recentFromMs) seen[keyOf(version)] = ms;
	}
	state.seen = boundSeen(seen, maxSeen);
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

/** Oldest first, ties by id. */
function oldestFirst<T>(records: Iterable<FreshRecord<T>>): FreshRecord<T>[] {
	return [...records].sort(
		(a, b) => msOf(a.version) - msOf(b.version) || (a.version.id < b.version.id ? -1 : a.version.id > b.version.id ? 1 : 0),
	);
}

/** Oldest first (ties by id), at most `cap`; the rest is the backlog of the next poll. */
function chooseEmitted<T>(fresh: Map<string, FreshRecord<T>>, cap: number) {
	const ordered = oldestFirst(fresh.values());
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
	state.seen = boundSeen(
		Object.fromEntries(Object.entries(seen).filter(([, ms]) => (ms as number) >= keepFrom)),
		opts.maxSeen,
	);
}

/** At most `maxSeen` keys, the newest kept (rule 4). */
function boundSeen(seen: IDataObject, maxSeen = 20_000): IDataObject {
	const entries = Object.entries(seen);
	if (entries.length <= maxSeen) return seen;
	return Object.fromEntries(entries.sort((a, b) => (b[1] as number) - (a[1] as number)).slice(0, maxSeen));
}
