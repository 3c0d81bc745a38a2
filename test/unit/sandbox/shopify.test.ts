// Shopify Admin GraphQL emulation (sandbox/shopify.js + shopify-graphql.js) against the documented
// behaviour: tokens and scopes, cost accounting and THROTTLED answers, validation before execution,
// customers, tags merged by tagsAdd / replaced by customerUpdate, customerSet's authoritative
// addresses, metafieldsSet ≤ 25 and atomic, classic account invites.
import { call, start, type Started } from './helpers';

const registry = require('../../../sandbox/systems');
/** The registry's sandbox login (sandbox/systems.js). */
const TOKEN: string = registry.BY_KEY.shopify.login.adminAccessToken;

describe('sandbox: Shopify', () => {
	let sb: Started;
	let url: string;
	const gql = async (query: string, variables?: unknown, token = TOKEN, version = '2026-01') =>
		call(`${sb.url}/shopify/sandbox-b2b/admin/api/${version}/graphql.json`, { method: 'POST', headers: { 'X-Shopify-Access-Token': token, 'Content-Type': 'application/json' }, body: { query, variables } });
	beforeAll(async () => {
		sb = await start();
		url = `${sb.url}/shopify/sandbox-b2b`;
	});
	afterAll(() => sb.close());

	it('refuses a wrong token with 401, tells a missing scope with ACCESS_DENIED, and issues 24 h client-credentials tokens', async () => {
		expect((await gql('{ shop { name } }', undefined, 'shpat_wrong')).status).toBe(401);
		const noScope = await gql('{ customers(first: 1) { nodes { id } } }', undefined, registry.BY_KEY.shopify.noScopeToken);
		expect(noScope.status).toBe(200);
		expect(noScope.body.errors[0].extensions.code).toBe('ACCESS_DENIED');
		expect(noScope.body.errors[0].message).toMatch(/read_customers/);
		const bad = await call(`${url}/admin/oauth/access_token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: { grant_type: 'client_credentials', client_id: 'sandbox-shopify-client', client_secret: 'nope' } });
		expect(bad.status).toBe(401);
		const t = await call(`${url}/admin/oauth/access_token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&client_id=sandbox-shopify-client&client_secret=sandbox-shopify-secret-5e2c8a' });
		expect(t.body).toEqual({ access_token: expect.stringMatching(/^shpca_/), scope: 'read_customers,write_customers,read_products,read_orders', expires_in: 86399 });
		expect((await gql('{ shop { currencyCode } }', undefined, t.body.access_token)).body.data.shop.currencyCode).toBe('AUD');
	});

	it('validates the whole document before running it and reports the cost', async () => {
		const r = await gql('mutation { tagsAdd(id: "gid://shopify/Customer/7001", tags: ["x"]) { node { id } nope } }');
		expect(r.body.errors[0].message).toBe("Field 'nope' doesn't exist on type 'TagsAddPayload'");
		expect(r.body.data).toBeUndefined();
		const s = (await call(`${sb.url}/_sandbox/state?system=shopify`)).body;
		expect(s.customers[0].tags).not.toContain('x');
		const q = await gql('query($q: String) { customers(first: 5, query: $q) { edges { cursor node { id email } } pageInfo { hasNextPage } } }', { q: 'tag:vip-event' });
		expect(q.body.extensions.cost.requestedQueryCost).toBe(2 + 5 * 1);
		expect(q.body.extensions.cost.actualQueryCost).toBe(2 + q.body.data.customers.edges.length);
		expect(q.body.extensions.cost.throttleStatus).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
		expect(q.body.data.customers.edges.every((e: any) => e.node.email)).toBe(true);
	});

	it('answers THROTTLED (HTTP 200, no data) when the bucket cannot pay for a query, and MAX_COST_EXCEEDED above 1,000', async () => {
		const s2 = await start({ timeScale: 1 });
		try {
			const q = '{ customers(first: 150) { nodes { id addressesV2(first: 3) { nodes { id } } } } }';
			const ask = () => call(`${s2.url}/shopify/sandbox-b2b/admin/api/2026-01/graphql.json`, { method: 'POST', headers: { 'X-Shopify-Access-Token': TOKEN, 'Content-Type': 'application/json' }, body: { query: q } });
			const answers = [];
			for (let i = 0; i < 4; i++) answers.push(await ask());
			const throttled = answers.find((a) => a.body.errors?.[0]?.extensions?.code === 'THROTTLED');
			expect(throttled).toBeDefined();
			expect(throttled!.status).toBe(200);
			expect(throttled!.body.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThan(throttled!.body.extensions.cost.requestedQueryCost);
			const huge = await call(`${s2.url}/shopify/sandbox-b2b/admin/api/2026-01/graphql.json`, { method: 'POST', headers: { 'X-Shopify-Access-Token': TOKEN, 'Content-Type': 'application/json' }, body: { query: '{ customers(first: 250) { nodes { metafields(first: 250) { nodes { id owner { id } } } } } }' } });
			expect(huge.body.errors[0].extensions.code).toBe('MAX_COST_EXCEEDED');
		} finally {
			await s2.close();
		}
	});

	it('creates customers (email and phone unique, phone E.164), merges tags with tagsAdd, replaces them with customerUpdate', async () => {
		const create = 'mutation($i: CustomerInput!) { customerCreate(input: $i) { customer { id phone tags } userErrors { field message code } } }';
		const made = await gql(create, { i: { email: 'new@b2b.test', phone: '+61 2 9000 1111', tags: ['b2b'] } });
		expect(made.body.data.customerCreate.customer).toMatchObject({ phone: '+61290001111', tags: ['b2b'] });
		const id = made.body.data.customerCreate.customer.id;
		expect((await gql(create, { i: { email: 'new@b2b.test' } })).body.data.customerCreate.userErrors[0]).toMatchObject({ field: ['email'], code: 'TAKEN' });
		expect((await gql(create, { i: { email: 'other@b2b.test', phone: '02 9000 1111' } })).body.data.customerCreate.userErrors[0].message).toBe('Phone is invalid');
		const add = await gql('mutation { tagsAdd(id: "' + id + '", tags: ["b2b-vip", "B2B"]) { node { ... on Customer { tags } } userErrors { message } } }');
		expect(add.body.data.tagsAdd.node.tags).toEqual(['b2b', 'b2b-vip']);
		const upd = await gql('mutation { customerUpdate(input: { id: "' + id + '", tags: ["only"] }) { customer { tags } userErrors { message } } }');
		expect(upd.body.data.customerUpdate.customer.tags).toEqual(['only']);
	});

	it('customerSet upserts by email and treats addresses as authoritative', async () => {
		const set = 'mutation($id: CustomerSetIdentifiers, $i: CustomerSetInput!) { customerSet(identifier: $id, input: $i) { customer { id addresses { id address1 } defaultAddress { address1 } } userErrors { field message } } }';
		const a1 = { address1: '1 First St', city: 'Sydney', countryCode: 'AU', provinceCode: 'NSW', zip: '2000' };
		const a2 = { address1: '2 Second St', city: 'Sydney', countryCode: 'AU', provinceCode: 'NSW', zip: '2000' };
		const first = await gql(set, { id: { email: 'set@b2b.test' }, i: { email: 'set@b2b.test', addresses: [a1, a2] } });
		const c = first.body.data.customerSet.customer;
		expect(c.addresses.map((x: any) => x.address1)).toEqual(['1 First St', '2 Second St']);
		const again = await gql(set, { id: { email: 'set@b2b.test' }, i: { addresses: [a2] } });
		expect(again.body.data.customerSet.customer.id).toBe(c.id);
		expect(again.body.data.customerSet.customer.addresses).toEqual([c.addresses[1]]);
		expect((await gql(set, { id: { email: 'x@b2b.test' }, i: {} }, TOKEN, '2025-01')).body.errors[0].message).toMatch(/customerSet/);
	});

	it('adds an address as default without touching the others and refuses an equal one', async () => {
		const id = 'gid://shopify/Customer/7001';
		const create = `mutation($a: MailingAddressInput!) { customerAddressCreate(customerId: "${id}", address: $a, setAsDefault: true) { address { id } userErrors { message code } } }`;
		const a = { address1: '9 Default Rd', city: 'Perth', countryCode: 'AU', provinceCode: 'WA', zip: '6000' };
		expect((await gql(create, { a })).body.data.customerAddressCreate.userErrors).toEqual([]);
		expect((await gql(create, { a })).body.data.customerAddressCreate.userErrors[0].code).toBe('TAKEN');
		const c = (await gql(`{ customer(id: "${id}") { addresses { address1 } defaultAddress { address1 } } }`)).body.data.customer;
		expect(c.addresses.map((x: any) => x.address1)).toEqual(['10 Own Warehouse Road', '9 Default Rd']);
		expect(c.defaultAddress.address1).toBe('9 Default Rd');
	});

	it('sets at most 25 metafields a call, atomically, with per-element errors', async () => {
		const m = (i: number) => ({ ownerId: 'gid://shopify/Customer/7002', namespace: 'sparklayer', key: `k${i}x`, type: 'single_line_text_field', value: `v${i}` });
		const q = 'mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { key value } userErrors { field message code elementIndex } } }';
		const tooMany = await gql(q, { m: Array.from({ length: 26 }, (_, i) => m(i)) });
		expect(tooMany.body.errors[0].extensions.code).toBe('MAX_INPUT_SIZE_EXCEEDED');
		const bad = await gql(q, { m: [m(1), { ...m(2), key: 'discount_percentage', type: 'number_decimal', value: 'twelve' }, { ...m(3), ownerId: 'gid://shopify/Customer/1' }] });
		expect(bad.body.data.metafieldsSet.metafields).toBeNull();
		expect(bad.body.data.metafieldsSet.userErrors.map((e: any) => [e.elementIndex, e.code])).toEqual([[1, 'INVALID_VALUE'], [2, 'INVALID']]);
		const ok = await gql(q, { m: Array.from({ length: 25 }, (_, i) => m(i)) });
		expect(ok.body.data.metafieldsSet.metafields).toHaveLength(25);
		const s = (await call(`${sb.url}/_sandbox/state?system=shopify`)).body;
		expect(s.customers.find((c: any) => c.id === 'gid://shopify/Customer/7002').metafields.filter((x: any) => x.namespace === 'sparklayer')).toHaveLength(25);
	});

	it('sends classic account invites, not to enabled accounts, not with new customer accounts', async () => {
		const q = (id: string) => `mutation { customerSendAccountInviteEmail(customerId: "${id}") { customer { state } userErrors { message code } } }`;
		expect((await gql(q('gid://shopify/Customer/7003'))).body.data.customerSendAccountInviteEmail.customer.state).toBe('INVITED');
		expect((await gql(q('gid://shopify/Customer/7002'))).body.data.customerSendAccountInviteEmail.userErrors[0].code).toBe('ACCOUNT_ALREADY_ENABLED');
		await call(`${sb.url}/_sandbox/mutate`, { method: 'POST', body: { system: 'shopify', entity: 'shop', patch: { customerAccounts: 'NEW' } } });
		expect((await gql(q('gid://shopify/Customer/7005'))).body.data.customerSendAccountInviteEmail.userErrors[0].message).toMatch(/classic/);
		const s = (await call(`${sb.url}/_sandbox/state?system=shopify`)).body;
		expect(s.invites.map((i: any) => i.customerId)).toEqual(['gid://shopify/Customer/7003']);
	});

	it('serves B2B orders by creation time in cost-limited pages, with their customer and B2B line prices', async () => {
		const q = `query O($first: Int!, $after: String, $q: String) { orders(first: $first, after: $after, query: $q, sortKey: CREATED_AT) {
			nodes { id name email createdAt customer { email tags } lineItems(first: 30) { nodes { sku quantity originalUnitPriceSet { shopMoney { amount currencyCode } } discountedUnitPriceSet { shopMoney { amount } } } } }
			pageInfo { hasNextPage endCursor } } }`;
		const state = (await call(`${sb.url}/_sandbox/state?system=shopify`)).body;
		const seeded = state.orders as { id: string; name: string; createdAt: string; email: string; lineItems: { sku: string; discountedUnitPrice: string }[] }[];
		expect(seeded.length).toBeGreaterThanOrEqual(5);
		expect(seeded.some((o) => o.lineItems.some((l) => l.sku === 'SL-NOT-IN-CIN7'))).toBe(true);
		const first = await gql(q, { first: 3, q: null });
		expect(first.body.data.orders.nodes.map((o: { name: string }) => o.name)).toEqual(seeded.slice(0, 3).map((o) => o.name));
		expect(first.body.extensions.cost.requestedQueryCost).toBe(2 + 3 * (1 + 2 + 30 * 4)); // customer 1, lineItems 2 + 30 × two MoneyBags of 2
		const rest = await gql(q, { first: 50, after: first.body.data.orders.pageInfo.endCursor, q: null });
		expect(rest.body.errors[0].extensions.code).toBe('MAX_COST_EXCEEDED');
		const page2 = await gql(q, { first: 6, after: first.body.data.orders.pageInfo.endCursor, q: null });
		expect(page2.body.data.orders.nodes[0].name).toBe(seeded[3].name);
		const line = first.body.data.orders.nodes[0].lineItems.nodes[0];
		expect(line.discountedUnitPriceSet.shopMoney.amount).toBe(seeded[0].lineItems[0].discountedUnitPrice);
		expect(first.body.data.orders.nodes[0].customer.email).toBe(seeded[0].email);
		// created_at search, strictly after
		const after = await gql(q, { first: 6, q: `created_at:>'${seeded[seeded.length - 2].createdAt}'` });
		expect(after.body.data.orders.nodes.map((o: { name: string }) => o.name)).toEqual([seeded[seeded.length - 1].name]);
		// read_orders is a scope of its own
		const denied = await gql('{ orders(first: 1) { nodes { id } } }', undefined, registry.BY_KEY.shopify.noScopeToken);
		expect(denied.body.errors[0].extensions.code).toBe('ACCESS_DENIED');
		// a new order placed now (control endpoint)
		const placed = await call(`${sb.url}/_sandbox/mutate`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: { system: 'shopify', action: 'createOrder', email: seeded[0].email, lines: [{ sku: 'X-1', quantity: 2, price: 5 }] } });
		expect(placed.body).toMatchObject({ email: seeded[0].email, lineItems: [{ sku: 'X-1', quantity: 2, discountedUnitPrice: '5.00' }] });
	});
});
