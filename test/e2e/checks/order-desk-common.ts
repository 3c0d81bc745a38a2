/**
 * Shared helpers for the checks of the Order Desk templates (order-desk-*, cin7-*-to-order-desk).
 * Expected results are computed here from the sandbox state and the seed's rules, never with the
 * package's own code or the templates' expressions.
 */
import { nodeOutput, type Json } from '../harness/n8n';
import { lc, setLiterals } from './orders-catalog-common';

export { lc, setLiterals };

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

/**
 * The Order Desk inventory as the last inventory check's set-up left it, and the request-log
 * position then: both inventory templates (Cin7 Omni, Cin7 Core) write the same store in one
 * batch, so each compares the run's writes with the state right before the batch, not with its
 * own earlier snapshot.
 */
export const inventoryBaseline: { items?: Map<string, Json>; seq?: number } = {};
