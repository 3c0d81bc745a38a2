import type { IDataObject } from 'n8n-workflow';
import { expectPaired } from '../helpers/systemFixture';
import { sl } from './fixture';

sl.useTestEnv();

const row = (sku: string, pricing: IDataObject[string], slug = 'cin7-tier-2', extra: object = {}) => ({
	resource: 'priceList',
	operation: 'updatePricing',
	priceListSlug: slug,
	sku,
	pricing,
	additionalFields: {},
	...extra,
});

describe('SparkLayer pricing', () => {
	it('sends one PATCH per list per batch, quantity breaks sorted, and gives each item its SKU', async () => {
		const bodies: Record<string, unknown[]> = {};
		for (const slug of ['cin7-tier-2', 'cin7-tier-3']) {
			sl.api()
				.patch(`/api/v1/price-lists/${slug}/pricing`)
				.reply(200, (_u, body) => {
					bodies[slug] = body as unknown[];
					return { updated: (body as unknown[]).length };
				});
		}
		const params = [
			row('TEE-S', 10.4),
			row('TEE-M', '[{"quantity":10,"price":9},{"quantity":1,"price":11}]', 'cin7-tier-2', { additionalFields: { displayTaxRate: 20 } }),
			row('TEE-S', '8.5', 'cin7-tier-3'),
		];
		const { json, out } = await sl.run(params, { items: sl.items(3) });
		expect(bodies['cin7-tier-2']).toEqual([
			{ sku: 'TEE-S', pricing: [{ quantity: 1, price: 10.4 }] },
			{ sku: 'TEE-M', display_tax_rate: 20, pricing: [{ quantity: 1, price: 11 }, { quantity: 10, price: 9 }] },
		]);
		expect(bodies['cin7-tier-3']).toEqual([{ sku: 'TEE-S', pricing: [{ quantity: 1, price: 8.5 }] }]);
		expect(json.map((j) => [j.priceListSlug, j.sku, j.status])).toEqual([
			['cin7-tier-2', 'TEE-S', 'updated'],
			['cin7-tier-2', 'TEE-M', 'updated'],
			['cin7-tier-3', 'TEE-S', 'updated'],
		]);
		expectPaired(out, [0, 1, 2]);
	});

	it('splits by the batch size, and the last item for a list and SKU wins', async () => {
		const sizes: number[] = [];
		sl.api()
			.patch('/api/v1/price-lists/cin7-tier-2/pricing')
			.times(3)
			.reply(200, (_u, body) => {
				sizes.push((body as unknown[]).length);
				return { updated: 1 };
			});
		const params = [
			row('A', 1, 'cin7-tier-2', { additionalFields: { batchSize: 2 } }),
			row('B', 2),
			row('A', 3),
		];
		const { json } = await sl.run(params, { items: sl.items(3) });
		expect(sizes).toEqual([2]);
		expect(json[0]).toMatchObject({ sku: 'A', pricing: [{ quantity: 1, price: 3 }], supersededByItem: 2 });
		expect(json[2]).toMatchObject({ sku: 'A', pricing: [{ quantity: 1, price: 3 }] });
		await sl.run([row('X', 1, 'cin7-tier-2', { additionalFields: { batchSize: 2 } }), row('Y', 1), row('Z', 1)], { items: sl.items(3) });
		expect(sizes).toEqual([2, 2, 1]);
	});

	it('a validation 400 rejects the whole request: the bad row is isolated and every other row is written', async () => {
		const written: string[] = [];
		sl.api()
			.patch('/api/v1/price-lists/cin7-tier-2/pricing')
			.times(5)
			.reply((_u, body) => {
				const rows = body as Array<{ sku: string }>;
				const bad = rows.findIndex((r) => r.sku === 'BAD');
				if (bad >= 0) return [400, [{ line: bad + 1, field: 'sku', message: 'Unknown SKU' }]];
				written.push(...rows.map((r) => r.sku));
				return [200, { updated: rows.length }];
			});
		const params = [row('A', 1), row('BAD', 1), row('C', 1), row('D', 1)];
		const { out } = await sl.run(params, { items: sl.items(4), continueOnFail: true });
		expect(written.sort()).toEqual(['A', 'C', 'D']);
		expect(out[1].json.error).toMatch(/Item 1: SparkLayer rejected the price list row "cin7-tier-2\|BAD": .*Unknown SKU/);
		expect(out.map((o) => o.json.status ?? 'failed')).toEqual(['updated', 'failed', 'updated', 'updated']);
	});

	it('batch update across lists names each row\'s list in one call', async () => {
		let sent: unknown[] = [];
		sl.api()
			.patch('/api/v1/batch-update-pricing')
			.reply(200, (_u, body) => {
				sent = body as unknown[];
				return { updated: 2 };
			});
		const params = [
			{ ...row('A', 5), operation: 'batchUpdatePricing' },
			{ ...row('A', 4, 'acme-ltd'), operation: 'batchUpdatePricing' },
		];
		const { json } = await sl.run(params, { items: sl.items(2) });
		expect(sent).toEqual([
			{ sku: 'A', price_list_slug: 'cin7-tier-2', pricing: [{ quantity: 1, price: 5 }] },
			{ sku: 'A', price_list_slug: 'acme-ltd', pricing: [{ quantity: 1, price: 4 }] },
		]);
		expect(json.map((j) => j.priceListSlug)).toEqual(['cin7-tier-2', 'acme-ltd']);
	});

	it('names the item and field for bad pricing, before anything is sent', async () => {
		await expect(sl.run(row('A', '[{"quantity":0,"price":1}]'))).rejects.toThrow(/Item 0: Pricing entry 1 needs a whole quantity of at least 1/);
		await expect(sl.run(row('A', -2))).rejects.toThrow(/Item 0: Pricing needs a price of 0 or more/);
		await expect(sl.run(row('', 1))).rejects.toThrow(/Item 0: SKU is empty/);
	});

	it('an empty array removes the SKU from the list', async () => {
		sl.api().patch('/api/v1/price-lists/cin7-tier-2/pricing', [{ sku: 'OLD', pricing: [] }]).reply(200, { updated: 1 });
		const { json } = await sl.run(row('OLD', '[]'));
		expect(json[0]).toMatchObject({ sku: 'OLD', pricing: [] });
	});
});
