import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { VendorProfile } from '../../shared/http';
import { positiveNumber } from '../../shared/params';
import type { BucketLimits } from './bucket';

export const ORDER_DESK_CREDENTIAL = 'orderDeskApi';
export const DEFAULT_BASE_URL = 'https://app.orderdesk.me/api/v2';
/** Order Desk's documented leaky bucket: 20 requests, refilling 3 a second. */
export const DEFAULT_BUCKET: BucketLimits = { capacity: 20, refillPerSecond: 3 };
/** Order Desk's etiquette page asks every integration to send a User-Agent of its own. */
const USER_AGENT = 'n8n-nodes-cin7 (Order Desk integration)';

export function bucketLimits(c: ICredentialDataDecryptedObject): BucketLimits {
	return {
		capacity: Math.max(1, Math.floor(positiveNumber(c.bucketSize, DEFAULT_BUCKET.capacity))),
		refillPerSecond: positiveNumber(c.refillPerSecond, DEFAULT_BUCKET.refillPerSecond),
	};
}

/** A 2xx answer whose `status` is "error" is an error all the same (Order Desk's envelope). */
function bodyError(body: unknown) {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const o = body as IDataObject;
	if (o.status === 'error') return { message: typeof o.message === 'string' ? o.message : 'Order Desk answered status "error"' };
	return undefined;
}

export const storeKey = (c: ICredentialDataDecryptedObject) => String(c.storeId ?? '').trim();

/** How the shared transport talks to Order Desk (docs/architecture.md, "Transport"). */
export const orderDeskProfile: VendorProfile = {
	vendor: 'Order Desk',
	credentialType: ORDER_DESK_CREDENTIAL,
	baseUrl: (c) => String(c.baseUrl || DEFAULT_BASE_URL),
	authHeaders: () => ({ 'User-Agent': USER_AGENT }),
	accountKey: storeKey,
	secretFields: ['apiKey'],
	// The bucket (transport/bucket.ts) paces each request; this window is only the outer bound the
	// bucket implies (a full bucket plus a minute of refill), so it never holds a request back first.
	pacing: (c) => {
		const { capacity, refillPerSecond } = bucketLimits(c);
		return { perMinute: capacity + Math.ceil(refillPerSecond * 62) };
	},
	bodyError,
	statusMessages: {
		401: 'refused the Store ID or API Key: copy both from Store Settings → API',
		403: 'refused the request (HTTP 403): the API Key does not belong to this store or lacks access',
		409: 'reported a conflict: the order changed while it was being written',
		429: 'throttled the request (leaky bucket empty) and retries ran out',
	},
};
