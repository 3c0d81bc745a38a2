import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import {
	vendorRequest,
	type RequestContext,
	type RequestOptions,
	type VendorResponse,
} from '../../shared/http';
import { offsetFetcher, takeRows, walkPages } from '../../shared/pagination';
import { dotdigitalProfile } from './profile';

export { DOTDIGITAL_CREDENTIAL, DEFAULT_CALLS_PER_MINUTE, dotdigitalProfile } from './profile';
export { resetRegionCache } from './region';

/** Long imports and reads may take up to 121 s at Dotdigital. */
const TIMEOUT_MS = 121_000;
/** v2 list endpoints serve at most 1000 rows per call (`select`), walked with `skip`. */
export const V2_PAGE_SIZE = 1000;

/** One Dotdigital call with its status, for the few answers whose status means something (201 = created). */
export async function dotdigitalResponse(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	qs?: IDataObject,
	body?: IDataObject | IDataObject[],
	options: RequestOptions = {},
): Promise<VendorResponse<IDataObject>> {
	return await vendorRequest.call<RequestContext, Parameters<typeof vendorRequest>, Promise<VendorResponse<IDataObject>>>(
		this,
		dotdigitalProfile,
		{ method, path, qs, body, ...options, timeoutMs: options.timeoutMs ?? TIMEOUT_MS },
	);
}

/**
 * One Dotdigital call, its parsed body: region resolved, paced, retried, errors without secrets.
 * v2 lists answer with arrays; read those through `dotdigitalPages` / `dotdigitalList` or `rowsOf`.
 */
export async function dotdigitalRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	qs?: IDataObject,
	body?: IDataObject | IDataObject[],
	options: RequestOptions = {},
): Promise<IDataObject> {
	return (await dotdigitalResponse.call(this, method, path, qs, body, options)).body;
}

/** The rows of a list answer; anything but an array holds none. */
export function rowsOf(body: unknown): IDataObject[] {
	return Array.isArray(body) ? (body as IDataObject[]) : [];
}

/** Pages of a v2 list (`select`/`skip`); a page shorter than `select` is the last one. */
export function dotdigitalPages(
	this: RequestContext,
	path: string,
	qs: IDataObject = {},
	pageSize = V2_PAGE_SIZE,
): AsyncGenerator<IDataObject[]> {
	const select = Math.max(1, Math.min(V2_PAGE_SIZE, pageSize));
	const fetchAt = async (skip: number, size: number) =>
		rowsOf(await dotdigitalRequest.call(this, 'GET', path, { ...qs, select: size, skip }));
	return walkPages(offsetFetcher(fetchAt), select);
}

/** Up to `limit` rows of a v2 list (all when undefined), asking for no more than that. */
export async function dotdigitalList(
	this: RequestContext,
	path: string,
	qs: IDataObject = {},
	limit?: number,
): Promise<IDataObject[]> {
	return await takeRows(dotdigitalPages.call(this, path, qs, limit), limit);
}

/** Path segments (emails, names) must be escaped: `+` and `/` occur in real addresses. */
export function seg(value: string | number): string {
	return encodeURIComponent(String(value));
}
