import { foldersOf } from '../../../nodes/OrderDesk/helpers/folders';
import { OrderDesk } from '../../../nodes/OrderDesk/OrderDesk.node';
import { od, storeBody } from './fixture';

od.useTestEnv();

describe('Order Desk store', () => {
	it('lists the folders as id and name, read once however many items ask', async () => {
		od.api().get(od.path('/store')).once().reply(200, storeBody());
		const { json } = await od.run({ resource: 'store', operation: 'getFolders' });
		expect(json).toEqual([
			{ id: '1', name: 'New' },
			{ id: '10', name: 'Submit to Cin7' },
			{ id: '12', name: 'After import' },
			{ id: '14', name: 'Cin7 Errors' },
		]);
	});

	it('reads folders given as a list of objects or at the top level too', () => {
		expect(foldersOf({ folders: [{ id: 5, name: 'B' }, { id: 2, name: 'A' }] })).toEqual([
			{ id: '2', name: 'A' },
			{ id: '5', name: 'B' },
		]);
		expect(foldersOf({ store: { folders: { '3': 'C' } } })).toEqual([{ id: '3', name: 'C' }]);
		expect(foldersOf({ status: 'success' })).toEqual([]);
	});

	it('offers the folders in drop-downs, the ID saved', async () => {
		od.api().get(od.path('/store')).reply(200, storeBody());
		const { ctx } = od.context({});
		const options = await new OrderDesk().methods.loadOptions.getFolders.call(ctx);
		expect(options[1]).toEqual({ name: 'Submit to Cin7', value: '10', description: 'ID 10' });
	});

	it('searches orders for the order field, newest first, paging by offset', async () => {
		od.api()
			.get(od.path('/orders'))
			.query({ limit: 50, offset: 50, order_by: 'id', order: 'desc', search: 'ann' })
			.reply(200, { orders: [{ id: '77', source_id: 'S-77', email: 'ann@example.com', date_added: '2026-01-01 10:00:00' }] });
		const { ctx } = od.context({});
		const result = await new OrderDesk().methods.listSearch.searchOrders.call(ctx, ' ann ', '2');
		expect(result).toEqual({
			results: [{ name: '#77 · S-77', value: '77', description: 'ann@example.com · 2026-01-01 10:00:00' }],
		});
	});
});
