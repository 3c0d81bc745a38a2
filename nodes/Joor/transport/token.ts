import type { ICredentialDataDecryptedObject, IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { joorTokenForm, joorTokenUrl } from '../../../credentials/JoorApi.credentials';
import { clock } from '../../shared/clock';
import type { RequestContext } from '../../shared/http';
import { redact } from '../../shared/redact';

/**
 * v4 access tokens (password grant at JOOR's atlas endpoint): 10 hours, refreshable for 90 days.
 * One token per login per process, renewed 5 minutes before it expires (by refresh token while
 * that is valid), and dropped when JOOR answers 401 so the next call fetches a new one. Several
 * tokens may be active at JOOR, so queue-mode workers each holding their own is fine.
 */
const RENEW_BEFORE_MS = 5 * 60_000;

interface Held {
	token: string;
	expiresAt: number;
	refreshToken?: string;
	refreshExpiresAt: number;
}

const held = new Map<string, Promise<Held>>();

const keyOf = (c: ICredentialDataDecryptedObject) =>
	`${joorTokenUrl(c)}|${String(c.clientId ?? '')}|${String(c.username ?? '').toLowerCase()}`;

function parse(body: unknown): IDataObject {
	if (typeof body === 'string') {
		try {
			return JSON.parse(body) as IDataObject;
		} catch {
			return {};
		}
	}
	return (body ?? {}) as IDataObject;
}

async function requestToken(ctx: RequestContext, c: ICredentialDataDecryptedObject, refreshToken?: string): Promise<Held> {
	const url = joorTokenUrl(c);
	const answer = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'joorApi', {
		method: 'POST',
		url,
		body: joorTokenForm(c, refreshToken),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: false,
		encoding: 'text',
		timeout: 30_000,
	})) as { statusCode: number; body: unknown };
	const body = parse(answer.body);
	const token = typeof body.access_token === 'string' ? body.access_token : '';
	if (answer.statusCode >= 200 && answer.statusCode < 300 && token) {
		const now = clock.now();
		return {
			token,
			expiresAt: now + Math.max(60, Number(body.expires_in) || 36_000) * 1000,
			refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
			refreshExpiresAt: now + Math.max(0, Number(body.refresh_expires_in) || 0) * 1000,
		};
	}
	const secrets = [c.clientSecret, c.password, refreshToken].map((s) => (s ? String(s) : undefined));
	const said = redact(String(body.error_description ?? body.error ?? body.message ?? '').slice(0, 300), secrets);
	const message =
		answer.statusCode === 400 || answer.statusCode === 401
			? `JOOR refused the client ID, client secret, username or password at its token endpoint (HTTP ${answer.statusCode})${said ? `: ${said}` : ''}`
			: `JOOR's token endpoint answered HTTP ${answer.statusCode} without an access token${said ? `: ${said}` : ''}: check the Environment and Token URL`;
	const error = new NodeApiError(ctx.getNode(), { message } as JsonObject, {
		message,
		description: `POST ${url}`,
		httpCode: String(answer.statusCode),
	});
	error.message = message;
	throw error;
}

/** A valid v4 bearer token for these credentials, fetched or renewed when needed. */
export async function joorBearer(ctx: RequestContext, c: ICredentialDataDecryptedObject): Promise<string> {
	const key = keyOf(c);
	const current = held.get(key);
	const now = clock.now();
	if (current) {
		const h = await current.catch(() => undefined);
		if (h && h.expiresAt - RENEW_BEFORE_MS > now) return h.token;
		const refresh = h?.refreshToken && h.refreshExpiresAt - RENEW_BEFORE_MS > now ? h.refreshToken : undefined;
		const next = requestToken(ctx, c, refresh).catch(async (error) => {
			// A refused refresh token (revoked, account changed) falls back to the password grant once.
			if (refresh) return await requestToken(ctx, c);
			throw error;
		});
		held.set(key, next);
		next.catch(() => held.delete(key));
		return (await next).token;
	}
	const first = requestToken(ctx, c);
	held.set(key, first);
	// A failed token call must not stick: the next call tries again.
	first.catch(() => held.delete(key));
	return (await first).token;
}

/** Whether a token for these credentials was held before a call (so a 401 may mean it expired early). */
export function hasJoorToken(c: ICredentialDataDecryptedObject): boolean {
	return held.has(keyOf(c));
}

/** JOOR answered 401 with a cached token: forget it so the next call fetches a new one. */
export function dropJoorToken(c: ICredentialDataDecryptedObject): void {
	held.delete(keyOf(c));
}

/** Test hook: forget every token. */
export function resetJoorTokens(): void {
	held.clear();
}
