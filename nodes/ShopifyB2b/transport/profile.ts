import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { shopifyBaseUrl } from '../../../credentials/ShopifyB2bApi.credentials';
import type { BodyError, VendorProfile } from '../../shared/http';
import type { ExpiringToken } from '../../shared/expiringToken';

export const SHOPIFY_CREDENTIAL = 'shopifyB2bApi';
export const DEFAULT_API_VERSION = '2026-01';

export const shopifyToken: ExpiringToken = {
	credentialType: SHOPIFY_CREDENTIAL,
	tokenField: 'sessionToken',
	expiresAtField: 'expiresAt',
	applies: (c: ICredentialDataDecryptedObject) => c.authentication === 'clientCredentials',
};

/** A THROTTLED answer (HTTP 200, no data) is waited out by cost in the transport, not here. */
export function isThrottled(body: unknown): boolean {
	const errors = (body as IDataObject | undefined)?.errors;
	return Array.isArray(errors) && errors.some((e) => ((e as IDataObject)?.extensions as IDataObject | undefined)?.code === 'THROTTLED');
}

/** Top-level GraphQL `errors` (a bad document, a missing scope) arrive with HTTP 200. */
function graphqlError(body: unknown): BodyError | undefined {
	const errors = (body as IDataObject | undefined)?.errors;
	if (!Array.isArray(errors) || !errors.length || isThrottled(body)) return undefined;
	const first = errors[0] as IDataObject;
	const code = (first.extensions as IDataObject | undefined)?.code;
	const scope = code === 'ACCESS_DENIED' ? ' (the app lacks a scope: give it read_customers and write_customers)' : '';
	return { message: `${String(first.message ?? JSON.stringify(first))}${code ? ` [${String(code)}]` : ''}${scope}` };
}

/** How the shared transport talks to Shopify's Admin GraphQL API (docs/architecture.md, "Transport"). */
export const shopifyProfile: VendorProfile = {
	vendor: 'Shopify',
	credentialType: SHOPIFY_CREDENTIAL,
	baseUrl: (c) => shopifyBaseUrl(c),
	accountKey: (c) => shopifyBaseUrl(c),
	secretFields: ['adminAccessToken', 'clientSecret', 'sessionToken'],
	// Cost points, not requests, are Shopify's limit (transport/cost.ts); this only caps bursts.
	pacing: () => ({ perMinute: 6000 }),
	bodyError: graphqlError,
	statusMessages: {
		401: 'refused the access token: check the Admin API access token, or the Dev Dashboard client ID and secret',
		402: 'refused the request: the shop is frozen (unpaid)',
		403: 'refused the request: the app lacks a scope it needs (read_customers, write_customers)',
		404: 'has no such shop or API version',
		423: 'refused the request: the shop is locked',
	},
};
