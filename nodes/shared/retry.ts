/**
 * Retry policy: which failures are transient, and how long to wait before the next try.
 */
export interface RetryPolicy {
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/**
	 * Retries of an internal server error (500) on an idempotent call, within `maxRetries`. A 500
	 * is often a passing fault, but it may also be a bug the same request always hits, so it gets
	 * a few tries, not the full throttle budget. Default 2.
	 */
	maxServerErrorRetries?: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 6, baseDelayMs: 1_000, maxDelayMs: 120_000 };
const DEFAULT_SERVER_ERROR_RETRIES = 2;

export const THROTTLE_STATUSES = [429, 503];
export const TRANSIENT_STATUSES = [429, 502, 503, 504];
export const SERVER_ERROR_STATUSES = [500];

/** Connection failures after which the request certainly did not reach the vendor. */
const NEVER_SENT = ['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND'];
/** Connection failures after which the vendor may or may not have applied the request. */
const MAYBE_SENT = ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT', 'ERR_SOCKET_CONNECTION_TIMEOUT'];

const IDEMPOTENT = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'];

export function isIdempotent(method: string): boolean {
	return IDEMPOTENT.includes(method.toUpperCase());
}

/**
 * A throttle (429, or 503 which Cin7 Core uses for its rate limit) rejects the request without
 * applying it, so every method may retry it. Gateway errors and dropped connections may hide a
 * write that did happen, so only idempotent methods retry those; creates protect themselves with
 * a lookup by external reference instead.
 */
export function isRetryableStatus(status: number, method: string): boolean {
	if (THROTTLE_STATUSES.includes(status)) return true;
	return (TRANSIENT_STATUSES.includes(status) || SERVER_ERROR_STATUSES.includes(status)) && isIdempotent(method);
}

/** How many retries a status may have under a policy (500s get fewer than throttles). */
export function retriesFor(status: number, policy: RetryPolicy): number {
	if (!SERVER_ERROR_STATUSES.includes(status)) return policy.maxRetries;
	return Math.min(policy.maxRetries, policy.maxServerErrorRetries ?? DEFAULT_SERVER_ERROR_RETRIES);
}

export function isRetryableNetworkError(code: string | undefined, method: string): boolean {
	if (!code) return false;
	if (NEVER_SENT.includes(code)) return true;
	return MAYBE_SENT.includes(code) && isIdempotent(method);
}

/**
 * Reads `Retry-After` / `X-Retry-After` in every form vendors send: seconds (`60`), seconds with
 * a unit (`60 Seconds`, as Cin7 Core has been seen to send), or an HTTP date.
 */
export function parseRetryAfter(value: unknown, nowMs: number): number | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(Array.isArray(value) ? value[0] : value).trim();
	if (!text) return undefined;
	const seconds = /^(\d+(?:\.\d+)?)\s*(s|sec|secs|second|seconds)?$/i.exec(text);
	if (seconds) return Math.round(Number(seconds[1]) * 1000);
	const minutes = /^(\d+(?:\.\d+)?)\s*(m|min|mins|minute|minutes)$/i.exec(text);
	if (minutes) return Math.round(Number(minutes[1]) * 60_000);
	const date = Date.parse(text);
	if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
	return undefined;
}

/**
 * The wait an `X-RateLimit-Reset` header implies, for throttles that carry no Retry-After (Emarsys,
 * Dotdigital). Vendors disagree on its unit: Emarsys sends the reset time as a Unix timestamp, and
 * Dotdigital's is documented as either that or seconds to wait, so both readings are taken by size
 * (a count of seconds is never a date in 2001 or later; milliseconds since the epoch likewise).
 */
export function parseRateLimitReset(value: unknown, nowMs: number): number | undefined {
	if (value === undefined || value === null) return undefined;
	const n = Number(String(Array.isArray(value) ? value[0] : value).trim());
	if (!Number.isFinite(n) || n < 0) return undefined;
	if (n >= 1e12) return Math.max(0, Math.round(n - nowMs));
	if (n >= 1e9) return Math.max(0, Math.round(n * 1000 - nowMs));
	return Math.round(n * 1000);
}

/** Exponential backoff with full jitter, or the vendor's own wait when it gave one. */
export function backoffDelay(
	attempt: number,
	policy: RetryPolicy,
	retryAfterMs: number | undefined,
	random: () => number = Math.random,
): number {
	if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
