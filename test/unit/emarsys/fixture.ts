import { EmarsysApi } from '../../../credentials/EmarsysApi.credentials';
import { Emarsys } from '../../../nodes/Emarsys/Emarsys.node';
import { EmarsysTrigger } from '../../../nodes/Emarsys/EmarsysTrigger.node';
import { resetTokenCache } from '../../../nodes/Emarsys/transport';
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
		expiresAt: 0,
	},
	host: 'https://api.emarsys.net',
	basePath: '/api/v2',
	reset: resetTokenCache,
	node: Emarsys,
	trigger: EmarsysTrigger,
});

/** Emarsys's envelope. */
export const ok = (data: unknown) => ({ replyCode: 0, replyText: 'OK', data });
