/**
 * Shared helpers for the checks of the Order Desk templates (order-desk-*, cin7-*-to-order-desk).
 * Expected results are computed here from the sandbox state and the seed's rules, never with the
 * package's own code or the templates' expressions.
 */
import { authHeaders, nodeOutput, systemBaseUrl, type Json } from '../harness/n8n';
import { vendorFetch } from '../harness/vendorFetch';
import { lc, setLiterals } from './orders-catalog-common';
import type { CheckContext, TemplateCheck } from './types';

export { lc, setLiterals };

/** An Order Desk order's latest history note. */
export const lastNote = (o: Json): string => String((o.order_notes as Json[]).at(-1)?.content ?? '');

/**
 * Between the runs of an orders → Cin7 check: a retried poll, i.e. one order the first run submitted
 * is back in the submit folder (`memo.verdicts`, `memo.settings.submitFolder`; sets `memo.requeued`).
 */
export async function requeueOneSubmitted(ctx: CheckContext): Promise<void> {
	const verdicts = ctx.memo.verdicts as Record<string, { kind: string }>;
	const id = Object.keys(verdicts).find((k) => verdicts[k].kind === 'submitted')!;
	await ctx.sandbox.mutate('orderdesk', { entity: 'order', id, patch: { folder_name: (ctx.memo.settings as Json).submitFolder } });
	ctx.memo.requeued = id;
}

/**
 * The second run of an orders → Cin7 check: the requeued order is filed again with `note` (naming the
 * one Cin7 record it already has) and nothing else the template handles gets another note.
 */
export function expectOnlyRequeuedFiled(ctx: CheckContext, od: Json, runData: Json, note: string): void {
	const settings = ctx.memo.settings as Record<string, string>;
	const id = ctx.memo.requeued as string;
	const byId = orderById(od);
	const after = byId.get(id)!;
	expect(after.folder_id).toBe(folderId(od, settings.afterImportFolder));
	expect(lastNote(after)).toBe(note);
	const notes = ctx.memo.notes as Record<string, number>;
	for (const q of ctx.memo.queued as Json[]) {
		const o = byId.get(String(q.id))!;
		if (String(o.id) !== id) expect({ id: o.id, notes: o.order_notes.length }).toEqual({ id: o.id, notes: notes[String(o.id)] });
	}
	expect(allOutputs(runData, 'Submitted')).toHaveLength(1);
	expect(allOutputs(runData, 'Not submitted')).toHaveLength(0);
}

/** A folder's id by its name in the Order Desk sandbox state. */
export function folderId(od: Json, name: string): number {
	const hit = Object.entries(od.folders as Record<string, string>).find(([, n]) => lc(n) === lc(name));
	if (!hit) throw new Error(`no Order Desk folder "${name}"`);
	return Number(hit[0]);
}

export function ordersIn(od: Json, folder: string): Json[] {
	const id = folderId(od, folder);
	return (od.orders as Json[]).filter((o) => o.folder_id === id);
}

export function orderById(od: Json): Map<string, Json> {
	return new Map((od.orders as Json[]).map((o) => [String(o.id), o]));
}

/**
 * The seed's order-level field: checkout data first, then order metadata (the seed allows both;
 * the templates document checkout data as the winner).
 */
export function seedField(o: Json, name: string): string | undefined {
	const v = o.checkout_data?.[name] ?? o.order_metadata?.[name];
	return v === undefined || v === null || v === '' ? undefined : String(v);
}

/** Lines a Cin7 order can take: a SKU and a quantity above 0. */
export function productLines(o: Json): Json[] {
	return (o.order_items as Json[]).filter((i) => String(i.code ?? '').trim() && Number(i.quantity) > 0);
}

/** The seed's custom fields CustomFieldName1–4 / CustomFieldValue1–4 as name → value. */
export function seedCustomFields(o: Json): Record<string, string> {
	const out: Record<string, string> = {};
	for (let n = 1; n <= 4; n++) {
		const name = seedField(o, `CustomFieldName${n}`);
		if (name) out[name.trim()] = seedField(o, `CustomFieldValue${n}`) ?? '';
	}
	return out;
}

/** What a template must leave untouched on an Order Desk order it only files (moves / notes). */
export function content(o: Json): Json {
	return { order_items: o.order_items, order_metadata: o.order_metadata, checkout_data: o.checkout_data, shipping: o.shipping, customer: o.customer, email: o.email, source_id: o.source_id, order_total: o.order_total };
}

/**
 * Items a node emitted over all its runs in one execution (with n8n's v1 order a node fed by two
 * branches runs once per branch).
 */
export function allOutputs(runData: Json, node: string, output = 0): Json[] {
	const runs = (runData[node] as Json[] | undefined)?.length ?? 0;
	const out: Json[] = [];
	for (let r = 0; r < runs; r++) out.push(...nodeOutput(runData, node, output, r));
	return out;
}


// ---------- shipments → Order Desk (cin7-*-shipments-to-order-desk) ----------

/**
 * The scene both shipments checks set: five Order Desk orders by role, each with a Cin7 order —
 * a and b shipped, c voided, d still open (shipped between the runs), e shipped but its Order Desk
 * order already handled (in the after-shipment folder).
 */
export interface ShipmentScene {
	/** Role (a–e) → Order Desk order id. */
	ids: Record<string, string>;
	settings: Record<string, string>;
	/** The Order Desk orders right after the scene was set. */
	before: Map<string, Json>;
}

/** What a shipped order (roles a, b) must hold: its shipments and the notes it ends with. */
export interface ShippedOrder {
	shipments: Json[];
	notes: string[];
}

/** An order's shipments, each on the fields a check compares. */
export function shipmentsOf(o: Json, fields: string[]): Json[] {
	return (o.order_shipments as Json[]).map((x) => Object.fromEntries(fields.map((f) => [f, x[f]])));
}

/**
 * The first run's comparison: a and b shipped as expected and moved to the after-shipment folder,
 * c cancelled with its note, d and e untouched, no role's order content changed. Returns the
 * orders by id for the second run.
 */
export function expectShipmentsFirstRun(od: Json, scene: ShipmentScene, shipped: Record<string, ShippedOrder>, fields: string[], cancelledNote: string): Map<string, Json> {
	const { ids, settings: s, before } = scene;
	const byId = orderById(od);
	for (const role of ['a', 'b']) {
		const o = byId.get(ids[role])!;
		expect({ role, folder: o.folder_id }).toEqual({ role, folder: folderId(od, s.afterShipmentFolder) });
		expect(shipmentsOf(o, fields)).toEqual(shipped[role].shipments);
		expect(o.order_notes.slice(-shipped[role].notes.length).map((n: Json) => n.content)).toEqual(shipped[role].notes);
	}
	const c = byId.get(ids.c)!;
	expect(c.folder_id).toBe(folderId(od, s.cancelledFolder));
	expect(c.order_shipments).toEqual([]);
	expect(c.order_notes.at(-1).content).toBe(cancelledNote);
	for (const role of ['d', 'e']) {
		const o = byId.get(ids[role])!;
		const was = before.get(ids[role])!;
		expect({ role, folder: o.folder_id, shipments: o.order_shipments.length, notes: o.order_notes.length }).toEqual({ role, folder: was.folder_id, shipments: 0, notes: was.order_notes.length });
	}
	for (const role of ['a', 'b', 'c', 'd', 'e']) expect({ role, content: content(byId.get(ids[role])!) }).toEqual({ role, content: content(before.get(ids[role])!) });
	return byId;
}

/**
 * The second run's comparison: d (shipped between the runs) has its parcels as [tracking number,
 * carrier] and moved; the others kept their folder, shipments and notes. Returns order d.
 */
export function expectShipmentsSecondRun(od: Json, scene: ShipmentScene, first: Map<string, Json>, dParcels: Array<[string, string]>): Json {
	const { ids, settings: s } = scene;
	const byId = orderById(od);
	const d = byId.get(ids.d)!;
	expect(d.folder_id).toBe(folderId(od, s.afterShipmentFolder));
	expect(shipmentsOf(d, ['tracking_number', 'carrier_code']).map((x) => [x.tracking_number, x.carrier_code])).toEqual(dParcels);
	// the others: nothing repeated
	for (const role of ['a', 'b', 'c', 'e']) {
		const o = byId.get(ids[role])!;
		const was = first.get(ids[role])!;
		expect({ role, folder: o.folder_id, shipments: o.order_shipments.length, notes: o.order_notes.length }).toEqual({ role, folder: was.folder_id, shipments: was.order_shipments.length, notes: was.order_notes.length });
	}
	return d;
}

// ---------- available to sell → Order Desk inventory (cin7-*-inventory-to-order-desk) ----------

const BATCH = 100;

/**
 * The Order Desk inventory as the last inventory check's set-up left it, and the request-log
 * position then: both inventory templates (Cin7 Omni, Cin7 Core) write the same store in one
 * batch, so each compares the run's writes with the state right before the batch, not with its
 * own earlier snapshot.
 */
const inventoryBaseline: { items?: Map<string, Json>; seq?: number } = {};

const inventory = (od: Json): Map<string, Json> => new Map((od.inventoryItems as Json[]).map((it) => [String(it.code), it]));

/** Batch sizes of the inventory writes since a request-log position. */
async function writes(ctx: CheckContext, since: number): Promise<number[]> {
	const log = await ctx.sandbox.getRequests({ system: 'orderdesk', since });
	return log.filter((r) => /\/batch-inventory-items$/.test(r.path) && r.status === 200).map((r) => Number(r.records));
}

/** Order Desk items no Cin7 system has (gift cards, services): a flow must leave them alone. */
async function createLocalItems(ctx: CheckContext, tag: string): Promise<void> {
	for (let k = 1; k <= 2; k++) {
		const r = await vendorFetch(`${systemBaseUrl(ctx.sandbox, 'orderdesk')}/inventory-items`, {
			method: 'POST',
			headers: { ...authHeaders('orderdesk'), 'content-type': 'application/json' },
			body: JSON.stringify({ name: `Order Desk only ${k}`, code: `OD-ONLY-${tag}-${k}`, stock: 5 }),
		});
		if (r.status !== 201) throw new Error(`creating an Order Desk inventory item: ${r.status} ${await r.text()}`);
	}
}

function changedItems(before: Map<string, Json>, after: Map<string, Json>): string[] {
	return [...after.values()].filter((it) => Number(it.stock) !== Number(before.get(String(it.code))?.stock)).map((it) => String(it.code));
}

/** What one Cin7 side of the inventory check brings: its figures and its scene. */
export interface InventorySide {
	/** Cin7 system key in the sandbox. */
	system: 'cin7core' | 'cin7omni';
	/** Tag in the codes of the Order Desk-only items this check creates. */
	tag: string;
	/** Available to sell per code, computed independently from the Cin7 state. */
	ats(state: Json, workflow: Json): Map<string, Json>;
	/** A mark of the Cin7 sales that exist before the run. */
	salesMark(state: Json): unknown;
	/** Codes on Cin7 sales made after the mark (by other templates or checks). */
	touchedCodes(state: Json, mark: unknown): Set<string>;
	/** Codes the other Cin7 system has (its inventory template may write them in the same batch). */
	otherSystemCodes(ctx: CheckContext): Promise<Set<string>>;
	/** Between the runs: moves one written code's figure in Cin7; returns the code. */
	restock(ctx: CheckContext, state: Json, od: Map<string, Json>, ats: Map<string, Json>): Promise<string>;
}

/**
 * The inventory check both Cin7 sides share: every Order Desk item whose code Cin7 has holds
 * Cin7's available to sell (SKUs on sales other templates made in the batch left out of the field
 * comparison, as their figure depends on which template ran first), items Cin7 lacks are left
 * alone, items already right are not written, every write is counted (the sum of batch sizes
 * equals the number of items whose stock changed) in calls of at most 100, and the second run
 * writes only what changed in Cin7 between the runs.
 */
export function inventoryCheck(side: InventorySide): TemplateCheck {
	return {
		async prepare(ctx) {
			await createLocalItems(ctx, side.tag);
			const od = await ctx.sandbox.getState('orderdesk');
			const state = await ctx.sandbox.getState(side.system);
			const ats = side.ats(state, ctx.workflow);
			// a few items already hold Cin7's figure: they must not be written
			const same = [...inventory(od).values()].filter((it) => ats.has(it.code)).slice(0, 5);
			for (const it of same) await ctx.sandbox.mutate('orderdesk', { entity: 'inventory', code: it.code, patch: { stock: ats.get(it.code)!.availableToSell } });
			ctx.memo.before = inventory(await ctx.sandbox.getState('orderdesk'));
			ctx.memo.same = same.map((it) => String(it.code));
			ctx.memo.salesMark = side.salesMark(state);
			expect([...(ctx.memo.before as Map<string, Json>).values()].filter((it) => !ats.has(it.code)).length).toBeGreaterThan(0);
			inventoryBaseline.items = ctx.memo.before as Map<string, Json>;
			inventoryBaseline.seq = await ctx.sandbox.lastSeq();
		},

		async afterFirstRun(ctx, run) {
			expect(run.error).toBeNull();
			const state = await ctx.sandbox.getState(side.system);
			const od = inventory(await ctx.sandbox.getState('orderdesk'));
			const ats = side.ats(state, ctx.workflow);
			const touched = side.touchedCodes(state, ctx.memo.salesMark);
			const mine = ctx.memo.before as Map<string, Json>;
			const before = inventoryBaseline.items!;
			ctx.memo.afterFirst = od;
			const others = await side.otherSystemCodes(ctx);
			expect([...od.keys()].filter((c) => !ats.has(c) && !others.has(c)).length).toBeGreaterThanOrEqual(2);
			const problems: string[] = [];
			let compared = 0;
			for (const [code, it] of od) {
				const want = ats.get(code);
				if (!want) {
					if (!others.has(code) && before.has(code) && JSON.stringify(it) !== JSON.stringify(before.get(code))) problems.push(`${code}: in no Cin7 system, yet changed`);
				} else if (!touched.has(code)) {
					compared++;
					if (Number(it.stock) !== want.availableToSell) problems.push(`${code}: stock ${it.stock}, Cin7 available to sell ${want.availableToSell}`);
				}
			}
			expect(problems).toEqual([]);
			expect(compared).toBeGreaterThan(BATCH);
			for (const code of ctx.memo.same as string[]) if (!touched.has(code)) expect({ code, stock: od.get(code)!.stock }).toEqual({ code, stock: mine.get(code)!.stock });
			const sent = await writes(ctx, inventoryBaseline.seq!);
			const changed = changedItems(before, od).length;
			expect(changed).toBeGreaterThan(BATCH);
			expect(sent.reduce((a, b) => a + b, 0)).toBe(changed);
			// the other system's inventory template may write in the same batch: every call holds ≤ 100
			for (const size of sent) expect(size).toBeLessThanOrEqual(BATCH);
			expect(sent.length).toBeGreaterThanOrEqual(Math.ceil(changed / BATCH));
		},

		async betweenRuns(ctx) {
			const state = await ctx.sandbox.getState(side.system);
			const od = ctx.memo.afterFirst as Map<string, Json>;
			ctx.memo.moved = await side.restock(ctx, state, od, side.ats(state, ctx.workflow));
			ctx.memo.seq = await ctx.sandbox.lastSeq();
		},

		async afterSecondRun(ctx, run) {
			expect(run.error).toBeNull();
			const od = inventory(await ctx.sandbox.getState('orderdesk'));
			const ats = side.ats(await ctx.sandbox.getState(side.system), ctx.workflow);
			const code = ctx.memo.moved as string;
			expect(Number(od.get(code)!.stock)).toBe(ats.get(code)!.availableToSell);
			const changed = changedItems(ctx.memo.afterFirst as Map<string, Json>, od);
			expect(changed).toContain(code);
			const sent = await writes(ctx, ctx.memo.seq as number);
			expect(sent.reduce((a, b) => a + b, 0)).toBe(changed.length);
		},
	};
}
