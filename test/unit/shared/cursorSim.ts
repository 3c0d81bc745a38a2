/**
 * A simulated vendor list endpoint for poll-cursor tests: records with server-side modified
 * times, an inclusive "modified since" filter, offset pagination whose pages are computed at the
 * moment each page is fetched (so changes between page fetches shift them, as a real API does),
 * and a server clock that may be skewed from ours and ticks in whole seconds (ties).
 */
import type { RecordVersion } from '../../../nodes/shared/cursor';

export interface SimRecord {
	id: string;
	modified: number;
	rev: number;
}

/** mulberry32: small, seeded, good enough for test streams. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export type SimOrder = 'id' | 'modifiedAsc' | 'modifiedDesc';

export interface SimOptions {
	order: SimOrder;
	pageSize: number;
	/** Server clock = our clock − lag (ms); negative = server ahead. */
	serverLagMs?: number;
	/** Timestamp resolution of the server (ms); 1000 gives many ties. */
	tickMs?: number;
	/** The API rounds `since` down to whole seconds (Cin7 Core filter format). */
	truncateSince?: boolean;
}

export class SimStore {
	readonly records = new Map<string, SimRecord>();
	/** Our (local) clock. */
	now: number;
	requests = 0;
	/** Called before every page fetch except the first of a query: mutate the store mid-walk. */
	betweenPages: (() => void) | undefined;
	/** Called before the first page of a query (also when it starts at a later page). */
	beforeQuery: (() => void) | undefined;
	/** Pages asked for, as `${since ms}:${page}` (a resumed walk asks the same query from a later page). */
	readonly pagesRead: string[] = [];

	constructor(
		readonly opts: SimOptions,
		startMs: number,
	) {
		this.now = startMs;
	}

	serverTime(): number {
		const tick = this.opts.tickMs ?? 1000;
		return Math.floor((this.now - (this.opts.serverLagMs ?? 0)) / tick) * tick;
	}

	/** Creates or modifies a record at the current server time; false when it cannot change again this tick. */
	touch(id: string): boolean {
		const at = this.serverTime();
		const rec = this.records.get(id);
		if (rec && rec.modified >= at) return false;
		this.records.set(id, { id, modified: at, rev: (rec?.rev ?? 0) + 1 });
		this.sorted = undefined;
		return true;
	}

	/** Seeds a record at an explicit time (history before activation). */
	put(id: string, modified: number): void {
		const rec = this.records.get(id);
		this.records.set(id, { id, modified, rev: (rec?.rev ?? 0) + 1 });
		this.sorted = undefined;
	}

	private sorted: SimRecord[] | undefined;

	query(since: Date): SimRecord[] {
		let from = since.getTime();
		if (this.opts.truncateSince) from = Math.floor(from / 1000) * 1000;
		if (!this.sorted) {
			const rows = [...this.records.values()];
			const byId = (a: SimRecord, b: SimRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
			if (this.opts.order === 'id') rows.sort(byId);
			else if (this.opts.order === 'modifiedAsc') rows.sort((a, b) => a.modified - b.modified || byId(a, b));
			else rows.sort((a, b) => b.modified - a.modified || byId(a, b));
			this.sorted = rows;
		}
		return this.sorted.filter((r) => r.modified >= from);
	}

	/** `fetchChanged` for pollWithCursor: offset pages over the live store, from page `fromPage`. */
	fetchChanged = (since: Date, _until?: Date, fromPage = 1): AsyncIterable<SimRecord[]> => {
		const store = this;
		return (async function* () {
			const n = store.opts.pageSize;
			for (let page = fromPage; ; page++) {
				if (page === fromPage) store.beforeQuery?.();
				else store.betweenPages?.();
				store.requests++;
				store.pagesRead.push(`${since.getTime()}:${page}`);
				const rows = store.query(since).slice((page - 1) * n, page * n);
				if (rows.length) yield rows.map((r) => ({ ...r }));
				if (rows.length < n) return;
			}
		})();
	};

	fetchSample = async (limit: number): Promise<SimRecord[]> =>
		[...this.records.values()].sort((a, b) => b.modified - a.modified).slice(0, limit);
}

export const versionOf = (r: SimRecord): RecordVersion => ({ id: r.id, modified: new Date(r.modified) });
export const keyOf = (r: { id: string; modified: number }) => `${r.id}@${r.modified}`;
export const pad = (i: number) => `R${String(i).padStart(5, '0')}`;
