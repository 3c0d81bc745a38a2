import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import {
	vendorRequest,
	type RequestContext,
	type VendorProfile,
	type VendorRequest,
	type VendorResponse,
} from '../../shared/http';
import { DOTDIGITAL_CREDENTIAL, dotdigitalProfile } from './profile';
import { resolveBaseUrl } from './region';

export { DOTDIGITAL_CREDENTIAL, DEFAULT_CALLS_PER_MINUTE, dotdigitalProfile } from './profile';
export { resetRegionCache } from './region';

export interface DdRequestOptions {
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Long imports and reads may take up to 121 s at Dotdigital. */
	timeoutMs?: number;
	/** Retry gateway errors and dropped connections even for PATCH/POST (the call is an upsert). */
	idempotent?: boolean;
}

export async function ddRequestFull<T = IDataObject>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: DdRequestOptions = {},
): Promise<VendorResponse<T>> {
	const credentials = await ctx.getCredentials(DOTDIGITAL_CREDENTIAL);
	const base = await resolveBaseUrl(ctx, credentials);
	const request: VendorRequest = {
		method,
		path,
		qs: options.qs,
		body: options.body,
		timeoutMs: options.timeoutMs ?? 121_000,
		idempotent: options.idempotent,
	};
	return await vendorRequest.call<RequestContext, [VendorProfile, VendorRequest], Promise<VendorResponse<T>>>(
		ctx,
		dotdigitalProfile(base),
		request,
	);
}

/** One Dotdigital call: region resolved, paced, retried, errors normalised without secrets. */
export async function ddRequest<T = IDataObject>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: DdRequestOptions = {},
): Promise<T> {
	return (await ddRequestFull<T>(ctx, method, path, options)).body;
}

/** Path segments (emails, names) must be escaped: `+` and `/` occur in real addresses. */
export function seg(value: string | number): string {
	return encodeURIComponent(String(value));
}

/** True when a transport error is the vendor's 404. */
export function isNotFound(error: unknown): boolean {
	const e = error as { httpCode?: string; context?: { httpCode?: string } };
	return e?.httpCode === '404';
}
