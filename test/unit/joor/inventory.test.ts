import { SKUS_PER_CALL } from '../../../nodes/Joor/actions/inventory/set.operation';
import { expectPaired } from '../helpers/systemFixture';
import { joor, v2 } from './fixture';

joor.useTestEnv();

const row = (upc: string, inventory: number | string, extra: object = {}) => ({
	resource: 'inventory',
	operation: 'set',
	warehouse: 'Main',
	skuKey: 'upc',
	upc,
	inventory,
	options: {},
	...extra,
});

describe('JOOR inventory', () => {
	it('sets many SKUs in one call and fails only the rows JOOR rejects', async () => {
		joor
			.api()
			.post('/v2/bulk-inventory')
			.query({ overwrite: 0, dec_pending: 1 })
			.reply(200, (_u, body) => {
				const items = (body as { inventory_items: { inventory_item: Array<Record<string, unknown>> } }).inventory_items.inventory_item;
				expect(items).toEqual([
					{ warehouse: 'Main', upc: '1', inventory: 5 },
					{ warehouse: 'Main', style_number: 'S1', style_identifier: 'S1', color_code: 'BLK', size: 'M', inventory: 0, inventory_date: '2026-03-01' },
					{ warehouse: 'Main', upc: '9', inventory: 2 },
				]);
				return v2({
					inventory_items: {
						inventory_item: [
							{ index: 0, upc: '1', status: 'success' },
							{ index: 1, style_number: 'S1', status: 'success' },
							{ index: 2, upc: '9', status: 'error', message: 'unknown UPC' },
						],
					},
				});
			});
		const params = [
			row('1', 5, { options: { decPending: true } }),
			row('', 0, { skuKey: 'style', styleNumber: 'S1', variantCode: 'BLK', size: 'M', options: { decPending: true, inventoryDate: '2026-03-01' } }),
			row('9', 2, { options: { decPending: true } }),
		];
		const { out, json } = await joor.run(params, { items: joor.items(3), continueOnFail: true });
		expect(json[0]).toMatchObject({ upc: '1', status: 'success' });
		expect(String(json[2].error)).toMatch(/Item 2: JOOR rejected the inventory row ".*9": unknown UPC/);
		expectPaired(out, [0, 1, 2]);
	});

	it('sends overwrite=1 only on the first call of a run that asks for it', async () => {
		const overwrites: string[] = [];
		joor
			.api()
			.post('/v2/bulk-inventory')
			.query((q) => {
				overwrites.push(String(q.overwrite));
				return true;
			})
			.times(2)
			.reply(200, v2({}));
		const n = SKUS_PER_CALL + 1;
		const params = Array.from({ length: n }, (_, i) => row(String(i), 1, { overwrite: true }));
		const { json } = await joor.run(params, { items: joor.items(n) });
		expect(overwrites).toEqual(['1', '0']);
		expect(json).toHaveLength(n);
	});

	it('sends one row per warehouse and SKU, the last item winning', async () => {
		let count = 0;
		joor
			.api()
			.post('/v2/bulk-inventory')
			.query(true)
			.reply(200, (_u, body) => {
				count = (body as { inventory_items: { inventory_item: unknown[] } }).inventory_items.inventory_item.length;
				return v2({});
			});
		const { json } = await joor.run([row('1', 5), row('1', 7), row('1', 7, { warehouse: 'Sydney' })], { items: joor.items(3) });
		expect(count).toBe(2);
		expect(json[0]).toMatchObject({ supersededByItem: 1 });
	});

	it.each([
		[{ upc: '' }, /Item 0: UPC is empty/],
		[{ inventory: -1 }, /Item 0: Inventory must be at least 0/],
		[{ inventory: 1.5 }, /Item 0: Inventory must be a whole number/],
		[{ inventory: 'lots' }, /Item 0: Inventory is not a number/],
		[{ skuKey: 'style', styleNumber: 'S1', variantCode: '' }, /Item 0: Color Code is empty/],
		[{ options: { inventoryDate: 'someday' } }, /Item 0: Inventory Date is not a valid date/],
	])('names the item and field for bad input %j', async (over, message) => {
		await expect(joor.run({ ...row('1', 1), ...over })).rejects.toThrow(message);
	});
});
