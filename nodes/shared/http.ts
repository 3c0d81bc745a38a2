import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
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
	parseRetryAfter,
	type RetryPolicy,
} from './retry';

export type RequestContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions | IHookFunctions;

/** A problem the vendor reported inside a response whose HTTP status said success. */
export interface BodyError {
	message: string;
	/** The vendor's own code, e.g. Cin7 Core's `ErrorCode`; 429/503 here are retried like throttles. */
	code?: number;
}

/** Everything the shared transport needs to know about one vendor API. */
export interface VendorProfile {
	/** The vendor's name as users know it, used in every message. */
	vendor: string;
	credentialType: string;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** Identifies the vendor account, so pacing and budgets are shared per account. */
	accountKey(credentials: ICredentialDataDecryptedObject): string;
	/** Credential fields whose values must never appear in messages. */
	secretFields: string[];
	pacing(credentials: ICredentialDataDecryptedObject): PacingLimits;
	dailyBudget?(credentials: ICredentialDataDecryptedObject): DailyBudget | undefined;
	retry?: RetryPolicy;
	/** Finds an error a vendor hides in a 2xx body (Cin7 Core `ErrorCode`, Emarsys `replyCode`). */
	bodyError?(body: unknown): BodyError | undefined;
	/** Messages for statuses whose meaning is vendor specific (Omni 401 vs 403, Core 403). */
	statusMessages?: Partial<Record<number, string>>;
}

export interface VendorRequest {
	method: IHttpRequestMethods;
	/** Path relative to the credential's Base URL, e.g. `/product`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
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
	const credentials = await this.getCredentials(profile.credentialType);
	const secrets = profile.secretFields.map((f) =>
		credentials[f] === undefined || credentials[f] === null ? undefined : String(credentials[f]),
	);
	const accountKey = `${profile.vendor}|${profile.accountKey(credentials)}`;
	const retry = profile.retry ?? DEFAULT_RETRY;
	const url = joinUrl(profile.baseUrl(credentials), request.path);
	const method = request.method;
	// The retry rules decide by method; an idempotent write retries like a PUT.
	const retryAs = request.idempotent === true ? 'PUT' : request.idempotent === false ? 'POST' : method;
	const describe = `${method} ${request.path}`;

	const fail = (
		status: number | undefined,
		vendorText: string | undefined,
		extra?: string,
		headline?: string,
	): never => {
		const known = status ? (profile.statusMessages?.[status] ?? DEFAULT_STATUS_MESSAGES[status]) : undefined;
		const meaning = known || (status ? `answered HTTP ${status}` : 'could not be reached');
		// Redact before cutting, so a secret straddling the cut cannot leave a readable head.
		const detail = vendorText ? excerpt(redact(vendorText, secrets), 400) : undefined;
		const message = redact(
			headline ??
				`${profile.vendor} ${meaning}${detail ? `: ${detail}` : ''}${known ? ` (HTTP ${status})` : ''}`,
			secrets,
		);
		const error = new NodeApiError(
			this.getNode(),
			{ message, ...(status ? { httpCode: String(status) } : {}) } as JsonObject,
			{
				message,
				description: redact(`${describe}${extra ? ` — ${extra}` : ''}`, secrets),
				...(status ? { httpCode: String(status) } : {}),
			},
		);
		// NodeApiError swaps a message mentioning ECONNREFUSED, EPERM, … for a generic text that
		// drops the vendor's name; keep ours.
		error.message = message;
		throw error;
	};

	for (let attempt = 0; ; attempt++) {
		const budget = profile.dailyBudget?.(credentials);
		if (budget) {
			const verdict = spendDailyCall(accountKey, budget, clock.now());
			if (!verdict.ok) fail(undefined, undefined, undefined, `${profile.vendor}: ${verdict.reason}`);
			else if (verdict.warn) this.logger?.warn(`${profile.vendor}: ${verdict.warn}`);
		}
		await acquireCallSlot(accountKey, profile.pacing(credentials));

		const options: IHttpRequestOptions = {
			method,
			url,
			qs: request.qs,
			headers: { Accept: 'application/json', ...(request.headers ?? {}) },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			json: false,
			encoding: 'text',
			timeout: request.timeoutMs ?? 60_000,
		};
		if (request.body !== undefined) {
			options.body = JSON.stringify(request.body);
			(options.headers as IDataObject)['Content-Type'] = 'application/json';
		}

		let raw: RawResponse;
		try {
			raw = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				profile.credentialType,
				options,
			)) as RawResponse;
		} catch (error) {
			const code = (error as { code?: string; cause?: { code?: string } }).code ??
				(error as { cause?: { code?: string } }).cause?.code;
			if (isRetryableNetworkError(code, retryAs) && attempt < retry.maxRetries) {
				await clock.sleep(backoffDelay(attempt, retry, undefined));
				continue;
			}
			const status = (error as { httpCode?: string; response?: { status?: number } }).response?.status;
			return fail(
				status,
				(error as Error).message,
				code ? `connection failed (${code}) after ${attempt + 1} attempt(s)` : undefined,
			);
		}

		const status = raw.statusCode;
		const headers = raw.headers ?? {};
		const parsed = parseBody(raw.body);

		if (status < 200 || status >= 300) {
			if (isRetryableStatus(status, retryAs) && attempt < retry.maxRetries) {
				const wait = parseRetryAfter(
					header(headers, 'retry-after') ?? header(headers, 'x-retry-after'),
					clock.now(),
				);
				await clock.sleep(backoffDelay(attempt, retry, wait));
				continue;
			}
			return fail(status, vendorMessageOf(parsed.json), attempt ? `after ${attempt + 1} attempts` : undefined);
		}

		const expectJson = request.expectJson !== false;
		if (expectJson && !parsed.ok && isTruncatedJson(parsed.json) && isIdempotent(retryAs) && attempt < retry.maxRetries) {
			// A JSON body cut short (connection dropped mid-body): transient, like a reset.
			await clock.sleep(backoffDelay(attempt, retry, undefined));
			continue;
		}
		if (expectJson && !parsed.ok) {
			return fail(
				status,
				undefined,
				`answered HTTP ${status} with a non-JSON body (${excerpt(
					redact(String(parsed.json).replace(/\s+/g, ' '), secrets),
					120,
				)}). The Base URL or the endpoint is probably wrong.`,
				`${profile.vendor} answered HTTP ${status} with a non-JSON body (a web page?) instead of data: the Base URL or the endpoint is probably wrong`,
			);
		}
		const bodyError = profile.bodyError?.(parsed.json);
		if (bodyError) {
			if (
				bodyError.code !== undefined &&
				isRetryableStatus(bodyError.code, retryAs) &&
				attempt < retry.maxRetries
			) {
				await clock.sleep(backoffDelay(attempt, retry, undefined));
				continue;
			}
			return fail(bodyError.code ?? status, bodyError.message);
		}
		return { body: (expectJson ? parsed.json : raw.body) as T, status, headers };
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
