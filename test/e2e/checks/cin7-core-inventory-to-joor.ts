/**
 * workflows/cin7-core-inventory-to-joor.json: JOOR inventory per warehouse after each run against an
 * independent computation from Cin7 Core's stock rows, written from the template's documented rules:
 *
 *   SKUs      = members of Cin7 Core product families with a barcode (JOOR's UPC)
 *   per location → warehouse (Main Warehouse → Main, Sydney Store → Sydney, Auckland Store → Auckland):
 *   ATS       = max(0, Σ Available of the SKU's rows at that location − 2)
 *   in JOOR   = a SKU whose UPC is one of a JOOR style's UPCs gets exactly that inventory in that
 *               warehouse; any other goes to Not in JOOR (JOOR: no SKU with that UPC)
 *   untouched = other rows (the made-to-order style, other styles) are never overwritten
 *
 * Other templates of the same batch change Cin7 Core stock (the JOOR orders template authorises
 * sales, so it allocates), so values are compared for the SKUs whose stock rows at the location did
 * not change between this check's prepare and the end of the run; there must be many of them.
 * The second run sends exactly the JOOR SKUs whose available to sell differs from what the first run
 * sent (Cin7 Core stock is not changed between the runs: other checks of the batch expect it as it was).
 */
import { nodeOutput, type Json } from '../harness/n8n';
import type { CheckContext, TemplateCheck } from './types';

const MAP: Record<string, string> = { 'Main Warehouse': 'Main', 'Sydney Store': 'Sydney', 'Auckland Store': 'Auckland' };
const BUFFER = 2;
const lc = (s: unknown) => String(s ?? '').trim().toLowerCase();

async function states(ctx: CheckContext) {
	return { core: await ctx.sandbox.getState('cin7core'), joor: await ctx.sandbox.getState('joor') };
}

function familySkus(core: Json): Json[] {
	const bySku = new Map((core.products as Json[]).map((p) => [p.SKU, p]));
	const skus = [...new Set((core.families as Json[]).flatMap((f) => (f.Products as Json[]).map((m) => m.SKU)))];
	return skus.map((s) => bySku.get(s)).filter((p): p is Json => !!p && !!String(p.Barcode ?? '').trim());
}

/** Stock rows of one SKU at one location, as a comparable string. */
const rowsKey = (core: Json, id: string, location: string) =>
	JSON.stringify((core.availability as Json[]).filter((r) => r.ID === id && lc(r.Location) === lc(location)).map((r) => [r.Bin, r.Batch, r.Available]));
const ats = (core: Json, id: string, location: string) =>
	Math.max(0, (core.availability as Json[]).filter((r) => r.ID === id && lc(r.Location) === lc(location)).reduce((a, r) => a + Number(r.Available), 0) - BUFFER);

function joorUpcs(joor: Json): Set<string> {
	return new Set((joor.styles as Json[]).flatMap((s) => (s.skus as Json[]).map((k) => String(k.upc))));
}

function assertInventory(ctx: CheckContext, core: Json, joor: Json, before: Json) {
	const upcs = joorUpcs(joor);
	let compared = 0;
	const mismatches: string[] = [];
	for (const p of familySkus(core)) {
		for (const [location, warehouse] of Object.entries(MAP)) {
			if (rowsKey(core, p.ID, location) !== rowsKey(before, p.ID, location)) continue; // changed by another template
			const rows = (joor.inventory as Json[]).filter((r) => String(r.upc) === String(p.Barcode) && r.warehouse === warehouse);
			if (!upcs.has(String(p.Barcode))) {
				if (rows.length) mismatches.push(`${p.SKU}@${warehouse}: not a JOOR SKU but has inventory`);
				continue;
			}
			compared++;
			const want = ats(core, p.ID, location);
			if (rows.length !== 1 || rows[0].inventory !== want) mismatches.push(`${p.SKU}@${warehouse}: got ${JSON.stringify(rows.map((r) => r.inventory))}, expected [${want}]`);
		}
	}
	expect(mismatches).toEqual([]);
	expect(compared).toBeGreaterThan(10);
	// the made-to-order style's row and the account's other rows are never replaced
	const mto = (joor.inventory as Json[]).filter((r) => r.style_number === 'MTO-0001');
	expect(mto).toEqual(ctx.memo.mto);
	expect(joor.overwrites).toBe(0);
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		const { core, joor } = await states(ctx);
		ctx.memo.before = core;
		ctx.memo.mto = (joor.inventory as Json[]).filter((r) => r.style_number === 'MTO-0001');
		expect(ctx.memo.mto).toHaveLength(1);
		// the data has both cases: family SKUs JOOR sells and family SKUs it does not know
		const upcs = joorUpcs(joor);
		const fam = familySkus(core);
		expect(fam.some((p) => upcs.has(String(p.Barcode)))).toBe(true);
		expect(fam.some((p) => !upcs.has(String(p.Barcode)))).toBe(true);
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const { core, joor } = await states(ctx);
		assertInventory(ctx, core, joor, ctx.memo.before);
		const upcs = joorUpcs(joor);
		const fam = familySkus(core);
		const notInJoor = nodeOutput(run.runData, 'Not in JOOR');
		expect(notInJoor.map((i) => `${i.sku}@${i.warehouse}`).sort()).toEqual(
			fam.filter((p) => !upcs.has(String(p.Barcode))).flatMap((p) => Object.values(MAP).map((w) => `${p.SKU}@${w}`)).sort(),
		);
		expect(nodeOutput(run.runData, 'Not written')).toEqual([]);
		// every family SKU × warehouse was sent once (the first run has nothing to compare with)
		expect(nodeOutput(run.runData, 'Set JOOR inventory')).toHaveLength(fam.length * Object.keys(MAP).length);
		ctx.memo.sentFirst = Object.fromEntries(nodeOutput(run.runData, 'Changed since last send').map((i) => [`${i.sku}|${i.warehouse}`, i.inventory]));
	},

	async betweenRuns(ctx) {
		// Cin7 Core stock is left alone between the runs (other checks of the batch expect it unchanged)
		ctx.memo.before = (await states(ctx)).core;
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const { core, joor } = await states(ctx);
		assertInventory(ctx, core, joor, ctx.memo.before);
		const upcs = joorUpcs(joor);
		const sent = nodeOutput(run.runData, 'Changed since last send').filter((x) => upcs.has(String(x.upc)));
		// only changes are sent: exactly the JOOR SKUs whose available to sell now differs from what the
		// first run sent (SKUs JOOR refused are retried every run, in case their style now exists)
		const changed: string[] = [];
		for (const p of familySkus(core).filter((x) => upcs.has(String(x.Barcode)))) {
			for (const [location, warehouse] of Object.entries(MAP)) {
				if (ats(core, p.ID, location) !== ctx.memo.sentFirst[`${p.SKU}|${warehouse}`]) changed.push(`${p.SKU}|${warehouse}`);
			}
		}
		expect(sent.map((i) => `${i.sku}|${i.warehouse}`).sort()).toEqual(changed.sort());
		expect(nodeOutput(run.runData, 'Not written')).toEqual([]);
	},
};
