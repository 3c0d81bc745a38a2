'use strict';
// Emarsys writes (targets-api.md §2): contact upserts and external-event triggers take ≤ 1,000
// records a call, 1,000 calls a minute per API user; sales data is one CSV upload (≤ 10 MB a body,
// its own host and token, not rate limited). The minimum counts the batch calls plus the setup a
// run needs: one token call (OAuth 2.0) and one GET /field to resolve field names.
const { ceil } = require('./common');
const { naiveFor } = require('../naive');

const BATCH = 1000;
/** Emarsys's 10 MB upload cap, read as 10,000,000 bytes (the node's SALES_DATA_MAX_BYTES). */
const SALES_MAX_BYTES = 10_000_000;
const SALES_HEADER = 'order,timestamp,item,price,quantity,email\n';
const base = { system: 'emarsys', limitPerMinute: 1000, systems: ['emarsys'], sandboxSize: () => 'demo', naiveMax: 1000 };
const emNaive = (url, timeScale) => naiveFor(base.system, url, timeScale);

function emNode(env) {
	const { Emarsys } = env.dist('nodes/Emarsys/Emarsys.node.js');
	return new Emarsys();
}
const email = (i) => `bench.contact.${i}@example-bench.com`;
function contactItems(n) {
	const out = [];
	for (let i = 1; i <= n; i++) out.push({ json: { email: email(i), firstName: `First${i}`, lastName: `Last${i}` } });
	return out;
}
/** Order lines: 3 per order, each order's customer cycling over the first 1,000 bench contacts. */
function lineItems(n) {
	const out = [];
	for (let i = 1; i <= n; i++) {
		const o = Math.ceil(i / 3);
		const order = `SO-B${String(o).padStart(6, '0')}`;
		out.push({ json: { order, timestamp: '2026-11-01T10:00:00Z', item: `SKU-${String(i % 300).padStart(5, '0')}`, price: 12.5 * (1 + (i % 4)), quantity: 1 + (i % 4), email: email(1 + (o % 1000)) } });
	}
	return out;
}
/**
 * The bench lines' CSV bytes, computed here from the lines themselves (no quoting is needed: no
 * value holds a comma or a quote), for the fewest files that can carry them with a header each.
 */
function salesFilesMinimum(n) {
	let bytes = 0;
	for (const { json: l } of lineItems(n)) bytes += Buffer.byteLength(`${l.order},${l.timestamp},${l.item},${l.price},${l.quantity},${l.email}\n`);
	return ceil(bytes, SALES_MAX_BYTES - Buffer.byteLength(SALES_HEADER));
}
const outcome = (out) => { const failed = out[0].filter((o) => o.json.error).length; return { records: out[0].length - failed, failed }; };
/** Bench contacts must exist before events can be triggered for them (one batch upsert a 1,000). */
async function seedContacts(env, n) {
	const c = emNaive(env.url, env.timeScale);
	const items = contactItems(n);
	for (let k = 0; k < items.length; k += BATCH) {
		await c.call('PUT', '/contact/', { params: { create_if_not_exists: 1 }, data: { key_id: '3', contacts: items.slice(k, k + BATCH).map((it) => ({ 3: it.json.email })) } });
	}
}
const upsertParams = {
	resource: 'contact', operation: 'upsert', keyField: 'email', keyValue: (i, it) => it.json.email, optIn: 'true',
	fieldsUi: (i, it) => ({ field: [{ name: 'first_name', value: it.json.firstName }, { name: 'last_name', value: it.json.lastName }] }),
	fieldsJson: '{}', contactListId: 0,
};

module.exports = [
	{
		...base,
		name: 'em.contactsUpsert',
		what: 'Emarsys node, Contact → Create or Update: PUT /contact/?create_if_not_exists=1 a 1,000 contacts (+ token, GET /field)',
		minimum: (f, n) => ceil(n, BATCH) + 2,
		async pkg(env) {
			const { ctx } = env.createContext({ items: contactItems(env.n), parameters: upsertParams });
			return outcome(await emNode(env).execute.call(ctx));
		},
		async naive(env) {
			const c = emNaive(env.url, env.timeScale);
			let records = 0;
			for (const it of contactItems(env.n)) {
				await c.call('PUT', '/contact/', { params: { create_if_not_exists: 1 }, data: { key_id: '3', 3: it.json.email, 1: it.json.firstName, 2: it.json.lastName, 31: '1' } });
				records++;
			}
			return { records };
		},
	},
	{
		...base,
		name: 'em.contactsUpsert.live',
		what: 'em.contactsUpsert with a full GC before every call to read the live heap, split into the input items (the harness builds them), the items returned (n8n keeps them) and the node\'s own working set (peak live − inputs − returned items); its wall and CPU times include the GCs and are not comparable',
		minimum: (f, n) => ceil(n, BATCH) + 2,
		async pkg(env) {
			const heap = () => {
				global.gc();
				return process.memoryUsage().heapUsed;
			};
			const before = heap();
			const items = contactItems(env.n);
			const inputs = heap();
			const { ctx } = env.createContext({ items, parameters: upsertParams });
			let peak = inputs;
			const send = ctx.helpers.httpRequestWithAuthentication;
			ctx.helpers.httpRequestWithAuthentication = async (...args) => {
				peak = Math.max(peak, heap());
				return await send(...args);
			};
			const out = await emNode(env).execute.call(ctx);
			const returned = heap() - inputs;
			const mb = (b) => Math.round((b / 1048576) * 10) / 10;
			// At the last call the outputs of every page but the last exist: the node's own share is
			// the peak less the inputs and those outputs (estimated as the returned items pro rata).
			const outputsAtPeak = (returned * Math.max(0, env.n - BATCH)) / env.n;
			return { ...outcome(out), inputMb: mb(inputs - before), returnedMb: mb(returned), peakLiveMb: mb(peak - inputs), nodeOwnMb: mb(Math.max(0, peak - inputs - outputsAtPeak)) };
		},
	},
	{
		...base,
		name: 'em.eventsTrigger',
		what: 'Emarsys node, External Event → Trigger for n contacts: POST /event/{id}/trigger a 1,000 contacts (+ token, GET /field for the key field); the contacts are created first, outside the measurement',
		minimum: (f, n) => ceil(n, BATCH) + 2,
		setupPkg: (env) => seedContacts(env, env.n),
		setupNaive: (env) => seedContacts(env, Math.min(env.n, base.naiveMax)),
		async pkg(env) {
			const { ctx } = env.createContext({
				items: contactItems(env.n),
				parameters: { resource: 'externalEvent', operation: 'trigger', eventId: '5004', keyField: 'email', keyValue: (i, it) => it.json.email, dataJson: (i, it) => JSON.stringify({ sku: `SKU-${i % 300}` }) },
			});
			return outcome(await emNode(env).execute.call(ctx));
		},
		async naive(env) {
			const c = emNaive(env.url, env.timeScale);
			let records = 0;
			for (const [i, it] of contactItems(env.n).entries()) {
				await c.call('POST', '/event/5004/trigger', { data: { key_id: '3', external_id: it.json.email, data: { sku: `SKU-${i % 300}` } } });
				records++;
			}
			return { records };
		},
	},
	{
		...base,
		name: 'em.salesDataUpload',
		what: 'Emarsys node, Sales Data → Upload n order lines: one text/csv POST per 10,000,000 bytes of CSV (header in each) to the sales-data host (its own token, no rate limit) + the OAuth token call the credential makes first',
		minimum: (f, n) => salesFilesMinimum(n) + 1,
		naiveMax: 0,
		async pkg(env) {
			const { ctx } = env.createContext({
				items: lineItems(env.n),
				parameters: {
					resource: 'salesData', operation: 'upload', order: (i, it) => it.json.order, timestamp: (i, it) => it.json.timestamp, item: (i, it) => it.json.item,
					price: (i, it) => it.json.price, quantity: (i, it) => it.json.quantity, customerField: 'email', customer: (i, it) => it.json.email, customColumns: '{}',
				},
			});
			return outcome(await emNode(env).execute.call(ctx));
		},
	},
];
