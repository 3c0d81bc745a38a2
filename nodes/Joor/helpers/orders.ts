import type { IDataObject } from 'n8n-workflow';

import { httpStatusOf, type RequestContext } from '../../shared/http';
import { takeRows } from '../../shared/pagination';
import { joorPages, joorRequest, rowsOf, V2_PAGE_SIZE } from '../transport';

/**
 * JOOR's documented v2 orders path is not certain (`/v2/orders` or `/v2/order/`): the first is
 * tried, a 404 switches to the other, and the answer is kept for the process per API root.
 */
const ORDER_PATHS = ['/v2/orders', '/v2/order/'];
const knownPath = new Map<string, string>();

/** `order_type` values (JOOR v2 Get Orders). */
export const ORDER_TYPES = {
	notes: 1,
	approvedAndShipped: 2,
	pending: 3,
	allButCancelled: 4,
	cancelled: 5,
	approved: 6,
	shipped: 7,
	all: 8,
} as const;

/** `export_status` values. */
export const EXPORT_STATUSES = {
	all: 1,
	notExported: 2,
	exported: 3,
	modifiedSinceExport: 4,
	notExportedOrModified: 5,
	notExportedNoFailed: 6,
	notExportedNoFailedOrModified: 7,
} as const;

async function rootKey(ctx: RequestContext): Promise<string> {
	const c = await ctx.getCredentials('joorApi');
	return String(c.baseUrl || c.environment || 'production');
}

/** Runs `call` on the orders path, switching to the other spelling once on a 404. */
export async function onOrdersPath<T>(ctx: RequestContext, call: (path: string) => Promise<T>): Promise<T> {
	const key = await rootKey(ctx);
	const known = knownPath.get(key);
	if (known) return await call(known);
	// The transport's errors are NodeApiErrors already; only a 404 means "the other spelling".
	const first = await call(ORDER_PATHS[0]).then(
		(out) => ({ out }),
		(error: unknown) => {
			if (httpStatusOf(error) === 404) return undefined;
			throw error;
		},
	);
	const path = first ? ORDER_PATHS[0] : ORDER_PATHS[1];
	const out = first ? first.out : await call(path);
	knownPath.set(key, path);
	return out;
}

/** Test hook: forget which orders path answered. */
export function resetOrderPaths(): void {
	knownPath.clear();
}

/** JOOR's date format for `date_start` / `date_end`: ISO 8601 in UTC with milliseconds. */
export const joorDate = (d: Date) => d.toISOString();

export interface OrderQuery {
	orderType: number;
	exportStatus: number;
	modifiedFrom?: Date;
	modifiedTo?: Date;
	customerCode?: string;
	orderIds?: string[];
}

/**
 * The query of a read that never consumes the export queue: `sync=0` always (JOOR's default 1
 * marks every order it returns as exported). The modified range goes as both ends or neither.
 */
export function orderQuery(q: OrderQuery): IDataObject {
	const qs: IDataObject = { order_type: q.orderType, export_status: q.exportStatus, sync: 0 };
	if (q.modifiedFrom || q.modifiedTo) {
		qs.date_start = joorDate(q.modifiedFrom ?? new Date(Date.UTC(2000, 0, 1)));
		qs.date_end = joorDate(q.modifiedTo ?? new Date(Date.UTC(2100, 0, 1)));
	}
	if (q.customerCode) qs.customer_code = q.customerCode;
	if (q.orderIds?.length) qs.order_id = q.orderIds.join(',');
	return qs;
}

/** Pages of orders matching the query, read-only. */
export async function* orderPages(this: RequestContext, q: OrderQuery, pageSize = V2_PAGE_SIZE): AsyncGenerator<IDataObject[]> {
	const qs = orderQuery(q);
	let path: string | undefined;
	// The first page finds the path; the rest of the walk stays on it.
	const first = await onOrdersPath(this, async (p) => {
		const iterator = joorPages.call(this, p, qs, pageSize);
		const page = await iterator.next();
		path = p;
		return { iterator, page };
	});
	if (!path || first.page.done) return;
	yield first.page.value;
	for await (const rows of { [Symbol.asyncIterator]: () => first.iterator }) yield rows;
}

/** Up to `limit` orders (all when undefined). */
export async function listOrders(this: RequestContext, q: OrderQuery, limit?: number): Promise<IDataObject[]> {
	return await takeRows(orderPages.call(this, q, limit ?? V2_PAGE_SIZE), limit);
}

/**
 * Marks the given orders exported: a read with `sync=1` restricted to them, which is how JOOR
 * commits an export (it returns and marks the orders not exported yet or modified since their
 * export). Returns the ids JOOR returned, i.e. marked now.
 */
export async function commitExport(this: RequestContext, orderIds: string[]): Promise<Set<string>> {
	const qs: IDataObject = {
		order_type: ORDER_TYPES.all,
		export_status: EXPORT_STATUSES.notExportedOrModified,
		sync: 1,
		order_id: orderIds.join(','),
		start_from: 0,
		count: Math.max(orderIds.length, 1),
	};
	const body = await onOrdersPath(this, async (p) => await joorRequest.call(this, 'GET', p, qs));
	return new Set(rowsOf(body).map((o) => String(o.id ?? o.order_id ?? '')));
}
