import { SparkLayerApi } from '../../../credentials/SparkLayerApi.credentials';
import { SparkLayer } from '../../../nodes/SparkLayer/SparkLayer.node';
import { systemFixture } from '../helpers/systemFixture';

export const SITE = 'site-1';
export const TOKEN = 'tok-current';
export const SECRET = 'sl-Secret-9d8c7b';

export const sl = systemFixture({
	credentialType: new SparkLayerApi(),
	credentials: {
		environment: 'live',
		siteId: SITE,
		clientId: 'client-1',
		clientSecret: SECRET,
		baseUrl: '',
		callsPerMinute: 6000,
		accessToken: TOKEN,
		expiresAt: '2099-01-01T00:00:00.000Z',
	},
	host: 'https://app.sparklayer.io',
	authHeaders: { authorization: `Bearer ${TOKEN}`, 'site-id': SITE },
	node: SparkLayer,
});

/** A v2 price-lists page. */
export const page = (data: object[], current = 1, totalPages = 1) => ({
	data,
	pagination: { current_page: current, page_size: 250, total_pages: totalPages, total_items: data.length },
});
