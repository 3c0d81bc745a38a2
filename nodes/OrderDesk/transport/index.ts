import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { vendorRequest, type RequestContext, type RequestOptions, type VendorResponse } from '../../shared/http';
import { offsetFetcher, takeRows, walkPages } from '../../shared/pagination';
import { returnAnswer, takeToken } from './bucket';
import { bucketLimits, ORDER_DESK_CREDENTIAL, orderDeskProfile, storeKey } from './profile';

export { ORDER_DESK_CREDENTIAL, DEFAULT_BUCKET, orderDeskProfile } from './profile';
export { resetBuckets } from './bucket';

/** Order Desk serves at most 500 rows per list call (`limit`, walked with `offset`). */
export const PAGE_SIZE = 500;

function tokensRemaining(headers: IDataObject): number | undefined {
	for (const [key, value] of Object.entries(headers ?? {})) {
		if (key.toLowerCase() !== 'x-tokens-remaining') continue;
		const n = Number(Array.isArray(value) ? value[0] : value);
		return Number.isFinite(n) ? n : undefined;
	}
	return undefined;
}

/**
 * One Order Desk call: a token of the store's bucket first, then the shared transport (retries on
 * 429 after `X-Retry-After`, errors without the API key), and the answer's `X-Tokens-Remaining`
 * back into the bucket.
 */
export async function orderDeskResponse(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	qs?: IDataObject,
	body?: IDataObject | IDataObject[],
	options: RequestOptions = {},
): Promise<VendorResponse<IDataObject>> {
	const credentials = await this.getCredentials(ORDER_DESK_CREDENTIAL);
	const key = `Order Desk|${storeKey(credentials)}`;
	const limits = bucketLimits(credentials);
	const grant = await takeToken(key, limits);
	let remaining: number | undefined;
	try {
		const response = await vendorRequest.call<
			RequestContext,
			Parameters<typeof vendorRequest>,
			Promise<VendorResponse<IDataObject>>
		>(this, orderDeskProfile, { method, path, qs, body, ...options });
		remaining = tokensRemaining(response.headers);
		return response;
	} finally {
		returnAnswer(key, limits, remaining, grant);
	}
}

/** One Order Desk call, its parsed body. */
export async function orderDeskRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	qs?: IDataObject,
	body?: IDataObject | IDataObject[],
	options: RequestOptions = {},
): Promise<IDataObject> {
	return (await orderDeskResponse.call(this, method, path, qs, body, options)).body ?? {};
}

/**
 * The rows of a page: the list under `key`, or none when a success envelope leaves it out. Any other
 * answer (an array, an object without `status`) is not a page of this list, and reading it as an
 * empty one would end the walk early without a word.
 */
function listRows(ctx: RequestContext, path: string, key: string, body: IDataObject): IDataObject[] {
	const rows = body?.[key];
	if (Array.isArray(rows)) return rows as IDataObject[];
	if (body && !Array.isArray(body) && body.status === 'success' && rows === undefined) return [];
	throw new NodeOperationError(ctx.getNode(), `Order Desk answered GET ${path} without a list of ${key.replace('_', ' ')}`, {
		description: 'The answer was not an Order Desk list page; the Base URL or the endpoint is probably wrong.',
	});
}

/** The rows of a list answer under `key` (`orders`, `inventory_items`); none when absent. */
export function rowsAt(body: IDataObject, key: string): IDataObject[] {
	const rows = body?.[key];
	return Array.isArray(rows) ? (rows as IDataObject[]) : [];
}

/**
 * Pages of a list (`limit` ≤ 500 + `offset`). A short page ends the walk, as does `total_records`
 * once that many rows were read.
 */
export function orderDeskPages(
	this: RequestContext,
	path: string,
	key: string,
	qs: IDataObject = {},
	pageSize = PAGE_SIZE,
): AsyncGenerator<IDataObject[]> {
	const limit = Math.max(1, Math.min(PAGE_SIZE, pageSize));
	const fetchAt = async (offset: number, size: number) =>
		listRows(this, path, key, await orderDeskRequest.call(this, 'GET', path, { ...qs, limit: size, offset }));
	return walkPages(offsetFetcher(fetchAt), limit);
}

/** Up to `limit` rows of a list (all when undefined), asking for no more than that. */
export async function orderDeskList(
	this: RequestContext,
	path: string,
	key: string,
	qs: IDataObject = {},
	limit?: number,
): Promise<IDataObject[]> {
	return await takeRows(orderDeskPages.call(this, path, key, qs, limit ?? PAGE_SIZE), limit);
}

/** Path segments (order ids) are escaped. */
export function seg(value: string | number): string {
	return encodeURIComponent(String(value));
}

