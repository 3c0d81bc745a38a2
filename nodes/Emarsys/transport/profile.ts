import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import type { ExpiringToken } from '../../shared/expiringToken';
import type { BodyError, VendorProfile } from '../../shared/http';
import { positiveNumber } from '../../shared/params';
import { apiRoot, apiUserOf, authTypeOf, DEFAULT_CALLS_PER_MINUTE, EMARSYS_CREDENTIAL } from './settings';
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
 * The OAuth2 token lives on the credential (docs/architecture.md, "Transport", fetched tokens):
 * preAuthentication fills the hidden expirable `accessToken` and `expiresAt`; the transport has n8n
 * fetch a new one when `expiresAt` has passed or Emarsys answered 401. WSSE signs every request.
 */
export const emarsysToken: ExpiringToken = {
	credentialType: EMARSYS_CREDENTIAL,
	tokenField: 'accessToken',
	expiresAtField: 'expiresAt',
	applies: (c) => authTypeOf(c) === 'oauth2',
};

/** How the shared transport talks to Emarsys (docs/architecture.md, "Transport"). */
export const emarsysProfile: VendorProfile = {
	vendor: 'Emarsys',
	credentialType: EMARSYS_CREDENTIAL,
	baseUrl: (c) => apiRoot(c),
	// Computed before every attempt: a WSSE digest is valid once (Emarsys rejects a replayed
	// nonce). The OAuth2 Bearer comes from the credential's authenticate.
	authHeaders: async (c) =>
		authTypeOf(c) === 'wsse' ? { 'X-WSSE': wsseHeader(String(c.username ?? ''), String(c.secret ?? ''), clock.now()) } : {},
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
