import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import {
	vendorJson,
	type BodyError,
	type RequestContext,
	type RequestOptions,
	type VendorProfile,
} from '../../shared/http';
import { collectRows, walkPages, type Page } from '../../shared/pagination';
import { compact, positiveNumber } from '../../shared/params';

export const CORE_DEFAULT_BASE_URL = 'https://inventory.dearsystems.com/ExternalApi/v2';
/** The documented maximum `Limit`. */
export const CORE_PAGE_SIZE = 1000;
/** The documented rate limit per account. */
const CORE_CALLS_PER_MINUTE = 60;

function errorEntry(value: unknown): IDataObject | undefined {
	if (Array.isArray(value)) return value.length ? errorEntry(value[0]) : undefined;
	if (value && typeof value === 'object' && 'ErrorCode' in value) return value as IDataObject;
	return undefined;
}

/** Cin7 Core reports errors as `{ErrorCode, Exception}` or `[{ErrorCode, Exception}]`, even with HTTP 200. */
export function coreBodyError(body: unknown): BodyError | undefined {
	const entry = errorEntry(body);
	if (!entry) return undefined;
	const code = Number(entry.ErrorCode);
	const texts = (Array.isArray(body) ? body : [body])
		.map((e) => (e && typeof e === 'object' ? (e as IDataObject).Exception : undefined))
		.filter((t) => t !== undefined && t !== null && t !== '')
		.map(String);
	return {
		message: texts.length ? texts.join('; ') : `error code ${String(entry.ErrorCode)}`,
		...(Number.isFinite(code) && code > 0 ? { code } : {}),
	};
}

export const coreProfile: VendorProfile = {
	vendor: 'Cin7 Core',
	credentialType: 'cin7CoreApi',
	baseUrl: (c: ICredentialDataDecryptedObject) =>
		String(c.baseUrl || CORE_DEFAULT_BASE_URL).trim() || CORE_DEFAULT_BASE_URL,
	accountKey: (c: ICredentialDataDecryptedObject) => String(c.accountId ?? ''),
	secretFields: ['applicationKey'],
	pacing: (c: ICredentialDataDecryptedObject) => {
		// Below one call a minute is no rate at all: the documented 60 applies.
		const perMinute = positiveNumber(c.callsPerMinute, CORE_CALLS_PER_MINUTE);
		return { perMinute: perMinute >= 1 ? Math.floor(perMinute) : CORE_CALLS_PER_MINUTE };
	},
	bodyError: coreBodyError,
	bodyErrorCodeName: 'ErrorCode',
	statusMessages: {
		403: 'refused the Account ID / Application Key: check the credential, and that the API application is still active',
		404: 'has no such record or endpoint',
	},
};

/** One call; the parsed body (an object for every Cin7 Core endpoint this package uses). */
export async function coreRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	qs?: IDataObject,
	body?: IDataObject | IDataObject[],
	options?: RequestOptions,
): Promise<IDataObject> {
	// A filter left empty is no filter: it is not sent at all.
	const cleanQs = qs ? compact(qs) : undefined;
	const result = await vendorJson.call(this, coreProfile, { ...options, method, path, qs: cleanQs, body });
	return (result ?? {}) as IDataObject;
}

function pageFetcher(ctx: RequestContext, path: string, listKey: string, qs: IDataObject) {
	return async (page: number, limit: number): Promise<Page<IDataObject>> => {
		const body = await coreRequest.call(ctx, 'GET', path, { ...qs, Page: page, Limit: limit });
		const rows = (body[listKey] as IDataObject[] | undefined) ?? [];
		const total = Number(body.Total);
		return { rows: Array.isArray(rows) ? rows : [], total: Number.isFinite(total) ? total : undefined };
	};
}

/**
 * Pages of a list endpoint with the `{Total, Page, <listKey>: [...]}` envelope, from `firstPage`
 * (a poll continuing a walk, see nodes/shared/cursor.ts rule 5).
 */
export function corePages(
	this: RequestContext,
	path: string,
	listKey: string,
	qs: IDataObject = {},
	pageSize = CORE_PAGE_SIZE,
	firstPage = 1,
): AsyncGenerator<IDataObject[]> {
	const fetch = pageFetcher(this, path, listKey, qs);
	// The walk counts rows from its first page: `Total` minus the pages before it ends the walk
	// on a last full page without asking for an empty one.
	const skipped = (firstPage - 1) * pageSize;
	const fromFirst = skipped
		? async (page: number, limit: number) => {
				const got = await fetch(page, limit);
				return { rows: got.rows, total: got.total === undefined ? undefined : got.total - skipped };
			}
		: fetch;
	return walkPages(fromFirst, pageSize, firstPage);
}

/** All rows of a list endpoint, or the first `limit`. */
export async function coreList(
	this: RequestContext,
	path: string,
	listKey: string,
	qs: IDataObject = {},
	limit?: number,
): Promise<IDataObject[]> {
	return await collectRows(pageFetcher(this, path, listKey, qs), CORE_PAGE_SIZE, limit);
}

/**
 * Pages of a list filtered to a fixed past window (saleList with `UpdatedUntil`). A record
 * changed while paging leaves such a window, and every later row moves back one place, so the row
 * at the next page boundary would be skipped. `Total` shows the drop: the pages that rows may have
 * moved into are read again (repeats are dropped by the cursor's de-duplication).
 */
export async function* coreWindowPages(
	this: RequestContext,
	path: string,
	listKey: string,
	qs: IDataObject = {},
	pageSize = CORE_PAGE_SIZE,
): AsyncGenerator<IDataObject[]> {
	const fetch = pageFetcher(this, path, listKey, qs);
	let lastTotal: number | undefined;
	let rereads = 0;
	for (let page = 1; ; page++) {
		const { rows, total } = await fetch(page, pageSize);
		if (rows.length) yield rows;
		if (total !== undefined && lastTotal !== undefined && total < lastTotal && rereads < 10 && page > 1) {
			rereads++;
			const back = Math.ceil((lastTotal - total) / pageSize);
			lastTotal = total;
			page = Math.max(0, page - back - 1);
			continue;
		}
		if (total !== undefined) lastTotal = total;
		if (rows.length < pageSize) return;
		if (total !== undefined && page * pageSize >= total) return;
	}
}
