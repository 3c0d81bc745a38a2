import { expectPaired } from '../helpers/systemFixture';
import { dd } from './fixture';

dd.useTestEnv();

describe('Dotdigital list', () => {
	it('gets many lists with a limit, asking only for that many', async () => {
		dd.api()
			.get('/v2/address-books')
			.query({ select: 2, skip: 0 })
			.reply(200, [{ id: 1, name: 'A' }, { id: 2, name: 'B' }]);
		const { out } = await dd.run({ resource: 'list', operation: 'getAll', returnAll: false, limit: 2 });
		expect(out.map((o) => o.json.id)).toEqual([1, 2]);
		expectPaired(out, [0, 0]);
	});

	it('gets all lists across pages', async () => {
		dd.api().get('/v2/address-books').query({ select: 1000, skip: 0 }).reply(200, Array.from({ length: 1000 }, (_, i) => ({ id: i })));
		dd.api().get('/v2/address-books').query({ select: 1000, skip: 1000 }).reply(200, []);
		const { out } = await dd.run({ resource: 'list', operation: 'getAll', returnAll: true });
		expect(out).toHaveLength(1000);
	});

	it('gets or creates by name, idempotently within and across runs', async () => {
		dd.api().get('/v2/address-books').query(true).reply(200, [{ id: 1, name: 'Cin7 customers' }]);
		let creates = 0;
		dd.api()
			.post('/v2/address-books', { name: 'Cin7 subscribers', visibility: 'Private' })
			.reply(200, () => {
				creates++;
				return { id: 2, name: 'Cin7 subscribers', visibility: 'Private' };
			});
		const params = [
			{ resource: 'list', operation: 'getOrCreate', name: ' cin7 CUSTOMERS ', visibility: 'Private' },
			{ resource: 'list', operation: 'getOrCreate', name: 'Cin7 subscribers', visibility: 'Private' },
			{ resource: 'list', operation: 'getOrCreate', name: 'Cin7 subscribers', visibility: 'Private' },
		];
		const { out } = await dd.run(params, { items: dd.items(3) });
		expect(creates).toBe(1);
		expect(out.map((o) => [o.json.id, o.json.created])).toEqual([
			[1, false],
			[2, true],
			[2, false],
		]);
		expectPaired(out, [0, 1, 2]);

		// A second run finds the list created by the first.
		dd.api().get('/v2/address-books').query(true).reply(200, [{ id: 1, name: 'Cin7 customers' }, { id: 2, name: 'Cin7 subscribers' }]);
		const { out: again } = await dd.run(params[1]);
		expect(again[0].json).toMatchObject({ id: 2, created: false });
	});

	it('names the item when the list name is empty', async () => {
		await expect(
			dd.run({ resource: 'list', operation: 'getOrCreate', name: '  ' }),
		).rejects.toThrow(/Item 0: List Name is empty/);
	});
});
