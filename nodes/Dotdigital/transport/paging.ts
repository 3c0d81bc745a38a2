import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { ddRequest } from './index';

/** v2 list endpoints serve at most 1000 rows per call (`select`), walked with `skip`. */
export const V2_PAGE_SIZE = 1000;
/** v3 list endpoints accept `limit` up to 5000, walked with the `marker` of `_links.next`. */
export const V3_PAGE_SIZE = 5000;

/** Pages of a v2 list: a page shorter than `select` is the last one. */
export async function* v2Pages<T = IDataObject>(
	ctx: RequestContext,
	path: string,
	qs: IDataObject = {},
	pageSize = V2_PAGE_SIZE,
): AsyncGenerator<T[]> {
	const select = Math.max(1, Math.min(V2_PAGE_SIZE, pageSize));
	for (let skip = 0; ; ) {
		const body = await ddRequest<unknown>(ctx, 'GET', path, { qs: { ...qs, select, skip } });
		const rows = (Array.isArray(body) ? body : []) as T[];
		if (rows.length) yield rows;
		if (rows.length < select) return;
		skip += rows.length;
	}
}

function markerOf(next: unknown): string | undefined {
	const href = typeof next === 'string' ? next : (next as IDataObject | undefined)?.href;
	if (typeof href !== 'string' || !href) return undefined;
	const m = /[?&]marker=([^&#]+)/.exec(href);
	return m ? decodeURIComponent(m[1].replace(/\+/g, ' ')) : undefined;
}

/** Pages of a v3 list (`{_items, _links:{next}}`), following `next` until it is absent. */
export async function* v3Pages<T = IDataObject>(
	ctx: RequestContext,
	path: string,
	qs: IDataObject = {},
	pageSize = V3_PAGE_SIZE,
): AsyncGenerator<T[]> {
	const limit = Math.max(1, Math.min(V3_PAGE_SIZE, pageSize));
	let marker: string | undefined;
	const used = new Set<string>();
	for (;;) {
		const body = await ddRequest(ctx, 'GET', path, {
			qs: { ...qs, limit, ...(marker ? { marker } : {}) },
		});
		const rows = (Array.isArray(body?._items) ? body._items : []) as T[];
		if (rows.length) yield rows;
		marker = markerOf((body?._links as IDataObject | undefined)?.next);
		// A repeated marker would loop forever; an empty page means the walk is over.
		if (!marker || !rows.length || used.has(marker)) return;
		used.add(marker);
	}
}

/** Collects up to `limit` rows (all when undefined) from a page walk, stopping as soon as it has them. */
export async function collect<T>(pages: AsyncIterable<T[]>, limit?: number): Promise<T[]> {
	const out: T[] = [];
	for await (const rows of pages) {
		for (const row of rows) {
			out.push(row);
			if (limit !== undefined && out.length >= limit) return out;
		}
	}
	return out;
}
