import { searchOrders } from '../../../nodes/Joor/methods/listSearch';
import { joor, order, v2 } from './fixture';

joor.useTestEnv();

describe('JOOR order search', () => {
	it('lists orders read-only (sync=0), filters by the typed text and pages by start_from', async () => {
		joor
			.api()
			.get('/v2/orders')
			.query((q) => q.sync === '0' && q.order_type === '8' && q.export_status === '1' && q.start_from === '0' && q.count === '100')
			.reply(200, v2({ orders: Array.from({ length: 100 }, (_, i) => order(i + 1, '2026-01-01T00:00:00Z')) }));
		const { ctx } = joor.context({}, { poll: true });
		const page = await searchOrders.call(ctx, 'retailer 42');
		expect(page.results).toEqual([{ name: '42 · Retailer 42', value: '42', description: 'Approved · 2026-01-01T00:00:00Z' }]);
		expect(page.paginationToken).toBe('100');
	});
});
