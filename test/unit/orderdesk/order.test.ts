import type { IDataObject } from 'n8n-workflow';

import { expectPaired } from '../helpers/systemFixture';
import { od, order, orderList, storeBody } from './fixture';

od.useTestEnv();

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Order Desk order', () => {
	it('gets an order by ID', async () => {
		od.api().get(od.path('/orders/500001')).reply(200, { status: 'success', order: order(500001) });
		const { json } = await od.run({ resource: 'order', operation: 'get', orderId: byId('500001') });
		expect(json).toEqual([order(500001)]);
	});

	it('gets many orders of a folder named by the user, changed in a window, in the store time zone', async () => {
		od.api().get(od.path('/store')).reply(200, storeBody());
		od.api()
			.get(od.path('/orders'))
			.query({
				folder_id: '10',
				modified_start_date: '2026-01-15 07:00:00',
				modified_end_date: '2026-01-15 09:30:00',
				order_by: 'id',
				order: 'asc',
				limit: 2,
				offset: 0,
			})
			.reply(200, orderList([order(1), order(2)], 7));
		const { json } = await od.run(
			{
				resource: 'order',
				operation: 'getAll',
				returnAll: false,
				limit: 2,
				filters: { folder: 'submit to cin7', modifiedStartDate: '2026-01-15T12:00:00Z', modifiedEndDate: '2026-01-15T14:30:00Z' },
			},
			{ credentials: { timeZone: 'America/New_York' } },
		);
		expect(json.map((o) => o.id)).toEqual(['1', '2']);
	});

	it('reads the store time zone from the store settings when the credential leaves it empty', async () => {
		od.api().get(od.path('/store')).once().reply(200, storeBody({ timezone: 'America/New_York' }));
		od.api()
			.get(od.path('/orders'))
			.query((q) => q.modified_start_date === '2026-07-15 08:00:00' && q.source_id === 'A-1')
			.reply(200, orderList([order(3)]));
		const { json } = await od.run(
			{ resource: 'order', operation: 'getAll', returnAll: true, filters: { modifiedStartDate: '2026-07-15T12:00:00Z', sourceId: 'A-1' } },
			{ credentials: { timeZone: '' } },
		);
		expect(json.map((o) => o.id)).toEqual(['3']);
	});

	it('stops with the valid folders when a folder name matches none', async () => {
		od.api().get(od.path('/store')).reply(200, storeBody());
		await expect(
			od.run({ resource: 'order', operation: 'getAll', returnAll: true, filters: { folder: 'Nope' } }),
		).rejects.toThrow(/^Item 0: Folder "Nope" is not a folder of this store; folders: "New" \(1\), "Submit to Cin7" \(10\)/);
	});

	describe('create', () => {
		const base = {
			resource: 'order',
			operation: 'create',
			sourceId: 'SHOP-77',
			email: 'ann@example.com',
			orderItemsJson: '[{"code":"SKU-1","name":"One","price":10,"quantity":2}]',
			shippingJson: '{"first_name":"Ann","city":"Boston"}',
			checkoutData: { field: [{ name: 'ShipMethod', value: 'Express' }] },
			orderMetadata: { field: [{ name: 'cin7_ship_method', value: 'Courier' }] },
			folder: 'Submit to Cin7',
			additionalFieldsJson: '{"shipping_method":"Ground","email":"ignored@example.com"}',
		};

		it('creates the order with its lines, checkout data, metadata and folder', async () => {
			od.api().get(od.path('/store')).reply(200, storeBody());
			od.api().get(od.path('/orders')).query({ source_id: 'SHOP-77', limit: 1, offset: 0 }).reply(200, orderList([]));
			let sent: IDataObject = {};
			od.api()
				.post(od.path('/orders'), (b: IDataObject) => {
					sent = b;
					return true;
				})
				.reply(201, { status: 'success', order: { id: '600001', source_id: 'SHOP-77' } });
			const { json } = await od.run(base);
			expect(sent).toEqual({
				shipping_method: 'Ground',
				email: 'ann@example.com',
				source_id: 'SHOP-77',
				shipping: { first_name: 'Ann', city: 'Boston' },
				checkout_data: { ShipMethod: 'Express' },
				order_metadata: { cin7_ship_method: 'Courier' },
				folder_id: '10',
				order_items: [{ code: 'SKU-1', name: 'One', price: 10, quantity: 2 }],
			});
			expect(json).toEqual([{ id: '600001', source_id: 'SHOP-77', alreadyExisted: false }]);
		});

		it('returns the existing order of a source ID instead of creating a second', async () => {
			od.api().get(od.path('/store')).reply(200, storeBody());
			od.api().get(od.path('/orders')).query(true).reply(200, orderList([order(5, { source_id: 'SHOP-77' })]));
			const { json } = await od.run(base);
			expect(json[0]).toMatchObject({ id: '5', source_id: 'SHOP-77', alreadyExisted: true });
		});

		it.each([
			['[]', /^Item 0: Order Items \(JSON\) is empty/],
			['{"code":"A"}', /^Item 0: Order Items \(JSON\) must be a JSON array/],
			['[{"quantity":1}]', /^Item 0: Order Items \(JSON\) line 1 has neither a code \(SKU\) nor a name/],
			['[{"code":"A","quantity":0}]', /^Item 0: Order Items \(JSON\) line 1 has no quantity above 0/],
		])('refuses order items %s before any call', async (items, error) => {
			await expect(od.run({ ...base, folder: '', orderItemsJson: items })).rejects.toThrow(error);
		});
	});

	describe('update (read, merge, write)', () => {
		it('keeps every item, checkout field and metadata key it does not change', async () => {
			const current = order(7);
			od.api().get(od.path('/orders/7')).reply(200, { status: 'success', order: current });
			let sent: IDataObject = {};
			od.api()
				.put(od.path('/orders/7'), (b: IDataObject) => {
					sent = b;
					return true;
				})
				.reply(200, (_uri, b) => ({ status: 'success', order: b }));
			const { json } = await od.run({
				resource: 'order',
				operation: 'update',
				orderId: byId('7'),
				checkoutData: { field: [{ name: 'Stage', value: 'New' }] },
				orderMetadata: { field: [{ name: 'cin7_reference', value: 'SO-1' }] },
				updateFieldsJson: '{"shipping":{"city":"Austin"},"order_items":[{"id":"72","quantity":3},{"code":"SKU-9","name":"Nine","quantity":1}]}',
			});
			expect(sent).toEqual({
				...current,
				checkout_data: { ShipMethod: 'Ground', Stage: 'New' },
				order_metadata: { marketplace_order_ref: 'M-7', cin7_reference: 'SO-1' },
				shipping: { first_name: 'Ann', last_name: 'Lee', city: 'Austin', country: 'US' },
				order_items: [
					(current.order_items as IDataObject[])[0],
					{ ...(current.order_items as IDataObject[])[1], quantity: 3 },
					{ code: 'SKU-9', name: 'Nine', quantity: 1 },
				],
			});
			expect(json[0].id).toBe('7');
		});

		it('reads and merges again when Order Desk answers 409 (the order changed meanwhile)', async () => {
			od.api().get(od.path('/orders/7')).reply(200, { status: 'success', order: order(7) });
			od.api().put(od.path('/orders/7')).reply(409, { status: 'error', message: 'Order has been modified' });
			const changed = order(7, { date_updated: '2026-01-01 00:05:00', order_metadata: { marketplace_order_ref: 'M-7', added_elsewhere: 'x' } });
			od.api().get(od.path('/orders/7')).reply(200, { status: 'success', order: changed });
			let sent: IDataObject = {};
			od.api()
				.put(od.path('/orders/7'), (b: IDataObject) => {
					sent = b;
					return true;
				})
				.reply(200, (_uri, b) => ({ status: 'success', order: b }));
			await od.run({
				resource: 'order',
				operation: 'update',
				orderId: byId('7'),
				orderMetadata: { field: [{ name: 'cin7_reference', value: 'SO-1' }] },
				checkoutData: {},
				updateFieldsJson: '{}',
			});
			expect(sent.order_metadata).toEqual({ marketplace_order_ref: 'M-7', added_elsewhere: 'x', cin7_reference: 'SO-1' });
			expect(sent.date_updated).toBe('2026-01-01 00:05:00');
		});

		it('writes nothing when the read does not return the order (a PUT would replace it with that)', async () => {
			od.api().get(od.path('/orders/7')).reply(200, { status: 'success', order: { id: '8' } });
			await expect(
				od.run({ resource: 'order', operation: 'update', orderId: byId('7'), checkoutData: {}, orderMetadata: {}, updateFieldsJson: '{"email":"x@y.z"}' }),
			).rejects.toThrow(/^Item 0: Order Desk answered GET \/orders\/7 without that order; nothing was written/);
		});

		it('refuses Update Fields that name another order', async () => {
			await expect(
				od.run({ resource: 'order', operation: 'update', orderId: byId('7'), updateFieldsJson: '{"id":"8"}' }),
			).rejects.toThrow(/^Item 0: Update Fields \(JSON\) sets id 8, which is not the order being updated \(7\)/);
		});
	});

	describe('move to folder', () => {
		it('moves the items of each destination in one call, and fails only the orders Order Desk cannot find', async () => {
			od.api().get(od.path('/store')).reply(200, storeBody());
			const calls: IDataObject[] = [];
			od.api()
				.post(od.path('/move-orders'), (b: IDataObject) => {
					calls.push(b);
					return true;
				})
				.twice()
				.reply(200, (_uri, b) => {
					const ids = (b as IDataObject).order_id_list as string[];
					return { status: 'success', orders_moved: ids.filter((id) => id !== '404'), orders_not_found: ids.filter((id) => id === '404') };
				});
			const params = [
				{ resource: 'order', operation: 'moveToFolder', orderId: byId('1'), folder: 'After import' },
				{ resource: 'order', operation: 'moveToFolder', orderId: byId('2'), folder: '14' },
				{ resource: 'order', operation: 'moveToFolder', orderId: byId('404'), folder: 'after import' },
				{ resource: 'order', operation: 'moveToFolder', orderId: byId('3'), folder: 'After import' },
			];
			const { out, json } = await od.run(params, { items: od.items(4), continueOnFail: true });
			expect(calls).toEqual([
				{ order_id_list: ['1', '404', '3'], destination_folder_id: 12 },
				{ order_id_list: ['2'], destination_folder_id: 14 },
			]);
			expectPaired(out, [0, 1, 2, 3]);
			expect(json[0]).toEqual({ orderId: '1', folderId: '12', folderName: 'After import', moved: true });
			expect(json[1]).toEqual({ orderId: '2', folderId: '14', folderName: 'Cin7 Errors', moved: true });
			expect(json[2].error).toMatch(/^Item 2: Order Desk rejected the order "404": no order 404 in this store/);
			expect(json[3].moved).toBe(true);
		});
	});

	it('adds a history note', async () => {
		od.api()
			.post(od.path('/orders/9/order-history'), (b: IDataObject) => b.note === 'Submitted to Cin7 as SO-9')
			.reply(200, { status: 'success' });
		const { json } = await od.run({ resource: 'order', operation: 'addNote', orderId: byId('9'), note: 'Submitted to Cin7 as SO-9' });
		expect(json).toEqual([{ orderId: '9', note: 'Submitted to Cin7 as SO-9', status: 'success' }]);
	});

	it('refuses an empty note', async () => {
		await expect(od.run({ resource: 'order', operation: 'addNote', orderId: byId('9'), note: '  ' })).rejects.toThrow(/^Item 0: Note is empty/);
	});
});

describe('Order Desk order move under faults', () => {
	it('retries a move after a gateway error: moving twice leaves the orders where once does', async () => {
		od.api().get(od.path('/store')).reply(200, storeBody());
		od.api().post(od.path('/move-orders')).reply(502, 'Bad Gateway');
		od.api().post(od.path('/move-orders'), { order_id_list: ['1'], destination_folder_id: 12 }).reply(200, { status: 'success', orders_moved: ['1'] });
		const { json } = await od.run({ resource: 'order', operation: 'moveToFolder', orderId: { __rl: true, mode: 'id', value: '1' }, folder: '12' });
		expect(json).toEqual([{ orderId: '1', folderId: '12', folderName: 'After import', moved: true }]);
	});

	it('after a gateway error, does not send a history note again when the order already has it', async () => {
		od.api().post(od.path('/orders/1/order-history')).reply(502, 'Bad Gateway');
		// The fake clock is at 2026-01-01T00:00:00Z; the note was added within that second.
		od.api()
			.get(od.path('/orders/1'))
			.reply(200, { status: 'success', order: { id: '1', order_notes: [{ date_added: '2026-01-01 00:00:00', username: 'API', content: 'x' }] } });
		const { json } = await od.run({ resource: 'order', operation: 'addNote', orderId: { __rl: true, mode: 'id', value: '1' }, note: 'x' });
		expect(json).toEqual([{ orderId: '1', note: 'x', status: 'success' }]);
	});

	it('after a gateway error, sends the note again when the order lacks it (an old note of the same text is not ours)', async () => {
		od.api().post(od.path('/orders/1/order-history')).reply(502, 'Bad Gateway');
		od.api()
			.get(od.path('/orders/1'))
			.reply(200, { status: 'success', order: { id: '1', order_notes: [{ date_added: '2025-12-01 00:00:00', username: 'API', content: 'x' }] } });
		od.api().post(od.path('/orders/1/order-history'), { note: 'x' }).reply(200, { status: 'success' });
		const { json } = await od.run({ resource: 'order', operation: 'addNote', orderId: { __rl: true, mode: 'id', value: '1' }, note: 'x' });
		expect(json[0].status).toBe('success');
	});
});
