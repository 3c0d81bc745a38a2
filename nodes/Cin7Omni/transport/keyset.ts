import type { IDataObject } from 'n8n-workflow';

import { formatOmniDate, parseUtc } from '../../shared/dates';
import { readKey } from '../helpers/keys';
import { joinWhere } from '../helpers/where';

/**
 * Stable paging for Omni lists (docs/architecture.md, "Transport").
 *
 * Omni pages by `page`/`rows` over `order=<field> ASC|DESC`, one field, and rows that tie on that
 * field (stock rows of one option in several branches, records saved in the same second) may come
 * back in a different order on the next request: an offset walk then reads one row twice and
 * never reads another. Multi-column `order` is not documented, so every walk here is a keyset
 * walk that needs only the documented parts (`where` with `>`, `>=`, `=`, `<` joined by AND, and
 * one order field):
 *
 * - the order is a list of keys whose last one is unique among rows sharing the earlier ones
 *   (`id`; `productOptionId`, `branchId` for stock);
 * - every query is page 1 of "key after the last value read", so no page depends on an earlier
 *   one's order;
 * - a full page ends inside the run of its last value, whose other rows may be on either side of
 *   the cut: the next query starts again AT that value (its rows are read again and dropped as
 *   repeats by the caller);
 * - a full page holding one value only is walked by the next key, restricted to that value, then
 *   the walk moves past it.
 */
export interface OrderKey {
	/** The field as `where` and `order` name it (case-insensitive in Omni). */
	field: string;
	/** Times compare per second, as Omni serves them (`yyyy-MM-ddTHH:mm:ssZ`). */
	kind: 'number' | 'time';
}

const id: OrderKey = { field: 'id', kind: 'number' };
const modified: OrderKey = { field: 'modifieddate', kind: 'time' };
const option: OrderKey = { field: 'productOptionId', kind: 'number' };
const branch: OrderKey = { field: 'branchId', kind: 'number' };

/** The orders every Omni list is walked in. */
export const ORDER = {
	/** Records with an id: contacts, products, sales orders, branches. */
	byId: [id],
	/** Oldest change first, records changed in the same second by id. */
	byModified: [modified, id],
	/** Stock rows (one per option × branch, no id of their own). */
	stockByOption: [option, branch],
	/** Stock rows by their last transaction, then by option and branch. */
	stockByModified: [modified, option, branch],
} satisfies Record<string, OrderKey[]>;

/** One page-1 query: up to `rows` rows matching `where`, ordered by `key` ascending. */
export type PageQuery = (where: string | undefined, key: OrderKey, rows: number) => Promise<IDataObject[]>;

/** A key's value as `where` compares it: a number, or the served second (ms since epoch). */
export function keyValue(row: IDataObject, key: OrderKey): number | undefined {
	const value = readKey(row, key.field);
	if (key.kind === 'time') {
		const date = parseUtc(value);
		return date ? Math.floor(date.getTime() / 1000) * 1000 : undefined;
	}
	if (value === undefined || value === null || value === '') return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
}

const literal = (key: OrderKey, value: number) => (key.kind === 'time' ? `'${formatOmniDate(new Date(value))}'` : String(value));
/** The next value of a key: a second later for times (Omni dates have no smaller unit). */
const next = (key: OrderKey, value: number) => (key.kind === 'time' ? value + 1000 : value);

/** Rows whose key is at or after `value`. */
export const atOrAfter = (key: OrderKey, value: number) => `${key.field}>=${literal(key, value)}`;

/** Rows whose key is after `value`. */
export function after(key: OrderKey, value: number): string {
	return key.kind === 'time' ? atOrAfter(key, next(key, value)) : `${key.field}>${literal(key, value)}`;
}

/** Rows whose key equals `value` (for times: within that second). */
export function equal(key: OrderKey, value: number): string {
	if (key.kind === 'time') return `${atOrAfter(key, value)} AND ${key.field}<${literal(key, next(key, value))}`;
	return `${key.field}=${literal(key, value)}`;
}

/**
 * What identifies a row across reads: the keys that never change (a modified time does). Rows
 * read twice by the walk, or changed while it ran, have the same identity.
 */
export function identityOf(keys: OrderKey[]): (row: IDataObject) => string | undefined {
	const stable = keys.filter((k) => k.kind !== 'time');
	return (row) => {
		const values = stable.map((k) => keyValue(row, k));
		// A row without its keys cannot be told apart from another: never dropped as a repeat.
		return values.some((v) => v === undefined) ? undefined : values.join('@');
	};
}

/** The fields a projection must keep so the walk can read its keys. */
export function withKeyFields(fields: string | undefined, keys: OrderKey[]): string | undefined {
	if (!fields || !fields.trim()) return fields;
	const have = new Set(fields.split(',').map((f) => f.trim().replace(/\(.*$/, '').toLowerCase()));
	const missing = keys.map((k) => k.field).filter((f) => !have.has(f.toLowerCase()));
	return missing.length ? `${fields},${missing.join(',')}` : fields;
}

export interface KeysetOptions {
	/** The error for a full page whose last row lacks the key: the walk cannot go on from it. */
	missingKey?(row: IDataObject, key: OrderKey): Promise<Error>;
	/**
	 * Yield a one-value run walked by the next key as one page (the poll cursor reads a short page
	 * as the end of the changes); otherwise its pages are yielded as they arrive.
	 */
	wholeRuns?: boolean;
}

/**
 * Pages of every row matching `where`, in `keys` order. Rows may repeat (see above): callers drop
 * repeats by `identityOf(keys)` (lists) or by record version (the poll cursor).
 */
export async function* keysetPages(
	query: PageQuery,
	where: string | undefined,
	keys: OrderKey[],
	pageSize: number,
	options: KeysetOptions = {},
): AsyncGenerator<IDataObject[]> {
	const [key, ...rest] = keys;
	let from: string | undefined;
	for (;;) {
		const rows = await query(joinWhere([where, from]), key, pageSize);
		if (rows.length) yield rows;
		if (rows.length < pageSize) return;
		const last = keyValue(rows[rows.length - 1], key);
		// A walk that cannot go on from its last row must not end silently.
		if (last === undefined) {
			const row = rows[rows.length - 1];
			throw options.missingKey ? await options.missingKey(row, key) : new Error(`a row without ${key.field}, the order key of this walk`);
		}
		if (!rest.length) {
			from = after(key, last);
		} else if (rows.every((r) => keyValue(r, key) === last)) {
			// One value fills the page: walk its rows by the next key, then move past it.
			const run = keysetPages(query, joinWhere([where, equal(key, last)]), rest, pageSize, options);
			if (options.wholeRuns) {
				const all: IDataObject[] = [];
				for await (const page of run) all.push(...page);
				if (all.length) yield all;
			} else {
				yield* run;
			}
			from = after(key, last);
		} else {
			// The last value's rows may continue on the next page in any order: start again at it.
			from = atOrAfter(key, last);
		}
	}
}
