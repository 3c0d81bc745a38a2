import type { IDataObject } from 'n8n-workflow';

import { gql, shop } from './fixture';

const env = shop.useTestEnv();

type Body = { query: string; variables: Record<string, unknown> };

const money = (amount: string) => ({ shopMoney: { amount, currencyCode: 'AUD' } });
const line = (n: number, sku: string, price = '10.00', discounted = price) => ({
	id: `gid://shopify/LineItem/${n}`,
	sku,
	name: `Item ${sku}`,
	quantity: n,
	originalUnitPriceSet: money(price),
	discountedUnitPriceSet: money(discounted),
});
const orderNode = (n: number, createdAt: string, lines: object[] = [line(1, 'A')], more = false) => ({
	id: `gid://shopify/Order/${n}`,
	legacyResourceId: String(n),
	name: `#${1000 + n}`,
	email: 'ann@acme.test',
	createdAt,
	updatedAt: createdAt,
	cancelledAt: null,
	note: null,
	tags: [],
	currencyCode: 'AUD',
	displayFinancialStatus: 'PENDING',
	poNumber: null,
	customer: { id: 'gid://shopify/Customer/1', email: 'ann@acme.test', firstName: 'Ann', lastName: 'Lee', tags: ['b2b'] },
	shippingAddress: { address1: '5 Trade St', city: 'Melbourne', provinceCode: 'VIC', zip: '3000', countryCodeV2: 'AU' },
	lineItems: { nodes: lines, pageInfo: { hasNextPage: more, endCursor: more ? 'L1' : null } },
});

describe('Shopify B2B order', () => {
	it('gets orders created since a time, oldest first, 7 a page within the query cost limit, with every line', async () => {
		const seen: Body[] = [];
		gql('query Orders', { orders: { nodes: [orderNode(1, '2026-01-02T00:00:00Z', [line(1, 'A', '20.00', '17.00')], true)], pageInfo: { hasNextPage: true, endCursor: 'c1' } } }, seen);
		gql('query OrderLines', { order: { lineItems: { nodes: [line(2, 'B')], pageInfo: { hasNextPage: false } } } }, seen);
		gql('query Orders', { orders: { nodes: [orderNode(2, '2026-01-03T00:00:00Z')], pageInfo: { hasNextPage: false } } }, seen);
		const { json } = await shop.run({ resource: 'order', operation: 'getAll', returnAll: true, sinceField: 'created', since: '2026-01-01T00:00:00Z', query: 'tag:b2b' });
		expect(seen[0].query).toContain('sortKey: CREATED_AT');
		expect(seen[0].variables).toEqual({ first: 7, after: null, q: "created_at:>='2026-01-01T00:00:00.000Z' AND tag:b2b" });
		// the order pages first, then the lines beyond the first 30 of the order that has more
		expect(seen[1].variables.after).toBe('c1');
		expect(seen[2].variables).toEqual({ id: 'gid://shopify/Order/1', first: 200, after: 'L1' });
		expect(json.map((o) => o.name)).toEqual(['#1001', '#1002']);
		expect(json[0]).toMatchObject({
			customer: { email: 'ann@acme.test', tags: ['b2b'] },
			shippingAddress: { address1: '5 Trade St', countryCode: 'AU' },
			lineItems: [
				{ sku: 'A', quantity: 1, originalUnitPrice: 20, discountedUnitPrice: 17 },
				{ sku: 'B', quantity: 2, originalUnitPrice: 10, discountedUnitPrice: 10 },
			],
		});
		expect(json[0].lineItems).toHaveLength(2);
	});

	it('reads by update time when asked, and only up to the limit', async () => {
		const seen: Body[] = [];
		gql('query Orders', { orders: { nodes: [orderNode(5, '2026-01-02T00:00:00Z')], pageInfo: { hasNextPage: true, endCursor: 'c1' } } }, seen);
		const { json } = await shop.run({ resource: 'order', operation: 'getAll', returnAll: false, limit: 1, sinceField: 'updated', since: '', query: '' });
		expect(seen[0].query).toContain('sortKey: UPDATED_AT');
		expect(seen[0].variables).toEqual({ first: 1, after: null, q: null });
		expect(json).toHaveLength(1);
	});
});

describe('Shopify B2B Trigger: Order Created', () => {
	const params = (extra: IDataObject = {}) => ({ event: 'orderCreated', query: '', startDate: '', overlapMinutes: 5, maxPerPoll: 10, ...extra });

	it('emits each new order once, by creation time, with the cursor shared with the customer event pattern', async () => {
		const staticData: IDataObject = {};
		expect((await shop.poll(params(), { staticData })).out).toBeNull();
		env.clock().advance(3_600_000);
		const seen: Body[] = [];
		gql('query Created', { orders: { nodes: [orderNode(2, '2026-01-01T00:20:00Z'), orderNode(1, '2026-01-01T00:10:00Z')], pageInfo: { hasNextPage: false } } }, seen);
		const first = await shop.poll(params(), { staticData });
		expect(seen[0].query).toContain('sortKey: ID');
		expect(seen[0].variables).toEqual({ first: 7, after: null, q: "created_at:>='2025-12-31T23:55:00.000Z'" });
		expect(first.json?.map((o) => o.name)).toEqual(['#1001', '#1002']);
		// a retried poll (the same orders again, one edited since) emits nothing twice
		gql('query Created', { orders: { nodes: [{ ...orderNode(2, '2026-01-01T00:20:00Z'), updatedAt: '2026-01-01T00:50:00Z' }, orderNode(1, '2026-01-01T00:10:00Z')], pageInfo: { hasNextPage: false } } });
		expect((await shop.poll(params(), { staticData })).out).toBeNull();
	});

	it('returns the latest orders in manual mode', async () => {
		const seen: Body[] = [];
		gql('query RecentOrders', { orders: { nodes: [orderNode(9, '2025-12-30T00:00:00Z')] } }, seen);
		const out = await shop.poll(params({ query: 'financial_status:paid' }), { staticData: {}, mode: 'manual' });
		expect(out.json?.map((o) => o.id)).toEqual(['gid://shopify/Order/9']);
		expect(seen[0].variables).toEqual({ first: 5, q: 'financial_status:paid' });
	});
});
