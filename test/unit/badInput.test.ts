/**
 * Bad input across the nodes, table-driven: three input items, the middle one (item 1) bad, the
 * node set to continue on fail. Each row proves: item 1 becomes an error item paired with item 1
 * whose message names the item (or the record) and the field at fault; items 0 and 2 are processed
 * (their calls reach the API, their outputs are there); nothing is skipped silently.
 */
import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Cin7CoreApi } from '../../credentials/Cin7CoreApi.credentials';
import { Cin7OmniApi } from '../../credentials/Cin7OmniApi.credentials';
import { DotdigitalApi } from '../../credentials/DotdigitalApi.credentials';
import { EmarsysApi } from '../../credentials/EmarsysApi.credentials';
import { JoorApi } from '../../credentials/JoorApi.credentials';
import { OrderDeskApi } from '../../credentials/OrderDeskApi.credentials';
import { ShopifyB2bApi } from '../../credentials/ShopifyB2bApi.credentials';
import { SparkLayerApi } from '../../credentials/SparkLayerApi.credentials';
import { Cin7Core } from '../../nodes/Cin7Core/Cin7Core.node';
import { Cin7Omni } from '../../nodes/Cin7Omni/Cin7Omni.node';
import { Dotdigital } from '../../nodes/Dotdigital/Dotdigital.node';
import { Emarsys } from '../../nodes/Emarsys/Emarsys.node';
import { resetRegionCache } from '../../nodes/Dotdigital/transport';
import { Joor } from '../../nodes/Joor/Joor.node';
import { OrderDesk } from '../../nodes/OrderDesk/OrderDesk.node';
import { resetBuckets } from '../../nodes/OrderDesk/transport';
import { ShopifyB2b } from '../../nodes/ShopifyB2b/ShopifyB2b.node';
import { SparkLayer } from '../../nodes/SparkLayer/SparkLayer.node';
import { createContext, useFakeClock } from './helpers/fakeContext';

const CORE = 'https://core.bad.test';
const OMNI = 'https://omni.bad.test';
const DD = 'https://r1-api.dotdigital.com';
const EM = 'https://api.emarsys.net';
const EM_SALES = 'https://admin.scarabresearch.com';
const OD = 'https://orderdesk.bad.test';
const JOOR = 'https://joor.bad.test';
const SL = 'https://sparklayer.bad.test';
const SHOP = 'https://shop.bad.test';

const systems = {
	sl: {
		node: () => new SparkLayer(),
		credentialType: () => new SparkLayerApi(),
		credentials: { environment: 'live', siteId: 's', clientId: 'c', clientSecret: 'sl-secret-BAD-INPUT', baseUrl: SL, callsPerMinute: 6000, accessToken: 't', expiresAt: '2099-01-01T00:00:00Z' },
	},
	shop: {
		node: () => new ShopifyB2b(),
		credentialType: () => new ShopifyB2bApi(),
		credentials: { shopDomain: 'bad', apiVersion: '2026-01', authentication: 'accessToken', adminAccessToken: 'shpat-BAD-INPUT', pointsPerSecond: 1000, baseUrl: SHOP },
	},
	joor: {
		node: () => new Joor(),
		credentialType: () => new JoorApi(),
		credentials: { environment: 'production', authType: 'apiToken', apiToken: 'joor-token-BAD-INPUT', baseUrl: JOOR, creditsPerWindow: 300000, accessToken: '' },
	},
	core: {
		node: () => new Cin7Core(),
		credentialType: () => new Cin7CoreApi(),
		credentials: { accountId: 'acc', applicationKey: 'core-key-BAD-INPUT', baseUrl: `${CORE}/ExternalApi/v2`, callsPerMinute: 6000 },
	},
	omni: {
		node: () => new Cin7Omni(),
		credentialType: () => new Cin7OmniApi(),
		credentials: { username: 'u', apiKey: 'omni-key-BAD-INPUT', baseUrl: `${OMNI}/api/v1`, callsPerMinute: 6000, callsPerSecond: 100, dailyCallBudget: 100000 },
	},
	dd: {
		node: () => new Dotdigital(),
		credentialType: () => new DotdigitalApi(),
		credentials: { apiUser: 'apiuser-1@apiconnector.com', password: 'dd-pass-BAD-INPUT', region: 'r1', baseUrl: '', callsPerMinute: 6000 },
	},
	em: {
		node: () => new Emarsys(),
		credentialType: () => new EmarsysApi(),
		credentials: { authType: 'wsse', username: 'em_user', secret: 'em-secret-BAD-INPUT', baseUrl: '', callsPerMinute: 6000, salesDataMerchantId: 'M1', salesDataToken: 'em-sales-BAD-INPUT', salesDataUrl: '' },
	},
	od: {
		node: () => new OrderDesk(),
		credentialType: () => new OrderDeskApi(),
		credentials: { storeId: 'store-1', apiKey: 'od-key-BAD-INPUT', baseUrl: `${OD}/api/v2`, timeZone: 'UTC', bucketSize: 1000, refillPerSecond: 1000 },
	},
};

interface Case {
	name: string;
	system: keyof typeof systems;
	/** Parameters of items 0, 1 (the bad one) and 2. */
	params: [IDataObject, IDataObject, IDataObject];
	/** Interceptors for the calls the good items (and, where the API judges, the bad one) make. */
	mock(): void;
	/** The error of item 1: names the item or the record, and the field. */
	error: RegExp;
	/** Optional check of the good items' outputs. */
	good?(out: INodeExecutionData[]): void;
}

const upsert = (email: string, extra: IDataObject = {}): IDataObject => ({
	resource: 'contact',
	operation: 'upsert',
	email,
	listIds: [],
	dataFieldsJson: '{}',
	dataFieldsUi: {},
	additionalFields: {},
	mergeOption: 'overwrite',
	...extra,
});
const ddUpserts = (...emails: string[]) => () => {
	for (const e of emails) nock(DD).patch(`/contacts/v3/email/${encodeURIComponent(e)}`).query(true).reply(200, { contactId: e.length, identifiers: { email: e } });
};

const coreProductGet = (sku: string): IDataObject => ({ resource: 'product', operation: 'get', findBy: 'sku', sku, options: {} });
const coreProducts = (found: Record<string, boolean>) => () => {
	for (const [sku, ok] of Object.entries(found)) {
		nock(CORE)
			.get('/ExternalApi/v2/product')
			.query((q) => q.Sku === sku)
			.reply(200, { Total: ok ? 1 : 0, Page: 1, Products: ok ? [{ ID: `id-${sku}`, SKU: sku, Name: sku }] : [] });
	}
};
const coreCustomers = (modifiedSince: string): IDataObject => ({
	resource: 'customer',
	operation: 'getAll',
	returnAll: false,
	limit: 5,
	filters: { ModifiedSince: modifiedSince },
});
const coreCustomerReads = (n: number) => () => {
	nock(CORE)
		.get('/ExternalApi/v2/customer')
		.query(true)
		.times(n)
		.reply(200, { Total: 1, Page: 1, CustomerList: [{ ID: 'c-1', Name: 'Alice Ltd', Contacts: [], Addresses: [] }] });
};

const omniContact = (email: string): IDataObject => ({ resource: 'contact', operation: 'create', type: 'Customer', email, additionalFields: {} });
const omniOrder = (reference: string, lines: IDataObject[]): IDataObject => ({
	resource: 'salesOrder',
	operation: 'create',
	reference,
	lineItems: { line: lines },
	additionalFields: { memberEmail: 'a@x.com' },
});

/** A record field set as a resource locator (nodes/shared/resourceLocator.ts). */
const rl = (mode: string, value: string) => ({ __rl: true, mode, value });
const omniContactGet = (contactId: IDataObject): IDataObject => ({ resource: 'contact', operation: 'get', contactId, subscriptionSource: 'none' });
const ddContactGet = (email: IDataObject): IDataObject => ({ resource: 'contact', operation: 'get', email });

const odOrder = (operation: string, orderId: string, extra: IDataObject = {}): IDataObject => ({
	resource: 'order',
	operation,
	orderId: rl('id', orderId),
	...extra,
});
const odShipment = (operation: string, orderId: string, trackingNumber: string): IDataObject => ({
	resource: 'shipment',
	operation,
	orderId: rl('id', orderId),
	trackingNumber,
	carrierCode: 'UPS',
	shipmentMethod: 'Ground',
	additionalFields: {},
	batchSize: 100,
});
const slPricing = (operation: string, slug: string, sku: string, pricing: IDataObject[string]): IDataObject => ({
	resource: 'priceList',
	operation,
	priceListSlug: rl('id', slug),
	sku,
	pricing,
	additionalFields: {},
});
const slList = (slug: string): IDataObject => ({ resource: 'priceList', operation: 'getOrCreate', slug, name: slug, currencyCode: 'AUD', additionalFields: {} });
const slLists = () => {
	nock(SL).get('/api/v2/price-lists').query(true).reply(200, { data: [{ slug: 'a', name: 'a', currency_code: 'AUD' }, { slug: 'c', name: 'c', currency_code: 'AUD' }], pagination: { current_page: 1, total_pages: 1 } });
};
/** One Shopify GraphQL answer per call whose document contains `marker`. */
const shopAnswers = (marker: string, times: number, data: (variables: IDataObject) => IDataObject) => () => {
	nock(SHOP)
		.post('/admin/api/2026-01/graphql.json', (b: { query: string }) => b.query.includes(marker))
		.times(times)
		.reply(200, (_u, body) => ({ data: data((body as { variables: IDataObject }).variables) }));
};
const shopCustomer = (id: string, email: string) => ({ id: `gid://shopify/Customer/${id}`, email, tags: [], addressesV2: { nodes: [] } });
const odStock = (sku: string, stock: IDataObject[string]): IDataObject => ({ resource: 'inventoryItem', operation: 'updateStock', sku, stock, batchSize: 100 });
const odCreate = (sourceId: string, orderItemsJson: string): IDataObject => ({
	resource: 'order',
	operation: 'create',
	sourceId,
	email: '',
	orderItemsJson,
	shippingJson: '{}',
	checkoutData: {},
	orderMetadata: {},
	folder: '',
	additionalFieldsJson: '{}',
});
const odStore = () => nock(OD).get('/api/v2/store').reply(200, { status: 'success', store: { folders: { '12': 'After import' } } });
const odOrders = (...ids: string[]) => () => {
	for (const id of ids) nock(OD).get(`/api/v2/orders/${id}`).reply(200, { status: 'success', order: { id, order_items: [], order_metadata: { keep: 1 } } });
};

const joorJob = { waitForCompletion: false, statusIntervalSeconds: 5, maxWaitMinutes: 10 };
const joorInventory = (upc: string, inventory: IDataObject[string]): IDataObject => ({ resource: 'inventory', operation: 'set', warehouse: 'Main', skuKey: 'upc', upc, inventory, options: {} });
const joorStyle = (styleNumber: string, variants = ''): IDataObject => ({
	resource: 'style',
	operation: 'upsert',
	styleNumber,
	styleIdentifier: '',
	styleName: `Style ${styleNumber}`,
	linesheetMode: 'add',
	additionalFields: variants ? { variants } : {},
	...joorJob,
});
const joorCustomer = (customerCode: string, email: string): IDataObject => ({
	resource: 'customer',
	operation: 'upsert',
	customerCode,
	customerName: `Retailer ${customerCode}`,
	additionalFields: { email },
	...joorJob,
});
const joorImage = (styleNumber: string, imageUrl: string): IDataObject => ({ resource: 'image', operation: 'add', styleNumber, styleIdentifier: '', imageUrl, options: {} });
const joorMembership = (styleNumber: string, linesheets: string): IDataObject => ({ resource: 'linesheet', operation: 'addStyles', styleNumber, styleIdentifier: '', linesheets, ...joorJob });
const joorJobAccepted = (path: string) => () => {
	nock(JOOR).post(path).reply(202, { response: { code: 202, job_id: 'J1' } });
};

const emThree = (rows: IDataObject[]) => rows as Case['params'];
const emOk = (data: unknown) => ({ replyCode: 0, replyText: 'OK', data });
const emUpsert = (keyValue: string, extra: IDataObject = {}): IDataObject => ({
	resource: 'contact',
	operation: 'upsert',
	keyField: 'email',
	keyValue,
	optIn: 'keep',
	fieldsUi: {},
	fieldsJson: '{}',
	contactListId: 0,
	...extra,
});
const emKeyed = (operation: string, keyValue: string, extra: IDataObject = {}): IDataObject => ({
	resource: operation === 'delete' ? 'contact' : 'contactList',
	operation,
	keyField: 'email',
	keyValue,
	...extra,
});

const CASES: Case[] = [
	{
		name: 'Dotdigital upsert: missing email',
		system: 'dd',
		params: [upsert('ann@example.com'), upsert(''), upsert('bob@example.com')],
		mock: ddUpserts('ann@example.com', 'bob@example.com'),
		error: /^Item 1: Email is empty/,
	},
	{
		name: 'Dotdigital upsert: malformed email',
		system: 'dd',
		params: [upsert('ann@example.com'), upsert('ann@@example'), upsert('bob@example.com')],
		mock: ddUpserts('ann@example.com', 'bob@example.com'),
		error: /^Item 1: Email is not a valid email address \("ann@@example"\)/,
	},
	{
		name: 'Dotdigital upsert: wrong type (a list name where a list ID goes)',
		system: 'dd',
		params: [upsert('ann@example.com'), upsert('cid@example.com', { listIds: ['Newsletter list'] }), upsert('bob@example.com')],
		mock: ddUpserts('ann@example.com', 'bob@example.com'),
		error: /^Item 1: List.* "Newsletter list", which is not a list ID/,
	},
	{
		name: 'Dotdigital upsert: data fields that are not JSON',
		system: 'dd',
		params: [upsert('ann@example.com'), upsert('cid@example.com', { dataFieldsJson: '{"FIRSTNAME": ' }), upsert('bob@example.com')],
		mock: ddUpserts('ann@example.com', 'bob@example.com'),
		error: /^Item 1: Data Fields.* is not valid JSON/,
	},
	{
		name: 'Dotdigital upsert: oversize (more lists than Dotdigital allows per contact)',
		system: 'dd',
		params: [upsert('ann@example.com'), upsert('cid@example.com', { listIds: Array.from({ length: 200 }, (_, k) => k + 1) }), upsert('bob@example.com')],
		mock: ddUpserts('ann@example.com', 'bob@example.com'),
		error: /^Item 1: List Names or IDs has 200 lists; Dotdigital allows \d+/,
	},
	{
		name: 'Cin7 Core product get: unknown SKU',
		system: 'core',
		params: [coreProductGet('SKU-A'), coreProductGet('NO-SUCH-SKU'), coreProductGet('SKU-B')],
		mock: coreProducts({ 'SKU-A': true, 'NO-SUCH-SKU': false, 'SKU-B': true }),
		error: /No product with SKU "NO-SUCH-SKU"/,
		good: (out) => expect([out[0].json.SKU, out[2].json.SKU]).toEqual(['SKU-A', 'SKU-B']),
	},
	{
		name: 'Cin7 Core customers: malformed date filter',
		system: 'core',
		params: [coreCustomers('2026-01-01'), coreCustomers('31/31/2026'), coreCustomers('2026-02-01T00:00:00Z')],
		mock: coreCustomerReads(2),
		error: /^Item 1: Modified Since is not a valid date \("31\/31\/2026"\)/,
	},
	{
		name: 'Cin7 Omni contact create: malformed email (rejected by Omni for that record only)',
		system: 'omni',
		params: [omniContact('a@x.com'), omniContact('not-an-email'), omniContact('c@x.com')],
		mock: () =>
			nock(OMNI)
				.post('/api/v1/Contacts')
				.reply(200, [
					{ index: 0, success: true, id: 1, errors: [] },
					{ index: 1, success: false, errors: ['Email is invalid'] },
					{ index: 2, success: true, id: 3, errors: [] },
				]),
		error: /^Item 1: Cin7 Omni rejected the record: Email is invalid/,
	},
	{
		name: 'Cin7 Omni sales order: unknown SKU (rejected by Omni for that record only)',
		system: 'omni',
		params: [omniOrder('WEB-1', [{ code: 'SKU-1', qty: 1 }]), omniOrder('WEB-2', [{ code: 'NO-SUCH-SKU', qty: 1 }]), omniOrder('WEB-3', [{ code: 'SKU-1', qty: 2 }])],
		mock: () => {
			nock(OMNI).get('/api/v1/SalesOrders').query(true).reply(200, []);
			nock(OMNI)
				.post('/api/v1/SalesOrders')
				.reply(200, [
					{ index: 0, success: true, id: 901, code: 'WEB-1', errors: [] },
					{ index: 1, success: false, code: 'WEB-2', errors: ['Product option code NO-SUCH-SKU not found'] },
					{ index: 2, success: true, id: 903, code: 'WEB-3', errors: [] },
				]);
		},
		error: /^Item 1: .*NO-SUCH-SKU/,
	},
	{
		name: 'Cin7 Omni sales order: wrong type (quantity "two")',
		system: 'omni',
		params: [omniOrder('WEB-1', [{ code: 'SKU-1', qty: 1 }]), omniOrder('WEB-2', [{ code: 'SKU-1', qty: 'two' }]), omniOrder('WEB-3', [{ code: 'SKU-1', qty: 2 }])],
		mock: () => {
			nock(OMNI).get('/api/v1/SalesOrders').query(true).reply(200, []);
			nock(OMNI)
				.post('/api/v1/SalesOrders', (body) => Array.isArray(body) && body.length === 2)
				.reply(200, [
					{ index: 0, success: true, id: 901, code: 'WEB-1', errors: [] },
					{ index: 1, success: true, id: 903, code: 'WEB-3', errors: [] },
				]);
		},
		error: /^Item 1: Line Items #1 → (qty|Quantity) is not a number \("two"\)/,
		good: (out) => expect([out[0].json.id, out[2].json.id]).toEqual([901, 903]),
	},
	{
		name: 'Cin7 Omni contact get: a locator holding a name where the ID goes',
		system: 'omni',
		params: [omniContactGet(rl('id', '41')), omniContactGet(rl('id', 'Ann Lee')), omniContactGet(rl('list', '43'))],
		mock: () => {
			nock(OMNI).get('/api/v1/Contacts/41').reply(200, { id: 41 });
			nock(OMNI).get('/api/v1/Contacts/43').reply(200, { id: 43 });
		},
		error: /^Item 1: Contact must be a positive whole number \(got "Ann Lee"\)/,
		good: (out) => expect([out[0].json.id, out[2].json.id]).toEqual([41, 43]),
	},
	{
		name: 'Dotdigital contact get: a locator holding neither an email nor a contact ID',
		system: 'dd',
		params: [ddContactGet(rl('email', 'ann@example.com')), ddContactGet(rl('email', 'Ann Lee')), ddContactGet(rl('id', '7'))],
		mock: () => {
			nock(DD).get('/contacts/v3/email/ann%40example.com').reply(200, { contactId: 5 });
			nock(DD).get('/contacts/v3/contactId/7').reply(200, { contactId: 7 });
		},
		error: /^Item 1: Contact is not a valid email address \("Ann Lee"\)/,
		good: (out) => expect([out[0].json.contactId, out[2].json.contactId]).toEqual([5, 7]),
	},
	{
		name: 'Order Desk order get: a locator holding a source ID where the order ID goes',
		system: 'od',
		params: [odOrder('get', '11'), odOrder('get', 'SHOP-12'), odOrder('get', '13')],
		mock: odOrders('11', '13'),
		error: /^Item 1: Order must be a positive whole number \(got "SHOP-12"\)/,
		good: (out) => expect([out[0].json.id, out[2].json.id]).toEqual(['11', '13']),
	},
	{
		name: 'Order Desk order get many: a Modified After that is not a date',
		system: 'od',
		params: [
			{ resource: 'order', operation: 'getAll', returnAll: true, filters: { sourceId: 'A' } },
			{ resource: 'order', operation: 'getAll', returnAll: true, filters: { modifiedStartDate: 'yesterday-ish' } },
			{ resource: 'order', operation: 'getAll', returnAll: true, filters: { sourceId: 'C' } },
		],
		mock: () => {
			nock(OD).get('/api/v2/orders').query((q) => q.source_id === 'A').reply(200, { orders: [{ id: '1' }] });
			nock(OD).get('/api/v2/orders').query((q) => q.source_id === 'C').reply(200, { orders: [{ id: '3' }] });
		},
		error: /^Item 1: Modified After is not a valid date \("yesterday-ish"\)/,
	},
	{
		name: 'Order Desk order create: an order line without a quantity',
		system: 'od',
		params: [odCreate('S-1', '[{"code":"A","quantity":1}]'), odCreate('S-2', '[{"code":"B"}]'), odCreate('S-3', '[{"code":"C","quantity":2}]')],
		mock: () => {
			nock(OD).get('/api/v2/orders').query(true).twice().reply(200, { orders: [] });
			nock(OD).post('/api/v2/orders').twice().reply(201, (_u, b) => ({ status: 'success', order: { id: (b as IDataObject).source_id } }));
		},
		error: /^Item 1: Order Items \(JSON\) line 1 has no quantity above 0/,
		good: (out) => expect([out[0].json.id, out[2].json.id]).toEqual(['S-1', 'S-3']),
	},
	{
		name: 'Order Desk order update: Update Fields that are not JSON',
		system: 'od',
		params: [
			odOrder('update', '21', { updateFieldsJson: '{"email":"a@x.com"}' }),
			odOrder('update', '22', { updateFieldsJson: '{email: a@x.com' }),
			odOrder('update', '23', { updateFieldsJson: '{}' }),
		],
		mock: () => {
			odOrders('21', '23')();
			nock(OD).put(/\/api\/v2\/orders\/2[13]$/).twice().reply(200, (_u, b) => ({ status: 'success', order: b }));
		},
		error: /^Item 1: Update Fields \(JSON\) is not valid JSON/,
		good: (out) => expect([out[0].json.order_metadata, out[2].json.order_metadata]).toEqual([{ keep: 1 }, { keep: 1 }]),
	},
	{
		name: 'Order Desk order move to folder: a folder the store does not have',
		system: 'od',
		params: [
			odOrder('moveToFolder', '31', { folder: 'After import' }),
			odOrder('moveToFolder', '32', { folder: 'After imprt' }),
			odOrder('moveToFolder', '33', { folder: '12' }),
		],
		mock: () => {
			odStore();
			nock(OD).post('/api/v2/move-orders', { order_id_list: ['31', '33'], destination_folder_id: 12 }).reply(200, { status: 'success' });
		},
		error: /^Item 1: Destination Folder "After imprt" is not a folder of this store; folders: "After import" \(12\)/,
	},
	{
		name: 'Order Desk order add note: an empty note',
		system: 'od',
		params: [odOrder('addNote', '41', { note: 'ok' }), odOrder('addNote', '42', { note: ' ' }), odOrder('addNote', '43', { note: 'ok' })],
		mock: () => {
			nock(OD).post('/api/v2/orders/41/order-history').reply(200, { status: 'success' });
			nock(OD).post('/api/v2/orders/43/order-history').reply(200, { status: 'success' });
		},
		error: /^Item 1: Note is empty/,
	},
	{
		name: 'Order Desk shipment add: an empty tracking number',
		system: 'od',
		params: [odShipment('add', '51', 'T1'), odShipment('add', '52', ''), odShipment('add', '53', 'T3')],
		mock: () => {
			nock(OD).post('/api/v2/orders/51/shipments').reply(201, { status: 'success', shipment: { id: 'S1' } });
			nock(OD).post('/api/v2/orders/53/shipments').reply(201, { status: 'success', shipment: { id: 'S3' } });
		},
		error: /^Item 1: Tracking Number is empty/,
	},
	{
		name: 'Order Desk shipment add many: an order ID that is not a number',
		system: 'od',
		params: [odShipment('addMany', '61', 'T1'), odShipment('addMany', '#62', 'T2'), odShipment('addMany', '63', 'T3')],
		mock: () => {
			nock(OD)
				.post('/api/v2/batch-shipments', [
					{ order_id: '61', tracking_number: 'T1', carrier_code: 'UPS', shipment_method: 'Ground' },
					{ order_id: '63', tracking_number: 'T3', carrier_code: 'UPS', shipment_method: 'Ground' },
				])
				.reply(200, { status: 'success', results: [{ order_id: '61', status: 'success' }, { order_id: '63', status: 'success' }] });
		},
		error: /^Item 1: Order must be a positive whole number \(got "#62"\)/,
	},
	{
		name: 'Order Desk inventory update stock: a stock that is not a number',
		system: 'od',
		params: [odStock('SKU-1', 4), odStock('SKU-2', 'lots'), odStock('SKU-3', 0)],
		mock: () => {
			nock(OD)
				.put('/api/v2/batch-inventory-items', [
					{ code: 'SKU-1', stock: 4 },
					{ code: 'SKU-3', stock: 0 },
				])
				.reply(200, { status: 'success', results: [{ code: 'SKU-1', status: 'success' }, { code: 'SKU-3', status: 'success' }] });
		},
		error: /^Item 1: Stock is not a number \(got "lots"\)/,
		good: (out) => expect([out[0].json.sku, out[2].json.sku]).toEqual(['SKU-1', 'SKU-3']),
	},
	{
		name: 'JOOR inventory set: a negative inventory',
		system: 'joor',
		params: [joorInventory('1', 3), joorInventory('2', -4), joorInventory('3', 0)],
		mock: () => {
			nock(JOOR).post('/v2/bulk-inventory').query(true).reply(200, { response: { code: 200 } });
		},
		error: /^Item 1: Inventory must be at least 0/,
	},
	{
		name: 'JOOR style upsert: variants that are not JSON',
		system: 'joor',
		params: [joorStyle('A'), joorStyle('B', '[{color_code: BLK}'), joorStyle('C')],
		mock: joorJobAccepted('/v2/bulk-style'),
		error: /^Item 1: Variants is not valid JSON/,
	},
	{
		name: 'JOOR customer upsert: a malformed email',
		system: 'joor',
		params: [joorCustomer('C1', 'a@x.com'), joorCustomer('C2', 'not-an-email'), joorCustomer('C3', '')],
		mock: joorJobAccepted('/v2/bulk-connection'),
		error: /^Item 1: Email is not an email address/,
	},
	{
		name: 'JOOR order mark exported: an empty order ID',
		system: 'joor',
		params: [
			{ resource: 'order', operation: 'markExported', orderId: '11' },
			{ resource: 'order', operation: 'markExported', orderId: '' },
			{ resource: 'order', operation: 'markExported', orderId: '12' },
		],
		mock: () => {
			nock(JOOR).get('/v2/orders').query((q) => q.sync === '1' && q.order_id === '11,12').reply(200, { response: { code: 200 }, orders: [{ id: 11 }, { id: 12 }] });
		},
		error: /^Item 1: Order ID is empty/,
	},
	{
		name: 'JOOR image add: an image type JOOR does not take',
		system: 'joor',
		params: [joorImage('A', 'https://cdn.example.com/a.jpg'), joorImage('B', 'https://cdn.example.com/b.webp'), joorImage('C', 'https://cdn.example.com/c.png')],
		mock: () => {
			nock(JOOR).post('/v2/style-number/A/A/image/').query(true).reply(201, { response: { code: 201 } });
			nock(JOOR).post('/v2/style-number/C/C/image/').query(true).reply(201, { response: { code: 201 } });
		},
		error: /^Item 1: Image URL must be a JPEG or PNG/,
	},
	{
		name: 'JOOR linesheet add styles: no linesheet named',
		system: 'joor',
		params: [joorMembership('A', 'Core'), joorMembership('B', ' , '), joorMembership('C', 'Core')],
		mock: joorJobAccepted('/v2/bulk-style'),
		error: /^Item 1: Linesheets is empty/,
	},
	{
		name: 'SparkLayer update pricing: pricing that is not a price or JSON',
		system: 'sl',
		params: [slPricing('updatePricing', 't2', 'A', 10), slPricing('updatePricing', 't2', 'B', '{cheap}'), slPricing('updatePricing', 't2', 'C', '[{"quantity":1,"price":3}]')],
		mock: () => {
			nock(SL)
				.patch('/api/v1/price-lists/t2/pricing', [
					{ sku: 'A', pricing: [{ quantity: 1, price: 10 }] },
					{ sku: 'C', pricing: [{ quantity: 1, price: 3 }] },
				])
				.reply(200, { updated: 2 });
		},
		error: /^Item 1: Pricing is not valid JSON/,
		good: (out) => expect([out[0].json.sku, out[2].json.sku]).toEqual(['A', 'C']),
	},
	{
		name: 'SparkLayer batch update pricing: an empty SKU',
		system: 'sl',
		params: [slPricing('batchUpdatePricing', 't2', 'A', 1), slPricing('batchUpdatePricing', 't3', ' ', 2), slPricing('batchUpdatePricing', 't3', 'C', 3)],
		mock: () => {
			nock(SL).patch('/api/v1/batch-update-pricing', (b: IDataObject[]) => b.length === 2).reply(200, { updated: 2 });
		},
		error: /^Item 1: SKU is empty/,
	},
	{
		name: 'SparkLayer price list get or create: a slug SparkLayer does not take',
		system: 'sl',
		params: [slList('a'), slList('Tier 2!'), slList('c')],
		mock: slLists,
		error: /^Item 1: Slug is not a SparkLayer slug \("Tier 2!"/,
	},
	{
		name: 'SparkLayer price list get: a price list slug in the wrong form',
		system: 'sl',
		params: [
			{ resource: 'priceList', operation: 'get', priceListSlug: rl('id', 'a') },
			{ resource: 'priceList', operation: 'get', priceListSlug: rl('id', 'UPPER') },
			{ resource: 'priceList', operation: 'get', priceListSlug: rl('id', 'c') },
		],
		mock: () => {
			nock(SL).get('/api/v1/price-lists/a').reply(200, { slug: 'a' });
			nock(SL).get('/api/v1/price-lists/c').reply(200, { slug: 'c' });
		},
		error: /^Item 1: Price List is not a SparkLayer slug/,
	},
	{
		name: 'SparkLayer customer group get or create: an empty name',
		system: 'sl',
		params: [
			{ resource: 'customerGroup', operation: 'getOrCreate', slug: 'trade', name: 'Trade', parentSlug: 'base' },
			{ resource: 'customerGroup', operation: 'getOrCreate', slug: 'vip', name: '  ', parentSlug: 'base' },
			{ resource: 'customerGroup', operation: 'getOrCreate', slug: 'base', name: 'Base', parentSlug: '' },
		],
		mock: () => {
			nock(SL).get('/api/v1/customer-groups').reply(200, [{ slug: 'base', name: 'Base' }, { slug: 'trade', name: 'Trade' }]);
		},
		error: /^Item 1: Name is empty/,
	},
	{
		name: 'SparkLayer customer pricing: no SKUs',
		system: 'sl',
		params: [
			{ resource: 'customerPricing', operation: 'get', priceListSlugs: 'a', skus: 'X', additionalFields: {} },
			{ resource: 'customerPricing', operation: 'get', priceListSlugs: 'a', skus: ' , ', additionalFields: {} },
			{ resource: 'customerPricing', operation: 'get', priceListSlugs: 'a', skus: 'Y', additionalFields: {} },
		],
		mock: () => {
			nock(SL).post('/api/v1/fetch-customer-pricing').times(2).reply(200, (_u, b) => [{ sku: (b as { skus: string[] }).skus[0], price_list_slug: 'a', pricing: [] }]);
		},
		error: /^Item 1: SKUs is empty/,
	},
	{
		name: 'Shopify B2B customer create or update: a malformed email',
		system: 'shop',
		params: [
			{ resource: 'customer', operation: 'upsert', email: 'a@x.com', updateFields: {}, tagsToAdd: 'b2b', tagsToRemove: '', address: {}, sendInvite: false },
			{ resource: 'customer', operation: 'upsert', email: 'b at x.com', updateFields: {}, tagsToAdd: 'b2b', tagsToRemove: '', address: {}, sendInvite: false },
			{ resource: 'customer', operation: 'upsert', email: 'c@x.com', updateFields: {}, tagsToAdd: 'b2b', tagsToRemove: '', address: {}, sendInvite: false },
		],
		mock: shopAnswers('query FindCustomer', 2, (v) => {
			const email = String(v.q).replace(/^email:"|"$/g, '');
			return { customers: { nodes: [{ ...shopCustomer(email[0], email), tags: ['b2b'] }] } };
		}),
		error: /^Item 1: Email is not a valid email address \("b at x.com"\)/,
		good: (out) => expect([out[0].json.email, out[2].json.email]).toEqual(['a@x.com', 'c@x.com']),
	},
	{
		name: 'Shopify B2B find by email: an empty email',
		system: 'shop',
		params: [
			{ resource: 'customer', operation: 'findByEmail', email: 'a@x.com' },
			{ resource: 'customer', operation: 'findByEmail', email: '' },
			{ resource: 'customer', operation: 'findByEmail', email: 'c@x.com' },
		],
		mock: shopAnswers('query FindCustomer', 2, () => ({ customers: { nodes: [] } })),
		error: /^Item 1: Email is empty/,
	},
	{
		name: 'Shopify B2B metafields set many: a key Shopify does not take',
		system: 'shop',
		params: [
			{ resource: 'metafield', operation: 'setMany', ownerId: '1', namespace: 'sparklayer', metafields: { values: [{ key: 'price_lists', type: 'single_line_text_field', value: 'a' }] } },
			{ resource: 'metafield', operation: 'setMany', ownerId: '2', namespace: 'sparklayer', metafields: { values: [{ key: 'price lists!', type: 'single_line_text_field', value: 'b' }] } },
			{ resource: 'metafield', operation: 'setMany', ownerId: '3', namespace: 'sparklayer', metafields: { values: [{ key: 'price_lists', type: 'single_line_text_field', value: 'c' }] } },
		],
		mock: shopAnswers('metafieldsSet', 1, (v) => ({ metafieldsSet: { metafields: v.metafields as IDataObject[], userErrors: [] } })),
		error: /^Item 1: Metafields → Key is not a metafield key \("price lists!"/,
	},
	{
		name: 'Shopify B2B tag add: a customer ID that is not one',
		system: 'shop',
		params: [
			{ resource: 'tag', operation: 'add', customerId: rl('id', '1'), tags: 'b2b' },
			{ resource: 'tag', operation: 'add', customerId: rl('id', 'ann@x.com'), tags: 'b2b' },
			{ resource: 'tag', operation: 'add', customerId: rl('id', '3'), tags: 'b2b' },
		],
		mock: () => {
			shopAnswers('tagsAdd(', 2, (v) => ({ tagsAdd: { node: { id: v.id }, userErrors: [] } }))();
			shopAnswers('query Tags', 2, (v) => ({ customer: { id: v.id, tags: ['b2b'] } }))();
		},
		error: /^Item 1: Customer is not a Shopify customer ID \("ann@x.com"/,
	},
	{
		name: 'SparkLayer price list create: a currency that is not an ISO code',
		system: 'sl',
		params: [
			{ ...slList('a'), operation: 'create' },
			{ ...slList('b'), operation: 'create', currencyCode: 'Dollars' },
			{ ...slList('c'), operation: 'create' },
		],
		mock: () => {
			nock(SL).post('/api/v1/price-lists').times(2).reply(201, (_u, b) => b as IDataObject);
		},
		error: /^Item 1: Currency Code is not an ISO 4217 code \("DOLLARS"\)/,
	},
	{
		name: 'Shopify B2B customer get many: an Updated Since that is not a date',
		system: 'shop',
		params: [
			{ resource: 'customer', operation: 'getAll', returnAll: true, updatedSince: '2026-01-01T00:00:00Z', query: '' },
			{ resource: 'customer', operation: 'getAll', returnAll: true, updatedSince: 'last tuesday', query: '' },
			{ resource: 'customer', operation: 'getAll', returnAll: true, updatedSince: '', query: 'tag:b2b' },
		],
		mock: shopAnswers('query Customers', 2, () => ({ customers: { nodes: [shopCustomer('1', 'a@x.com')], pageInfo: { hasNextPage: false } } })),
		error: /^Item 1: Updated Since is not a valid date \("last tuesday"\)/,
	},
	{
		name: 'Shopify B2B order get many: a Since Time that is not a date',
		system: 'shop',
		params: [
			{ resource: 'order', operation: 'getAll', returnAll: true, sinceField: 'created', since: '2026-01-01T00:00:00Z', query: '' },
			{ resource: 'order', operation: 'getAll', returnAll: true, sinceField: 'created', since: 'after lunch', query: '' },
			{ resource: 'order', operation: 'getAll', returnAll: true, sinceField: 'updated', since: '', query: 'tag:b2b' },
		],
		mock: shopAnswers('query Orders', 2, (v) => ({ orders: { nodes: [{ id: 'gid://shopify/Order/1', name: `#${String(v.q)}`, tags: [], lineItems: { nodes: [] } }], pageInfo: { hasNextPage: false } } })),
		error: /^Item 1: Since Time is not a valid date \("after lunch"\)/,
	},
	{
		name: 'Shopify B2B tag remove: no tags',
		system: 'shop',
		params: [
			{ resource: 'tag', operation: 'remove', customerId: rl('id', '1'), tags: 'b2b' },
			{ resource: 'tag', operation: 'remove', customerId: rl('id', '2'), tags: ' , ' },
			{ resource: 'tag', operation: 'remove', customerId: rl('id', '3'), tags: 'b2b' },
		],
		mock: () => {
			shopAnswers('tagsRemove(', 2, (v) => ({ tagsRemove: { node: { id: v.id }, userErrors: [] } }))();
			shopAnswers('query Tags', 2, (v) => ({ customer: { id: v.id, tags: [] } }))();
		},
		error: /^Item 1: Tags is empty/,
	},
	{
		name: 'Shopify B2B send invite: an empty customer',
		system: 'shop',
		params: [
			{ resource: 'customer', operation: 'sendInvite', customerId: rl('id', '1') },
			{ resource: 'customer', operation: 'sendInvite', customerId: rl('id', '') },
			{ resource: 'customer', operation: 'sendInvite', customerId: rl('id', '3') },
		],
		mock: shopAnswers('mutation Invite', 2, (v) => ({ customerSendAccountInviteEmail: { customer: { id: v.customerId }, userErrors: [] } })),
		error: /^Item 1: Customer is empty/,
	},
	{
		name: 'Emarsys contact create or update: a malformed email',
		system: 'em',
		params: [emUpsert('a@x.com'), emUpsert('b at x.com'), emUpsert('c@x.com')],
		mock: () => {
			nock(EM).put('/api/v2/contact/').query(true).reply(200, emOk({ ids: [1, 3] }));
		},
		error: /^Item 1: Key Value is not a valid email address \("b at x.com"\)/,
		good: (out) => expect([out[0].json.key, out[2].json.key]).toEqual(['a@x.com', 'c@x.com']),
	},
	{
		name: 'Emarsys contact create or update: a field name the account does not have',
		system: 'em',
		params: [emUpsert('a@x.com', { fieldsJson: { loyalty: 'gold' } }), emUpsert('b@x.com', { fieldsJson: { loyalti: 'gold' } }), emUpsert('c@x.com')],
		mock: () => {
			nock(EM).get('/api/v2/field').reply(200, emOk([{ id: 7001, name: 'loyalty', string_id: 'loyalty', application_type: 'shorttext' }]));
			nock(EM).put('/api/v2/contact/').query(true).reply(200, emOk({ ids: [1, 3] }));
		},
		error: /^Item 1: Fields \(JSON\) key "loyalti" names no Emarsys contact field/,
	},
	{
		name: 'Emarsys contact get: an empty key value',
		system: 'em',
		params: emThree(['a@x.com', '', 'c@x.com'].map((keyValue) => ({ resource: 'contact', operation: 'get', keyField: 'email', keyValue, fields: 'email' }))),
		mock: () => {
			nock(EM).post('/api/v2/contact/getdata').reply(200, emOk({ result: [{ id: 1, '3': 'a@x.com' }, { id: 3, '3': 'c@x.com' }] }));
		},
		error: /^Item 1: Key Value is empty/,
		good: (out) => expect([out[0].json.found, out[2].json.found]).toEqual([true, true]),
	},
	{
		name: 'Emarsys contact get many: an empty return field',
		system: 'em',
		params: emThree(['email', '', 'email'].map((returnField) => ({ resource: 'contact', operation: 'getAll', returnField, returnAll: false, limit: 1 }))),
		mock: () => {
			nock(EM).get('/api/v2/contact/query/').query(true).times(2).reply(200, emOk({ result: [{ id: 1, '3': 'a@x.com' }], total: 1 }));
		},
		error: /^Item 1: Return Field is empty/,
	},
	{
		name: 'Emarsys contact delete: a custom key field that does not exist',
		system: 'em',
		params: [emKeyed('delete', 'a@x.com'), emKeyed('delete', '42', { keyField: 'shop_id' }), emKeyed('delete', 'c@x.com')],
		mock: () => {
			nock(EM).get('/api/v2/field').reply(200, emOk([]));
			nock(EM).post('/api/v2/contact/delete').reply(200, emOk({ deleted_contacts: 2 }));
		},
		error: /^Item 1: Key Field names no Emarsys contact field \("shop_id"\)/,
	},
	{
		name: 'Emarsys field ensure: a field row without a name',
		system: 'em',
		params: emThree(['a_field', '', 'c_field'].map((name) => ({ resource: 'field', operation: 'ensure', onTypeConflict: 'report', fields: { field: [{ name, type: 'numeric' }] } }))),
		mock: () => {
			nock(EM).get('/api/v2/field').reply(200, emOk([]));
			nock(EM).post('/api/v2/field').times(2).reply(200, emOk({ id: 9 }));
		},
		error: /^Item 1: Fields row 1 Name is empty/,
	},
	{
		name: 'Emarsys contact list get or create: an empty name',
		system: 'em',
		params: emThree(['A', ' ', 'C'].map((name) => ({ resource: 'contactList', operation: 'getOrCreate', name, listDescription: '' }))),
		mock: () => {
			nock(EM).get('/api/v2/contactlist').reply(200, emOk([]));
			nock(EM).post('/api/v2/contactlist').times(2).reply(200, emOk({ id: 5 }));
		},
		error: /^Item 1: List Name is empty/,
	},
	{
		name: 'Emarsys contact list add contacts: a list name where the list ID goes',
		system: 'em',
		params: [emKeyed('addContacts', 'a@x.com', { listId: 9 }), emKeyed('addContacts', 'b@x.com', { listId: 'VIP' }), emKeyed('addContacts', 'c@x.com', { listId: 9 })],
		mock: () => {
			nock(EM).post('/api/v2/contactlist/9/add').reply(200, emOk({ inserted_contacts: 2 }));
		},
		error: /^Item 1: Contact List must be a positive whole number \(got "VIP"\)/,
	},
	{
		name: 'Emarsys contact list remove contacts: an empty key value',
		system: 'em',
		params: [emKeyed('removeContacts', 'a@x.com', { listId: 9 }), emKeyed('removeContacts', '', { listId: 9 }), emKeyed('removeContacts', 'c@x.com', { listId: 9 })],
		mock: () => {
			nock(EM).post('/api/v2/contactlist/9/delete').reply(200, emOk({ deleted_contacts: 2 }));
		},
		error: /^Item 1: Key Value is empty/,
	},
	{
		name: 'Emarsys external event trigger: event data that is not a JSON object',
		system: 'em',
		params: emThree(['{"a":1}', '[1, 2]', '{}'].map((dataJson, k) => ({ resource: 'externalEvent', operation: 'trigger', eventId: 5001, keyField: 'email', keyValue: `${'abc'[k]}@x.com`, dataJson }))),
		mock: () => {
			nock(EM).post('/api/v2/event/5001/trigger').reply(200, emOk({ ids: [1, 3] }));
		},
		error: /^Item 1: Event Data \(JSON\) must be a JSON object/,
	},
	{
		name: 'Emarsys sales data upload: a timestamp that is not a date',
		system: 'em',
		params: emThree(['2026-11-20T10:00:00Z', 'last Tuesday', '2026-11-21'].map((timestamp, k) => ({
			resource: 'salesData',
			operation: 'upload',
			order: `SO-${k}`,
			timestamp,
			item: 'SKU-1',
			price: 10,
			quantity: 1,
			customerField: 'email',
			customer: 'a@x.com',
			customColumns: '{}',
			rememberDays: 400,
		}))),
		mock: () => {
			nock(EM_SALES).post('/hapi/merchant/M1/sales-data/api').reply(200, 'OK');
		},
		error: /^Item 1: Timestamp is not a valid date \("last Tuesday"\)/,
		good: (out) => expect([out[0].json.status, out[2].json.status]).toEqual(['sent', 'sent']),
	},
];

describe('bad input: one bad item fails alone, named, and the rest is processed', () => {
	let clock: ReturnType<typeof useFakeClock>;
	beforeAll(() => {
		if (!nock.isActive()) nock.activate();
		nock.disableNetConnect();
	});
	afterAll(() => {
		nock.enableNetConnect();
		nock.restore();
	});
	beforeEach(() => {
		clock = useFakeClock(Date.parse('2026-03-01T12:00:00Z'));
		resetRegionCache();
		resetBuckets();
	});
	afterEach(() => {
		clock.restore();
		nock.cleanAll();
	});

	test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		c.mock();
		const sys = systems[c.system];
		const { ctx } = createContext({
			credentialType: sys.credentialType(),
			credentials: sys.credentials as never,
			parameters: c.params,
			items: [0, 1, 2].map((i) => ({ json: { i } })),
			continueOnFail: true,
		});
		const [out] = (await sys.node().execute.call(ctx)) as INodeExecutionData[][];
		const pending = nock.pendingMocks();
		const byItem = (i: number) => out.filter((o) => (o.pairedItem as { item: number }).item === i);
		// The bad item: exactly one error item, paired with it, naming the item/record and the field.
		expect(byItem(1)).toHaveLength(1);
		expect(String(byItem(1)[0].json.error)).toMatch(c.error);
		expect(byItem(1)[0].error).toBeDefined(); // routed to the node's error output
		// The good items: processed, no error, every call they needed was made.
		for (const i of [0, 2]) {
			expect(byItem(i).length).toBeGreaterThan(0);
			expect(byItem(i).map((o) => o.json.error)).toEqual(byItem(i).map(() => undefined));
		}
		expect(pending).toEqual([]);
		c.good?.([byItem(0)[0], byItem(1)[0], byItem(2)[0]]);
	});

	test('without continue on fail the node stops at the bad item and names it', async () => {
		const c = CASES[1];
		ddUpserts('ann@example.com')();
		const sys = systems.dd;
		const { ctx } = createContext({
			credentialType: sys.credentialType(),
			credentials: sys.credentials as never,
			parameters: c.params,
			items: [0, 1, 2].map((i) => ({ json: { i } })),
		});
		const error = (await (sys.node().execute.call(ctx) as Promise<unknown>).catch((e) => e)) as { message: string; context: { itemIndex: number } };
		expect(String(error.message)).toMatch(c.error);
		expect(error.context.itemIndex).toBe(1);
	});
});

/**
 * A location name that matches no Cin7 Core location — a typo in "Sellable Locations" — is an error
 * naming the item and the field (checked against GET /ref/location), never a silent 0 for every SKU.
 */
describe('bad input: unknown location', () => {
	beforeAll(() => {
		if (!nock.isActive()) nock.activate();
		nock.disableNetConnect();
	});
	afterAll(() => {
		nock.cleanAll();
		nock.enableNetConnect();
		nock.restore();
	});
	test('Cin7 Core available to sell: an unknown sellable location is an error naming the item and the field', async () => {
		const clock = useFakeClock(Date.parse('2026-03-01T12:00:00Z'));
		try {
			nock(CORE)
				.get('/ExternalApi/v2/ref/productavailability')
				.query(true)
				.reply(200, { Total: 1, Page: 1, ProductAvailabilityList: [{ SKU: 'A', Location: 'Main Warehouse', Bin: null, Batch: null, OnHand: 5, Allocated: 0, Available: 5, OnOrder: 0 }] });
			nock(CORE).get('/ExternalApi/v2/ref/location').query(true).reply(200, { Total: 1, Page: 1, LocationList: [{ ID: 'l1', Name: 'Main Warehouse' }] });
			const { ctx } = createContext({
				credentialType: systems.core.credentialType(),
				credentials: systems.core.credentials as never,
				parameters: {
					resource: 'stock',
					operation: 'getAvailableToSell',
					skus: '',
					sellableLocations: ['Main Warehuose'],
					excludedLocations: [],
					excludedBins: '',
					deductUnauthorisedOrders: false,
					safetyBufferMode: 'none',
					safetyBufferValue: 0,
					includeOnOrder: false,
					flagChangesSinceLastRun: false,
				},
				continueOnFail: true,
			});
			const [out] = (await new Cin7Core().execute.call(ctx)) as INodeExecutionData[][];
			expect(String(out[0].json.error)).toMatch(/Item 0: Sellable Locations .*Main Warehuose/);
		} finally {
			clock.restore();
		}
	});
});
