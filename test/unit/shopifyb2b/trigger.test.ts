import type { IDataObject } from 'n8n-workflow';

import { customerNode, gql, shop } from './fixture';

const env = shop.useTestEnv();

type Body = { query: string; variables: Record<string, unknown> };
const params = (extra: IDataObject = {}) => ({ event: 'customerUpdated', query: 'tag:b2b', startDate: '', overlapMinutes: 5, maxPerPoll: 2, ...extra });
const at = (n: number, updatedAt: string) => customerNode({ id: `gid://shopify/Customer/${n}`, email: `c${n}@acme.test`, updatedAt });

describe('Shopify B2B Trigger', () => {
	it('seeds the cursor without calling Shopify, then emits changed customers once, oldest first, capped per poll', async () => {
		const staticData: IDataObject = {};
		expect(await shop.poll(params(), { staticData }).then((r) => r.out)).toBeNull();
		env.clock().advance(3_600_000);
		const seen: Body[] = [];
		gql(
			'query Changed',
			{
				customers: {
					nodes: [at(3, '2026-01-01T00:30:00Z'), at(1, '2026-01-01T00:10:00Z'), at(2, '2026-01-01T00:20:00Z')],
					pageInfo: { hasNextPage: false },
				},
			},
			seen,
		);
		const first = await shop.poll(params(), { staticData });
		expect(seen[0].variables).toEqual({ first: 50, after: null, q: "updated_at:>='2025-12-31T23:55:00.000Z' AND tag:b2b" });
		expect(first.json?.map((c) => c.email)).toEqual(['c1@acme.test', 'c2@acme.test']);

		// The backlog follows; what was emitted is not emitted again.
		gql('query Changed', { customers: { nodes: [at(3, '2026-01-01T00:30:00Z'), at(2, '2026-01-01T00:20:00Z')], pageInfo: { hasNextPage: false } } });
		const second = await shop.poll(params(), { staticData });
		expect(second.json?.map((c) => c.email)).toEqual(['c3@acme.test']);
		gql('query Changed', { customers: { nodes: [at(3, '2026-01-01T00:30:00Z')], pageInfo: { hasNextPage: false } } });
		expect((await shop.poll(params(), { staticData })).out).toBeNull();
	});

	it('walks every page with the cursor Shopify gives', async () => {
		const staticData: IDataObject = {};
		const seen: Body[] = [];
		gql('query Changed', { customers: { nodes: [at(1, '2025-12-02T00:00:00Z')], pageInfo: { hasNextPage: true, endCursor: 'p2' } } }, seen);
		gql('query Changed', { customers: { nodes: [at(2, '2025-12-03T00:00:00Z')], pageInfo: { hasNextPage: false } } }, seen);
		const out = await shop.poll(params({ startDate: '2025-12-01T00:00:00Z', maxPerPoll: 10 }), { staticData });
		expect(out.json?.map((c) => c.email)).toEqual(['c1@acme.test', 'c2@acme.test']);
		expect(seen[1].variables.after).toBe('p2');
	});

	it('returns the most recently updated customers in manual mode and leaves the cursor alone', async () => {
		const staticData: IDataObject = { cursorState: { configKey: 'customerUpdated|tag:b2b|', cursor: '2025-06-01T00:00:00.000Z', seen: {} } };
		const seen: Body[] = [];
		gql('query Recent', { customers: { nodes: [at(9, '2025-12-30T00:00:00Z')] } }, seen);
		const out = await shop.poll(params(), { staticData, mode: 'manual' });
		expect(out.json?.map((c) => c.id)).toEqual(['gid://shopify/Customer/9']);
		expect(seen[0].variables).toEqual({ first: 5, q: 'tag:b2b' });
		expect((staticData.cursorState as IDataObject).cursor).toBe('2025-06-01T00:00:00.000Z');
	});
});
