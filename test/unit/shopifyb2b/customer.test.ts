import { expectPaired } from '../helpers/systemFixture';
import { customerNode, gql, shop } from './fixture';

shop.useTestEnv();

type Body = { query: string; variables: Record<string, unknown> };

const address = { address1: '5 Trade St', city: 'Melbourne', provinceCode: 'VIC', zip: '3000', countryCode: 'au', company: 'Acme Pty' };
const upsert = (over: Record<string, unknown> = {}) => ({
	resource: 'customer',
	operation: 'upsert',
	email: 'Ann@Acme.test',
	updateFields: { firstName: 'Ann', lastName: 'Lee-Smith', taxExempt: true },
	tagsToAdd: 'b2b, b2b-trade',
	tagsToRemove: 'b2b-vip',
	address: { values: address },
	sendInvite: true,
	...over,
});

describe('Shopify B2B customer', () => {
	it('creates a missing customer with tags and the default address, then sends the invite', async () => {
		const seen: Body[] = [];
		gql('query FindCustomer', { customers: { nodes: [customerNode({ email: 'annie@acme.test' })] } }, seen);
		gql('mutation Create', { customerCreate: { customer: { id: 'gid://shopify/Customer/5' }, userErrors: [] } }, seen);
		gql('mutation Invite', { customerSendAccountInviteEmail: { customer: { id: 'gid://shopify/Customer/5' }, userErrors: [] } }, seen);
		gql('query CustomerById', { customer: customerNode({ id: 'gid://shopify/Customer/5', tags: ['b2b', 'b2b-trade'] }) }, seen);
		const { json } = await shop.run(upsert());
		expect(seen[0].variables).toEqual({ q: 'email:"ann@acme.test"' });
		expect(seen[1].variables.input).toEqual({
			email: 'ann@acme.test',
			firstName: 'Ann',
			lastName: 'Lee-Smith',
			taxExempt: true,
			tags: ['b2b', 'b2b-trade'],
			addresses: [{ ...address, countryCode: 'AU' }],
		});
		expect(json[0]).toMatchObject({ id: 'gid://shopify/Customer/5', created: true, invited: true, changed: [] });
	});

	it('updates an existing customer by merging: changed fields only, missing tags added, revoked tags removed, address added as default', async () => {
		const seen: Body[] = [];
		gql('query FindCustomer', { customers: { nodes: [customerNode({ tags: ['newsletter', 'b2b', 'b2b-vip'] })] } }, seen);
		gql('mutation Update', { customerUpdate: { customer: { id: 'gid://shopify/Customer/1' }, userErrors: [] } }, seen);
		gql('mutation TagsAdd', { tagsAdd: { node: { id: 'gid://shopify/Customer/1' }, userErrors: [] } }, seen);
		gql('mutation TagsRemove', { tagsRemove: { node: { id: 'gid://shopify/Customer/1' }, userErrors: [] } }, seen);
		gql('mutation AddressCreate', { customerAddressCreate: { address: { id: 'gid://shopify/MailingAddress/10' }, userErrors: [] } }, seen);
		gql('query CustomerById', { customer: customerNode({ tags: ['newsletter', 'b2b', 'b2b-trade'] }) }, seen);
		const { json } = await shop.run(upsert());
		expect(seen.map((s) => s.query.split('(')[0].trim())).toEqual([
			'query FindCustomer',
			'mutation Update',
			'mutation TagsAdd',
			'mutation TagsRemove',
			'mutation AddressCreate',
			'query CustomerById',
		]);
		expect(seen[1].variables.input).toEqual({ id: 'gid://shopify/Customer/1', lastName: 'Lee-Smith', taxExempt: true });
		expect(seen[2].variables.tags).toEqual(['b2b-trade']);
		expect(seen[3].variables.tags).toEqual(['b2b-vip']);
		expect(json[0]).toMatchObject({ created: false, invited: false, changed: ['fields', 'tagsAdded', 'tagsRemoved', 'address'] });
		expect(json[0].tags).toEqual(['newsletter', 'b2b', 'b2b-trade']);
	});

	it('a re-run with nothing different writes nothing', async () => {
		const same = customerNode({
			lastName: 'Lee-Smith',
			taxExempt: true,
			tags: ['newsletter', 'b2b', 'b2b-trade'],
			defaultAddress: { id: 'gid://shopify/MailingAddress/10', ...address, countryCodeV2: 'AU' },
			addressesV2: { nodes: [{ id: 'gid://shopify/MailingAddress/9', address1: '1 Own Rd' }, { id: 'gid://shopify/MailingAddress/10', ...address, countryCodeV2: 'AU' }] },
		});
		gql('query FindCustomer', { customers: { nodes: [same] } });
		const { json } = await shop.run(upsert());
		expect(json[0]).toMatchObject({ created: false, changed: [] });
		expect(json[0].addresses).toHaveLength(2);
	});

	it('an equal address that is not the default becomes the default without a new address', async () => {
		const seen: Body[] = [];
		gql('query FindCustomer', {
			customers: {
				nodes: [
					customerNode({
						lastName: 'Lee-Smith',
						taxExempt: true,
						tags: ['b2b', 'b2b-trade'],
						addressesV2: { nodes: [{ id: 'gid://shopify/MailingAddress/9', address1: '1 Own Rd' }, { id: 'gid://shopify/MailingAddress/11', ...address, countryCodeV2: 'AU' }] },
					}),
				],
			},
		});
		gql('mutation AddressDefault', { customerUpdateDefaultAddress: { customer: { id: 'x' }, userErrors: [] } }, seen);
		gql('query CustomerById', { customer: customerNode() });
		const { json } = await shop.run(upsert());
		expect(seen[0].variables).toEqual({ customerId: 'gid://shopify/Customer/1', addressId: 'gid://shopify/MailingAddress/11' });
		expect(json[0].changed).toEqual(['address']);
	});

	it('a phone Shopify rejects is left out and reported; other userErrors fail the item naming the customer', async () => {
		const seen: Body[] = [];
		gql('query FindCustomer', { customers: { nodes: [] } });
		gql('mutation Create', { customerCreate: { customer: null, userErrors: [{ field: ['phone'], message: 'Phone is invalid', code: 'INVALID' }] } }, seen);
		gql('mutation Create', { customerCreate: { customer: { id: 'gid://shopify/Customer/6' }, userErrors: [] } }, seen);
		gql('query CustomerById', { customer: customerNode({ id: 'gid://shopify/Customer/6' }) });
		const { json } = await shop.run(upsert({ updateFields: { phone: '03 9555' }, sendInvite: false, address: {} }));
		expect(seen[1].variables.input).not.toHaveProperty('phone');
		expect(json[0].phoneRejected).toMatch(/phone: Phone is invalid/);

		gql('query FindCustomer', { customers: { nodes: [] } });
		gql('mutation Create', { customerCreate: { customer: null, userErrors: [{ field: ['email'], message: 'Email has already been taken', code: 'TAKEN' }] } });
		await expect(shop.run(upsert({ sendInvite: false }))).rejects.toThrow(/^Item 0: Shopify rejected the customer of customer "ann@acme.test": email: Email has already been taken \(TAKEN\)/);
	});

	it('finds by exact email only, and reports a missing customer as found: false', async () => {
		gql('query FindCustomer', { customers: { nodes: [customerNode()] } });
		gql('query FindCustomer', { customers: { nodes: [customerNode()] } });
		const params = [
			{ resource: 'customer', operation: 'findByEmail', email: 'ann@acme.test' },
			{ resource: 'customer', operation: 'findByEmail', email: 'an@acme.test' },
		];
		const { json, out } = await shop.run(params, { items: shop.items(2) });
		expect(json[0]).toMatchObject({ found: true, id: 'gid://shopify/Customer/1', addresses: [{ countryCode: 'AU' }] });
		expect(json[1]).toEqual({ email: 'an@acme.test', found: false });
		expectPaired(out, [0, 1]);
	});

	it('gets customers updated since a time, page by page with the cursor', async () => {
		const seen: Body[] = [];
		gql('query Customers', { customers: { nodes: [customerNode()], pageInfo: { hasNextPage: true, endCursor: 'c1' } } }, seen);
		gql('query Customers', { customers: { nodes: [customerNode({ id: 'gid://shopify/Customer/2' })], pageInfo: { hasNextPage: false } } }, seen);
		const { json } = await shop.run({ resource: 'customer', operation: 'getAll', returnAll: true, updatedSince: '2026-02-01T10:00:00Z', query: 'tag:b2b' });
		expect(json.map((c) => c.id)).toEqual(['gid://shopify/Customer/1', 'gid://shopify/Customer/2']);
		expect(seen[0].variables).toEqual({ q: "updated_at:>='2026-02-01T10:00:00.000Z' AND tag:b2b", first: 50, after: null });
		expect(seen[1].variables.after).toBe('c1');
	});

	it('sends an invite, and names the cause Shopify gives when it cannot', async () => {
		gql('mutation Invite', { customerSendAccountInviteEmail: { customer: { id: 'gid://shopify/Customer/1' }, userErrors: [] } });
		const { json } = await shop.run({ resource: 'customer', operation: 'sendInvite', customerId: { __rl: true, mode: 'id', value: '1' } });
		expect(json[0]).toEqual({ id: 'gid://shopify/Customer/1', invited: true });
		gql('mutation Invite', { customerSendAccountInviteEmail: { customer: null, userErrors: [{ field: null, message: 'Customer is already enabled' }] } });
		await expect(shop.run({ resource: 'customer', operation: 'sendInvite', customerId: '1' })).rejects.toThrow(
			/Item 0: Shopify did not send the account invite to gid:\/\/shopify\/Customer\/1: Customer is already enabled/,
		);
	});

	it('names the item and field for a bad email or country code before calling Shopify', async () => {
		await expect(shop.run(upsert({ email: 'nope' }))).rejects.toThrow(/Item 0: Email is not a valid email address/);
		await expect(shop.run(upsert({ address: { values: { countryCode: 'Australia' } } }))).rejects.toThrow(
			/Item 0: Default Address → Country Code is not a two-letter country code/,
		);
	});
});
