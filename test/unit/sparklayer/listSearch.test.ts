import { SparkLayer } from '../../../nodes/SparkLayer/SparkLayer.node';
import { page, sl } from './fixture';

sl.useTestEnv();

describe('SparkLayer price list search', () => {
	it('filters a page of lists by name or slug and offers the next page while SparkLayer has one', async () => {
		sl.api()
			.get('/api/v2/price-lists')
			.query({ page: 1, page_size: 250 })
			.reply(200, page([{ slug: 'cin7-tier-2', name: 'Wholesale', currency_code: 'AUD' }, { slug: 'retail', name: 'Retail', currency_code: 'AUD' }], 1, 2));
		const fake = sl.context({}, { poll: true });
		const found = await new SparkLayer().methods.listSearch.searchPriceLists.call(fake.ctx, 'whole');
		expect(found).toEqual({ results: [{ name: 'Wholesale', value: 'cin7-tier-2', description: 'cin7-tier-2 · AUD' }], paginationToken: '2' });
		sl.api().get('/api/v2/price-lists').query({ page: 2, page_size: 250 }).reply(200, page([{ slug: 'vip', name: 'VIP' }], 2, 2));
		const next = await new SparkLayer().methods.listSearch.searchPriceLists.call(fake.ctx, '', '2');
		expect(next).toEqual({ results: [{ name: 'VIP', value: 'vip', description: 'vip' }] });
	});
});
