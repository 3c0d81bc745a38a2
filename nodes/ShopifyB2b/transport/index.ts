import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { shopifyBaseUrl } from '../../../credentials/ShopifyB2bApi.credentials';
import { clock } from '../../shared/clock';
import { httpStatusOf, vendorRequest, type RequestContext } from '../../shared/http';
import { positiveNumber } from '../../shared/params';
import { DEFAULT_RETRY } from '../../shared/retry';
import { tokenDue, withFreshToken, withTokenRetries } from '../../shared/expiringToken';
import { recordCost, seedBucket, waitForPoints } from './cost';
import { DEFAULT_API_VERSION, isThrottled, shopifyProfile, shopifyToken } from './profile';

export { resetCostBuckets } from './cost';
export { DEFAULT_API_VERSION, SHOPIFY_CREDENTIAL, shopifyProfile } from './profile';

/** Shopify's largest page; documents with costly nodes ask for fewer (a query may cost at most 1,000 points). */
export const PAGE_SIZE = 250;

/**
 * One Admin GraphQL call, its `data`. On top of the shared transport (errors without secrets,
 * 5xx retries for queries): it waits for the cost points the document needs, a THROTTLED answer
 * waits for exactly the missing points and is sent again, and a client-credentials token due for
 * renewal or refused with 401 is renewed once.
 */
export async function shopifyGraphql(this: RequestContext, document: string, variables: IDataObject = {}): Promise<IDataObject> {
	const credentials = await this.getCredentials(shopifyProfile.credentialType);
	const shop = shopifyBaseUrl(credentials);
	seedBucket(shop, positiveNumber(credentials.pointsPerSecond, 100));
	const version = String(credentials.apiVersion || DEFAULT_API_VERSION).trim();
	const isQuery = !/^\s*mutation\b/.test(document);
	// Either way a throttled token request is retried like the call (docs/architecture.md, "Transport").
	let renewed = tokenDue(shopifyToken, credentials);
	let ctx: RequestContext = renewed ? withFreshToken(this, shopifyToken) : withTokenRetries(this);
	for (let throttles = 0; ; ) {
		await waitForPoints(shop, document);
		const outcome = await vendorRequest
			.call<RequestContext, Parameters<typeof vendorRequest>, ReturnType<typeof vendorRequest<IDataObject>>>(ctx, shopifyProfile, {
				method: 'POST',
				path: `/admin/api/${encodeURIComponent(version)}/graphql.json`,
				body: { query: document, variables },
				// A query sent as POST changes nothing, so gateway errors may retry it; a mutation may not.
				idempotent: isQuery,
			})
			.then(
				(response) => ({ ok: true as const, body: response.body }),
				(error: unknown) => ({ ok: false as const, error }),
			);
		if (!outcome.ok) {
			if (httpStatusOf(outcome.error) === 401 && !renewed && shopifyToken.applies?.(credentials)) {
				ctx = withFreshToken(this, shopifyToken);
				renewed = true;
				continue;
			}
			return await Promise.reject(outcome.error);
		}
		const cost = recordCost(shop, document, outcome.body);
		if (isThrottled(outcome.body)) {
			if (throttles++ >= DEFAULT_RETRY.maxRetries) {
				const message = `Shopify throttled the request (cost ${cost.requested ?? '?'} points) and retries ran out: lower the load or raise Points Per Second only if the plan allows it`;
				throw new NodeApiError(this.getNode(), { message } as JsonObject, { message, description: 'POST graphql.json — THROTTLED' });
			}
			// The answer says how many points are missing and how fast they come back.
			const t = cost.throttle;
			const missing = t ? Math.max(0, (cost.requested ?? 0) - t.currentlyAvailable) : 0;
			await clock.sleep(t ? Math.ceil((missing / t.restoreRate) * 1000) + 50 : DEFAULT_RETRY.baseDelayMs);
			continue;
		}
		return ((outcome.body as IDataObject)?.data ?? {}) as IDataObject;
	}
}

/** Every node of a connection, page by page (`pageInfo.endCursor`), up to `limit`. */
export async function shopifyConnection(
	this: RequestContext,
	document: string,
	variables: IDataObject,
	pick: (data: IDataObject) => IDataObject | undefined,
	limit?: number,
	pageSize = PAGE_SIZE,
): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	let after: string | undefined;
	for (;;) {
		const first = limit === undefined ? pageSize : Math.max(1, Math.min(pageSize, limit - out.length));
		const connection = pick(await shopifyGraphql.call(this, document, { ...variables, first, after: after ?? null })) ?? {};
		const nodes = Array.isArray(connection.nodes) ? (connection.nodes as IDataObject[]) : [];
		out.push(...nodes);
		const pageInfo = (connection.pageInfo ?? {}) as IDataObject;
		if (limit !== undefined && out.length >= limit) return out.slice(0, limit);
		if (!pageInfo.hasNextPage || !pageInfo.endCursor || !nodes.length) return out;
		after = String(pageInfo.endCursor);
	}
}
