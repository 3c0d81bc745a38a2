import { expectPaired } from '../helpers/systemFixture';
import { dd } from './fixture';

const env = dd.useTestEnv();

const orders = [
	{ id: 'SO-1', email: 'a@example.com', orderTotal: 10 },
	{ id: 'SO-2', email: 'b@example.com', orderTotal: 20 },
	{ id: 'SO-3', email: 'c@example.com', orderTotal: 30 },
];
const items = orders.map((json) => ({ json }));
const params = (o: (typeof orders)[number], extra: Record<string, unknown> = {}) => ({
	resource: 'insightData',
	operation: 'import',
	collectionScope: 'contact',
	collectionName: 'orders',
	collectionType: 'orders',
	recordKey: o.id,
	contactEmail: o.email,
	recordSource: 'item',
	importOptions: { batchSize: 2, pollIntervalSeconds: 10 },
	...extra,
});

describe('Dotdigital insight data import', () => {
	it('batches all items, polls each import and maps a rejected record to its item', async () => {
		const bodies: Array<Record<string, unknown>> = [];
		dd.api()
			.put('/insightData/v3/import')
			.twice()
			.reply(202, (_u, body) => {
				bodies.push(body as Record<string, unknown>);
				return { importId: `i${bodies.length}` };
			});
		dd.api().get('/insightData/v3/import/i1').reply(200, { status: 'NotStarted' });
		dd.api().get('/insightData/v3/import/i1').reply(200, { status: 'Processing' });
		dd.api()
			.get('/insightData/v3/import/i1')
			.reply(200, {
				status: 'Complete',
				summary: { totalRecords: 2, totalImported: 1, totalRejected: 1 },
				failures: [{ key: 'SO-2', failureReason: 'ContactEmailDoesNotExist', details: 'no contact' }],
			});
		dd.api().get('/insightData/v3/import/i2').reply(200, { status: 'Finished' });

		const { out } = await dd.run(orders.map((o) => params(o)), { items, continueOnFail: true });
		expect(bodies.map((b) => (b.records as unknown[]).length)).toEqual([2, 1]);
		expect(bodies[0]).toEqual({
			collectionName: 'orders',
			collectionScope: 'contact',
			collectionType: 'orders',
			records: [
				{ key: 'SO-1', json: orders[0], contactIdentity: { identifier: 'email', value: 'a@example.com' } },
				{ key: 'SO-2', json: orders[1], contactIdentity: { identifier: 'email', value: 'b@example.com' } },
			],
		});
		expectPaired(out, [0, 1, 2]);
		expect(out[0].json).toMatchObject({ key: 'SO-1', result: 'imported', importId: 'i1' });
		expect(out[1].json.error).toMatch(/ContactEmailDoesNotExist \(no contact\)/);
		expect(out[2].json).toMatchObject({ key: 'SO-3', result: 'imported' });
		expect(env.clock().sleeps.filter((s) => s === 10_000)).toHaveLength(2);
	});

	it('without continue on fail names the rejected item', async () => {
		dd.api().put('/insightData/v3/import').reply(202, { importId: 'x' });
		dd.api().get('/insightData/v3/import/x').reply(200, { status: 'Complete', failures: [{ key: 'SO-1', failureReason: 'InvalidJson' }] });
		const error = await dd.run([params(orders[0]), params(orders[1])], { items: items.slice(0, 2) }).catch((e) => e);
		expect(error.message).toMatch(/^Item 0: Dotdigital rejected the insight record "SO-1": InvalidJson/);
	});

	it('imports account catalog records from a JSON parameter without a contact, re-keyed records replace', async () => {
		let body: Record<string, unknown> = {};
		dd.api()
			.put('/insightData/v3/import')
			.reply(202, (_u, b) => {
				body = b as Record<string, unknown>;
				return { importId: 'c' };
			});
		dd.api().get('/insightData/v3/import/c').reply(200, { status: 'Finished' });
		const row = (sku: string, price: number) => ({
			resource: 'insightData',
			operation: 'import',
			collectionScope: 'account',
			collectionName: 'catalog_cin7',
			collectionType: 'catalog',
			recordKey: sku,
			recordSource: 'json',
			recordJson: JSON.stringify({ sku, name: sku, price }),
		});
		const { out } = await dd.run([row('TEE-S', 1), row('TEE-S', 2)], { items: [{ json: {} }, { json: {} }] });
		expect(body.records).toEqual([{ key: 'TEE-S', json: { sku: 'TEE-S', name: 'TEE-S', price: 2 } }]);
		expect(out[0].json).toMatchObject({ key: 'TEE-S', supersededByItem: 1 });
		expectPaired(out, [0, 1]);
	});

	it('rejects bad input before any call, naming item and field', async () => {
		await expect(
			dd.run([params(orders[0]), params({ ...orders[1], email: 'nope' })], { items: items.slice(0, 2) }),
		).rejects.toThrow(/Item 1: Contact Email is not a valid email address/);
		const nested = [{ json: { id: 'SO-9', lines: [[1, 2]] } }];
		await expect(dd.run(params(orders[0]), { items: nested })).rejects.toThrow(
			/Item 0: Record holds an array inside an array at lines\[0\]/,
		);
		await expect(
			dd.run({ ...params(orders[0]), collectionType: 'catalog', collectionScope: 'account', collectionName: 'products' }, { items }),
		).rejects.toThrow(/must be named catalog_/);
	});
});
