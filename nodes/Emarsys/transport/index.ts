import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { httpStatusOf, vendorRequest, type RequestContext, type RequestOptions } from '../../shared/http';
import { tokenDue, withFreshToken, withTokenRetries } from '../../shared/expiringToken';
import { emarsysProfile, emarsysToken } from './profile';
import { authTypeOf } from './settings';

export { emarsysProfile, emarsysToken } from './profile';
export { EMARSYS_CREDENTIAL, DEFAULT_CALLS_PER_MINUTE } from './settings';

/** Contacts per upsert / delete / getdata call and per external-event trigger (Emarsys's cap). */
export const MAX_BATCH = 1000;
/** Emarsys caps a request body at 10 MB; batches stay under it with room for the envelope. */
export const MAX_BODY_BYTES = 9_500_000;

/**
 * One Emarsys call (paced, retried, errors without secrets), its `data`. An OAuth2 token past its
 * renewal time is renewed before the call; one Emarsys answers 401 to is renewed once and the call
 * sent again; a second 401 is the credential's fault (docs/architecture.md, "Transport").
 */
export async function emarsysRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	qs?: IDataObject,
	body?: IDataObject | IDataObject[],
	options: RequestOptions = {},
): Promise<IDataObject> {
	const send = async (ctx: RequestContext) =>
		(await vendorRequest.call<RequestContext, Parameters<typeof vendorRequest>, Promise<{ body: unknown }>>(
			ctx,
			emarsysProfile,
			{ method, path, qs, body, ...options },
		)).body;
	const credentials = await this.getCredentials(emarsysProfile.credentialType);
	const renewable = authTypeOf(credentials) === 'oauth2';
	const renewedFirst = tokenDue(emarsysToken, credentials);
	// Either way a throttled token request is retried like the call (docs/architecture.md, "Transport").
	const envelope = await send(renewedFirst ? withFreshToken(this, emarsysToken) : withTokenRetries(this)).catch(async (error: unknown) => {
		if (!renewable || renewedFirst || httpStatusOf(error) !== 401) return await Promise.reject(error);
		return await send(withFreshToken(this, emarsysToken));
	});
	if (options.expectJson === false) return envelope as IDataObject;
	// `data` may be an array (lists) or text; callers that expect those read it through emarsysList.
	return dataOf(envelope) as IDataObject;
}

/** The `data` of an envelope (the whole body when it is not one). */
export function dataOf(body: unknown): unknown {
	if (body && typeof body === 'object' && !Array.isArray(body) && 'replyCode' in (body as IDataObject)) {
		return (body as IDataObject).data;
	}
	return body;
}

/** A list Emarsys serves whole (fields, contact lists, events): up to `limit` rows. */
export async function emarsysList(this: RequestContext, path: string, limit?: number): Promise<IDataObject[]> {
	const data: unknown = await emarsysRequest.call(this, 'GET', path);
	const rows = Array.isArray(data) ? (data as IDataObject[]) : [];
	return limit === undefined ? rows : rows.slice(0, limit);
}

/** Path segments (ids typed by users) are escaped. */
export function seg(value: string | number): string {
	return encodeURIComponent(String(value));
}
