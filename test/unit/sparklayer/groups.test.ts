import { expectPaired } from '../helpers/systemFixture';
import { sl } from './fixture';

sl.useTestEnv();

const ensure = (slug: string, name: string) => ({ resource: 'customerGroup', operation: 'getOrCreate', slug, name, parentSlug: 'base' });

describe('SparkLayer customer groups and customer pricing', () => {
	it('get or create matches by slug, then by name, and creates a missing group once for many items', async () => {
		sl.api().get('/api/v1/customer-groups').reply(200, [
			{ slug: 'base', name: 'Base' },
			{ slug: 'vip-customers', name: 'VIP' },
		]);
		let sent: unknown;
		sl.api()
			.post('/api/v1/customer-groups')
			.reply(201, (_u, body) => {
				sent = body;
				return [{ slug: 'base', name: 'Base' }, { slug: 'vip-customers', name: 'VIP' }, { slug: 'trade', name: 'Trade', parent_slug: 'base' }];
			});
		const params = [ensure('trade', 'Trade'), ensure('vip', 'vip'), ensure('trade', 'Trade')];
		const { json, out } = await sl.run(params, { items: sl.items(3) });
		expect(sent).toEqual({ slug: 'trade', name: 'Trade', parent_slug: 'base' });
		expect(json.map((g) => [g.slug, g.created])).toEqual([
			['trade', true],
			['vip-customers', false],
			['trade', false],
		]);
		expectPaired(out, [0, 1, 2]);
	});

	it('gets many groups up to the limit', async () => {
		sl.api().get('/api/v1/customer-groups').reply(200, [{ slug: 'base' }, { slug: 'trade' }, { slug: 'vip' }]);
		const { json } = await sl.run({ resource: 'customerGroup', operation: 'getAll', returnAll: false, limit: 2 });
		expect(json.map((g) => g.slug)).toEqual(['base', 'trade']);
	});

	it('fetches a customer\'s prices for lists and SKUs, one item per row', async () => {
		let sent: unknown;
		sl.api()
			.post('/api/v1/fetch-customer-pricing')
			.reply(200, (_u, body) => {
				sent = body;
				return [
					{ sku: 'A', price_list_slug: 'acme-ltd', currency_code: 'AUD', pricing: [{ quantity: 1, price: 4 }] },
					{ sku: 'B', price_list_slug: 'acme-ltd', currency_code: 'AUD', pricing: [{ quantity: 1, price: 7 }] },
				];
			});
		const { json } = await sl.run({
			resource: 'customerPricing',
			operation: 'get',
			priceListSlugs: 'acme-ltd, cin7-tier-2',
			skus: ['A', 'B'],
			additionalFields: { quantity: 5 },
		});
		expect(sent).toEqual({ price_list_slugs: ['acme-ltd', 'cin7-tier-2'], skus: ['A', 'B'], quantity: 5 });
		expect(json.map((r) => r.sku)).toEqual(['A', 'B']);
	});

	it('names the item and field for empty SKUs', async () => {
		await expect(
			sl.run({ resource: 'customerPricing', operation: 'get', priceListSlugs: 'a', skus: '', additionalFields: {} }),
		).rejects.toThrow(/Item 0: SKUs is empty/);
	});
});
