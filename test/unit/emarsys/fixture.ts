import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { EmarsysApi } from '../../../credentials/EmarsysApi.credentials';
import { Emarsys } from '../../../nodes/Emarsys/Emarsys.node';
import { EmarsysTrigger } from '../../../nodes/Emarsys/EmarsysTrigger.node';
import type { FakeContext } from '../helpers/fakeContext';
import { performRequest } from '../helpers/fakeContext';
import { systemFixture } from '../helpers/systemFixture';

export const USER = 'acme001';
export const SECRET = 'wsse-S3cret-value';

/** WSSE by default (no token round trip per test); the OAuth2 tests override the auth fields. */
export const em = systemFixture({
	credentialType: new EmarsysApi(),
	credentials: {
		authType: 'wsse',
		username: USER,
		secret: SECRET,
		clientId: '',
		clientSecret: '',
		tokenUrl: '',
		baseUrl: '',
		callsPerMinute: 1000,
		salesDataMerchantId: 'M123',
		salesDataToken: 'sales-TOKEN-secret',
		salesDataUrl: '',
		accessToken: '',
		expiresAt: '',
	},
	host: 'https://api.emarsys.net',
	basePath: '/api/v2',
	node: Emarsys,
	trigger: EmarsysTrigger,
});

/** Emarsys's envelope. */
export const ok = (data: unknown) => ({ replyCode: 0, replyText: 'OK', data });

/**
 * Stands in for n8n's expirable credential field: when the credentials a request is authenticated
 * with hold no token (the stored ones, or those the transport hands over with the token blanked),
 * n8n runs preAuthentication, stores its answer on the credential for every later call, and sends
 * the request with it. Returns the tokens fetched, in order.
 */
export function n8nStoresTokens(fake: Pick<FakeContext, 'ctx'>): string[] {
	const fetched: string[] = [];
	const ctx = fake.ctx as unknown as {
		getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
		helpers: { httpRequestWithAuthentication(type: string, options: IHttpRequestOptions, extra?: unknown): Promise<unknown> };
	};
	const original = ctx.helpers.httpRequestWithAuthentication;
	ctx.helpers.httpRequestWithAuthentication = async (type, options, extra) => {
		const stored = await ctx.getCredentials(type);
		const handed = (extra as { credentialsDecrypted?: { data: ICredentialDataDecryptedObject } } | undefined)?.credentialsDecrypted?.data ?? stored;
		if (!handed.accessToken) {
			const fresh = await new EmarsysApi().preAuthentication.call({ helpers: { httpRequest: performRequest } } as never, handed);
			if (fresh.accessToken) fetched.push(String(fresh.accessToken));
			Object.assign(stored, fresh);
		}
		return await original(type, options);
	};
	return fetched;
}
