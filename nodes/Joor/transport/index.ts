import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import {
	httpStatusOf,
	vendorRequest,
	type RequestContext,
	type RequestOptions,
	type VendorResponse,
} from '../../shared/http';
import { takeRows } from '../../shared/pagination';
import { joorV2Authorization } from '../../../credentials/JoorApi.credentials';
import { tokenDue, withFreshToken, withTokenRetries } from '../../shared/expiringToken';
import { JOOR_CREDENTIAL, joorProfile, joorToken, joorWriteProfile } from './profile';

export { JOOR_CREDENTIAL, DEFAULT_CREDITS_PER_WINDOW, joorProfile, joorPacing, joorToken } from './profile';

/** Rows asked per v2 page (`count`); JOOR's default is 50. */
export const V2_PAGE_SIZE = 100;

type Body = IDataObject | IDataObject[];

/** The redaction the shared transport cannot do: the Base64 form of a v2 token, if a vendor echoes the header. */
function scrubEncodedToken(error: unknown, c: ICredentialDataDecryptedObject): unknown {
	if (c.authType === 'password' || !c.apiToken) return error;
	const encoded = joorV2Authorization(c.apiToken).slice('OAuth2 '.length);
	const e = error as { message?: string; description?: string };
	if (encoded.length >= 4) {
		if (typeof e.message === 'string') e.message = e.message.split(encoded).join('***');
		if (typeof e.description === 'string') e.description = e.description.split(encoded).join('***');
	}
	return error;
}

/**
 * One JOOR call with its status: paced on credits (a write takes 5, docs/architecture.md,
 * "Transport"), retried on 429, errors without secrets. A v4 token past its renewal time is renewed
 * before the call; one JOOR answers 401 to is renewed once and the call sent again (a 401 means
 * JOOR did nothing); a second 401 is the credential's fault.
 */
export async function joorResponse(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	qs?: IDataObject,
	body?: Body,
	options: RequestOptions = {},
): Promise<VendorResponse<IDataObject>> {
	const profile = method === 'GET' ? joorProfile : joorWriteProfile;
	const send = async (ctx: RequestContext) =>
		await vendorRequest.call<RequestContext, Parameters<typeof vendorRequest>, Promise<VendorResponse<IDataObject>>>(
			ctx,
			profile,
			{ method, path, qs, body, ...options },
		);
	const credentials = await this.getCredentials(JOOR_CREDENTIAL);
	const renewable = credentials.authType === 'password';
	const renewedFirst = tokenDue(joorToken, credentials);
	try {
		// Either way a throttled token request is retried like the call (docs/architecture.md, "Transport").
		return await send(renewedFirst ? withFreshToken(this, joorToken) : withTokenRetries(this));
	} catch (error) {
		if (renewable && !renewedFirst && httpStatusOf(error) === 401) {
			try {
				return await send(withFreshToken(this, joorToken));
			} catch (again) {
				throw scrubEncodedToken(again, credentials);
			}
		}
		throw scrubEncodedToken(error, credentials);
	}
}

/** One JOOR call, its parsed body. */
export async function joorRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	qs?: IDataObject,
	body?: Body,
	options: RequestOptions = {},
): Promise<IDataObject> {
	return ((await joorResponse.call(this, method, path, qs, body, options)).body ?? {}) as IDataObject;
}

/**
 * The rows of a v2 answer: the first list beside the `response` node, either a plain array
 * (`orders: [...]`) or the XML-shaped wrapper (`inventory_items: { inventory_item: [...] }`);
 * a v4 answer's `data`; a bare array.
 */
export function rowsOf(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (!body || typeof body !== 'object') return [];
	for (const [key, value] of Object.entries(body as IDataObject)) {
		if (key === 'response' || key === 'errors') continue;
		if (Array.isArray(value)) return value as IDataObject[];
		if (value && typeof value === 'object') {
			const inner = Object.values(value as IDataObject).find(Array.isArray);
			if (inner) return inner as IDataObject[];
		}
	}
	return [];
}

/** The single record of a v2 "get" answer (`{ response, connection: {...} }`), or undefined. */
export function recordOf(body: unknown, key: string): IDataObject | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const value = (body as IDataObject)[key];
	if (Array.isArray(value)) return value[0] as IDataObject | undefined;
	if (value && typeof value === 'object') return value as IDataObject;
	return rowsOf(body)[0];
}

/**
 * Pages of a v2 list (`start_from` + `count`). JOOR's `response.next_start` says where the next
 * page begins when it is given (none, or not further on, ends the walk); otherwise a page shorter
 * than `count` is the last one.
 */
export async function* joorPages(
	this: RequestContext,
	path: string,
	qs: IDataObject = {},
	pageSize = V2_PAGE_SIZE,
): AsyncGenerator<IDataObject[]> {
	const count = Math.max(1, Math.min(V2_PAGE_SIZE, pageSize));
	let start = 0;
	for (;;) {
		const body = await joorRequest.call(this, 'GET', path, { ...qs, start_from: start, count });
		const rows = rowsOf(body);
		if (rows.length) yield rows;
		if (!rows.length) return;
		const response = (body.response ?? {}) as IDataObject;
		if (Object.hasOwn(response, 'next_start')) {
			const next = Number(response.next_start);
			if (response.next_start === null || response.next_start === '' || !Number.isFinite(next) || next <= start) return;
			start = next;
		} else {
			if (rows.length < count) return;
			start += rows.length;
		}
	}
}

/** Up to `limit` rows of a v2 list (all when undefined), asking for no more than that. */
export async function joorList(
	this: RequestContext,
	path: string,
	qs: IDataObject = {},
	limit?: number,
): Promise<IDataObject[]> {
	return await takeRows(joorPages.call(this, path, qs, limit ?? V2_PAGE_SIZE), limit);
}

/** Path segments (style numbers, customer codes) must be escaped. */
export function seg(value: string | number): string {
	return encodeURIComponent(String(value));
}
