import { ShopifyB2bApi } from '../../../credentials/ShopifyB2bApi.credentials';
import { ShopifyB2b } from '../../../nodes/ShopifyB2b/ShopifyB2b.node';
import { ShopifyB2bTrigger } from '../../../nodes/ShopifyB2b/ShopifyB2bTrigger.node';
import { resetCostBuckets } from '../../../nodes/ShopifyB2b/transport';
import { systemFixture } from '../helpers/systemFixture';

export const ADMIN_TOKEN = 'shpat_test0token0000000000000001';
export const GRAPHQL = '/admin/api/2026-01/graphql.json';

export const shop = systemFixture({
	credentialType: new ShopifyB2bApi(),
	credentials: {
		shopDomain: 'acme-b2b',
		apiVersion: '2026-01',
		authentication: 'accessToken',
		adminAccessToken: ADMIN_TOKEN,
		pointsPerSecond: 100,
		baseUrl: '',
	},
	host: 'https://acme-b2b.myshopify.com',
	authHeaders: { 'x-shopify-access-token': ADMIN_TOKEN },
	node: ShopifyB2b,
	trigger: ShopifyB2bTrigger,
	reset: resetCostBuckets,
});

/** A healthy bucket in `extensions.cost`. */
export const cost = (requested = 10, available = 1990) => ({
	cost: { requestedQueryCost: requested, actualQueryCost: requested, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate: 100 } },
});

type Body = { query: string; variables: Record<string, unknown> };

/** Expects one GraphQL call whose document contains `marker`; answers `data` (or a function of the variables). */
export function gql(marker: string, data: object | ((variables: Record<string, unknown>) => object), seen?: Body[]) {
	shop
		.api()
		.post(GRAPHQL, (b: Body) => b.query.includes(marker))
		.reply(200, (_u, body) => {
			const b = body as Body;
			seen?.push(b);
			return { data: typeof data === 'function' ? data(b.variables) : data, extensions: cost() };
		});
}

export const customerNode = (over: Record<string, unknown> = {}) => ({
	id: 'gid://shopify/Customer/1',
	legacyResourceId: '1',
	email: 'ann@acme.test',
	firstName: 'Ann',
	lastName: 'Lee',
	phone: null,
	note: null,
	tags: ['newsletter'],
	taxExempt: false,
	state: 'ENABLED',
	createdAt: '2026-01-01T00:00:00Z',
	updatedAt: '2026-01-01T00:00:00Z',
	defaultAddress: { id: 'gid://shopify/MailingAddress/9', address1: '1 Own Rd', city: 'Geelong', provinceCode: 'VIC', zip: '3220', countryCodeV2: 'AU' },
	addressesV2: { nodes: [{ id: 'gid://shopify/MailingAddress/9', address1: '1 Own Rd', city: 'Geelong', provinceCode: 'VIC', zip: '3220', countryCodeV2: 'AU' }] },
	...over,
});
