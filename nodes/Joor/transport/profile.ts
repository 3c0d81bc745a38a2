import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { joorApiRoot } from '../../../credentials/JoorApi.credentials';
import type { ExpiringToken } from '../../shared/expiringToken';
import type { BodyError, VendorProfile } from '../../shared/http';
import { acquireCallSlot, type PacingLimits } from '../../shared/pacer';
import { positiveNumber } from '../../shared/params';

export const JOOR_CREDENTIAL = 'joorApi';
/** JOOR's documented budget: 300 credits per fixed 300-second window per account. */
export const DEFAULT_CREDITS_PER_WINDOW = 300;
/** A read costs 1 credit, a write (POST, PUT, DELETE) 5. */
export const WRITE_CREDITS = 5;
const WINDOW_MINUTES = 5;

/**
 * The v4 token (password grant) lives on the credential (docs/architecture.md, "Transport", fetched
 * tokens): preAuthentication fills the hidden expirable `accessToken` and `expiresAt`, and the
 * transport has n8n fetch a new one when `expiresAt` has passed or JOOR answered 401. Several tokens
 * may be active at JOOR, so queue-mode workers renewing at the same time is fine. v2 sends its API
 * token instead.
 */
export const joorToken: ExpiringToken = {
	credentialType: JOOR_CREDENTIAL,
	tokenField: 'accessToken',
	expiresAtField: 'expiresAt',
	applies: (c) => c.authType === 'password',
};

/**
 * Credits as calls per minute for the shared pacer: a sliding minute of 1/5 of the budget never
 * lets any fixed 5-minute window hold more than the budget (five held minutes cover it), and a
 * write takes five of those slots (`reserveWriteCredits`).
 */
export function joorPacing(c: ICredentialDataDecryptedObject): PacingLimits {
	const credits = positiveNumber(c.creditsPerWindow, DEFAULT_CREDITS_PER_WINDOW);
	return { perMinute: Math.max(WRITE_CREDITS, Math.floor(credits / WINDOW_MINUTES)) };
}

/** Credits are counted per JOOR account: the v4 account (or login), or the v2 token's digest. */
export function joorAccountKey(c: ICredentialDataDecryptedObject): string {
	if (c.authType === 'password') return `v4:${String(c.accountId || c.username || '').toLowerCase()}`;
	return `v2:${createHash('sha256').update(String(c.apiToken ?? '')).digest('hex').slice(0, 16)}`;
}

/** v2 answers carry `response: { code, comment }`; a failure code inside a 2xx body is an error. */
function v2BodyError(body: unknown): BodyError | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const response = (body as IDataObject).response as IDataObject | undefined;
	const code = Number(response?.code);
	if (!response || !Number.isFinite(code) || code < 400) return undefined;
	return { code, message: String(response.comment ?? response.message ?? `code ${code}`) };
}

/** How the shared transport talks to JOOR (docs/architecture.md, "Transport"). */
export const joorProfile: VendorProfile = {
	vendor: 'JOOR',
	credentialType: JOOR_CREDENTIAL,
	baseUrl: (c) => joorApiRoot(c),
	// The credential applies both: the v4 bearer token (also accepted by v2 endpoints) and the v2 token.
	accountKey: joorAccountKey,
	secretFields: ['apiToken', 'clientSecret', 'password', 'accessToken'],
	pacing: joorPacing,
	// A spent credit window lasts up to 5 minutes: back off long enough to see the next one.
	retry: { maxRetries: 8, baseDelayMs: 5_000, maxDelayMs: 300_000 },
	bodyError: v2BodyError,
	bodyErrorCodeName: 'response code',
	statusMessages: {
		401: 'refused the credentials (HTTP 401): check the API token, or the client ID, secret, username and password, and the Environment',
		403: 'refused the request (HTTP 403): the integration lacks access to this API',
		429: 'has no credits left in this 5-minute window (HTTP 429) and retries ran out: lower "Credits Per 5 Minutes" if other integrations share the account',
	},
};

/**
 * A write costs 5 credits: the transport's own turn takes one slot of the account's pacer, this
 * takes the other four before the call is sent. The key is the transport's pacer key
 * (`<vendor>|<account key>`), so reads and writes of every node in the process share one budget.
 */
export async function reserveWriteCredits(c: ICredentialDataDecryptedObject): Promise<void> {
	const key = `${joorProfile.vendor}|${joorAccountKey(c)}`;
	const limits = joorPacing(c);
	for (let i = 1; i < WRITE_CREDITS; i++) await acquireCallSlot(key, limits);
}

/** The profile for writes: the same, plus the four extra credit slots before each attempt. */
export const joorWriteProfile: VendorProfile = {
	...joorProfile,
	authHeaders: async (c) => {
		await reserveWriteCredits(c);
		return {};
	},
};
