/**
 * The Order Desk node and trigger against the sandbox's emulation (real HTTP, real clock, the
 * registry's credential data at time scale 60): the final state read back from the sandbox is
 * compared with what an independent computation from the state before says it must be.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { OrderDeskApi } from '../../../credentials/OrderDeskApi.credentials';
import { OrderDesk } from '../../../nodes/OrderDesk/OrderDesk.node';
import { OrderDeskTrigger } from '../../../nodes/OrderDesk/OrderDeskTrigger.node';
import { createContext } from '../helpers/fakeContext';
import { start, type Started } from '../sandbox/helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const registry = require('../../../sandbox/systems');

let sb: Started;
let credentials: ICredentialDataDecryptedObject;

// Real HTTP against a sandbox that builds its seed from both Cin7 seeds: slow on a busy machine.
jest.setTimeout(60_000);

beforeAll(async () => {
	sb = await start({});
	credentials = registry.BY_KEY.orderdesk.credentialData(sb.url, 60);
	// The seed is built on the first call: build it here, not inside the first test.
	await state();
}, 60_000);
afterAll(async () => await sb.close());

interface OdState {
	folders: Record<string, string>;
	orders: IDataObject[];
	inventoryItems: IDataObject[];
}

async function state(): Promise<OdState> {
	return (await (await fetch(`${sb.url}/_sandbox/state?system=orderdesk`)).json()) as OdState;
}

async function throttled(): Promise<number> {
	const stats = (await (await fetch(`${sb.url}/_sandbox/stats`)).json()) as { systems: Record<string, { throttled: number }> };
	return stats.systems.orderdesk.throttled;
}

async function run(parameters: IDataObject[], continueOnFail = false): Promise<INodeExecutionData[]> {
	const { ctx } = createContext({
		credentialType: new OrderDeskApi(),
		credentials,
		parameters,
		items: parameters.map((_p, i) => ({ json: { i } })),
		continueOnFail,
	});
	return ((await new OrderDesk().execute.call(ctx)) as INodeExecutionData[][])[0];
}

const folderId = (s: OdState, name: string) => Number(Object.entries(s.folders).find(([, n]) => n === name)![0]);
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Order Desk node against the sandbox', () => {
	it('gets every order of a folder named by the user', async () => {
		const before = await state();
		const expected = before.orders.filter((o) => o.folder_id === folderId(before, 'Submit to Cin7')).map((o) => o.id);
		const out = await run([{ resource: 'order', operation: 'getAll', returnAll: true, filters: { folder: 'Submit to Cin7' } }]);
		expect(out.map((o) => o.json.id)).toEqual([...expected].sort((a, b) => Number(a) - Number(b)));
		expect(expected.length).toBeGreaterThan(0);
	});

	it('updates by read-merge-write: the full-replace PUT keeps every item, checkout field and metadata key', async () => {
		const before = await state();
		const target = before.orders.find((o) => (o.order_items as IDataObject[]).length > 1)!;
		await run([
			{
				resource: 'order',
				operation: 'update',
				orderId: byId(String(target.id)),
				checkoutData: { field: [{ name: 'Stage', value: 'Imported' }] },
				orderMetadata: { field: [{ name: 'cin7_reference', value: 'SO-TEST-1' }] },
				updateFieldsJson: '{"shipping":{"city":"Auckland"}}',
			},
		]);
		const after = (await state()).orders.find((o) => o.id === target.id)!;
		expect(after.order_items).toEqual(target.order_items);
		expect(after.checkout_data).toEqual({ ...(target.checkout_data as IDataObject), Stage: 'Imported' });
		expect(after.order_metadata).toEqual({ ...(target.order_metadata as IDataObject), cin7_reference: 'SO-TEST-1' });
		expect(after.shipping).toEqual({ ...(target.shipping as IDataObject), city: 'Auckland' });
		expect(after.email).toBe(target.email);
	});

	it('moves orders and adds notes; an unknown order fails alone', async () => {
		const before = await state();
		const [a, b] = before.orders.filter((o) => o.folder_id === folderId(before, 'Submit to Cin7 Core'));
		const sent = folderId(before, 'Sent to Cin7');
		const out = await run(
			[a.id, '999999', b.id].map((id) => ({ resource: 'order', operation: 'moveToFolder', orderId: byId(String(id)), folder: 'Sent to Cin7' })),
			true,
		);
		expect(out.map((o) => o.json.moved ?? o.json.error)).toEqual([true, expect.stringMatching(/^Item 1: Order Desk rejected the order "999999"/), true]);
		await run([{ resource: 'order', operation: 'addNote', orderId: byId(String(a.id)), note: 'Submitted to Cin7 as SO-77' }]);
		const after = await state();
		const get = (id: unknown) => after.orders.find((o) => o.id === id)!;
		expect([get(a.id).folder_id, get(b.id).folder_id]).toEqual([sent, sent]);
		expect((get(a.id).order_notes as IDataObject[]).map((n) => n.content)).toContain('Submitted to Cin7 as SO-77');
	});

	it('adds many shipments in one batch with a result per order', async () => {
		const before = await state();
		const orders = before.orders.slice(5, 8);
		const params = [...orders.map((o) => String(o.id)), '999998'].map((id, n) => ({
			resource: 'shipment',
			operation: 'addMany',
			orderId: byId(id),
			trackingNumber: `1ZTEST${n}`,
			carrierCode: 'UPS',
			shipmentMethod: 'Ground',
			additionalFields: { trackingUrl: `https://track.example.com/1ZTEST${n}` },
			batchSize: 100,
		}));
		const out = await run(params, true);
		expect(out[3].json.error).toMatch(/^Item 3: Order Desk rejected the shipment "999998\/1ZTEST3"/);
		const after = await state();
		orders.forEach((o, n) => {
			const shipments = after.orders.find((x) => x.id === o.id)!.order_shipments as IDataObject[];
			expect(shipments.filter((s) => s.tracking_number === `1ZTEST${n}`)).toEqual([
				expect.objectContaining({ carrier_code: 'UPS', shipment_method: 'Ground', tracking_url: `https://track.example.com/1ZTEST${n}` }),
			]);
		});
	});

	it('updates the stock of many SKUs in batches of 100; an unknown SKU fails alone', async () => {
		const before = await state();
		const items = before.inventoryItems.slice(0, 150);
		const wanted = new Map(items.map((it, n) => [String(it.code), (n * 7) % 41]));
		const params = [...wanted].map(([sku, stock]) => ({ resource: 'inventoryItem', operation: 'updateStock', sku, stock, batchSize: 100 }));
		params.splice(75, 0, { resource: 'inventoryItem', operation: 'updateStock', sku: 'NO-SUCH-SKU', stock: 1, batchSize: 100 });
		const out = await run(params, true);
		expect(out.filter((o) => o.json.error).map((o) => o.json.error)).toEqual([
			expect.stringMatching(/^Item 75: Order Desk rejected the SKU "NO-SUCH-SKU": Inventory item not found/),
		]);
		const after = await state();
		for (const it of after.inventoryItems.filter((x) => wanted.has(String(x.code)))) expect(it.stock).toBe(wanted.get(String(it.code)));
	});

	it('creates an order once: a second run with the same source ID returns it instead of a second order', async () => {
		const params = {
			resource: 'order',
			operation: 'create',
			sourceId: 'N8N-TEST-1',
			email: 'ann@example.com',
			orderItemsJson: '[{"code":"ST00001-S","name":"Coastal Candle S","price":12.5,"quantity":2}]',
			shippingJson: '{"first_name":"Ann","last_name":"Lee","city":"Boston","country":"US"}',
			checkoutData: { field: [{ name: 'ShipMethod', value: 'Express' }] },
			orderMetadata: { field: [{ name: 'cin7_ship_method', value: 'Courier' }] },
			folder: 'Submit to Cin7',
			additionalFieldsJson: '{}',
		};
		const [first] = await run([params]);
		const [second] = await run([params]);
		expect([first.json.alreadyExisted, second.json.alreadyExisted, second.json.id]).toEqual([false, true, first.json.id]);
		const s = await state();
		const created = s.orders.filter((o) => o.source_id === 'N8N-TEST-1');
		expect(created).toHaveLength(1);
		expect(created[0]).toMatchObject({
			folder_id: folderId(s, 'Submit to Cin7'),
			email: 'ann@example.com',
			checkout_data: { ShipMethod: 'Express' },
			order_metadata: { cin7_ship_method: 'Courier' },
		});
		expect((created[0].order_items as IDataObject[]).map((i) => [i.code, Number(i.quantity)])).toEqual([['ST00001-S', 2]]);
		const [got] = await run([{ resource: 'order', operation: 'get', orderId: byId(String(first.json.id)) }]);
		expect(got.json.source_id).toBe('N8N-TEST-1');
	});

	it('gets inventory items by SKU and the store folders', async () => {
		const s = await state();
		const item = s.inventoryItems[10];
		const out = await run([{ resource: 'inventoryItem', operation: 'getAll', returnAll: true, filters: { code: item.code } }]);
		expect(out.map((o) => o.json.code)).toEqual([item.code]);
		const folders = await run([{ resource: 'store', operation: 'getFolders' }]);
		expect(folders.map((o) => [o.json.id, o.json.name])).toEqual(Object.entries(s.folders).map(([id, name]) => [id, name]));
	});

	it('spent no throttled call so far: the bucket model and X-Tokens-Remaining kept every request inside the store bucket', async () => {
		// A burst far larger than the bucket, on top of what the tests above spent.
		await run(Array.from({ length: 60 }, () => ({ resource: 'order', operation: 'get', orderId: byId('500001') })));
		expect(await throttled()).toBe(0);
	});
});

describe('Order Desk Trigger against the sandbox (store-local dates on New York time)', () => {
	it('backfills a folder, repeats nothing, then emits exactly the order changed since', async () => {
		const staticData: IDataObject = {};
		const poll = async () => {
			const { ctx } = createContext({
				credentialType: new OrderDeskApi(),
				credentials,
				parameters: { event: 'orderChanged', folders: 'Submit to Cin7', maxPerPoll: 1000, overlapMinutes: 5, startDate: '2020-01-01T00:00:00Z' },
				staticData,
				poll: true,
			});
			const out = await new OrderDeskTrigger().poll!.call(ctx);
			return out ? out[0].map((o) => String(o.json.id)).sort() : null;
		};
		const before = await state();
		const folder = folderId(before, 'Submit to Cin7');
		const expected = before.orders.filter((o) => o.folder_id === folder).map((o) => String(o.id)).sort();
		expect(await poll()).toEqual(expected);
		expect(await poll()).toBeNull();
		// Wait past the second the backfill read (dates have whole seconds), then change one order.
		await sleep(1100);
		await run([{ resource: 'order', operation: 'addNote', orderId: byId(expected[0]), note: 'changed after the backfill' }]);
		expect(await poll()).toEqual([expected[0]]);
		expect(await poll()).toBeNull();
	});

	it('from activation on, emits an order changed a moment later (a zone mistake would look hours off)', async () => {
		const staticData: IDataObject = {};
		const poll = async (timeZone?: string) => {
			const { ctx } = createContext({
				credentialType: new OrderDeskApi(),
				credentials: timeZone === undefined ? credentials : { ...credentials, timeZone },
				parameters: { event: 'orderChanged', folders: '', maxPerPoll: 1000, overlapMinutes: 5, startDate: '' },
				staticData,
				poll: true,
			});
			const out = await new OrderDeskTrigger().poll!.call(ctx);
			return out ? out[0].map((o) => String(o.json.id)) : null;
		};
		expect(await poll()).toBeNull(); // seeds the cursor at now
		const id = (await state()).orders[3].id as string;
		await run([{ resource: 'order', operation: 'addNote', orderId: byId(id), note: 'changed after activation' }]);
		// The first poll re-reads the overlap (5 minutes before activation), so orders the tests above
		// changed come too; the one changed now must be there.
		const emitted = await poll();
		expect(emitted).toContain(id);
		// The same poll with the zone left empty reads the store's own setting (New York) and repeats nothing.
		expect(await poll('')).toBeNull();
	});
});
