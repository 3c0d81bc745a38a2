/**
 * The SparkLayer node against the sandbox's SparkLayer emulation (real HTTP): the token from the
 * credential's preAuthentication, price lists made idempotently, pricing replaced per SKU, groups,
 * and a customer's prices read back.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { SparkLayerApi } from '../../../credentials/SparkLayerApi.credentials';
import { SparkLayer } from '../../../nodes/SparkLayer/SparkLayer.node';
import { createContext, performRequest } from '../helpers/fakeContext';
import { start, type Started } from '../sandbox/helpers';

let sb: Started;
let credentials: ICredentialDataDecryptedObject;

beforeAll(async () => {
	sb = await start({ rateLimits: false });
	const login = { environment: 'live', siteId: 'sandbox-site-1', clientId: 'sandbox-sl-client', clientSecret: 'sandbox-sl-secret-3d9f1b', baseUrl: `${sb.url}/sparklayer/live` };
	const token = await new SparkLayerApi().preAuthentication.call({ helpers: { httpRequest: performRequest } } as never, login as never);
	credentials = { ...login, ...token, callsPerMinute: 6000 } as ICredentialDataDecryptedObject;
});
afterAll(async () => await sb.close());

async function run(parameters: IDataObject | IDataObject[], items = 1): Promise<IDataObject[]> {
	const fake = createContext({
		credentialType: new SparkLayerApi(),
		credentials,
		parameters,
		items: Array.from({ length: items }, (_, i) => ({ json: { i } })),
	});
	const out = (await new SparkLayer().execute.call(fake.ctx)) as INodeExecutionData[][];
	return out[0].map((o) => o.json);
}

describe('SparkLayer node against the sandbox', () => {
	it('get or create makes a list once, a rule list in another currency, and prices that read back as sent', async () => {
		const ensure = (slug: string, name: string, currencyCode: string, additionalFields: IDataObject = {}) => ({
			resource: 'priceList',
			operation: 'getOrCreate',
			slug,
			name,
			currencyCode,
			additionalFields,
		});
		const first = await run([ensure('cin7-tier-2', 'Wholesale', 'AUD'), ensure('cin7-tier-2', 'Wholesale', 'AUD')], 2);
		expect(first.map((l) => l.created)).toEqual([true, false]);
		const again = await run(ensure('cin7-tier-2', 'Wholesale', 'AUD'));
		expect(again[0]).toMatchObject({ slug: 'cin7-tier-2', created: false, updated: false });
		const fx = await run(ensure('cin7-tier-2-nzd', 'Wholesale NZD', 'NZD', { sourcePriceListSlug: 'cin7-tier-2', currencyExchangeRate: 1.1 }));
		expect(fx[0]).toMatchObject({ created: true, currency_code: 'NZD' });

		const priced = await run(
			[
				{ resource: 'priceList', operation: 'updatePricing', priceListSlug: 'cin7-tier-2', sku: 'TEE-S', pricing: 10, additionalFields: {} },
				{ resource: 'priceList', operation: 'updatePricing', priceListSlug: 'cin7-tier-2', sku: 'TEE-M', pricing: '[{"quantity":1,"price":12},{"quantity":10,"price":11}]', additionalFields: {} },
			],
			2,
		);
		expect(priced.map((p) => p.status)).toEqual(['updated', 'updated']);
		const prices = await run({ resource: 'customerPricing', operation: 'get', priceListSlugs: 'cin7-tier-2, cin7-tier-2-nzd', skus: 'TEE-S, TEE-M', additionalFields: {} });
		const bySku = (slug: string, sku: string) => prices.find((p) => p.price_list_slug === slug && p.sku === sku);
		expect(bySku('cin7-tier-2', 'TEE-M')?.pricing).toEqual([{ quantity: 1, price: 12 }, { quantity: 10, price: 11 }]);
		expect(bySku('cin7-tier-2', 'TEE-S')?.pricing).toEqual([{ quantity: 1, price: 10 }]);
		const nzd = await run({ resource: 'customerPricing', operation: 'get', priceListSlugs: 'cin7-tier-2-nzd', skus: 'TEE-S', additionalFields: {} });
		expect(nzd[0]).toMatchObject({ currency_code: 'NZD' });
		expect((nzd[0].pricing as IDataObject[])[0].price).toBeCloseTo(11, 5);
	});

	it('batch update across lists, and groups made once', async () => {
		const rows = await run(
			[
				{ resource: 'priceList', operation: 'batchUpdatePricing', priceListSlug: 'base', sku: 'MUG', pricing: 5, additionalFields: {} },
				{ resource: 'priceList', operation: 'batchUpdatePricing', priceListSlug: 'wholesale-legacy', sku: 'MUG', pricing: 4, additionalFields: {} },
			],
			2,
		);
		expect(rows.map((r) => r.status)).toEqual(['updated', 'updated']);
		const groups = await run([{ resource: 'customerGroup', operation: 'getOrCreate', slug: 'gold', name: 'Gold', parentSlug: 'base' }, { resource: 'customerGroup', operation: 'getOrCreate', slug: 'trade', name: 'Trade', parentSlug: 'base' }], 2);
		expect(groups.map((g) => [g.slug, g.created])).toEqual([
			['gold', true],
			['trade', false],
		]);
		const all = await run({ resource: 'customerGroup', operation: 'getAll', returnAll: true });
		expect(all.map((g) => g.slug)).toEqual(expect.arrayContaining(['base', 'trade', 'vip', 'gold']));
	});
});
