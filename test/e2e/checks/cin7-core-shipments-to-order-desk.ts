/**
 * workflows/cin7-core-shipments-to-order-desk.json: Cin7 Core sales whose External ID is
 * OD-<order id> and whose shipment is authorised become Order Desk shipments (one per tracking
 * number: carrier, tracking number, Cin7 Core's tracking URL) on that order, which then moves from
 * "Sent to Cin7" to "Shipped"; voided sales move it to "Canceled". The check sets the scene through
 * the vendors' APIs: five Order Desk orders with a Cin7 Core sale each (two shipped, one with two
 * boxes, one voided, one still open, one shipped whose Order Desk order was already handled), then
 * ships the open one between the runs.
 */
import { authHeaders, systemBaseUrl, type Json, type Sandbox } from '../harness/n8n';
import { expectShipmentsFirstRun, expectShipmentsSecondRun, orderById, ordersIn, setLiterals, type ShipmentScene } from './order-desk-common';
import type { TemplateCheck } from './types';
import { vendorFetch } from '../harness/vendorFetch';

async function core(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<Json> {
	const r = await vendorFetch(`${systemBaseUrl(sandbox, 'cin7core')}${path}`, {
		method,
		headers: { ...authHeaders('cin7core'), 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await r.text();
	if (r.status !== 200) throw new Error(`Cin7 Core ${method} ${path}: ${r.status} ${text}`);
	return text ? JSON.parse(text) : {};
}

/** Parcels per role: [carrier, tracking number] per box. */
const PARCELS: Record<string, Array<[string, string]>> = {
	a: [['DHL', 'JD014600001']],
	b: [['Australia Post', 'AP1000000001'], ['Australia Post', 'AP1000000002']],
	d: [['FedEx', 'FX777000111']],
	e: [['DHL', 'JD014600009']],
};

async function ship(sandbox: Sandbox, saleId: string, parcels: Array<[string, string]>) {
	await core(sandbox, 'POST', '/sale/fulfilment/pick', { TaskID: saleId, AutoPickMode: 'AUTOPICK' });
	await core(sandbox, 'POST', '/sale/fulfilment/pack', { TaskID: saleId, Status: 'AUTHORISED' });
	await core(sandbox, 'POST', '/sale/fulfilment/ship', {
		TaskID: saleId,
		Status: 'AUTHORISED',
		Lines: parcels.map(([carrier, tracking], k) => ({ Carrier: carrier, TrackingNumber: tracking, Box: String(k + 1), IsShipped: true })),
	});
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		const settings = setLiterals(ctx.workflow, 'Integration settings');
		const od = await ctx.sandbox.getState('orderdesk');
		const state = await ctx.sandbox.getState('cin7core');
		// orders other checks do not use: the Prepared folder
		const prepared = ordersIn(od, 'Prepared');
		expect(prepared.length).toBeGreaterThanOrEqual(5);
		const cust = (state.customers as Json[]).find((c) => c.Status === 'Active' && c.Currency === 'AUD')!;
		// a plain stock row (no bin or batch) with room for five allocations
		const row = (state.availability as Json[]).find((r) => r.Location !== 'Quarantine' && !r.Bin && !r.Batch && r.Available > 20)!;
		const ids: Record<string, string> = {};
		for (const [k, role] of ['a', 'b', 'c', 'd', 'e'].entries()) {
			const o = prepared[k];
			ids[role] = String(o.id);
			await ctx.sandbox.mutate('orderdesk', { entity: 'order', id: o.id, patch: { folder_name: role === 'e' ? settings.afterShipmentFolder : settings.afterImportFolder } });
			const head = await core(ctx.sandbox, 'POST', '/sale', { CustomerID: cust.ID, Location: row.Location, SkipQuote: true, ExternalID: `${settings.referencePrefix}${o.id}` });
			await core(ctx.sandbox, 'POST', '/sale/order', { SaleID: head.ID, Status: 'AUTHORISED', Lines: [{ SKU: row.SKU, Quantity: 1, Price: 10, Tax: 1, TaxRule: 'GST on Income', Total: 10 }] });
			ids[`${role}Sale`] = head.ID;
			if (PARCELS[role] && role !== 'd') await ship(ctx.sandbox, head.ID, PARCELS[role]);
			if (role === 'c') await core(ctx.sandbox, 'DELETE', `/sale?ID=${head.ID}&Void=true`);
		}
		ctx.memo.ids = ids;
		ctx.memo.settings = settings;
		ctx.memo.before = orderById(await ctx.sandbox.getState('orderdesk'));
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const od = await ctx.sandbox.getState('orderdesk');
		const state = await ctx.sandbox.getState('cin7core');
		const scene = ctx.memo as ShipmentScene;
		const sale = (id: string) => (state.sales as Json[]).find((x) => x.ID === id)!;
		const shipped = Object.fromEntries(
			['a', 'b'].map((role) => {
				// Cin7 Core's own tracking URL for each box, read from the sale
				const lines = (sale(scene.ids[`${role}Sale`]).Fulfilments as Json[]).flatMap((f) => (f.Ship?.Lines ?? []) as Json[]);
				const url = (tracking: string) => lines.find((l) => l.TrackingNumber === tracking)?.TrackingURL ?? '';
				const orderNumber = sale(scene.ids[`${role}Sale`]).Order.SaleOrderNumber;
				return [
					role,
					{
						shipments: PARCELS[role].map(([carrier, tracking]) => ({ tracking_number: tracking, carrier_code: carrier, tracking_url: url(tracking) })),
						notes: PARCELS[role].map(([carrier, tracking]) => `Shipped in Cin7 Core (sale ${orderNumber}): ${carrier} ${tracking}`),
					},
				];
			}),
		);
		const cancelled = `Cancelled in Cin7 Core (sale ${sale(scene.ids.cSale).Order.SaleOrderNumber} voided)`;
		ctx.memo.afterFirst = expectShipmentsFirstRun(od, scene, shipped, ['tracking_number', 'carrier_code', 'tracking_url'], cancelled);
	},

	async betweenRuns(ctx) {
		const ids = ctx.memo.ids as Record<string, string>;
		await ship(ctx.sandbox, ids.dSale, PARCELS.d);
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const od = await ctx.sandbox.getState('orderdesk');
		expectShipmentsSecondRun(od, ctx.memo as ShipmentScene, ctx.memo.afterFirst as Map<string, Json>, PARCELS.d.map(([carrier, tracking]) => [tracking, carrier]));
	},
};
