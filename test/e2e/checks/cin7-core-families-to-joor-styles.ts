/**
 * workflows/cin7-core-families-to-joor-styles.json: JOOR styles after each run against an independent
 * reading of the Cin7 Core product families, from the template's documented rules:
 *
 *   one style per family with a non-deprecated member: style_number = family SKU, name = family name
 *   skus      = per member: colour ONE (no Colour option in this data), size = its Size option, UPC = barcode
 *   prices    = [Wholesale AUD: wholesale PriceTier2, retail PriceTier1 of the first member]
 *   linesheets = added only: a style the merchant put in "Showroom Picks" by hand is still there
 *
 * The second run changes nothing (same styles, same membership; the harness counts records).
 */
import { nodeOutput, type Json } from '../harness/n8n';
import type { CheckContext, TemplateCheck } from './types';

async function states(ctx: CheckContext) {
	return { core: await ctx.sandbox.getState('cin7core'), joor: await ctx.sandbox.getState('joor') };
}

function expected(core: Json) {
	const bySku = new Map((core.products as Json[]).map((p) => [p.SKU, p]));
	return (core.families as Json[]).map((f) => {
		const sizeOpt = [1, 2, 3].find((k) => /^size$/i.test(String(f[`Option${k}Name`] ?? '')));
		const members = (f.Products as Json[]).map((m) => ({ m, p: bySku.get(m.SKU) })).filter((x) => x.p && x.p.Status !== 'Deprecated');
		return {
			style_number: f.SKU,
			style_name: f.Name,
			skus: members.map(({ m, p }) => ({ color_code: 'ONE', size: sizeOpt ? String(m[`Option${sizeOpt}`]) : 'OS', upc: String(p!.Barcode) })),
			prices: [{ price_label: 'Wholesale', currency: 'AUD', wholesale: members[0]?.p?.PriceTier2, retail: members[0]?.p?.PriceTier1 }],
			members: members.length,
		};
	}).filter((e) => e.members > 0);
}

function assertStyles(core: Json, joor: Json) {
	const mismatches: string[] = [];
	for (const e of expected(core)) {
		const found = (joor.styles as Json[]).filter((s) => s.style_number === e.style_number);
		if (found.length !== 1) { mismatches.push(`${e.style_number}: ${found.length} styles`); continue; }
		const s = found[0];
		const got = { style_name: s.style_name, skus: s.skus, prices: (s.prices as Json[]).map((p) => ({ price_label: p.price_label, currency: p.currency, wholesale: p.wholesale, retail: p.retail })) };
		const want = { style_name: e.style_name, skus: e.skus, prices: e.prices };
		if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${e.style_number}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
	}
	expect(mismatches.slice(0, 10)).toEqual([]);
	return expected(core);
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		const { joor } = await states(ctx);
		// the merchant's hand-built linesheet holds styles this flow updates
		const picks = (joor.linesheets as Json[]).find((l) => l.name === 'Showroom Picks');
		ctx.memo.picks = (picks.items as Json[]).map((i) => i.product_id).sort();
		expect(ctx.memo.picks.length).toBeGreaterThan(0);
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const { core, joor } = await states(ctx);
		const exp = assertStyles(core, joor);
		expect(nodeOutput(run.runData, 'Synced')).toHaveLength(exp.length);
		expect(nodeOutput(run.runData, 'Not written')).toEqual([]);
		const picks = (joor.linesheets as Json[]).find((l) => l.name === 'Showroom Picks');
		expect((picks.items as Json[]).map((i) => i.product_id).sort()).toEqual(ctx.memo.picks);
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const { core, joor } = await states(ctx);
		assertStyles(core, joor);
		const picks = (joor.linesheets as Json[]).find((l) => l.name === 'Showroom Picks');
		expect((picks.items as Json[]).map((i) => i.product_id).sort()).toEqual(ctx.memo.picks);
	},
};
