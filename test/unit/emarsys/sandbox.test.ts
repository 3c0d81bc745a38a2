/**
 * The Emarsys node against the Emarsys sandbox (no mocks): real OAuth2 tokens that expire, real
 * WSSE digests with nonce replay refused, envelopes and per-record errors as the emulation answers
 * them, sales data appended without de-duplication. The node runs in a fake n8n context.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { EmarsysApi } from '../../../credentials/EmarsysApi.credentials';
import { Emarsys } from '../../../nodes/Emarsys/Emarsys.node';
import { createContext, performRequest } from '../helpers/fakeContext';
import { start, sleep, type Started } from '../sandbox/helpers';
import { n8nStoresTokens } from './fixture';

let sb: Started;
beforeAll(async () => {
	// A token lives 3 s here, so a test can watch it expire (long enough for a run on a busy machine).
	sb = await start({ rateLimits: false, emarsysTokenTtl: 3 });
});
afterAll(async () => await sb.close());

const oauth2 = (): IDataObject => ({
	authType: 'oauth2',
	clientId: 'sandbox-emarsys-client',
	clientSecret: 'sandbox-emarsys-secret-3d9f1b',
	tokenUrl: `${sb.url}/emarsys/auth/oauth2/token`,
	baseUrl: `${sb.url}/emarsys/api/v3`,
	callsPerMinute: 1000,
	salesDataMerchantId: '1A2B3C4D5E6F7A8B',
	salesDataToken: 'sandbox-emarsys-sales-token-5e7b2f',
	salesDataUrl: `${sb.url}/emarsys/hapi`,
	accessToken: '',
	expiresAt: '',
});
const wsse = (): IDataObject => ({ ...oauth2(), authType: 'wsse', username: 'sandbox_emarsys001', secret: 'sandbox-emarsys-wsse-8a2c7e', baseUrl: `${sb.url}/emarsys/api/v2` });

/** One node run; `credentials` is the stored credential, which n8n fills with the token it fetches. */
async function run(credentials: IDataObject, parameters: IDataObject[], extra: { staticData?: IDataObject; continueOnFail?: boolean; fetched?: string[] } = {}) {
	const { fetched, ...rest } = extra;
	const fake = createContext({
		credentialType: new EmarsysApi(),
		credentials: credentials as never,
		parameters,
		items: parameters.map((_, i) => ({ json: { i } })),
		...rest,
	});
	const tokens = n8nStoresTokens(fake);
	const [out] = (await new Emarsys().execute.call(fake.ctx)) as INodeExecutionData[][];
	fetched?.push(...tokens);
	return out;
}

const upsert = (email: string, fieldsJson: IDataObject = {}) => ({
	resource: 'contact',
	operation: 'upsert',
	keyField: 'email',
	keyValue: email,
	optIn: 'true',
	fieldsUi: {},
	fieldsJson,
	contactListId: 0,
});
const get = (email: string) => ({ resource: 'contact', operation: 'get', keyField: 'email', keyValue: email, fields: 'first_name,email,optin' });

describe('Emarsys node against the sandbox', () => {
	it('OAuth2: ensures a field by name, upserts with it, reads it back; WSSE reads the same', async () => {
		const ensured = await run(oauth2(), [{ resource: 'field', operation: 'ensure', onTypeConflict: 'error', fields: { field: [{ name: 'cin7_unit_test_ltv', type: 'numeric' }] } }]);
		expect(ensured[0].json).toMatchObject({ name: 'cin7_unit_test_ltv', status: 'created' });
		await run(oauth2(), [upsert('unit.one@example.test', { first_name: 'Una', cin7_unit_test_ltv: 42.5 })]);
		const [byOauth] = await run(oauth2(), [{ ...get('unit.one@example.test'), fields: 'first_name,cin7_unit_test_ltv' }]);
		expect(byOauth.json).toMatchObject({ found: true, optIn: true, fields: { first_name: 'Una', cin7_unit_test_ltv: '42.5' } });
		// Three WSSE calls in a row: each with its own nonce (a replayed one would be refused).
		const viaWsse = await run(wsse(), [get('unit.one@example.test'), get('nobody@example.test')]);
		expect(viaWsse.map((o) => o.json.found)).toEqual([true, false]);
	});

	it('renews the stored token once it is due, and a stored one whose expiry is unknown after a 401 (once)', async () => {
		const stored = oauth2();
		const fetched: string[] = [];
		await run(stored, [get('unit.one@example.test')], { fetched });
		expect(fetched).toHaveLength(1);
		await sleep(3100);
		expect((await run(stored, [get('unit.one@example.test')], { fetched }))[0].json.found).toBe(true);
		// The sandbox's token lives 3 s: the second run found it due and had n8n fetch one first.
		expect(fetched).toHaveLength(2);
		expect(stored.accessToken).toBe(fetched[1]);

		const expired = await new EmarsysApi().preAuthentication.call({ helpers: { httpRequest: performRequest } } as never, oauth2() as never);
		await sleep(3100);
		const unknownExpiry = { ...oauth2(), accessToken: expired.accessToken, expiresAt: '' };
		const again: string[] = [];
		expect((await run(unknownExpiry, [get('unit.one@example.test')], { fetched: again }))[0].json.found).toBe(true);
		expect(again).toHaveLength(1);
		expect(unknownExpiry.accessToken).toBe(again[0]);
	}, 20_000);

	it('an external event for a contact Emarsys does not have fails only that item', async () => {
		const trigger = (email: string) => ({ resource: 'externalEvent', operation: 'trigger', eventId: 5001, keyField: 'email', keyValue: email, dataJson: { order_id: 'SO-U1' } });
		const out = await run(oauth2(), [trigger('unit.one@example.test'), trigger('nobody@example.test')], { continueOnFail: true });
		expect(out[0].json).toEqual({ key: 'unit.one@example.test', eventId: 5001, triggered: true });
		expect(String(out[1].json.error)).toMatch(/^Item 1: Emarsys rejected the contact "nobody@example.test \(event 5001\)": 2008/);
	});

	it('sales data: the sandbox appends every line it gets, and the node sends each order version once', async () => {
		const before = sb.state.emarsys.salesLines.length;
		const line = (order: string, item: string, quantity: number, price: number) => ({
			resource: 'salesData',
			operation: 'upload',
			order,
			timestamp: '2026-11-20T09:30:00Z',
			item,
			price,
			quantity,
			customerField: 'email',
			customer: 'unit.one@example.test',
			customColumns: '{}',
			rememberDays: 400,
		});
		const staticData: IDataObject = {};
		const lines = [line('SO-U1', 'SKU-1', 2, 20), line('SO-U1', 'SKU-2', 1, 5)];
		await run(oauth2(), lines, { staticData });
		await run(oauth2(), lines, { staticData });
		await run(oauth2(), [...lines, line('SO-U1', 'SKU-1', -1, -10)], { staticData });
		const sent = sb.state.emarsys.salesLines.slice(before).map((l: IDataObject) => [l.order, l.item, Number(l.quantity), Number(l.price)]);
		expect(sent).toEqual([
			['SO-U1', 'SKU-1', 2, 20],
			['SO-U1', 'SKU-2', 1, 5],
			['SO-U1', 'SKU-1', -1, -10],
		]);
	});
});
