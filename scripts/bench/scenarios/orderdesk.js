'use strict';
// Order Desk scenarios. Lists: limit ≤ 500 + offset; batch shipments and batch inventory: the
// client's 100 per call (the sandbox's cap; the vendor documents none). Leaky bucket per store:
// 20 tokens refilling 3 a second, so a long run is bound by 3 calls a second (180 a minute).
const { ceil, perItemCount, PER_ITEM_TIME_SCALE } = require('./common');
const { naiveFor } = require('../naive');

const PAGE = 500;
const BATCH = 100;
const MOVE_BATCH = 500;
// The bucket's refill is the long-run rate rate% is measured against.
const base = { system: 'orderdesk', limitPerMinute: 180, rateWindows: [{ limit: 3, windowMs: 1000 }], systems: ['orderdesk'] };
const odNaive = (url, timeScale) => naiveFor(base.system, url, timeScale);

function odNode(env) {
	const { OrderDesk } = env.dist('nodes/OrderDesk/OrderDesk.node.js');
	return new OrderDesk();
}
/**
 * The sandbox on this machine answers in milliseconds; Order Desk, across the internet, does not.
 * The "remote" scenario adds an assumed round trip (400 ms of documented time, ÷ the time scale)
 * to every answer, the client's and the naive one's, so the rate shows what keeping calls in flight
 * buys when answers take longer than the bucket's refill interval (1 s ÷ 3).
 */
const ROUND_TRIP_MS = 400;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function withRoundTrip(ctx, timeScale) {
	const send = ctx.helpers.httpRequestWithAuthentication;
	ctx.helpers.httpRequestWithAuthentication = async function (...args) {
		try {
			return await send.apply(this, args);
		} finally {
			await sleep(ROUND_TRIP_MS / timeScale);
		}
	};
	return ctx;
}
const ok = (out) => out[0].filter((o) => !o.json.error).length;
const failed = (out) => out[0].filter((o) => o.json.error).length;

/** Order → Add Note per order, then Move to Folder; `remote` adds the assumed round trip to every answer. */
function fileOrders(name, remote) {
	const context = (env, opts) => {
		const made = env.createContext(opts);
		if (remote) withRoundTrip(made.ctx, env.timeScale);
		return made;
	};
	return {
		...base,
		name,
		timeScale: PER_ITEM_TIME_SCALE,
		pacingBound: true,
		what: `Order Desk node, Order → Add Note for each of n ÷ 20 orders (300–1,000), then Move to Folder (the submit flow's filing): one note call per order, up to 4 on their way at once, bound by the bucket's 3 a second${remote ? `; every answer ${ROUND_TRIP_MS} ms later (an assumed round trip to Order Desk)` : ''}`,
		sandboxSize: (n) => Math.max(n, perItemCount(n)),
		input: (state, n) => ({ ids: state.orderdesk.orders.slice(0, perItemCount(n)).map((o) => o.id) }),
		minimum: (f, n) => perItemCount(n) + ceil(perItemCount(n), MOVE_BATCH) + 1,
		async pkg(env) {
			const items = env.input.ids.map((id) => ({ json: { id } }));
			const notes = context(env, { items, parameters: { resource: 'order', operation: 'addNote', orderId: (i, it) => it.json.id, note: (i, it) => `Submitted to Cin7 Omni as sales order OD-${it.json.id}` } });
			const noted = await odNode(env).execute.call(notes.ctx);
			const moves = context(env, { items, parameters: { resource: 'order', operation: 'moveToFolder', orderId: (i, it) => it.json.id, folder: 'Sent to Cin7' } });
			const moved = await odNode(env).execute.call(moves.ctx);
			return { records: Math.min(ok(noted), ok(moved)), failed: failed(noted) + failed(moved) };
		},
		async naive(env) {
			const c = odNaive(env.url, env.timeScale);
			let records = 0;
			const answer = async (request) => {
				const body = await request;
				if (remote) await sleep(ROUND_TRIP_MS / env.timeScale);
				return body;
			};
			for (const id of env.input.ids) {
				await answer(c.call('POST', `/orders/${id}/order-history`, { data: { note: `Submitted to Cin7 Omni as sales order OD-${id}` } }));
				await answer(c.call('POST', '/move-orders', { data: { order_id_list: [String(id)], destination_folder_name: 'Sent to Cin7' } }));
				records++;
			}
			return { records };
		},
	};
}

module.exports = [
	{
		...base,
		name: 'od.orderRead',
		what: 'Order Desk node, Order → Get Many (Return All), every order of the store',
		sandboxSize: (n) => n, // orders = size
		// pages of 500; the store settings are read once per run for its time zone and folders
		minimum: (f) => ceil(f.od.orders, PAGE) + 1,
		async pkg(env) {
			const { ctx } = env.createContext({ parameters: { resource: 'order', operation: 'getAll', returnAll: true, filters: {} } });
			const out = await odNode(env).execute.call(ctx);
			return { records: out[0].length };
		},
		async naive(env) {
			const c = odNaive(env.url, env.timeScale);
			let records = 0;
			for (let offset = 0; ; offset += 50) {
				const body = await c.call('GET', '/orders', { params: { limit: 50, offset, order_by: 'id', order: 'asc' } });
				records += body.orders.length;
				if (body.orders.length < 50) return { records };
			}
		},
	},
	{
		...base,
		name: 'od.shipmentsBatch',
		what: 'Order Desk node, Shipment → Add Many: a shipment with tracking for each of n orders (the shipments flow), 100 per batch call',
		sandboxSize: (n) => n,
		input: (state, n) => ({ ids: state.orderdesk.orders.slice(0, n).map((o) => o.id) }),
		minimum: (f, n) => ceil(Math.min(n, f.od.orders), BATCH),
		async pkg(env) {
			const items = env.input.ids.map((id, k) => ({ json: { id, tracking: `1ZBENCH${String(k).padStart(8, '0')}` } }));
			const { ctx } = env.createContext({
				items,
				parameters: {
					resource: 'shipment', operation: 'addMany', orderId: (i, it) => it.json.id, trackingNumber: (i, it) => it.json.tracking,
					carrierCode: 'UPS', shipmentMethod: 'Ground', additionalFields: {}, batchSize: BATCH,
				},
			});
			const out = await odNode(env).execute.call(ctx);
			return { records: ok(out), failed: failed(out) };
		},
		async naive(env) {
			const c = odNaive(env.url, env.timeScale);
			let records = 0;
			for (const [k, id] of env.input.ids.entries()) {
				await c.call('POST', `/orders/${id}/shipments`, { data: { tracking_number: `1ZBENCH${String(k).padStart(8, '0')}`, carrier_code: 'UPS', shipment_method: 'Ground' } });
				records++;
			}
			return { records };
		},
	},
	{
		...base,
		name: 'od.inventoryBatch',
		what: 'Order Desk node, Inventory Item → Update Stock for n SKUs (the inventory flow\'s changed SKUs), 100 per batch call',
		sandboxSize: (n) => n, // inventory items = size
		input: (state, n) => ({ codes: state.orderdesk.inventory.slice(0, n).map((it) => it.code) }),
		minimum: (f, n) => ceil(Math.min(n, f.od.inventoryItems), BATCH),
		async pkg(env) {
			const items = env.input.codes.map((code, k) => ({ json: { code, stock: k % 50 } }));
			const { ctx } = env.createContext({ items, parameters: { resource: 'inventoryItem', operation: 'updateStock', sku: (i, it) => it.json.code, stock: (i, it) => it.json.stock, batchSize: BATCH } });
			const out = await odNode(env).execute.call(ctx);
			return { records: ok(out), failed: failed(out) };
		},
		async naive(env) {
			// without the batch endpoint: find each item by code, then PUT it whole with the new stock
			const c = odNaive(env.url, env.timeScale);
			let records = 0;
			for (const [k, code] of env.input.codes.entries()) {
				const found = await c.call('GET', '/inventory-items', { params: { code } });
				const item = found.inventory_items[0];
				await c.call('PUT', `/inventory-items/${item.id}`, { data: { ...item, stock: k % 50 } });
				records++;
			}
			return { records };
		},
	},
	fileOrders('od.fileOrdersPerItem', false),
	fileOrders('od.fileOrdersPerItemRemote', true),
];
