'use strict';
// Dotdigital writes. Imports: ≤ 50 MB per body, no per-record count cap (contacts v3 import and
// insight data v3 import); each import needs its submit call and at least one status call.
const { ceil, perItemCount, PER_ITEM_TIME_SCALE } = require('./common');
const { naiveFor } = require('../naive');

const MAX_BODY = 50 * 1024 * 1024;
// limitPerMinute null: tiers differ per endpoint (Low 35 / Medium 150 / High 300 per minute).
const base = { system: 'dotdigital', limitPerMinute: null, systems: ['dotdigital'], sandboxSize: () => 'demo', naiveMax: 1000 };
const ddNaive = (url, timeScale) => naiveFor(base.system, url, timeScale);

function ddNode(env) {
	const { Dotdigital } = env.dist('nodes/Dotdigital/Dotdigital.node.js');
	return new Dotdigital();
}
function contactItems(n) {
	const out = [];
	for (let i = 1; i <= n; i++) out.push({ json: { email: `bench.contact.${i}@example-bench.com`, firstName: `First${i}`, lastName: `Last${i}` } });
	return out;
}
function productItems(n) {
	const out = [];
	for (let i = 1; i <= n; i++) {
		const sku = `SKU-${String(i).padStart(6, '0')}`;
		out.push({ json: { id: String(i), name: `Bench Product ${i}`, sku, price: 10 + (i % 90), url: `https://shop.example.com/p/${sku}`, imagePath: `https://shop.example.com/img/${sku}.jpg`, stock: i % 50, status: 'Enabled', type: 'Simple', created_date: '2025-01-01T00:00:00+00:00' } });
	}
	return out;
}
const importMinimum = (bodyBytes) => 2 * Math.max(1, ceil(bodyBytes, MAX_BODY));
/** The credential's default Calls Per Minute: Dotdigital's lowest (Low) tier, which the client paces every call at. */
const DD_CALLS_PER_MINUTE = 35;

module.exports = [
	{
		...base,
		name: 'dd.contactsImport',
		what: 'Dotdigital node, Contact → Bulk Import (PUT /contacts/v3/import + status), default options (batches by the 40 MB margin)',
		minimum: (f, n) => importMinimum(JSON.stringify({ mergeOption: 'overwrite', contacts: contactItems(n).map((it) => ({ matchIdentifier: 'email', identifiers: { email: it.json.email }, dataFields: { FIRSTNAME: it.json.firstName, LASTNAME: it.json.lastName } })) }).length),
		async pkg(env) {
			const items = contactItems(env.n);
			const { ctx } = env.createContext({
				items,
				parameters: {
					resource: 'contact', operation: 'bulkImport', mergeOption: 'overwrite', listIds: [], additionalFields: {}, importOptions: {},
					email: (i, it) => it.json.email,
					dataFieldsJson: '{}',
					dataFieldsUi: (i, it) => ({ field: [{ key: 'FIRSTNAME', value: it.json.firstName }, { key: 'LASTNAME', value: it.json.lastName }] }),
				},
			});
			const out = await ddNode(env).execute.call(ctx);
			const failed = out[0].filter((o) => o.json.error).length;
			return { records: out[0].length - failed, failed };
		},
		async naive(env) {
			const c = ddNaive(env.url, env.timeScale);
			let records = 0;
			for (const it of contactItems(env.n)) {
				await c.call('PATCH', `/contacts/v3/email/${encodeURIComponent(it.json.email)}`, { data: { identifiers: { email: it.json.email }, dataFields: { FIRSTNAME: it.json.firstName, LASTNAME: it.json.lastName } } });
				records++;
			}
			return { records };
		},
	},
	{
		...base,
		name: 'dd.catalogImport',
		what: 'Dotdigital node, Insight Data → Import into account collection catalog_Products, default options (batches by the 40 MB margin)',
		minimum: (f, n) => importMinimum(JSON.stringify({ collectionName: 'catalog_Products', collectionScope: 'account', collectionType: 'catalog', records: productItems(n).map((it) => ({ key: it.json.sku, json: it.json })) }).length),
		async pkg(env) {
			const items = productItems(env.n);
			const { ctx } = env.createContext({
				items,
				parameters: {
					resource: 'insightData', operation: 'import', collectionName: 'catalog_Products', collectionScope: 'account', collectionType: 'catalog',
					recordSource: 'item', importOptions: {}, recordKey: (i, it) => it.json.sku,
				},
			});
			const out = await ddNode(env).execute.call(ctx);
			const failed = out[0].filter((o) => o.json.error).length;
			return { records: out[0].length - failed, failed };
		},
		async naive(env) {
			const c = ddNaive(env.url, env.timeScale);
			await c.call('POST', '/insightData/v3/collections/catalog_Products', { params: { collectionScope: 'account', collectionType: 'catalog' } });
			let records = 0;
			for (const it of productItems(env.n)) {
				await c.call('PUT', `/insightData/v3/account/catalog_Products/${encodeURIComponent(it.json.sku)}`, { data: it.json });
				records++;
			}
			return { records };
		},
	},
	{
		...base,
		name: 'dd.contactUpsertPerItem',
		timeScale: PER_ITEM_TIME_SCALE,
		pacingBound: true,
		what: 'Dotdigital node, Contact → Create or Update for each of n ÷ 20 items (300–1,000): one PATCH per contact, bound by the 35/min pacing (the Low tier, the credential default)',
		limitPerMinute: DD_CALLS_PER_MINUTE,
		naiveMax: Infinity,
		minimum: (f, n) => perItemCount(n),
		async pkg(env) {
			const items = contactItems(perItemCount(env.n));
			const { ctx } = env.createContext({
				items,
				parameters: {
					resource: 'contact', operation: 'upsert', mergeOption: 'overwrite', listIds: [], additionalFields: {},
					email: (i, it) => it.json.email,
					dataFieldsJson: '{}',
					dataFieldsUi: (i, it) => ({ field: [{ key: 'FIRSTNAME', value: it.json.firstName }, { key: 'LASTNAME', value: it.json.lastName }] }),
				},
			});
			const out = await ddNode(env).execute.call(ctx);
			const failed = out[0].filter((o) => o.json.error).length;
			return { records: out[0].length - failed, failed };
		},
		async naive(env) {
			// 1 s ÷ scale between calls is 60 a minute: above the Low tier, inside PATCH's Medium tier.
			const c = ddNaive(env.url, env.timeScale);
			let records = 0;
			for (const it of contactItems(perItemCount(env.n))) {
				await c.call('PATCH', `/contacts/v3/email/${encodeURIComponent(it.json.email)}`, { data: { identifiers: { email: it.json.email }, dataFields: { FIRSTNAME: it.json.firstName, LASTNAME: it.json.lastName } } });
				records++;
			}
			return { records };
		},
	},
];
