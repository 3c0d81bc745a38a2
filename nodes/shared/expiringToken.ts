import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

import { clock } from './clock';
import type { RequestContext } from './http';
import { SERVER_ERROR_STATUSES, TRANSIENT_STATUSES } from './retry';

/**
 * Tokens fetched by a credential's `preAuthentication` (SparkLayer's 1-hour token, Shopify's 24-hour
 * client-credentials token). n8n fetches one only when the stored token is empty, or after an HTTP
 * error thrown by the request; the shared transport reads error statuses itself (it never lets
 * them throw), so this file asks n8n for a new token in the two cases that need one: the stored
 * token is about to expire, or the vendor answered 401 (docs/architecture.md, "Transport").
 */
export interface ExpiringToken {
	credentialType: string;
	/** The credential's hidden expirable field. */
	tokenField: string;
	/** The hidden field holding when the token must be renewed (ISO). */
	expiresAtField: string;
	/** Whether these credentials use a fetched token at all (Shopify's admin token does not). */
	applies?(credentials: ICredentialDataDecryptedObject): boolean;
}

/** The stored token is missing its renewal time or has reached it. */
export function tokenDue(token: ExpiringToken, credentials: ICredentialDataDecryptedObject): boolean {
	if (token.applies && !token.applies(credentials)) return false;
	if (!credentials[token.tokenField]) return false; // n8n fetches an empty token by itself
	const at = Date.parse(String(credentials[token.expiresAtField] ?? ''));
	return Number.isFinite(at) && at <= clock.now();
}

/**
 * A token request the vendor refused, thrown by a credential's `preAuthentication` with the
 * answer's status, headers and body, so that a throttle on the token endpoint can be retried like
 * one on the call itself.
 */
export class TokenRequestError extends ApplicationError {
	constructor(
		message: string,
		// Not named `status`/`headers`/`body`: n8n's NodeApiError would read `status` as the HTTP code
		// and swap this message for its generic one.
		readonly tokenStatus: number,
		readonly tokenHeaders: IDataObject,
		readonly tokenBody: unknown,
	) {
		super(message);
	}
}

/** What `httpRequestWithAuthentication` answers with `returnFullResponse`. */
interface FullResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/**
 * n8n runs `preAuthentication` inside `httpRequestWithAuthentication` and, unlike the call itself
 * (sent with `ignoreHttpStatusErrors`), a refused token request THROWS, wrapped in a NodeApiError:
 * the shared transport would take it for a failed connection and give up at once. A throttle or
 * transient fault there (429, 503 with Retry-After or X-Retry-After, 5xx) is handed back as the
 * answer it was, so the transport's own retry rules and budget apply to it (docs/architecture.md,
 * "Transport"); the call was not sent, and the next attempt asks for the token again.
 */
export function transientTokenAnswer(error: unknown): FullResponse | undefined {
	for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
		if (e instanceof TokenRequestError) {
			const status = e.tokenStatus;
			const retryable = TRANSIENT_STATUSES.includes(status) || SERVER_ERROR_STATUSES.includes(status);
			return retryable ? { statusCode: status, headers: e.tokenHeaders, body: e.tokenBody } : undefined;
		}
	}
	return undefined;
}

type AuthenticatedRequest = (credentialType: string, options: IHttpRequestOptions) => Promise<unknown>;

function withAuthenticatedRequest<T extends RequestContext>(ctx: T, send: AuthenticatedRequest): T {
	const helpers = Object.create(ctx.helpers) as T['helpers'];
	helpers.httpRequestWithAuthentication = async function (credentialType: string, options: IHttpRequestOptions) {
		// Any other error goes on as n8n threw it.
		return await send(credentialType, options).catch(async (error: unknown) => transientTokenAnswer(error) ?? (await Promise.reject(error)));
	};
	return Object.create(ctx, { helpers: { value: helpers } }) as T;
}

/** The same context, except that a throttled or failing token request reads as that answer (above). */
export function withTokenRetries<T extends RequestContext>(ctx: T): T {
	return withAuthenticatedRequest(ctx, async (credentialType, options) => {
		return await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, options);
	});
}

/**
 * The same context, except that its authenticated requests hand n8n the stored credentials with
 * the token blanked: n8n then runs `preAuthentication`, stores the new token on the credential for
 * every later call, and sends this request with it. A throttled token request reads as its answer.
 */
export function withFreshToken<T extends RequestContext>(ctx: T, token: ExpiringToken): T {
	return withAuthenticatedRequest(ctx, async (credentialType, options) => {
		const data = await ctx.getCredentials(credentialType);
		const stored = ctx.getNode().credentials?.[credentialType];
		return await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, options, {
			credentialsDecrypted: {
				id: stored?.id ?? '',
				name: stored?.name ?? '',
				type: credentialType,
				data: { ...data, [token.tokenField]: '' },
			},
		});
	});
}
