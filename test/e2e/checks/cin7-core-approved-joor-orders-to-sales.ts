/**
 * workflows/cin7-core-approved-joor-orders-to-sales.json: Cin7 Core sales and JOOR's export queue
 * after each run, against an independent computation from the JOOR orders read before the run and
 * the template's documented settings (Simple sale, always claim → authorised + invoiced, lines by
 * SKU, warehouse Main / Sydney / Auckland → Main Warehouse / Sydney Store / Auckland Store, else
 * Main Warehouse, NZD at 1.09):
 *
 *   to import  = JOOR orders with status Approved, export status Not Exported or Modified
 *   not imported = an order with a SKU no Cin7 Core product has: no sale, still waiting for export,
 *                listed in Cannot import with the SKUs
 *   each other = exactly one Cin7 Core sale with ExternalID JOOR-<id>, customer by code (Cin7 ID),
 *                else by name, else a new customer of that name; location; lines (SKU, qty, price);
 *                authorised order with an authorised invoice; CustomerReference = PO number; and the
 *                JOOR order exported
 *
 * The template's inventory policy is "always claim": the seeded orders lack stock at their locations
 * for most lines, and their sales are authorised all the same (Cin7 Core allocates, and backorders
 * what it lacks); none is listed in Stock not claimed.
 *
 * "Claim when available" runs between the runs as a second, small run of the same template with only
 * that setting changed (the harness imports templates as shipped, so the check imports the variant
 * into its own n8n): two new approved orders to Main, and the variant, before anything else changes,
 *   V1 = a stock SKU available at Main Warehouse + the Service product (no stock, never short)
 *        → authorised and invoiced; Cin7 Core allocates the stock SKU's units at Main Warehouse
 *   V2 = a stock SKU available + a stock SKU with nothing available at Main Warehouse
 *        → a draft sale (claims nothing: both SKUs' stock rows unchanged), exported, and listed in
 *          Stock not claimed with the short SKU, ordered and available quantities and the location
 * The main template's second run then finds both exported and leaves them alone.
 *
 * Between runs two imported orders change in JOOR: A's sale stays authorised (→ Needs a person,
 * not exported, lines untouched); B's sale is undone in Cin7 Core as a person would (invoice, then
 * order back to draft) and B's first line gets a new price in JOOR, so the second run replaces B's lines
 * on the same sale (authorised again) and exports B again.
 */
import { authHeaders, nodeOutput, systemBaseUrl, type Json, type RunResult } from '../harness/n8n';
import { runVariant } from './variant';
import type { CheckContext, TemplateCheck } from './types';
import { vendorFetch } from '../harness/vendorFetch';

const LOCATIONS: Record<string, string> = { Main: 'Main Warehouse', Sydney: 'Sydney Store', Auckland: 'Auckland Store' };
const MAIN = 'Main Warehouse';
const lc = (s: unknown) => String(s ?? '').trim().toLowerCase();
const extId = (o: Json) => `JOOR-${o.id}`;

/** A node's items over all its runs (orders reaching a node through the new-customer branch arrive in a second run of it). */
function outputOf(runData: Json, node: string): Json[] {
	const runs = (runData[node] ?? []) as Json[];
	return runs.flatMap((_, r) => nodeOutput(runData, node, 0, r));
}

async function states(ctx: CheckContext) {
	return { core: await ctx.sandbox.getState('cin7core'), joor: await ctx.sandbox.getState('joor') };
}

/** What the template should make of each order, from the orders as read and the Cin7 Core catalogue. */
function expectations(orders: Json[], core: Json) {
	const bySku = new Map((core.products as Json[]).map((p) => [lc(p.SKU), p]));
	return orders.map((o) => {
		const missing = (o.line_items as Json[]).filter((l) => !bySku.has(lc(l.sku))).map((l) => l.sku);
		return {
			order: o,
			missing,
			location: LOCATIONS[o.warehouse] ?? 'Main Warehouse',
			lines: (o.line_items as Json[]).map((l) => ({ SKU: bySku.get(lc(l.sku))?.SKU, Quantity: Number(l.quantity), Price: Number(l.price) })),
		};
	});
}

/** Units available per SKU at a location: the sum of its stock rows there (absent rows = 0). */
function availableAt(core: Json, sku: string, location: string): number {
	return (core.availability as Json[]).filter((r) => lc(r.SKU) === lc(sku) && lc(r.Location) === lc(location)).reduce((a, r) => a + Number(r.Available), 0);
}
const stockRows = (core: Json, sku: string) =>
	JSON.stringify((core.availability as Json[]).filter((r) => lc(r.SKU) === lc(sku)).map((r) => [r.Location, r.Bin, r.Batch, r.OnHand, r.Allocated, r.Available]));

/** The shipped template with only its inventory policy changed, as its own workflow. */
function claimWhenAvailableVariant(workflow: Json): Json {
	const variant = JSON.parse(JSON.stringify(workflow)) as Json;
	variant.id = 'joorOrdersClaim1';
	variant.name = `${workflow.name} (claim when available)`;
	const settings = (variant.nodes as Json[]).find((n) => n.name === 'Order settings')!;
	const code = String(settings.parameters.jsCode);
	expect(code).toContain("inventoryPolicy: 'alwaysClaim',");
	settings.parameters.jsCode = code.replace("inventoryPolicy: 'alwaysClaim',", "inventoryPolicy: 'claimWhenAvailable',");
	return variant;
}

/**
 * The scene for "claim when available": SKUs outside product families (the inventory template of the
 * batch judges family SKUs) that no JOOR order uses, two with stock at Main Warehouse and one with
 * none, the Service product, and two approved orders of a customer Cin7 Core knows by code.
 */
async function claimScene(ctx: CheckContext) {
	const { core, joor } = await states(ctx);
	const inFamily = new Set((core.families as Json[]).flatMap((f) => (f.Products as Json[]).map((m) => lc(m.SKU))));
	const ordered = new Set((joor.orders as Json[]).flatMap((o) => (o.line_items as Json[]).map((l) => lc(l.sku))));
	const stock = (core.products as Json[]).filter((p) => p.Status === 'Active' && p.Type === 'Stock' && p.DropShipMode !== 'Always Drop Ship' && !inFamily.has(lc(p.SKU)) && !ordered.has(lc(p.SKU)));
	const withStock = stock.filter((p) => availableAt(core, p.SKU, MAIN) >= 5);
	const without = stock.filter((p) => availableAt(core, p.SKU, MAIN) <= 0);
	const service = (core.products as Json[]).find((p) => p.Status === 'Active' && p.Type === 'Service');
	expect({ withStock: withStock.length >= 2, without: without.length >= 1, service: !!service }).toEqual({ withStock: true, without: true, service: true });
	const customer = (ctx.memo.orders as Json[]).map((o) => (core.customers as Json[]).find((c) => c.ID === o.customer_code && c.Currency === 'AUD')).find(Boolean)!;
	expect(customer).toBeDefined();
	const line = (p: Json, quantity: number) => ({ sku: p.SKU, upc: p.Barcode, style_number: p.SKU, quantity, price: Number(p.PriceTier2) || 10 });
	const create = async (line_items: Json[]) =>
		(await ctx.sandbox.mutate('joor', { entity: 'order', action: 'create', order: { customer_code: customer.ID, customer_name: customer.Name, warehouse: 'Main', line_items } })) as Json;
	const [a1, a2] = withStock;
	const v1 = await create([line(a1, 2), line(service!, 1)]);
	const v2 = await create([line(a2, 1), line(without[0], 3)]);
	return { before: core, v1, v2, skus: { a1: a1.SKU, a2: a2.SKU, short: without[0].SKU, service: service!.SKU } };
}

function customerFor(core: Json, o: Json): Json[] {
	const byCode = (core.customers as Json[]).filter((c) => lc(c.ID) === lc(o.customer_code));
	if (byCode.length) return byCode;
	return (core.customers as Json[]).filter((c) => lc(c.Name) === lc(o.customer_name) && c.Status !== 'Deprecated');
}

const salesOf = (core: Json, o: Json) => (core.sales as Json[]).filter((s) => s.ExternalID === extId(o) && s.Status !== 'VOIDED');
const exportStatus = (joor: Json, o: Json) => (joor.orders as Json[]).find((x) => x.id === o.id)?.export_status;
const lineView = (s: Json) => ((s.Order?.Lines ?? []) as Json[]).map((l) => ({ SKU: l.SKU, Quantity: l.Quantity, Price: l.Price }));

function assertImported(core: Json, joor: Json, e: ReturnType<typeof expectations>[number], lines = e.lines) {
	const o = e.order;
	const sales = salesOf(core, o);
	expect({ order: o.id, sales: sales.length }).toEqual({ order: o.id, sales: 1 });
	const sale = sales[0];
	const customers = customerFor(core, o);
	expect({ order: o.id, customers: customers.length }).toEqual({ order: o.id, customers: 1 });
	const customer = customers[0];
	expect({
		order: o.id, CustomerID: sale.CustomerID, Location: sale.Location, Type: sale.Type, CustomerReference: sale.CustomerReference, lines: lineView(sale),
		CurrencyRate: sale.CurrencyRate,
	}).toEqual({
		order: o.id, CustomerID: customer.ID, Location: e.location, Type: 'Simple Sale', CustomerReference: String(o.po_number ?? o.id), lines,
		CurrencyRate: customer.Currency === 'NZD' ? 1.09 : 1,
	});
	return sale;
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		const { core, joor } = await states(ctx);
		const orders = (joor.orders as Json[]).filter((o) => o.status === 'Approved' && ['Not Exported', 'Modified Since Last Export'].includes(o.export_status));
		ctx.memo.orders = orders;
		ctx.memo.coreBefore = core;
		const exp = expectations(orders, core);
		// The seed exercises every path: known by code, by name only, a new retailer, a missing SKU, several warehouses.
		expect(exp.filter((e) => e.missing.length)).toHaveLength(1);
		expect(orders.some((o) => !(core.customers as Json[]).some((c) => c.ID === o.customer_code) && (core.customers as Json[]).some((c) => lc(c.Name) === lc(o.customer_name)))).toBe(true);
		expect(orders.some((o) => !(core.customers as Json[]).some((c) => c.ID === o.customer_code || lc(c.Name) === lc(o.customer_name)))).toBe(true);
		expect(new Set(orders.map((o) => o.warehouse)).size).toBeGreaterThanOrEqual(3);
		expect((core.sales as Json[]).filter((s) => String(s.ExternalID).startsWith('JOOR-'))).toEqual([]);
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const { core, joor } = await states(ctx);
		const exp = expectations(ctx.memo.orders, core);
		const imported = exp.filter((e) => !e.missing.length);
		ctx.memo.a = imported[0].order;
		ctx.memo.b = imported[1].order;
		for (const e of imported) {
			const sale = assertImported(core, joor, e);
			expect({ order: e.order.id, status: sale.Order?.Status }).toEqual({ order: e.order.id, status: 'AUTHORISED' });
			expect({ order: e.order.id, invoices: (sale.Invoices as Json[]).map((i) => [i.Status, i.Total]) }).toEqual({ order: e.order.id, invoices: [['AUTHORISED', sale.Order.Total]] });
			expect({ order: e.order.id, export: exportStatus(joor, e.order) }).toEqual({ order: e.order.id, export: 'Exported' });
		}
		// a retailer Cin7 Core did not know is created once, tagged joor (not wholesale: it is already a JOOR customer)
		const created = (core.customers as Json[]).filter((c) => (ctx.memo.orders as Json[]).some((o) => lc(o.customer_name) === lc(c.Name) && o.customer_code !== c.ID) && c.Tags === 'joor');
		expect(created.length).toBeGreaterThanOrEqual(1);
		for (const e of exp.filter((x) => x.missing.length)) {
			expect(salesOf(core, e.order)).toEqual([]);
			expect(exportStatus(joor, e.order)).toBe(e.order.export_status);
		}
		// always claim: orders with lines Cin7 Core lacks at their location are authorised all the same
		const short = imported.filter((e) => e.lines.some((l) => availableAt(ctx.memo.coreBefore, l.SKU, e.location) < l.Quantity));
		expect(short.length).toBeGreaterThanOrEqual(1);
		for (const e of short) expect({ order: e.order.id, status: salesOf(core, e.order)[0].Order?.Status }).toEqual({ order: e.order.id, status: 'AUTHORISED' });
		expect(outputOf(run.runData, 'Stock not claimed')).toEqual([]);
		const cannot = outputOf(run.runData, 'Cannot import');
		expect(cannot.map((i) => [i.orderId, i.missingSkus])).toEqual(exp.filter((e) => e.missing.length).map((e) => [String(e.order.id), e.missing.join(', ')]));
		expect(outputOf(run.runData, 'Imported').map((i) => String(i.id)).sort()).toEqual(imported.map((e) => String(e.order.id)).sort());
		for (const node of ['Sale not created', 'Needs a person']) expect(outputOf(run.runData, node)).toEqual([]);
	},

	async betweenRuns(ctx) {
		// the claim-when-available variant first, while the only order left in JOOR's queue is the one
		// with a missing SKU
		const scene = await claimScene(ctx);
		const variantRun = await runVariant(ctx, claimWhenAvailableVariant(ctx.workflow), 'joor-claim-policy');
		ctx.memo.claim = { ...scene, run: variantRun, after: await states(ctx) };

		const { core } = await states(ctx);
		// B: a person undoes the sale in Cin7 Core (invoice, then the order), so it is a draft again
		const saleB = salesOf(core, ctx.memo.b)[0];
		for (let k = 0; k < 2; k++) {
			const res = await vendorFetch(`${systemBaseUrl(ctx.sandbox, 'cin7core')}/sale?ID=${saleB.ID}&Void=false`, { method: 'DELETE', headers: authHeaders('cin7core') });
			expect(res.status).toBe(200);
		}
		await ctx.sandbox.mutate('joor', { entity: 'order', action: 'modify', id: ctx.memo.a.id, patch: { quantities: { 0: 7 } } });
		// B's new price leaves its quantities, so the stock Cin7 Core allocates is the same after the update
		// (the available-to-sell check of the same batch expects unchanged stock for SKUs it did not move)
		ctx.memo.newPrice = Number(ctx.memo.b.line_items[0].price) + 1.5;
		await ctx.sandbox.mutate('joor', { entity: 'order', action: 'modify', id: ctx.memo.b.id, patch: { prices: { 0: ctx.memo.newPrice } } });
		ctx.memo.saleA = salesOf(core, ctx.memo.a)[0];
		ctx.memo.saleB = saleB.ID;
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const { core, joor } = await states(ctx);
		const exp = expectations(ctx.memo.orders, core);
		// every imported order still has exactly one sale
		for (const e of exp.filter((x) => !x.missing.length)) expect({ order: e.order.id, sales: salesOf(core, e.order).length }).toEqual({ order: e.order.id, sales: 1 });
		// A: authorised sale untouched, reported, left in the queue
		const a = exp.find((e) => e.order.id === ctx.memo.a.id)!;
		expect(lineView(salesOf(core, a.order)[0])).toEqual(lineView(ctx.memo.saleA));
		expect(outputOf(run.runData, 'Needs a person').map((i) => i.orderId)).toEqual([String(a.order.id)]);
		expect(exportStatus(joor, a.order)).toBe('Modified Since Last Export');
		// B: the same sale with the new lines, authorised again, exported again
		const b = exp.find((e) => e.order.id === ctx.memo.b.id)!;
		const newLines = b.lines.map((l, k) => (k === 0 ? { ...l, Price: ctx.memo.newPrice } : l));
		const saleB = assertImported(core, joor, b, newLines);
		expect(saleB.ID).toBe(ctx.memo.saleB);
		expect(saleB.Order.Status).toBe('AUTHORISED');
		expect(exportStatus(joor, b.order)).toBe('Exported');
		expect(outputOf(run.runData, 'Imported').map((i) => String(i.id))).toEqual([String(b.order.id)]);
		// the order with a missing SKU is reported again and still waits
		expect(outputOf(run.runData, 'Cannot import').map((i) => i.orderId)).toEqual(exp.filter((e) => e.missing.length).map((e) => String(e.order.id)));
		expect(outputOf(run.runData, 'Sale not created')).toEqual([]);
		assertClaimWhenAvailable(ctx.memo.claim, exp);
	},

	// the variant's two orders and their sales
	secondRunAdds: () => ({ 'joor.orders': 2, 'cin7core.sales': 2 }),
};

/** The claim-when-available run, from the state right after it (the main template's second run came later). */
function assertClaimWhenAvailable(claim: Json, exp: ReturnType<typeof expectations>) {
	const run = claim.run as RunResult;
	expect(run.error).toBeNull();
	const { before, after, v1, v2, skus } = claim as { before: Json; after: { core: Json; joor: Json }; v1: Json; v2: Json; skus: Record<string, string> };
	const { core, joor } = after;
	const lines = (o: Json) => (o.line_items as Json[]).map((l) => ({ SKU: l.sku, Quantity: Number(l.quantity), Price: Number(l.price) }));
	const sale1 = salesOf(core, v1);
	const sale2 = salesOf(core, v2);
	expect([sale1.length, sale2.length]).toEqual([1, 1]);
	// V1: every stock line available, the Service line needs none → authorised, invoiced, allocated
	expect({ status: sale1[0].Order?.Status, location: sale1[0].Location, lines: lineView(sale1[0]), invoices: (sale1[0].Invoices as Json[]).map((i) => i.Status) })
		.toEqual({ status: 'AUTHORISED', location: MAIN, lines: lines(v1), invoices: ['AUTHORISED'] });
	const qty1 = Number((v1.line_items as Json[])[0].quantity);
	expect(availableAt(core, skus.a1, MAIN)).toBe(availableAt(before, skus.a1, MAIN) - qty1);
	expect((core.availability as Json[]).filter((r) => r.SKU === skus.service)).toEqual([]);
	// V2: a stock line with nothing available → a draft sale that claims nothing, reported
	expect({ status: sale2[0].Order?.Status, location: sale2[0].Location, lines: lineView(sale2[0]), invoices: sale2[0].Invoices })
		.toEqual({ status: 'DRAFT', location: MAIN, lines: lines(v2), invoices: [] });
	expect([stockRows(core, skus.a2), stockRows(core, skus.short)]).toEqual([stockRows(before, skus.a2), stockRows(before, skus.short)]);
	const shortLine = (v2.line_items as Json[]).find((l) => l.sku === skus.short)!;
	expect(outputOf(run.runData, 'Stock not claimed').map((i) => ({ orderId: i.orderId, location: i.location, unclaimed: i.unclaimed })))
		.toEqual([{ orderId: String(v2.id), location: MAIN, unclaimed: [{ SKU: skus.short, ordered: Number(shortLine.quantity), available: 0, location: MAIN }] }]);
	expect(String(outputOf(run.runData, 'Stock not claimed')[0].reason)).toContain(`${skus.short} (ordered ${shortLine.quantity}, available 0) at ${MAIN}`);
	// both exported (the sale exists); only V1 counts as Imported; the missing-SKU order still cannot be
	expect([exportStatus(joor, v1), exportStatus(joor, v2)]).toEqual(['Exported', 'Exported']);
	expect(outputOf(run.runData, 'Imported').map((i) => String(i.id))).toEqual([String(v1.id)]);
	expect(outputOf(run.runData, 'Cannot import').map((i) => i.orderId)).toEqual(exp.filter((e) => e.missing.length).map((e) => String(e.order.id)));
}
