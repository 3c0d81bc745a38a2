import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import { httpStatusOf, vendorRequest, type RequestContext, type RequestOptions } from '../../shared/http';
import { takeRows, walkPages } from '../../shared/pagination';
import { backoffDelay, DEFAULT_RETRY } from '../../shared/retry';
import { tokenDue, withFreshToken, withTokenRetries } from '../../shared/expiringToken';
import { sparkLayerProfile, sparkLayerToken } from './profile';

export { DEFAULT_CALLS_PER_MINUTE, problemMessage, SPARKLAYER_CREDENTIAL, sparkLayerProfile, sparkLayerToken } from './profile';

/** `GET /api/v2/price-lists` pages hold at most 250 lists. */
export const PRICE_LIST_PAGE_SIZE = 250;
/** A concurrent-update 409 means another writer holds the same rows for a moment: retried like a throttle. */
const CONFLICT_RETRIES = DEFAULT_RETRY.maxRetries;

/**
 * One SparkLayer call, its parsed body. On top of the shared transport (pacing, 429 with
 * Retry-After, 5xx, errors without secrets): a token due for renewal is renewed before the call,
 * a 401 gets one new token and one retry, and a 409 concurrent update is retried with backoff.
 */
export async function sparkLayerRequest<T = IDataObject>(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	qs?: IDataObject,
	body?: IDataObject | IDataObject[],
	options: RequestOptions = {},
): Promise<T> {
	const credentials = await this.getCredentials(sparkLayerProfile.credentialType);
	// Either way a throttled token request is retried like the call (docs/architecture.md, "Transport").
	const plain = withTokenRetries(this);
	let renewed = tokenDue(sparkLayerToken, credentials);
	let ctx: RequestContext = renewed ? withFreshToken(this, sparkLayerToken) : plain;
	for (let conflicts = 0; ; ) {
		// The transport's NodeApiError is kept as it is; only its status decides what happens next.
		const outcome = await vendorRequest
			.call<RequestContext, Parameters<typeof vendorRequest>, ReturnType<typeof vendorRequest<T>>>(ctx, sparkLayerProfile, {
				method,
				path,
				qs,
				body,
				...options,
			})
			.then(
				(response) => ({ ok: true as const, body: response.body }),
				(error: unknown) => ({ ok: false as const, error }),
			);
		if (outcome.ok) return outcome.body;
		const status = httpStatusOf(outcome.error);
		if (status === 401 && !renewed) {
			ctx = withFreshToken(this, sparkLayerToken);
			renewed = true;
			continue;
		}
		if (status === 409 && conflicts < CONFLICT_RETRIES) {
			await clock.sleep(backoffDelay(conflicts++, DEFAULT_RETRY, undefined));
			ctx = plain;
			continue;
		}
		return await Promise.reject(outcome.error);
	}
}

/** Pages of `GET /api/v2/price-lists` until `pagination.current_page` reaches `total_pages`. */
export function priceListPages(this: RequestContext, pageSize = PRICE_LIST_PAGE_SIZE): AsyncGenerator<IDataObject[]> {
	const size = Math.max(1, Math.min(PRICE_LIST_PAGE_SIZE, pageSize));
	return walkPages(async (page, page_size) => {
		const body = (await sparkLayerRequest.call(this, 'GET', '/api/v2/price-lists', { page, page_size })) as IDataObject;
		const rows = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
		const pagination = (body.pagination ?? {}) as IDataObject;
		const totalPages = Number(pagination.total_pages);
		// The last page by SparkLayer's own count ends the walk even when it is full.
		const total = Number.isFinite(totalPages) && page >= totalPages ? (page - 1) * page_size + rows.length : undefined;
		return { rows, total };
	}, size);
}

/** Up to `limit` price lists (all when undefined). */
export async function sparkLayerPriceLists(this: RequestContext, limit?: number): Promise<IDataObject[]> {
	return await takeRows(priceListPages.call(this, limit), limit);
}

/** Path segments (slugs) are escaped. */
export function seg(value: string): string {
	return encodeURIComponent(value);
}
