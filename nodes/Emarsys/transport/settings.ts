import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** What the Emarsys credential holds, read in one place (docs/architecture.md, "Transport"). */
export const EMARSYS_CREDENTIAL = 'emarsysApi';
/** 1,000 requests a minute per API user (Emarsys's documented limit). */
export const DEFAULT_CALLS_PER_MINUTE = 1000;
export const DEFAULT_TOKEN_URL = 'https://auth.emarsys.net/oauth2/token';
export const DEFAULT_SALES_DATA_URL = 'https://admin.scarabresearch.com/hapi';
/** OAuth2 clients call the v3 API; WSSE users the v2 API (v3 paths mirror v2). */
export const API_ROOT = { oauth2: 'https://api.emarsys.net/api/v3', wsse: 'https://api.emarsys.net/api/v2' } as const;

export type AuthType = keyof typeof API_ROOT;

export function authTypeOf(c: ICredentialDataDecryptedObject): AuthType {
	return c.authType === 'wsse' ? 'wsse' : 'oauth2';
}

const trimSlash = (url: unknown) => String(url ?? '').trim().replace(/\/+$/, '');

/** The API root: the Base URL override (a sandbox) or the real host for the auth type. */
export function apiRoot(c: ICredentialDataDecryptedObject): string {
	return trimSlash(c.baseUrl) || API_ROOT[authTypeOf(c)];
}

export function tokenUrl(c: ICredentialDataDecryptedObject): string {
	return trimSlash(c.tokenUrl) || DEFAULT_TOKEN_URL;
}

export function salesDataRoot(c: ICredentialDataDecryptedObject): string {
	return trimSlash(c.salesDataUrl) || DEFAULT_SALES_DATA_URL;
}

/** The API user whose rate limit a call spends: the OAuth2 client or the WSSE user. */
export function apiUserOf(c: ICredentialDataDecryptedObject): string {
	return authTypeOf(c) === 'wsse' ? String(c.username ?? '') : String(c.clientId ?? '');
}
