import nock from 'nock';

import { router } from '../../../nodes/Dotdigital/actions/router';
import { dd, expectPaired, HOST, itemsOf, useDotdigitalTestEnv } from './setup';

useDotdigitalTestEnv();

describe('Dotdigital list', () => {
	it('gets many lists with a limit, asking only for that many', async () => {
		nock(HOST)
			.get('/v2/address-books')
			.query({ select: 2, skip: 0 })
			.reply(200, [{ id: 1, name: 'A' }, { id: 2, name: 'B' }]);
		const out = await router.call(dd({ resource: 'list', operation: 'getAll', returnAll: false, limit: 2 }).ctx);
		expect(out[0].map((o) => o.json.id)).toEqual([1, 2]);
		expectPaired(out, [0, 0]);
	});

	it('gets all lists across pages', async () => {
		nock(HOST).get('/v2/address-books').query({ select: 1000, skip: 0 }).reply(200, Array.from({ length: 1000 }, (_, i) => ({ id: i })));
		nock(HOST).get('/v2/address-books').query({ select: 1000, skip: 1000 }).reply(200, []);
		const out = await router.call(dd({ resource: 'list', operation: 'getAll', returnAll: true }).ctx);
		expect(out[0]).toHaveLength(1000);
	});

	it('gets or creates by name, idempotently within and across runs', async () => {
		nock(HOST).get('/v2/address-books').query(true).reply(200, [{ id: 1, name: 'Cin7 customers' }]);
		let creates = 0;
		nock(HOST)
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
		const out = await router.call(dd(params, { items: itemsOf(3) }).ctx);
		expect(creates).toBe(1);
		expect(out[0].map((o) => [o.json.id, o.json.created])).toEqual([
			[1, false],
			[2, true],
			[2, false],
		]);
		expectPaired(out, [0, 1, 2]);

		// A second run finds the list created by the first.
		nock(HOST).get('/v2/address-books').query(true).reply(200, [{ id: 1, name: 'Cin7 customers' }, { id: 2, name: 'Cin7 subscribers' }]);
		const again = await router.call(dd(params[1]).ctx);
		expect(again[0][0].json).toMatchObject({ id: 2, created: false });
	});

	it('names the item when the list name is empty', async () => {
		await expect(
			router.call(dd({ resource: 'list', operation: 'getOrCreate', name: '  ' }).ctx),
		).rejects.toThrow(/Item 0: List Name is empty/);
	});
});
