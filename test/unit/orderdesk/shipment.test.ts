import type { IDataObject } from 'n8n-workflow';

import { expectPaired } from '../helpers/systemFixture';
import { od } from './fixture';

od.useTestEnv();

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const shipment = (orderId: string, tracking: string, extra: IDataObject = {}) => ({
	resource: 'shipment',
	orderId: byId(orderId),
	trackingNumber: tracking,
	carrierCode: 'UPS',
	shipmentMethod: 'Ground',
	additionalFields: { trackingUrl: `https://track.example.com/${tracking}` },
	...extra,
});

describe('Order Desk shipment', () => {
	it('adds one shipment to an order', async () => {
		od.api()
			.post(od.path('/orders/11/shipments'), {
				tracking_number: '1Z1',
				carrier_code: 'UPS',
				shipment_method: 'Ground',
				tracking_url: 'https://track.example.com/1Z1',
			})
			.reply(201, { status: 'success', shipment: { id: 'S1', tracking_number: '1Z1' } });
		const { json } = await od.run({ ...shipment('11', '1Z1'), operation: 'add' });
		expect(json).toEqual([{ order_id: '11', id: 'S1', tracking_number: '1Z1' }]);
	});

	it('adds many in batch calls with a result per order; a missing order fails only its item', async () => {
		const batches: IDataObject[][] = [];
		od.api()
			.post(od.path('/batch-shipments'), (b: IDataObject[]) => {
				batches.push(b);
				return true;
			})
			.twice()
			.reply(200, (_uri, b) => ({
				status: 'success',
				results: (b as IDataObject[]).map((s, n) =>
					s.order_id === '404'
						? { order_id: s.order_id, status: 'error', message: 'Order not found' }
						: { order_id: s.order_id, status: 'success', shipment_id: `S${n}` },
				),
			}));
		const params = [
			{ ...shipment('1', 'T1'), operation: 'addMany', batchSize: 2 },
			{ ...shipment('404', 'T2'), operation: 'addMany', batchSize: 2 },
			{ ...shipment('3', 'T3'), operation: 'addMany', batchSize: 2 },
			// The same tracking number on the same order again: sent once.
			{ ...shipment('1', 'T1'), operation: 'addMany', batchSize: 2 },
		];
		const { out, json } = await od.run(params, { items: od.items(4), continueOnFail: true });
		expect(batches.map((b) => b.map((s) => `${s.order_id}/${s.tracking_number}`))).toEqual([['1/T1', '404/T2'], ['3/T3']]);
		expectPaired(out, [0, 1, 2, 3]);
		expect(json[0]).toMatchObject({ order_id: '1', tracking_number: 'T1', carrier_code: 'UPS', shipment_id: 'S0' });
		expect(json[1].error).toBe('Item 1: Order Desk rejected the shipment "404/T2": Order not found');
		expect(json[2]).toMatchObject({ order_id: '3', shipment_id: 'S0' });
		expect(json[3]).toMatchObject({ order_id: '1', duplicateOfItem: 0 });
	});

	it.each([
		[{ trackingNumber: '' }, /^Item 0: Tracking Number is empty/],
		[{ orderId: byId('abc') }, /^Item 0: Order must be a positive whole number \(got "abc"\)/],
		[{ additionalFields: { trackingUrl: 'ups tracking' } }, /^Item 0: Tracking URL is not a web address/],
		[{ additionalFields: { weight: -2 } }, /^Item 0: Weight must be a number of 0 or more/],
	])('refuses bad input %j before any call', async (bad, error) => {
		await expect(od.run({ ...shipment('1', 'T1'), operation: 'addMany', ...bad })).rejects.toThrow(error);
	});
});

describe('Order Desk shipments after a failure that may hide a written shipment', () => {
	it('reads the orders and sends again only the shipments they lack', async () => {
		od.api().post(od.path('/batch-shipments')).reply(502, 'Bad Gateway');
		// Order 1 got its shipment before the gateway failed; order 2 did not.
		od.api()
			.get(od.path('/orders/1'))
			.reply(200, { status: 'success', order: { id: '1', order_shipments: [{ id: 'S9', tracking_number: 'T1' }] } });
		od.api().get(od.path('/orders/2')).reply(200, { status: 'success', order: { id: '2', order_shipments: [] } });
		od.api()
			.post(od.path('/batch-shipments'), (b: IDataObject[]) => b.length === 1 && b[0].order_id === '2')
			.reply(200, { status: 'success', results: [{ order_id: '2', status: 'success', shipment_id: 'S10' }] });
		const { json } = await od.run([shipment('1', 'T1'), shipment('2', 'T2')].map((p) => ({ ...p, operation: 'addMany', batchSize: 100 })), {
			items: od.items(2),
		});
		expect(json.map((o) => [o.order_id, o.shipment_id])).toEqual([
			['1', 'S9'],
			['2', 'S10'],
		]);
	});

	it('adds one shipment once after a dropped answer: the order already has it', async () => {
		od.api().post(od.path('/orders/5/shipments')).reply(500, { status: 'error', message: 'Internal error' });
		od.api()
			.get(od.path('/orders/5'))
			.reply(200, { status: 'success', order: { id: '5', order_shipments: [{ id: 'S5', tracking_number: 'T5' }] } });
		const { json } = await od.run({ ...shipment('5', 'T5'), operation: 'add' });
		expect(json).toEqual([{ order_id: '5', id: 'S5', tracking_number: 'T5' }]);
	});

	it('does not read the order after a refusal that surely wrote nothing', async () => {
		od.api().post(od.path('/orders/5/shipments')).reply(422, { status: 'error', message: 'Tracking number is required' });
		await expect(od.run({ ...shipment('5', 'T5'), operation: 'add' })).rejects.toThrow(/Tracking number is required/);
	});
});
