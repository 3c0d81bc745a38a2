import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { spendDailyCall, type DailyBudget } from './budget';
import { clock } from './clock';
import { acquireCallSlot, type PacingLimits } from './pacer';
import { excerpt, redact } from './redact';
import {
	backoffDelay,
	DEFAULT_RETRY,
	isIdempotent,
	isRetryableNetworkError,
	isRetryableStatus,
	parseRateLimitReset,
	parseRetryAfter,
	retriesFor,
	type RetryPolicy,
} from './retry';

export type RequestContext =
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** A problem the vendor reported inside a response whose HTTP status said success. */
export interface BodyError {
	message: string;
	/** The vendor's own code, e.g. Cin7 Core's `ErrorCode`; 429/503 here are retried like throttles. */
	code?: number;
}

/**
 * Everything the shared transport needs to know about one vendor API: its quirks as data and a
 * few small functions (docs/architecture.md, "Transport").
 */
export interface VendorProfile {
	/** The vendor's name as users know it, used in every message. */
	vendor: string;
	credentialType: string;
	/**
	 * The API root for these credentials. May be asynchronous: a host found by asking the vendor
	 * (Dotdigital's region), or one that depends on a token exchange.
	 */
	baseUrl(credentials: ICredentialDataDecryptedObject, ctx: RequestContext): string | Promise<string>;
	/**
	 * Headers computed per request that the credential's own `authenticate` cannot express (a
	 * fresh WSSE digest, a token this package caches). Runs before every attempt, retries included.
	 */
	authHeaders?(credentials: ICredentialDataDecryptedObject, ctx: RequestContext): IDataObject | Promise<IDataObject>;
	/** Identifies the vendor account, so pacing and budgets are shared per account. */
	accountKey(credentials: ICredentialDataDecryptedObject): string;
	/** Credential fields whose values must never appear in messages. */
	secretFields: string[];
	pacing(credentials: ICredentialDataDecryptedObject): PacingLimits;
	dailyBudget?(credentials: ICredentialDataDecryptedObject): DailyBudget | undefined;
	retry?: RetryPolicy;
	/** Finds an error a vendor hides in a 2xx body (Cin7 Core `ErrorCode`, Emarsys `replyCode`). */
	bodyError?(body: unknown): BodyError | undefined;
	/** What the vendor calls the code in such a body, for messages ("ErrorCode"); default "error code". */
	bodyErrorCodeName?: string;
	/**
	 * Recognises an answer saying a quota that lasts much longer than a throttle is used up (Cin7
	 * Omni's calls per day): the message to fail with at once, naming when the quota resets, or
	 * undefined for any other answer. Checked before the retry rules, so such an answer is never
	 * retried like a short throttle.
	 */
	quotaExhausted?(status: number, body: unknown, headers: IDataObject): string | undefined;
	/** Messages for statuses whose meaning is vendor specific (Omni 401 vs 403, Core 403). */
	statusMessages?: Partial<Record<number, string>>;
}

export interface VendorRequest {
	method: IHttpRequestMethods;
	/** Path relative to the credential's Base URL, e.g. `/product`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/**
	 * A body sent as it is instead of `body` as JSON: a file upload such as Emarsys's sales-data
	 * CSV, with its own Content-Type. Paced, retried and redacted like any other call.
	 */
	rawBody?: { text: string; contentType: string };
	headers?: IDataObject;
	timeoutMs?: number;
	/** Some endpoints answer with plain text or nothing at all. */
	expectJson?: boolean;
	/**
	 * Applying the request twice has the same effect as once (e.g. an upsert by email sent as
	 * PATCH), so gateway errors and dropped connections may retry it. Default: by method.
	 */
	idempotent?: boolean;
}

export interface VendorResponse<T> {
	body: T;
	status: number;
	headers: IDataObject;
}

interface RawResponse {
	body: unknown;
	headers: IDataObject;
	statusCode: number;
}

function joinUrl(base: string, path: string): string {
	return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function header(headers: IDataObject, name: string): unknown {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers ?? {})) {
		if (key.toLowerCase() === wanted) return value;
	}
	return undefined;
}

function parseBody(body: unknown): { json: unknown; ok: boolean } {
	if (body === undefined || body === null || body === '') return { json: undefined, ok: true };
	if (Buffer.isBuffer(body)) return parseBody(body.toString('utf8'));
	if (typeof body !== 'string') return { json: body, ok: true };
	const text = body.trim();
	if (!text) return { json: undefined, ok: true };
	try {
		return { json: JSON.parse(text), ok: true };
	} catch {
		return { json: text, ok: false };
	}
}

/** Starts like JSON but does not parse: a body cut short, not a web page served instead of data. */
function isTruncatedJson(text: unknown): boolean {
	return typeof text === 'string' && /^[[{]/.test(text.trim());
}

function vendorMessageOf(body: unknown): string | undefined {
	if (typeof body === 'string') return body;
	if (Array.isArray(body)) return vendorMessageOf(body[0]);
	if (body && typeof body === 'object') {
		const o = body as IDataObject;
		for (const key of ['Exception', 'message', 'Message', 'error', 'errors', 'replyText', 'detail', 'title']) {
			if (o[key] !== undefined && o[key] !== null && o[key] !== '') {
				return typeof o[key] === 'string' ? (o[key] as string) : JSON.stringify(o[key]);
			}
		}
		// JOOR v2 answers every call, errors included, with a `response` node whose `comment` is the text.
		const envelope = o.response as IDataObject | undefined;
		if (envelope && typeof envelope === 'object' && typeof envelope.comment === 'string' && envelope.comment) return envelope.comment;
	}
	return undefined;
}

const DEFAULT_STATUS_MESSAGES: Record<number, string> = {
	400: 'rejected the request as invalid',
	401: 'refused the credentials: check the credential fields',
	403: 'refused the request: the credentials lack permission for it',
	404: 'has no such record or endpoint',
	405: 'does not allow this method on this endpoint',
	409: 'reported a conflict',
	422: 'could not process the request',
	429: 'throttled the request (rate limit) and retries ran out',
	500: 'had an internal error',
	502: 'was unreachable through its gateway',
	503: 'was unavailable or throttling',
	504: 'timed out at its gateway',
};

/** What one call needs to know, worked out once before its first attempt. */
interface Call {
	profile: VendorProfile;
	request: VendorRequest;
	credentials: ICredentialDataDecryptedObject;
	secrets: Array<string | undefined>;
	accountKey: string;
	retry: RetryPolicy;
	url: string;
	/** The retry rules decide by method; an idempotent write retries like a PUT. */
	retryAs: IHttpRequestMethods;
	describe: string;
}

/** Why a call failed, before it becomes a NodeApiError. */
interface Failure {
	status?: number;
	/** How the status is shown when it is not the HTTP status (a code inside a 200 body). */
	statusNote?: string;
	vendorText?: string;
	extra?: string;
	headline?: string;
}

/** What one attempt came to: an answer, a wait before the next attempt, or a failure. */
type Verdict<T> = { response: VendorResponse<T> } | { retryInMs: number } | { failure: Failure };

async function prepareCall(ctx: RequestContext, profile: VendorProfile, request: VendorRequest): Promise<Call> {
	const credentials = await ctx.getCredentials(profile.credentialType);
	const method = request.method;
	return {
		profile,
		request,
		credentials,
		secrets: profile.secretFields.map((f) =>
			credentials[f] === undefined || credentials[f] === null ? undefined : String(credentials[f]),
		),
		accountKey: `${profile.vendor}|${profile.accountKey(credentials)}`,
		retry: profile.retry ?? DEFAULT_RETRY,
		url: joinUrl(await profile.baseUrl(credentials, ctx), request.path),
		retryAs: request.idempotent === true ? 'PUT' : request.idempotent === false ? 'POST' : method,
		describe: `${method} ${request.path}`,
	};
}

/** Spends the daily budget (if the vendor has one) and waits for the pacer's slot. */
async function waitForTurn(ctx: RequestContext, call: Call): Promise<Failure | undefined> {
	const budget = call.profile.dailyBudget?.(call.credentials);
	if (budget) {
		const verdict = spendDailyCall(call.accountKey, budget, clock.now());
		if (!verdict.ok) return { headline: `${call.profile.vendor}: ${verdict.reason}` };
		if (verdict.warn) ctx.logger?.warn(`${call.profile.vendor}: ${verdict.warn}`);
	}
	await acquireCallSlot(call.accountKey, call.profile.pacing(call.credentials));
	return undefined;
}

async function buildOptions(ctx: RequestContext, call: Call): Promise<IHttpRequestOptions> {
	const { request } = call;
	const auth = call.profile.authHeaders ? await call.profile.authHeaders(call.credentials, ctx) : {};
	const options: IHttpRequestOptions = {
		method: request.method,
		url: call.url,
		qs: request.qs,
		headers: { Accept: 'application/json', ...(request.headers ?? {}), ...auth },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: false,
		encoding: 'text',
		timeout: request.timeoutMs ?? 60_000,
	};
	if (request.rawBody !== undefined) {
		options.body = request.rawBody.text;
		(options.headers as IDataObject)['Content-Type'] = request.rawBody.contentType;
	} else if (request.body !== undefined) {
		options.body = JSON.stringify(request.body);
		(options.headers as IDataObject)['Content-Type'] = 'application/json';
	}
	return options;
}

/** A connection that failed: retried when the request surely (or harmlessly) did not apply. */
function judgeNetworkError<T>(call: Call, error: unknown, attempt: number): Verdict<T> {
	const code =
		(error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
	if (isRetryableNetworkError(code, call.retryAs) && attempt < call.retry.maxRetries) {
		return { retryInMs: backoffDelay(attempt, call.retry, undefined) };
	}
	return {
		failure: {
			status: (error as { response?: { status?: number } }).response?.status,
			vendorText: (error as Error).message,
			extra: code ? `connection failed (${code}) after ${attempt + 1} attempt(s)` : undefined,
		},
	};
}

/** An answer: a throttle or transient fault to retry, a vendor error, or the data. */
function judgeResponse<T>(call: Call, raw: RawResponse, attempt: number): Verdict<T> {
	const { retry, retryAs, profile } = call;
	const canRetry = attempt < retry.maxRetries;
	const status = raw.statusCode;
	const headers = raw.headers ?? {};
	const parsed = parseBody(raw.body);

	if (status < 200 || status >= 300) {
		const quota = profile.quotaExhausted?.(status, parsed.json, headers);
		if (quota) {
			const vendorText = vendorMessageOf(parsed.json);
			return {
				failure: {
					status,
					headline: `${profile.vendor}: ${quota}`,
					extra: `not retried${vendorText ? `; the vendor said: ${excerpt(redact(vendorText, call.secrets), 200)}` : ''}`,
				},
			};
		}
		if (isRetryableStatus(status, retryAs) && attempt < retriesFor(status, retry)) {
			const wait =
				parseRetryAfter(header(headers, 'retry-after') ?? header(headers, 'x-retry-after'), clock.now()) ??
				(status === 429 ? parseRateLimitReset(header(headers, 'x-ratelimit-reset'), clock.now()) : undefined);
			return { retryInMs: backoffDelay(attempt, retry, wait) };
		}
		return {
			failure: { status, vendorText: vendorMessageOf(parsed.json), extra: attempt ? `after ${attempt + 1} attempts` : undefined },
		};
	}

	const expectJson = call.request.expectJson !== false;
	if (expectJson && !parsed.ok) {
		// A JSON body cut short (connection dropped mid-body) is transient, like a reset.
		if (isTruncatedJson(parsed.json) && isIdempotent(retryAs) && canRetry) {
			return { retryInMs: backoffDelay(attempt, retry, undefined) };
		}
		return {
			failure: {
				status,
				extra: `answered HTTP ${status} with a non-JSON body (${excerpt(
					redact(String(parsed.json).replace(/\s+/g, ' '), call.secrets),
					120,
				)}). The Base URL or the endpoint is probably wrong.`,
				headline: `${profile.vendor} answered HTTP ${status} with a non-JSON body (a web page?) instead of data: the Base URL or the endpoint is probably wrong`,
			},
		};
	}

	const bodyError = profile.bodyError?.(parsed.json);
	if (bodyError) {
		const code = bodyError.code;
		if (code !== undefined && isRetryableStatus(code, retryAs) && attempt < retriesFor(code, retry)) {
			return { retryInMs: backoffDelay(attempt, retry, undefined) };
		}
		return {
			failure: {
				status: code ?? status,
				vendorText: bodyError.message,
				// The vendor's code is not the HTTP status: say both, so nobody hunts for a 400 in a log of 200s.
				...(code !== undefined ? { statusNote: `HTTP ${status} with ${profile.bodyErrorCodeName ?? 'error code'} ${code}` } : {}),
			},
		};
	}
	return { response: { body: (expectJson ? parsed.json : raw.body) as T, status, headers } };
}

/** The failure as a NodeApiError naming the vendor and the call, with every secret redacted. */
function apiError(ctx: RequestContext, call: Call, failure: Failure): NodeApiError {
	const { status, vendorText, extra, headline, statusNote } = failure;
	const { profile, secrets } = call;
	const known = status ? (profile.statusMessages?.[status] ?? DEFAULT_STATUS_MESSAGES[status]) : undefined;
	const meaning = known || (status ? `answered HTTP ${status}` : 'could not be reached');
	// Redact before cutting, so a secret straddling the cut cannot leave a readable head.
	const detail = vendorText ? excerpt(redact(vendorText, secrets), 400) : undefined;
	const message = redact(
		headline ??
			`${profile.vendor} ${meaning}${detail ? `: ${detail}` : ''}${statusNote ? ` (${statusNote})` : known ? ` (HTTP ${status})` : ''}`,
		secrets,
	);
	const httpCode = status ? { httpCode: String(status) } : {};
	const error = new NodeApiError(ctx.getNode(), { message, ...httpCode } as JsonObject, {
		message,
		description: redact(`${call.describe}${extra ? ` — ${extra}` : ''}`, secrets),
		...httpCode,
	});
	// NodeApiError swaps a message mentioning ECONNREFUSED, EPERM, … for a generic text that
	// drops the vendor's name; keep ours.
	error.message = message;
	return error;
}

async function send(ctx: RequestContext, call: Call, options: IHttpRequestOptions): Promise<RawResponse> {
	return (await ctx.helpers.httpRequestWithAuthentication.call(
		ctx,
		call.profile.credentialType,
		options,
	)) as RawResponse;
}

/**
 * The one way every node in this package talks to a vendor: authenticated through n8n's
 * credential helpers, paced under the vendor's limits, retried with backoff on throttles and
 * transient faults, with vendor error shapes turned into NodeApiErrors that never carry a secret.
 */
export async function vendorRequest<T = unknown>(
	this: RequestContext,
	profile: VendorProfile,
	request: VendorRequest,
): Promise<VendorResponse<T>> {
	const call = await prepareCall(this, profile, request);
	for (let attempt = 0; ; attempt++) {
		const refused = await waitForTurn(this, call);
		if (refused) throw apiError(this, call, refused);
		const options = await buildOptions(this, call);
		const verdict = await send(this, call, options).then(
			(raw) => judgeResponse<T>(call, raw, attempt),
			(error: unknown) => judgeNetworkError<T>(call, error, attempt),
		);
		if ('response' in verdict) return verdict.response;
		if ('failure' in verdict) throw apiError(this, call, verdict.failure);
		await clock.sleep(verdict.retryInMs);
	}
}

/** The common case: only the parsed body matters. */
export async function vendorJson<T = unknown>(
	this: RequestContext,
	profile: VendorProfile,
	request: VendorRequest,
): Promise<T> {
	return (await vendorRequest.call<RequestContext, [VendorProfile, VendorRequest], Promise<VendorResponse<T>>>(this, profile, request)).body;
}

/** Per-call options beyond method, path, query and body: the last argument of `<system>Request`. */
export type RequestOptions = Pick<VendorRequest, 'headers' | 'timeoutMs' | 'expectJson' | 'idempotent'>;

/** The HTTP status a transport error carries, e.g. to read a 404 as "no such record". */
export function httpStatusOf(error: unknown): number | undefined {
	const e = error as { httpCode?: string; context?: { httpCode?: string } } | undefined;
	const code = Number(e?.httpCode ?? e?.context?.httpCode);
	return Number.isFinite(code) && code > 0 ? code : undefined;
}
