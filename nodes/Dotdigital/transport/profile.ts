import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { vendorJson, type RequestContext, type VendorProfile } from '../../shared/http';
import { positiveNumber } from '../../shared/params';
import { resolveBaseUrl } from './region';

export const DOTDIGITAL_CREDENTIAL = 'dotdigitalApi';
/** The smallest documented tier budget (Low tier, Basic package). */
export const DEFAULT_CALLS_PER_MINUTE = 35;

/** v2 errors are `{message}`; the PHP SDK treats any 2xx body that is only a message as an error too. */
function v2BodyError(body: unknown) {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const o = body as IDataObject;
	if (typeof o.message === 'string' && o.id === undefined && o.importId === undefined) {
		return { message: o.message };
	}
	return undefined;
}

/** Fewer than one call a minute is not a budget anyone has: such a value falls back to the default. */
function callsPerMinute(c: ICredentialDataDecryptedObject): number {
	const perMinute = positiveNumber(c.callsPerMinute, DEFAULT_CALLS_PER_MINUTE);
	return perMinute >= 1 ? Math.floor(perMinute) : DEFAULT_CALLS_PER_MINUTE;
}

/** How the shared transport talks to Dotdigital (docs/architecture.md, "Transport"). */
export const dotdigitalProfile: VendorProfile = {
	vendor: 'Dotdigital',
	credentialType: DOTDIGITAL_CREDENTIAL,
	baseUrl: async (credentials, ctx) => await resolveBaseUrl(ctx, credentials, accountInfoAt),
	// Rate limits are per API user, so the pacer is shared per API user across regions and nodes.
	accountKey: (c) => String(c.apiUser ?? '').toLowerCase(),
	secretFields: ['password'],
	pacing: (c) => ({ perMinute: callsPerMinute(c) }),
	bodyError: v2BodyError,
	statusMessages: {
		401: 'refused the API user email or password: check the credential (the API user, not your login)',
		403: 'refused the request (HTTP 403): the account probably lives in another region, so set Region to "Detect Automatically", or the API user lacks access to this feature',
	},
};

/**
 * `account-info` asked on the host detection starts from: the region is not known yet, so this
 * one call goes through a copy of the profile bound to that host (same pacing and errors).
 */
async function accountInfoAt(ctx: RequestContext, start: string): Promise<IDataObject> {
	return await vendorJson.call<RequestContext, Parameters<typeof vendorJson>, Promise<IDataObject>>(
		ctx,
		{ ...dotdigitalProfile, baseUrl: () => start },
		{ method: 'GET', path: '/v2/account-info', timeoutMs: 121_000 },
	);
}
