import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { VendorProfile } from '../../shared/http';

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

/** The shared transport takes a synchronous base URL, so each request gets a profile bound to the resolved host. */
export function dotdigitalProfile(baseUrl: string): VendorProfile {
	return {
		vendor: 'Dotdigital',
		credentialType: DOTDIGITAL_CREDENTIAL,
		baseUrl: () => baseUrl,
		// Rate limits are per API user, so the pacer is shared per API user across regions and nodes.
		accountKey: (c: ICredentialDataDecryptedObject) => String(c.apiUser ?? '').toLowerCase(),
		secretFields: ['password'],
		pacing: (c: ICredentialDataDecryptedObject) => {
			const perMinute = Number(c.callsPerMinute);
			return {
				perMinute:
					Number.isFinite(perMinute) && perMinute >= 1 ? Math.floor(perMinute) : DEFAULT_CALLS_PER_MINUTE,
			};
		},
		bodyError: v2BodyError,
		statusMessages: {
			401: 'refused the API user email or password: check the credential (the API user, not your login)',
			403: 'refused the request (HTTP 403): the account probably lives in another region, so set Region to "Detect Automatically", or the API user lacks access to this feature',
		},
	};
}
