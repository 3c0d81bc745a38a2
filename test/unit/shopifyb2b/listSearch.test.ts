import { ShopifyB2b } from '../../../nodes/ShopifyB2b/ShopifyB2b.node';
import { gql, shop } from './fixture';

shop.useTestEnv();

type Body = { query: string; variables: Record<string, unknown> };

describe('Shopify B2B customer search', () => {
	it('asks Shopify\'s customer search for the text and pages with its cursor', async () => {
		const seen: Body[] = [];
		gql(
			'query Search',
			{ customers: { nodes: [{ id: 'gid://shopify/Customer/1', email: 'ann@acme.test', firstName: 'Ann', lastName: 'Lee' }], pageInfo: { hasNextPage: true, endCursor: 'c2' } } },
			seen,
		);
		const fake = shop.context({}, { poll: true });
		const found = await new ShopifyB2b().methods.listSearch.searchCustomers.call(fake.ctx, ' ann ');
		expect(seen[0].variables).toEqual({ first: 50, after: null, q: 'ann' });
		expect(found).toEqual({ results: [{ name: 'Ann Lee', value: 'gid://shopify/Customer/1', description: 'ann@acme.test' }], paginationToken: 'c2' });
	});
});
