import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { TokenRequestError } from '../../shared/expiringToken';
import { excerpt, redact } from '../../shared/redact';
import { tokenUrl } from './settings';

/** A token is renewed this long before Emarsys says it expires, so no call carries a dying one. */
export const TOKEN_MARGIN_MS = 60_000;

/** What the credential's preAuthentication hands n8n to store on the credential. */
export interface OAuthToken {
	accessToken: string;
	/** When the transport renews the token (ISO), a margin before Emarsys's `expires_in` runs out. */
	expiresAt: string;
}

/** Sends one HTTP request and returns `{ body, statusCode }` without throwing on a status. */
export type RawSender = (options: IHttpRequestOptions) => Promise<unknown>;

/**
 * The client-credentials grant (docs/architecture.md, "Transport"): `grant_type=client_credentials`
 * as a form, the client id and secret as HTTP Basic. Only the credential's preAuthentication
 * calls it: n8n stores the token on the credential, and the transport has n8n fetch a new one when
 * `expiresAt` has passed or Emarsys answered 401 (`nodes/shared/expiringToken.ts`).
 */
export async function requestToken(send: RawSender, c: ICredentialDataDecryptedObject, nowMs: number): Promise<OAuthToken> {
	const clientId = String(c.clientId ?? '').trim();
	const secret = String(c.clientSecret ?? '');
	const url = tokenUrl(c);
	if (!clientId || !secret) throw new Error('Emarsys OAuth2 needs a Client ID and a Client Secret in the credential');
	const raw = (await send({
		method: 'POST',
		url,
		headers: {
			Authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
			'Content-Type': 'application/x-www-form-urlencoded',
			Accept: 'application/json',
		},
		body: 'grant_type=client_credentials',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: false,
		encoding: 'text',
	})) as { body?: unknown; statusCode?: number; headers?: IDataObject };
	const status = Number(raw?.statusCode ?? 0);
	let body: IDataObject = {};
	try {
		body = (typeof raw?.body === 'string' ? JSON.parse(raw.body) : raw?.body ?? {}) as IDataObject;
	} catch {
		body = {};
	}
	const said = excerpt(redact(String(body.error_description ?? body.error ?? raw?.body ?? ''), [secret]), 200);
	// Status and headers go along, so the node's transport retries a throttle on the token endpoint
	// (429/503 with Retry-After, 5xx) like one on the call (docs/architecture.md, "Transport").
	const refused = (message: string) =>
		new TokenRequestError(message, status, raw?.headers ?? {}, redact(typeof raw?.body === 'string' ? raw.body : JSON.stringify(raw?.body ?? ''), [secret]));
	if (status === 400 || status === 401 || status === 403) {
		throw refused(
			`Emarsys refused the Client ID or Client Secret at the token endpoint (HTTP ${status}${said ? `: ${said}` : ''}): copy both again from Management → Security Settings → OpenID Connect`,
		);
	}
	const token = typeof body.access_token === 'string' ? body.access_token : '';
	if (status < 200 || status >= 300 || !token) {
		throw refused(
			`The Emarsys token endpoint ${url} answered HTTP ${status || 'nothing'} without an access token${said ? ` (${said})` : ''}: check the Token URL`,
		);
	}
	const seconds = Number(body.expires_in);
	const lifeMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 3600_000;
	return { accessToken: token, expiresAt: new Date(nowMs + lifeMs - Math.min(TOKEN_MARGIN_MS, lifeMs / 2)).toISOString() };
}
