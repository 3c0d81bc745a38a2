import { expectPaired } from '../helpers/systemFixture';
import { page, sl } from './fixture';

sl.useTestEnv();

const list = (slug: string, extra: object = {}) => ({ slug, name: slug.toUpperCase(), currency_code: 'AUD', source: 'integration', rules: [], ...extra });
const getOrCreate = (extra: object = {}) => ({
	resource: 'priceList',
	operation: 'getOrCreate',
	slug: 'cin7-tier-2',
	name: 'Wholesale',
	currencyCode: 'aud',
	additionalFields: {},
	...extra,
});

describe('SparkLayer price list', () => {
	it('gets many price lists across v2 pages of 250, stopping at total_pages', async () => {
		const first = Array.from({ length: 250 }, (_, n) => list(`l-${n}`));
		sl.api().get('/api/v2/price-lists').query({ page: 1, page_size: 250 }).reply(200, page(first, 1, 2));
		sl.api().get('/api/v2/price-lists').query({ page: 2, page_size: 250 }).reply(200, page([list('last')], 2, 2));
		const { json } = await sl.run({ resource: 'priceList', operation: 'getAll', returnAll: true });
		expect(json).toHaveLength(251);
		expect(json[250].slug).toBe('last');
	});

	it('asks for no more lists than the limit', async () => {
		sl.api().get('/api/v2/price-lists').query({ page: 1, page_size: 2 }).reply(200, page([list('a'), list('b')], 1, 5));
		const { json } = await sl.run({ resource: 'priceList', operation: 'getAll', returnAll: false, limit: 2 });
		expect(json.map((l) => l.slug)).toEqual(['a', 'b']);
	});

	it('gets one list by slug from a resource locator', async () => {
		sl.api().get('/api/v1/price-lists/trade-gbp').reply(200, list('trade-gbp'));
		const { json } = await sl.run({ resource: 'priceList', operation: 'get', priceListSlug: { __rl: true, mode: 'id', value: 'trade-gbp' } });
		expect(json[0].slug).toBe('trade-gbp');
	});

	it('creates a list with an FX rule over the base list', async () => {
		let sent: Record<string, unknown> = {};
		sl.api()
			.post('/api/v1/price-lists')
			.reply(201, (_u, body) => {
				sent = body as Record<string, unknown>;
				return body;
			});
		await sl.run({
			resource: 'priceList',
			operation: 'create',
			slug: 'acme-nzd',
			name: 'Acme NZD',
			currencyCode: 'NZD',
			additionalFields: { sourcePriceListSlug: 'acme', currencyExchangeRate: 1.08, taxInclusiveDisplay: false },
		});
		expect(sent).toEqual({
			slug: 'acme-nzd',
			name: 'Acme NZD',
			currency_code: 'NZD',
			source: 'integration',
			tax_inclusive_display: false,
			rules: [{ source_price_list_slug: 'acme', adjustment_percentage: 0, adjustment_direction: 'minus', currency_exchange_rate: 1.08 }],
		});
	});

	it('get or create: reads the lists once, creates a missing one once for many items, updates a renamed one, leaves an equal one', async () => {
		sl.api()
			.get('/api/v2/price-lists')
			.query({ page: 1, page_size: 250 })
			.reply(200, page([list('cin7-tier-1', { name: 'Retail' }), list('cin7-tier-3', { name: 'Old name' })]));
		sl.api().post('/api/v1/price-lists', (b) => b.slug === 'cin7-tier-2').reply(201, list('cin7-tier-2', { name: 'Wholesale' }));
		let put: Record<string, unknown> = {};
		sl.api()
			.put('/api/v1/price-lists/cin7-tier-3')
			.reply(200, (_u, body) => {
				put = body as Record<string, unknown>;
				return { slug: 'cin7-tier-3', ...(body as object) };
			});
		const params = [
			getOrCreate(),
			getOrCreate(),
			getOrCreate({ slug: 'cin7-tier-1', name: 'Retail' }),
			getOrCreate({ slug: 'cin7-tier-3', name: 'Distributor' }),
		];
		const { json, out } = await sl.run(params, { items: sl.items(4) });
		expect(json.map((l) => [l.slug, l.created, l.updated])).toEqual([
			['cin7-tier-2', true, false],
			['cin7-tier-2', false, false],
			['cin7-tier-1', false, false],
			['cin7-tier-3', false, true],
		]);
		expect(put).toEqual({ name: 'Distributor', currency_code: 'AUD' });
		expect(json[3].changedFields).toEqual(['name']);
		expectPaired(out, [0, 1, 2, 3]);
	});

	it('names the item and field for a bad slug or currency before calling SparkLayer', async () => {
		await expect(sl.run(getOrCreate({ slug: 'Has Spaces' }))).rejects.toThrow(/Item 0: Slug is not a SparkLayer slug/);
		await expect(sl.run(getOrCreate({ currencyCode: 'dollars' }))).rejects.toThrow(/Item 0: Currency Code is not an ISO 4217 code/);
	});
});
