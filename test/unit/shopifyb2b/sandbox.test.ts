/**
 * The Shopify B2B node against the sandbox's Admin GraphQL emulation (real HTTP): every document
 * this node sends is one the emulation accepts, create or update merges tags and keeps the
 * customer's own address, a re-run writes nothing, metafields and invites land.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ShopifyB2bApi } from '../../../credentials/ShopifyB2bApi.credentials';
import { ShopifyB2b } from '../../../nodes/ShopifyB2b/ShopifyB2b.node';
import { ShopifyB2bTrigger } from '../../../nodes/ShopifyB2b/ShopifyB2bTrigger.node';
import { resetCostBuckets } from '../../../nodes/ShopifyB2b/transport';
import { createContext } from '../helpers/fakeContext';
import { start, type Started } from '../sandbox/helpers';

let sb: Started;
let credentials: ICredentialDataDecryptedObject;

beforeAll(async () => {
	sb = await start({ rateLimits: false });
	resetCostBuckets();
	credentials = {
		shopDomain: 'sandbox-b2b.myshopify.com',
		apiVersion: '2026-01',
		authentication: 'accessToken',
		adminAccessToken: 'shpat_sandbox0b2b0token0000000000001',
		pointsPerSecond: 100,
		baseUrl: `${sb.url}/shopify/sandbox-b2b`,
	};
});
afterAll(async () => await sb.close());

async function run(parameters: IDataObject | IDataObject[], items = 1): Promise<IDataObject[]> {
	const fake = createContext({
		credentialType: new ShopifyB2bApi(),
		credentials,
		parameters,
		items: Array.from({ length: items }, (_, i) => ({ json: { i } })),
	});
	const out = (await new ShopifyB2b().execute.call(fake.ctx)) as INodeExecutionData[][];
	return out[0].map((o) => o.json);
}

const address = { address1: '5 Trade St', city: 'Melbourne', provinceCode: 'VIC', zip: '3000', countryCode: 'AU', company: 'Acme Pty' };

describe('Shopify B2B node against the sandbox', () => {
	it('merges into an existing customer, keeps its address and other tags, and a re-run writes nothing', async () => {
		const [existing] = await run({ resource: 'customer', operation: 'getAll', returnAll: false, limit: 1, updatedSince: '', query: '' });
		expect(existing.email).toBeTruthy();
		const upsert = {
			resource: 'customer',
			operation: 'upsert',
			email: existing.email,
			updateFields: { firstName: 'Zed', taxExempt: true },
			tagsToAdd: 'b2b, b2b-trade',
			tagsToRemove: 'b2b-vip',
			address: { values: address },
			sendInvite: true,
		};
		const [first] = await run(upsert);
		expect(first).toMatchObject({ created: false, invited: false, firstName: 'Zed', taxExempt: true });
		expect(first.tags).toEqual(expect.arrayContaining([...(existing.tags as string[]), 'b2b', 'b2b-trade']));
		expect((first.addresses as IDataObject[]).length).toBe((existing.addresses as IDataObject[]).length + 1);
		expect(first.defaultAddress).toMatchObject({ address1: '5 Trade St', countryCode: 'AU' });
		const [second] = await run(upsert);
		expect(second.changed).toEqual([]);
		expect(second.updatedAt).toBe(first.updatedAt);

		const [revoked] = await run({ ...upsert, tagsToAdd: '', tagsToRemove: 'b2b, b2b-trade' });
		expect(revoked.tags).toEqual(existing.tags);
	});

	it('creates a new customer with an invite, sets metafields and finds it by email', async () => {
		const [made] = await run({
			resource: 'customer',
			operation: 'upsert',
			email: 'new.buyer@example.com',
			updateFields: { firstName: 'New', lastName: 'Buyer', phone: '03 9555 1234' },
			tagsToAdd: 'b2b',
			tagsToRemove: '',
			address: { values: address },
			sendInvite: true,
		});
		expect(made).toMatchObject({ created: true, invited: true, tags: ['b2b'] });
		const [set] = await run({
			resource: 'metafield',
			operation: 'setMany',
			ownerId: made.id,
			namespace: 'sparklayer',
			metafields: {
				values: [
					{ key: 'price_lists', type: 'single_line_text_field', value: 'cin7-tier-2' },
					{ key: 'discount_percentage', type: 'number_decimal', value: '12.5' },
				],
			},
		});
		expect((set.metafields as IDataObject[]).map((m) => [m.key, m.value])).toEqual([
			['price_lists', 'cin7-tier-2'],
			['discount_percentage', '12.5'],
		]);
		const [found] = await run({ resource: 'customer', operation: 'findByEmail', email: 'NEW.buyer@example.com' });
		expect(found).toMatchObject({ found: true, id: made.id });
		const [tags] = await run({ resource: 'tag', operation: 'add', customerId: made.id, tags: 'b2b-gold' });
		expect(tags.tags).toEqual(['b2b', 'b2b-gold']);
		// Every customer, whole, under Shopify's 1,000-point query cost limit.
		const all = await run({ resource: 'customer', operation: 'getAll', returnAll: true, updatedSince: '', query: '' });
		expect(all.length).toBeGreaterThan(10);
		const b2b = await run({ resource: 'customer', operation: 'getAll', returnAll: true, updatedSince: '', query: 'tag:b2b' });
		expect(b2b.map((c) => c.email)).toContain('new.buyer@example.com');
	});

	it('the trigger backfills b2b customers changed since a start date, then emits nothing new, and samples in manual mode', async () => {
		const poll = async (mode: 'manual' | 'trigger', staticData: IDataObject) => {
			const fake = createContext({
				credentialType: new ShopifyB2bApi(),
				credentials,
				parameters: { event: 'customerUpdated', query: 'tag:b2b', startDate: '2020-01-01T00:00:00Z', overlapMinutes: 5, maxPerPoll: 1000 },
				poll: true,
				mode,
				staticData,
			});
			const out = await new ShopifyB2bTrigger().poll!.call(fake.ctx);
			return out ? out[0].map((o) => o.json) : null;
		};
		const staticData: IDataObject = {};
		const first = await poll('trigger', staticData);
		expect(first?.map((c) => c.email)).toContain('new.buyer@example.com');
		expect(first?.every((c) => (c.tags as string[]).includes('b2b'))).toBe(true);
		expect(await poll('trigger', staticData)).toBeNull();
		const sample = await poll('manual', {});
		expect(sample?.length).toBeGreaterThan(0);
	});
});
