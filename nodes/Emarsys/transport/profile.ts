import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import type { BodyError, RequestContext, VendorProfile } from '../../shared/http';
import { positiveNumber } from '../../shared/params';
import { requestToken, type OAuthToken } from './oauth';
import { apiRoot, apiUserOf, authTypeOf, DEFAULT_CALLS_PER_MINUTE, EMARSYS_CREDENTIAL, tokenUrl } from './settings';
import { wsseHeader } from './wsse';

/**
 * Every Emarsys answer is `{replyCode, replyText, data}`; a replyCode other than 0 in a 2xx is a
 * failure. Batch writes answer replyCode 0 with per-record `data.errors`, read by each operation.
 */
function replyCodeError(body: unknown): BodyError | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const o = body as IDataObject;
	if (o.replyCode === undefined || Number(o.replyCode) === 0) return undefined;
	// The replyCode is Emarsys's own number space (1000 = batch too big, 2004 = invalid key field),
	// not an HTTP status, so it travels in the message rather than as a status to retry on.
	return { message: `replyCode ${String(o.replyCode)}: ${String(o.replyText ?? 'no reply text')}` };
}

function callsPerMinute(c: ICredentialDataDecryptedObject): number {
	const perMinute = positiveNumber(c.callsPerMinute, DEFAULT_CALLS_PER_MINUTE);
	return perMinute >= 1 ? Math.floor(perMinute) : DEFAULT_CALLS_PER_MINUTE;
}

/**
 * Tokens this process fetched itself, by token URL and client: used when the token n8n stored
 * through the credential's preAuthentication has expired or was refused (n8n renews a stored
 * token only when a call throws 401, and the shared transport reads every status itself).
 */
const tokens = new Map<string, Promise<OAuthToken>>();
/** Stored tokens Emarsys answered 401 to: never sent again. */
const refused = new Set<string>();

const tokenKey = (c: ICredentialDataDecryptedObject) => `${tokenUrl(c)}|${String(c.clientId ?? '')}`;

async function freshToken(c: ICredentialDataDecryptedObject, ctx: RequestContext): Promise<string> {
	const key = tokenKey(c);
	let pending = tokens.get(key);
	if (pending) {
		const token = await pending.catch(() => undefined);
		if (!token || token.expiresAt <= clock.now() || refused.has(token.accessToken)) pending = undefined;
	}
	if (!pending) {
		// The token request carries its own Authorization (Basic), which the credential leaves alone.
		pending = requestToken(
			async (options) => await ctx.helpers.httpRequestWithAuthentication.call(ctx, EMARSYS_CREDENTIAL, options),
			c,
			clock.now(),
		);
		tokens.set(key, pending);
		pending.catch(() => tokens.delete(key));
	}
	return (await pending).accessToken;
}

/** The stored token, when n8n holds one that is neither expired nor refused. */
function storedToken(c: ICredentialDataDecryptedObject): string | undefined {
	const token = String(c.accessToken ?? '');
	const expiresAt = Number(c.expiresAt ?? 0);
	if (!token || refused.has(token) || (expiresAt > 0 && expiresAt <= clock.now())) return undefined;
	return token;
}

/** After a 401: forget the token that was sent, so the one retry gets a new one. */
export function refuseToken(c: ICredentialDataDecryptedObject): void {
	const stored = String(c.accessToken ?? '');
	if (stored) refused.add(stored);
	tokens.delete(tokenKey(c));
}

/** Test hook: forget tokens fetched and refused. */
export function resetTokenCache(): void {
	tokens.clear();
	refused.clear();
}

/** How the shared transport talks to Emarsys (docs/architecture.md, "Transport"). */
export const emarsysProfile: VendorProfile = {
	vendor: 'Emarsys',
	credentialType: EMARSYS_CREDENTIAL,
	baseUrl: (c) => apiRoot(c),
	// Computed before every attempt: a WSSE digest is valid once (Emarsys rejects a replayed
	// nonce), and an OAuth2 token may have to be renewed between two attempts.
	authHeaders: async (c, ctx) => {
		if (authTypeOf(c) === 'wsse') {
			return { 'X-WSSE': wsseHeader(String(c.username ?? ''), String(c.secret ?? ''), clock.now()) };
		}
		if (storedToken(c)) return {};
		return { Authorization: `Bearer ${await freshToken(c, ctx)}` };
	},
	// The limit is per API user, so every node and workflow using the user shares one pacer.
	accountKey: (c) => `${authTypeOf(c)}|${apiUserOf(c).toLowerCase()}`,
	secretFields: ['clientSecret', 'secret', 'accessToken', 'salesDataToken'],
	pacing: (c) => ({ perMinute: callsPerMinute(c) }),
	bodyError: replyCodeError,
	bodyErrorCodeName: 'replyCode',
	statusMessages: {
		401: 'refused the credentials (HTTP 401): check the client secret (OAuth2) or the API user name and secret (WSSE)',
		403: 'refused the request (HTTP 403): the API user lacks the permission this call needs (e.g. externalevent.trigger)',
		429: 'throttled the request (1,000 requests a minute per API user) and retries ran out',
	},
};
