import type { IDataObject } from 'n8n-workflow';

/**
 * The "last modified" polling contract every trigger in this package follows.
 *
 * - The cursor is the largest server-side modified time seen (UTC), never the local clock, and
 *   never later than the moment the walk began: a record changed while we were paging may have
 *   been skipped by shifting pages, and must be inside the next walk.
 * - Each walk re-reads an overlap before the cursor and drops records already emitted with the
 *   same (id, modified time): ties across a page boundary, clock skew and restarts that rewind
 *   the cursor are neither lost nor repeated.
 * - The first run seeds the cursor (now, or a start date for a history backfill) without a flood.
 * - A poll emits at most `maxPerPoll` records, oldest first; the backlog follows on the next poll.
 * - Manual runs return a recent sample and leave the cursor alone.
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
}

export interface CursorPollOptions<T> {
	/** The node's workflow static data; the cursor lives here. */
	staticData: IDataObject;
	manual: boolean;
	/** Anything whose change should restart the cursor (event, filters). */
	configKey: string;
	nowMs: number;
	overlapMs: number;
	maxPerPoll: number;
	/** History backfill: begin at this date instead of now. */
	startDate?: Date;
	sampleSize: number;
	versionOf(record: T): RecordVersion;
	/** Pages of records modified at or after `since`; `until` is the walk start, for APIs that accept it. */
	fetchChanged(since: Date, until: Date): AsyncIterable<T[]>;
	/** A recent sample for manual runs. */
	fetchSample(limit: number): Promise<T[]>;
	/** Pages arrive in ascending modified order, so the walk may stop once the cap is filled. */
	ascending?: boolean;
	/** Bound on remembered keys; the overlap window normally holds far fewer. */
	maxSeen?: number;
}

export interface CursorPollResult<T> {
	records: T[];
	/** More changes are waiting; the next poll continues with them. */
	backlog: boolean;
}

const keyOf = (v: RecordVersion) => `${v.id}@${v.modified ? v.modified.getTime() : 'none'}`;
const msOf = (v: RecordVersion) => (v.modified ? v.modified.getTime() : Number.NEGATIVE_INFINITY);

function readState(staticData: IDataObject): CursorState | undefined {
	const s = staticData.cursorState as CursorState | undefined;
	if (!s || typeof s.cursor !== 'string' || typeof s.configKey !== 'string') return undefined;
	if (!s.seen || typeof s.seen !== 'object') s.seen = {};
	return s;
}

export async function pollWithCursor<T>(opts: CursorPollOptions<T>): Promise<CursorPollResult<T> | null> {
	if (opts.manual) {
		const sample = await opts.fetchSample(opts.sampleSize);
		return sample.length ? { records: sample, backlog: false } : null;
	}

	let state = readState(opts.staticData);
	if (!state || state.configKey !== opts.configKey) {
		state = {
			configKey: opts.configKey,
			cursor: new Date(opts.startDate ? opts.startDate.getTime() : opts.nowMs).toISOString(),
			seen: {},
		};
		opts.staticData.cursorState = state;
		// Without a backfill date the first run only marks "from now on".
		if (!opts.startDate) return null;
	}

	const walkStart = opts.nowMs;
	const cursorMs = Date.parse(state.cursor);
	const since = new Date(cursorMs - opts.overlapMs);
	const seen = state.seen;
	const fresh = new Map<string, { record: T; version: RecordVersion }>();
	let maxModified = cursorMs;

	walk: for await (const page of opts.fetchChanged(since, new Date(walkStart))) {
		for (const record of page) {
			const version = opts.versionOf(record);
			const ms = msOf(version);
			if (ms > maxModified) maxModified = ms;
			const key = keyOf(version);
			if (seen[key] !== undefined || fresh.has(key)) continue;
			fresh.set(key, { record, version });
		}
		if (opts.ascending && fresh.size > opts.maxPerPoll) {
			// Pages ascend, so every later record is newer than those already held.
			const last = page[page.length - 1];
			const lastMs = msOf(opts.versionOf(last));
			const held = [...fresh.values()].map((f) => msOf(f.version)).sort((a, b) => a - b);
			if (lastMs > held[opts.maxPerPoll - 1]) break walk;
		}
	}

	const ordered = [...fresh.values()].sort(
		(a, b) => msOf(a.version) - msOf(b.version) || (a.version.id < b.version.id ? -1 : a.version.id > b.version.id ? 1 : 0),
	);
	const emitted = ordered.slice(0, opts.maxPerPoll);
	const backlog = ordered.length > emitted.length;

	let nextCursor = backlog ? msOf(emitted[emitted.length - 1].version) : maxModified;
	nextCursor = Math.min(nextCursor, walkStart);
	nextCursor = Math.max(nextCursor, cursorMs);
	state.cursor = new Date(nextCursor).toISOString();

	for (const { version } of emitted) seen[keyOf(version)] = Number.isFinite(msOf(version)) ? msOf(version) : nextCursor;
	const keepFrom = nextCursor - opts.overlapMs;
	const kept = Object.entries(seen)
		.filter(([, ms]) => (ms as number) >= keepFrom)
		.sort((a, b) => (b[1] as number) - (a[1] as number))
		.slice(0, opts.maxSeen ?? 20_000);
	state.seen = Object.fromEntries(kept);

	return emitted.length ? { records: emitted.map((e) => e.record), backlog } : null;
}
