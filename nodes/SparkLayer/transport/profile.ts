import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { sparkLayerBaseUrl } from '../../../credentials/SparkLayerApi.credentials';
import type { VendorProfile } from '../../shared/http';
import { positiveNumber } from '../../shared/params';
import type { ExpiringToken } from '../../shared/expiringToken';

export const SPARKLAYER_CREDENTIAL = 'sparkLayerApi';
/** SparkLayer publishes no limit; 5 calls a second keeps clear of the 429s it answers when busy. */
export const DEFAULT_CALLS_PER_MINUTE = 300;

export const sparkLayerToken: ExpiringToken = {
	credentialType: SPARKLAYER_CREDENTIAL,
	tokenField: 'accessToken',
	expiresAtField: 'expiresAt',
};

/** RFC 7807 problems (`title`, `detail`, `errors[]`) and the pricing validation array `[{line, field, message}]`. */
export function problemMessage(body: unknown): string | undefined {
	if (Array.isArray(body)) {
		const lines = body as IDataObject[];
		if (!lines.length || lines[0]?.message === undefined) return undefined;
		return lines
			.slice(0, 5)
			.map((l) => `line ${String(l.line ?? '?')}${l.field ? ` ${String(l.field)}` : ''}: ${String(l.message)}`)
			.join('; ');
	}
	if (!body || typeof body !== 'object') return typeof body === 'string' && body ? body : undefined;
	const o = body as IDataObject;
	const errors = Array.isArray(o.errors) ? (o.errors as IDataObject[]) : [];
	const parts = errors.map((e) => `${e.property ? `${String(e.property)}: ` : ''}${String(e.message ?? e.code ?? '')}`);
	const head = String(o.detail ?? o.title ?? '');
	const text = [head, ...parts].filter(Boolean).join('; ');
	return text || undefined;
}

function perMinute(c: ICredentialDataDecryptedObject): number {
	const n = positiveNumber(c.callsPerMinute, DEFAULT_CALLS_PER_MINUTE);
	return n >= 1 ? Math.floor(n) : DEFAULT_CALLS_PER_MINUTE;
}

/** How the shared transport talks to SparkLayer (docs/architecture.md, "Transport"). */
export const sparkLayerProfile: VendorProfile = {
	vendor: 'SparkLayer',
	credentialType: SPARKLAYER_CREDENTIAL,
	baseUrl: (c) => sparkLayerBaseUrl(c),
	accountKey: (c) => `${sparkLayerBaseUrl(c)}|${String(c.siteId ?? '')}`,
	secretFields: ['clientSecret', 'accessToken'],
	// Evenly spaced: SparkLayer throttles bursts per second, not calls per minute.
	pacing: (c) => ({ perMinute: perMinute(c), perSecond: Math.max(1, Math.floor(perMinute(c) / 60)) }),
	statusMessages: {
		401: 'refused the access token even after a new one was fetched: check the Site ID, Client ID and Client Secret',
		403: 'refused the request: the API client lacks access to this API, or the plan has no API access (Pro or Enterprise)',
		404: 'has no such price list, group or endpoint',
		409: 'reported a concurrent update of the same data and retries ran out',
		413: 'refused the request as too large',
	},
};
