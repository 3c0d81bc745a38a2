import { expectPaired } from '../helpers/systemFixture';
import { gql, shop } from './fixture';

shop.useTestEnv();

type Body = { query: string; variables: Record<string, unknown> };

const setMany = (ownerId: string, rows: Array<{ key: string; value: unknown; type?: string }>) => ({
	resource: 'metafield',
	operation: 'setMany',
	ownerId,
	namespace: 'sparklayer',
	metafields: { values: rows.map((r) => ({ type: 'single_line_text_field', ...r })) },
});

describe('Shopify B2B tags and metafields', () => {
	it('adds and removes tags, answering with the tags the customer now has', async () => {
		const seen: Body[] = [];
		gql('tagsAdd(', { tagsAdd: { node: { id: 'gid://shopify/Customer/1' }, userErrors: [] } }, seen);
		gql('query Tags', { customer: { id: 'gid://shopify/Customer/1', tags: ['newsletter', 'b2b'] } });
		gql('tagsRemove(', { tagsRemove: { node: { id: 'gid://shopify/Customer/1' }, userErrors: [] } }, seen);
		gql('query Tags', { customer: { id: 'gid://shopify/Customer/1', tags: ['newsletter'] } });
		const added = await shop.run({ resource: 'tag', operation: 'add', customerId: '1', tags: 'b2b' });
		const removed = await shop.run({ resource: 'tag', operation: 'remove', customerId: 'gid://shopify/Customer/1', tags: ['b2b'] });
		expect(seen.map((s) => s.variables)).toEqual([
			{ id: 'gid://shopify/Customer/1', tags: ['b2b'] },
			{ id: 'gid://shopify/Customer/1', tags: ['b2b'] },
		]);
		expect(added.json[0].tags).toEqual(['newsletter', 'b2b']);
		expect(removed.json[0].tags).toEqual(['newsletter']);
	});

	it('packs whole owners into calls of at most 25 metafields and gives each item its own', async () => {
		const sizes: number[] = [];
		shop
			.api()
			.post('/admin/api/2026-01/graphql.json')
			.times(2)
			.reply(200, (_u, body) => {
				const list = (body as Body).variables.metafields as Array<Record<string, unknown>>;
				sizes.push(list.length);
				return { data: { metafieldsSet: { metafields: list.map((m, n) => ({ id: `m${n}`, ...m })), userErrors: [] } } };
			});
		const owners = Array.from({ length: 13 }, (_, n) =>
			setMany(String(n + 1), [
				{ key: 'price_lists', value: `acme-${n}` },
				{ key: 'discount_percentage', value: 12.5, type: 'number_decimal' },
				{ key: 'on_hold', value: '' },
			]),
		);
		const { json, out } = await shop.run(owners, { items: shop.items(13) });
		// 2 metafields each (the empty one is skipped): 12 owners fit in 25, the 13th goes next.
		expect(sizes).toEqual([24, 2]);
		expect(json[3]).toEqual({
			ownerId: 'gid://shopify/Customer/4',
			metafields: [
				{ id: 'm6', ownerId: 'gid://shopify/Customer/4', namespace: 'sparklayer', key: 'price_lists', type: 'single_line_text_field', value: 'acme-3' },
				{ id: 'm7', ownerId: 'gid://shopify/Customer/4', namespace: 'sparklayer', key: 'discount_percentage', type: 'number_decimal', value: '12.5' },
			],
		});
		expectPaired(out, Array.from({ length: 13 }, (_, n) => n));
	});

	it('a rejected metafield fails only its owner; the others are sent again (the call is atomic)', async () => {
		const calls: number[] = [];
		shop
			.api()
			.post('/admin/api/2026-01/graphql.json')
			.times(2)
			.reply(200, (_u, body) => {
				const list = (body as Body).variables.metafields as Array<Record<string, unknown>>;
				calls.push(list.length);
				const bad = list.findIndex((m) => m.value === 'not-a-number');
				if (bad >= 0) {
					return { data: { metafieldsSet: { metafields: [], userErrors: [{ field: ['metafields', String(bad), 'value'], message: 'Value must be a decimal', code: 'INVALID_VALUE', elementIndex: bad }] } } };
				}
				return { data: { metafieldsSet: { metafields: list.map((m) => ({ id: 'x', ...m })), userErrors: [] } } };
			});
		const params = [
			setMany('1', [{ key: 'price_lists', value: 'a' }]),
			setMany('2', [{ key: 'discount_percentage', value: 'not-a-number', type: 'number_decimal' }]),
			setMany('3', [{ key: 'price_lists', value: 'c' }]),
		];
		const { out } = await shop.run(params, { items: shop.items(3), continueOnFail: true });
		expect(calls).toEqual([3, 2]);
		expect(out[1].json.error).toMatch(/Item 1: Shopify rejected the metafields of owner "gid:\/\/shopify\/Customer\/2": discount_percentage: Value must be a decimal/);
		expect(out[0].json.metafields).toHaveLength(1);
		expect(out[2].json.metafields).toHaveLength(1);
	});

	it('names the item and field for a bad key or too many metafields', async () => {
		await expect(shop.run(setMany('1', [{ key: 'x', value: '1' }]))).rejects.toThrow(/Item 0: Metafields → Key is not a metafield key/);
		const many = Array.from({ length: 26 }, (_, n) => ({ key: `k${n}x`, value: 'v' }));
		await expect(shop.run(setMany('1', many))).rejects.toThrow(/Item 0: Metafields has 26 metafields; Shopify sets at most 25 per call/);
		await expect(shop.run(setMany('abc', [{ key: 'kk', value: 'v' }]))).rejects.toThrow(/Item 0: Owner ID is not a Shopify customer ID/);
	});
});
