import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import { vendorJson, type RequestContext, type RequestOptions, type VendorProfile } from '../../shared/http';
import { positiveNumber } from '../../shared/params';
import { excerpt, redact } from '../../shared/redact';
import { parseRetryAfter } from '../../shared/retry';
import { readKey } from '../helpers/keys';
import { identityOf, keysetPages, withKeyFields, type KeysetOptions, type OrderKey, type PageQuery } from './keyset';

export { ORDER, type OrderKey } from './keyset';

export const OMNI_DEFAULT_BASE_URL = 'https://api.cin7.com/api/v1';
/** Omni's maximum for both `rows` per page and records per write. */
export const OMNI_PAGE_SIZE = 250;
export const OMNI_BATCH_SIZE = 250;
/** Omni's documented limits per API connection. */
const OMNI_CALLS_PER_MINUTE = 60;
const OMNI_CALLS_PER_SECOND = 3;
const OMNI_DAILY_CALLS = 5000;
const VENDOR = 'Cin7 Omni';
const CREDENTIAL_TYPE = 'cin7OmniApi';

const omniBaseUrl = (credentials: ICredentialDataDecryptedObject): string =>
	String(credentials.baseUrl || OMNI_DEFAULT_BASE_URL).trim();

// A 429 that names the day ("… 5000 calls per day exceeded") rather than a generic "retry later".
const DAY_WORDS = /\b(daily|per day|a day|each day|24 hours)\b/i;
const USED_UP_WORDS = /\b(exceeded|reached|exhausted|used up|used its)\b/i;
/** Longer than any wait the per-second and per-minute windows can ask for. */
const LONG_WAIT_MS = 5 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

function duration(ms: number): string {
	const minutes = Math.max(1, Math.ceil(ms / 60_000));
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
}

/**
 * Omni's daily limit (5,000 calls per API connection) answers 429 like its per-second and
 * per-minute limits. Retrying it like a short throttle spends minutes for nothing, so it stops the
 * run at once, saying when calls resume: the Retry-After when Omni sends a long one, else the next
 * midnight UTC (the reference counts the day in UTC).
 */
export function omniQuotaExhausted(status: number, body: unknown, headers: IDataObject): string | undefined {
	if (status !== 429) return undefined;
	const now = clock.now();
	const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
	const waitMs = parseRetryAfter(readKey(headers, 'retry-after') ?? readKey(headers, 'x-retry-after'), now);
	const longWait = waitMs !== undefined && waitMs >= LONG_WAIT_MS;
	if (!longWait && !(DAY_WORDS.test(text) && USED_UP_WORDS.test(text))) return undefined;
	const resumeMs = longWait ? now + waitMs : (Math.floor(now / DAY_MS) + 1) * DAY_MS;
	const source = longWait ? `its Retry-After of ${Math.round(waitMs / 1000)} s` : 'midnight UTC, when the daily count restarts';
	return (
		`the daily API call limit of this API connection is used up (HTTP 429). Calls resume at ${new Date(resumeMs).toISOString()} ` +
		`(in about ${duration(resumeMs - now)}, ${source}). The run stopped instead of retrying; every integration using this ` +
		'API connection shares the limit.'
	);
}

/** How the shared transport talks to Cin7 Omni API v1. */
export const omniProfile: VendorProfile = {
	vendor: VENDOR,
	credentialType: CREDENTIAL_TYPE,
	baseUrl: (credentials) => omniBaseUrl(credentials),
	// Limits apply per API connection; the username plus host names it without using the key.
	accountKey: (c) => `${omniBaseUrl(c)}|${String(c.username ?? '')}`,
	secretFields: ['apiKey'],
	pacing: (c) => ({
		perMinute: positiveNumber(c.callsPerMinute, OMNI_CALLS_PER_MINUTE),
		perSecond: positiveNumber(c.callsPerSecond, OMNI_CALLS_PER_SECOND),
	}),
	// A budget of 0 (or less) switches the daily stop off rather than falling back to the default.
	dailyBudget: (c) => {
		const limit = Number(c.dailyCallBudget ?? OMNI_DAILY_CALLS);
		if (!Number.isFinite(limit) || limit <= 0) return undefined;
		return { limit, warnRatio: 0.8, stopRatio: 0.95 };
	},
	quotaExhausted: omniQuotaExhausted,
	statusMessages: {
		401: 'refused the API username or API key (401 Unauthorized): check both in the Cin7 Omni credential',
		403: 'accepted the credentials but this API connection lacks permission for this endpoint (403 Forbidden): in Cin7 Omni open Settings → Integrations & API → API v1, edit the connection and enable the Read/Create/Update right for the endpoint named below',
	},
};

/** One call; the parsed body. */
export async function omniRequest<T = unknown>(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	qs?: IDataObject,
	body?: IDataObject | IDataObject[],
	options?: RequestOptions,
): Promise<T> {
	return (await vendorJson.call(this, omniProfile, { ...options, method, path, qs, body })) as T;
}

export const isRecord = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

function shapeOf(body: unknown): string {
	if (body === undefined || body === null || body === '') return 'an empty body';
	if (Array.isArray(body)) {
		if (body.every(isRecord)) return `a list of ${body.length} record(s)`;
		const odd = body.find((r) => !isRecord(r));
		return `a list holding ${odd === null ? 'null' : Array.isArray(odd) ? 'list' : typeof odd} entries`;
	}
	if (typeof body === 'object') return 'a single object';
	return `${typeof body === 'string' ? 'text' : typeof body}`;
}

/**
 * An answer whose JSON is not the shape the call returns (a list where a record was due, text, an
 * error object inside a 200): a NodeApiError naming the vendor, the call and what came instead,
 * never a TypeError further down.
 */
export async function unexpectedAnswer(ctx: RequestContext, call: string, body: unknown, wanted: string): Promise<NodeApiError> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE).catch(() => ({}) as ICredentialDataDecryptedObject);
	const secret = credentials.apiKey === undefined ? undefined : String(credentials.apiKey);
	const shown = excerpt(redact(typeof body === 'string' ? body : JSON.stringify(body ?? ''), [secret]), 160);
	const message = `${VENDOR} answered ${call} with ${shapeOf(body)} instead of ${wanted}`;
	const error = new NodeApiError(ctx.getNode(), { message } as JsonObject, {
		message,
		description: `${call} — the answer began: ${shown}. Run again; if it persists, check the Base URL in the credential.`,
	});
	error.message = message;
	return error;
}

export interface ListQuery {
	where?: string;
	fields?: string;
	/** The walk's order (`ORDER.byId`, …): unique and stable, see transport/keyset.ts. */
	order: OrderKey[];
}

/** Page 1 of a query; anything but a list of records is an error naming the call. */
async function readPage(ctx: RequestContext, resource: string, qs: IDataObject): Promise<IDataObject[]> {
	const query: IDataObject = {};
	for (const [k, v] of Object.entries(qs)) if (v !== undefined && v !== '') query[k] = v;
	const body = await omniRequest.call(ctx, 'GET', `/${resource}`, query);
	if (!Array.isArray(body) || !body.every(isRecord)) {
		throw await unexpectedAnswer(ctx, `GET /${resource}`, body, 'a list of records');
	}
	return body;
}

function pageQuery(ctx: RequestContext, resource: string, query: ListQuery): PageQuery {
	// A caller still passing Omni's own `order` text would walk nothing sensible.
	if (!Array.isArray(query.order) || !query.order.length) {
		throw new NodeOperationError(ctx.getNode(), `Cin7 Omni list of ${resource}: the order must be one of ORDER (transport/keyset.ts), not "${String(query.order)}"`);
	}
	const fields = withKeyFields(query.fields, query.order);
	return async (where, key, rows) => await readPage(ctx, resource, { page: 1, rows, where, order: `${key.field} ASC`, fields });
}

/** The walk's options for one endpoint: a row it cannot go on from is an answer of the wrong shape. */
const walkOptions = (ctx: RequestContext, resource: string, wholeRuns = false): KeysetOptions => ({
	wholeRuns,
	missingKey: async (row, key) => await unexpectedAnswer(ctx, `GET /${resource}`, row, `rows carrying ${key.field}`),
});

/** Rows of one list endpoint, all of them or up to `limit`, each once, in `query.order`. */
export async function omniList(
	this: RequestContext,
	resource: string,
	query: ListQuery,
	limit?: number,
): Promise<IDataObject[]> {
	if (limit !== undefined && !(limit > 0)) return [];
	// Ask for no more rows than needed, but never below what one page can hold when walking all.
	const pageSize = limit !== undefined ? Math.max(1, Math.min(OMNI_PAGE_SIZE, limit)) : OMNI_PAGE_SIZE;
	const identity = identityOf(query.order);
	const seen = new Set<string>();
	const out: IDataObject[] = [];
	for await (const page of keysetPages(pageQuery(this, resource, query), query.where, query.order, pageSize, walkOptions(this, resource))) {
		for (const row of page) {
			// A row read again at a page boundary, or changed (and so moved) while the walk ran.
			const key = identity(row);
			if (key !== undefined) {
				if (seen.has(key)) continue;
				seen.add(key);
			}
			out.push(row);
			if (limit !== undefined && out.length >= limit) return out;
		}
	}
	return out;
}

/**
 * Pages for the poll cursor (docs/architecture.md, "Polling triggers"): page 1 in `query.order`;
 * asked for more after a full page of one modified time, that time's records walked by id as one
 * page, then the records after it. Repeats are left to the cursor, which drops versions it read.
 */
export function omniPages(this: RequestContext, resource: string, query: ListQuery): AsyncGenerator<IDataObject[]> {
	return keysetPages(pageQuery(this, resource, query), query.where, query.order, OMNI_PAGE_SIZE, walkOptions(this, resource, true));
}

/** One page in a given order and no walk, e.g. the newest few records for a trigger's sample. */
export async function omniFirstPage(
	this: RequestContext,
	resource: string,
	query: { where?: string; order: string; fields?: string },
	rows: number,
): Promise<IDataObject[]> {
	return await readPage(this, resource, { page: 1, rows: Math.max(1, Math.min(OMNI_PAGE_SIZE, rows)), ...query });
}

/** One record by id; anything but a record is an error naming the call. */
export async function omniGetById(this: RequestContext, resource: string, id: number | string): Promise<IDataObject> {
	const path = `/${resource}/${encodeURIComponent(String(id))}`;
	const body = await omniRequest.call(this, 'GET', path);
	if (!isRecord(body)) throw await unexpectedAnswer(this, `GET ${path}`, body, 'a record');
	return body;
}
