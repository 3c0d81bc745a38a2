import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { clock } from './clock';
import type { RequestContext } from './http';

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
 * The same context, except that its authenticated requests hand n8n the stored credentials with
 * the token blanked: n8n then runs `preAuthentication`, stores the new token on the credential for
 * every later call, and sends this request with it.
 */
export function withFreshToken<T extends RequestContext>(ctx: T, token: ExpiringToken): T {
	const helpers = Object.create(ctx.helpers) as T['helpers'];
	helpers.httpRequestWithAuthentication = async function (credentialType: string, options: IHttpRequestOptions) {
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
	};
	return Object.create(ctx, { helpers: { value: helpers } }) as T;
}
