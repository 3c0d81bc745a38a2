import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { vendorJson, type RequestContext, type RequestOptions, type VendorProfile } from '../../shared/http';
import { collectRows, walkPages, type Page } from '../../shared/pagination';
import { positiveNumber } from '../../shared/params';

export const OMNI_DEFAULT_BASE_URL = 'https://api.cin7.com/api/v1';
/** Omni's maximum for both `rows` per page and records per write. */
export const OMNI_PAGE_SIZE = 250;
export const OMNI_BATCH_SIZE = 250;
/** Omni's documented limits per API connection. */
const OMNI_CALLS_PER_MINUTE = 60;
const OMNI_CALLS_PER_SECOND = 3;
const OMNI_DAILY_CALLS = 5000;

const omniBaseUrl = (credentials: ICredentialDataDecryptedObject): string =>
	String(credentials.baseUrl || OMNI_DEFAULT_BASE_URL).trim();

/** How the shared transport talks to Cin7 Omni API v1. */
export const omniProfile: VendorProfile = {
	vendor: 'Cin7 Omni',
	credentialType: 'cin7OmniApi',
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

/** Omni lists are bare arrays without a total; anything else on a list is treated as no rows. */
function asRows(body: unknown): IDataObject[] {
	return Array.isArray(body) ? (body as IDataObject[]) : [];
}

export interface ListQuery {
	where?: string;
	order?: string;
	fields?: string;
	[extra: string]: string | number | boolean | undefined;
}

function pageFetcher(ctx: RequestContext, resource: string, query: ListQuery) {
	return async (page: number, rows: number): Promise<Page<IDataObject>> => {
		const qs: IDataObject = { page, rows };
		for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') qs[k] = v;
		return { rows: asRows(await omniRequest.call(ctx, 'GET', `/${resource}`, qs)) };
	};
}

/** Rows of one list endpoint, all of them or up to `limit`; a short or empty page ends the walk. */
export async function omniList(
	this: RequestContext,
	resource: string,
	query: ListQuery,
	limit?: number,
): Promise<IDataObject[]> {
	return await collectRows(pageFetcher(this, resource, query), OMNI_PAGE_SIZE, limit);
}

/** Streams pages of 250, for walks that may stop early (poll cursors). */
export function omniPages(
	this: RequestContext,
	resource: string,
	query: ListQuery,
): AsyncGenerator<IDataObject[]> {
	return walkPages(pageFetcher(this, resource, query), OMNI_PAGE_SIZE);
}

export async function omniGetById(
	this: RequestContext,
	resource: string,
	id: number | string,
): Promise<IDataObject> {
	return await omniRequest.call<RequestContext, Parameters<typeof omniRequest>, Promise<IDataObject>>(
		this,
		'GET',
		`/${resource}/${encodeURIComponent(String(id))}`,
	);
}
