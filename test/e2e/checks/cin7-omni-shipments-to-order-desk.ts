/**
 * workflows/cin7-omni-shipments-to-order-desk.json: Cin7 Omni sales orders that Order Desk sent
 * (reference OD-<order id>) and that are dispatched become a shipment (carrier, tracking number,
 * tracking URL) on the Order Desk order, which then moves from "Sent to Cin7" to "Shipped"; voided
 * ones move to "Canceled". The check sets the scene through the vendors' APIs: five Order Desk
 * orders with a Cin7 Omni order each (two dispatched with tracking, one voided, one still open,
 * one dispatched whose Order Desk order was already handled), then dispatches the open one
 * between the runs.
 */
import { authHeaders, systemBaseUrl, type Json, type Sandbox } from '../harness/n8n';
import { expectShipmentsFirstRun, expectShipmentsSecondRun, lc, orderById, ordersIn, setLiterals, type ShipmentScene } from './order-desk-common';
import type { TemplateCheck } from './types';
import { vendorFetch } from '../harness/vendorFetch';

async function omni(sandbox: Sandbox, method: string, path: string, body: unknown): Promise<Json[]> {
	const r = await vendorFetch(`${systemBaseUrl(sandbox, 'cin7omni')}${path}`, {
		method,
		headers: { ...authHeaders('cin7omni'), 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const out = (await r.json()) as Json[];
	if (r.status !== 200 || !out.every((x) => x.success)) throw new Error(`Cin7 Omni ${method} ${path}: ${r.status} ${JSON.stringify(out)}`);
	return out;
}

const CARRIERS: Record<string, { carrier: string; tracking: string; freight: string }> = {
	a: { carrier: 'NZ Post', tracking: 'NZ123456789', freight: 'Express Post' },
	b: { carrier: 'UPS', tracking: '1Z999AA10123456784', freight: 'Courier Overnight' },
	d: { carrier: 'DHL', tracking: 'JD0146000044', freight: 'International Economy' },
	e: { carrier: 'NZ Post', tracking: 'NZ000000001', freight: 'Standard Parcel' },
};

/** The carriers' public tracking pages, as the template's settings should name them. */
const TRACKING_URL: Record<string, string> = {
	'NZ Post': 'https://www.nzpost.co.nz/tools/tracking?trackid=',
	UPS: 'https://www.ups.com/track?tracknum=',
};

export const check: TemplateCheck = {
	async prepare(ctx) {
		const settings = setLiterals(ctx.workflow, 'Integration settings');
		const od = await ctx.sandbox.getState('orderdesk');
		const om = await ctx.sandbox.getState('cin7omni');
		const closed = ordersIn(od, 'Closed');
		expect(closed.length).toBeGreaterThanOrEqual(5);
		const roles = ['a', 'b', 'c', 'd', 'e'];
		const ids: Record<string, string> = {};
		const contact = (om.contacts as Json[]).find((c) => c.type === 'Customer' && c.isActive && c.email)!;
		const code = (om.productOptions as Json[])[0].code;
		for (const [k, role] of roles.entries()) {
			const o = closed[k];
			ids[role] = String(o.id);
			await ctx.sandbox.mutate('orderdesk', { entity: 'order', id: o.id, patch: { folder_name: role === 'e' ? settings.afterShipmentFolder : settings.afterImportFolder } });
			const [made] = await omni(ctx.sandbox, 'POST', '/SalesOrders', [
				{ reference: `${settings.referencePrefix}${o.id}`, memberEmail: contact.email, freightDescription: CARRIERS[role]?.freight ?? 'Standard Parcel', lineItems: [{ code, qty: 1 }] },
			]);
			ids[`${role}Cin7`] = String(made.id);
			if (role === 'a' || role === 'b' || role === 'e') {
				await omni(ctx.sandbox, 'PUT', '/SalesOrders', [{ id: made.id, stage: 'Dispatched', trackingCode: CARRIERS[role].tracking, logisticsCarrier: CARRIERS[role].carrier }]);
			}
			if (role === 'c') await omni(ctx.sandbox, 'PUT', '/SalesOrders', [{ id: made.id, isVoid: true }]);
		}
		ctx.memo.ids = ids;
		ctx.memo.settings = settings;
		ctx.memo.before = orderById(await ctx.sandbox.getState('orderdesk'));
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const od = await ctx.sandbox.getState('orderdesk');
		const scene = ctx.memo as ShipmentScene;
		const s = scene.settings;
		const shipped = Object.fromEntries(
			['a', 'b'].map((role) => {
				const c = CARRIERS[role];
				return [
					role,
					{
						shipments: [{ tracking_number: c.tracking, carrier_code: c.carrier, shipment_method: c.freight, tracking_url: TRACKING_URL[c.carrier] + encodeURIComponent(c.tracking) }],
						notes: [`Shipped in Cin7 Omni (sales order ${s.referencePrefix}${scene.ids[role]}): ${c.carrier} ${c.tracking}`],
					},
				];
			}),
		);
		const cancelled = `Cancelled in Cin7 Omni (sales order ${s.referencePrefix}${scene.ids.c} voided)`;
		ctx.memo.afterFirst = expectShipmentsFirstRun(od, scene, shipped, ['tracking_number', 'carrier_code', 'shipment_method', 'tracking_url'], cancelled);
	},

	async betweenRuns(ctx) {
		const ids = ctx.memo.ids as Record<string, string>;
		await omni(ctx.sandbox, 'PUT', '/SalesOrders', [{ id: Number(ids.dCin7), stage: 'Dispatched', trackingCode: CARRIERS.d.tracking, logisticsCarrier: CARRIERS.d.carrier }]);
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const od = await ctx.sandbox.getState('orderdesk');
		const d = expectShipmentsSecondRun(od, ctx.memo as ShipmentScene, ctx.memo.afterFirst as Map<string, Json>, [[CARRIERS.d.tracking, CARRIERS.d.carrier]]);
		expect(lc(d.order_notes.at(-1).content)).toContain(lc(CARRIERS.d.tracking));
	},
};
