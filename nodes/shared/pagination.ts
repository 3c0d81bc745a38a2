/**
 * Page walking for page-number APIs (Cin7 Core `Page`/`Limit` with a `Total`, Cin7 Omni
 * `page`/`rows` with no total). Pages are yielded one at a time so callers can stream and stop
 * early; memory stays at one page.
 */
export interface Page<T> {
	rows: T[];
	/** Total matching rows when the API reports it. */
	total?: number;
}

export type PageFetcher<T> = (page: number, pageSize: number) => Promise<Page<T>>;

export async function* walkPages<T>(
	fetchPage: PageFetcher<T>,
	pageSize: number,
	firstPage = 1,
): AsyncGenerator<T[]> {
	let seen = 0;
	for (let page = firstPage; ; page++) {
		const { rows, total } = await fetchPage(page, pageSize);
		if (rows.length) yield rows;
		seen += rows.length;
		// A short page ends the walk even when Total says otherwise: Total can change while walking.
		if (rows.length < pageSize) return;
		if (typeof total === 'number' && seen >= total) return;
	}
}

/** Collects up to `limit` rows (all when undefined) from any page walk, stopping as soon as it has them. */
export async function takeRows<T>(pages: AsyncIterable<T[]>, limit?: number): Promise<T[]> {
	const out: T[] = [];
	if (limit !== undefined && !(limit > 0)) return out;
	for await (const rows of pages) {
		for (const row of rows) {
			out.push(row);
			if (limit !== undefined && out.length >= limit) return out;
		}
	}
	return out;
}

/** Collects up to `limit` rows (all rows when `limit` is undefined), fetching no page beyond that. */
export async function collectRows<T>(
	fetchPage: PageFetcher<T>,
	maxPageSize: number,
	limit?: number,
): Promise<T[]> {
	// Ask for no more rows than needed, but never below what one page can hold when walking all.
	const pageSize = limit !== undefined ? Math.max(1, Math.min(maxPageSize, limit)) : maxPageSize;
	return await takeRows(walkPages(fetchPage, pageSize), limit);
}

/**
 * The page fetcher of an offset API (Dotdigital v2 `select`/`skip`): page numbers become offsets,
 * so the same walk serves page-number and offset APIs.
 */
export function offsetFetcher<T>(fetchAt: (offset: number, pageSize: number) => Promise<T[]>): PageFetcher<T> {
	return async (page, pageSize) => ({ rows: await fetchAt((page - 1) * pageSize, pageSize) });
}
