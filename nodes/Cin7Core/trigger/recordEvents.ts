import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { parseUtc, formatCoreDate } from '../../shared/dates';
import type { RecordVersion } from '../../shared/cursor';
import { CORE_PAGE_SIZE, coreList, corePages, coreRequest, coreWindowPages } from '../transport';

/** A "record updated" event: which list to walk and how its rows say what changed when. */
export interface RecordEvent {
	path: string;
	listKey: string;
	idField: string;
	modifiedField: string;
	/** Query for rows changed at or after `since`; `until` is the walk start. */
	changedQs(since: Date, until: Date): IDataObject;
	/**
	 * The query has an upper bound, so rows leave it when they change during the walk: its pages
	 * shift, and only a walk read in one poll notices (`coreWindowPages`), so it is not resumable.
	 */
	windowed?: boolean;
}

export const RECORD_EVENTS: Record<string, RecordEvent> = {
	productUpdated: {
		path: '/product',
		listKey: 'Products',
		idField: 'ID',
		modifiedField: 'LastModifiedOn',
		// Deprecating a product is a change too; without this flag it vanishes from the list.
		changedQs: (since) => ({ ModifiedSince: formatCoreDate(since), IncludeDeprecated: true }),
	},
	customerUpdated: {
		path: '/customer',
		listKey: 'CustomerList',
		idField: 'ID',
		modifiedField: 'LastModifiedOn',
		changedQs: (since) => ({ ModifiedSince: formatCoreDate(since), IncludeDeprecated: true }),
	},
	saleUpdated: {
		path: '/saleList',
		listKey: 'SaleList',
		idField: 'SaleID',
		modifiedField: 'Updated',
		// UpdatedUntil keeps rows written during the walk out; rows that leave it are handled by
		// coreWindowPages.
		changedQs: (since, until) => ({ UpdatedSince: formatCoreDate(since), UpdatedUntil: formatCoreDate(until) }),
		windowed: true,
	},
};

export function versionOf(event: RecordEvent, row: IDataObject): RecordVersion {
	return { id: String(row[event.idField] ?? ''), modified: parseUtc(row[event.modifiedField]) };
}

/**
 * Whether a capped walk of this event continues on the next poll from where it stopped
 * (nodes/shared/cursor.ts rule 5): Core lists keep one order across polls and list deprecated
 * records, but cannot be sorted by modified time. Not for windowed lists.
 */
export function resumable(event: RecordEvent): boolean {
	return !event.windowed;
}

/** Pages of rows changed since `since`, from page `fromPage` (resumable events only). */
export function changedPages(
	ctx: IPollFunctions,
	event: RecordEvent,
	filters: IDataObject,
	since: Date,
	until: Date,
	fromPage = 1,
): AsyncIterable<IDataObject[]> {
	const qs = { ...filters, ...event.changedQs(since, until) };
	// The cursor never resumes a windowed walk; its re-read-on-shrink rule needs the whole walk.
	return event.windowed
		? coreWindowPages.call(ctx, event.path, event.listKey, qs)
		: corePages.call(ctx, event.path, event.listKey, qs, CORE_PAGE_SIZE, fromPage);
}

/** A recent sample for "Fetch Test Event": changes of the last 30 days, else any rows. */
export async function sample(
	ctx: IPollFunctions,
	event: RecordEvent,
	filters: IDataObject,
	nowMs: number,
	limit: number,
): Promise<IDataObject[]> {
	const recent = new Date(nowMs - 30 * 24 * 3600_000);
	const rows = await coreList.call(
		ctx,
		event.path,
		event.listKey,
		{ ...filters, ...event.changedQs(recent, new Date(nowMs)) },
		limit,
	);
	if (rows.length) return rows;
	return await coreList.call(ctx, event.path, event.listKey, filters, limit);
}

/** saleList rows carry no lines; the full sale is read per emitted row when asked. */
export async function withSaleDetails(ctx: IPollFunctions, rows: IDataObject[]): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	for (const row of rows) {
		const sale = await coreRequest.call(ctx, 'GET', '/sale', { ID: row.SaleID });
		out.push({ ...sale, Updated: row.Updated, SaleListRow: row });
	}
	return out;
}
