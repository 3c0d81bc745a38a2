/**
 * workflows/cin7-omni-products-to-dotdigital.json: every Cin7 Omni product option is one record of
 * the account collection `catalog_cin7`, keyed by option code (SKU), with stock = available to sell
 * computed here from the stock rows and the template's settings:
 *
 *   stock = max(0, Σ over rows in the selected branches of (available as served − holding))
 *
 * price = the option's "price_column", special_price = specialPrice when > 0 else null, status
 * active ⇔ product status Public / ShowInB2B, image_path = images[0].link else the option image,
 * url = shop_url + lower-case style code.
 */
import { nodeOutput, type Json } from '../harness/n8n';
import { collectionMeta, collectionRecords, diff, nodeParams, setLiterals } from './orders-catalog-common';
import type { CheckContext, TemplateCheck } from './types';

function atsBySku(omni: Json, workflow: Json): Map<string, number> {
	const p = nodeParams(workflow, 'Available to sell');
	const branches = ((p.branches ?? []) as Array<string | number>).map((b) => String(b).trim().toLowerCase());
	expect(p.safetyBufferMode ?? 'none').toBe('none');
	expect(p.addIncoming ?? false).toBe(false);
	const sums = new Map<string, number>();
	for (const r of omni.stock as Json[]) {
		if (branches.length && !branches.includes(String(r.branchId)) && !branches.includes(String(r.branchName).toLowerCase())) continue;
		const available = r.available ?? r.stockOnHand - r.openSales;
		sums.set(r.code, (sums.get(r.code) ?? 0) + available - (p.subtractHolding ? Number(r.holding ?? 0) : 0));
	}
	return new Map([...sums].map(([sku, n]) => [sku, Math.max(0, n)]));
}

function expectedCatalog(omni: Json, workflow: Json): Map<string, Json> {
	const s = setLiterals(workflow, 'Catalog settings');
	const ats = atsBySku(omni, workflow);
	const out = new Map<string, Json>();
	for (const p of omni.products as Json[]) {
		for (const o of p.productOptions as Json[]) {
			if (!o.code) continue;
			out.set(o.code, {
				sku: o.code,
				name: p.name,
				price: o[s['settings.price_column']],
				special_price: o.specialPrice > 0 ? o.specialPrice : null,
				stock: ats.get(o.code) ?? 0,
				status: ['Public', 'ShowInB2B'].includes(p.status) ? 'active' : 'inactive',
				currency: s['settings.currency'],
				image_path: p.images?.[0]?.link || o.image?.link || '',
				brand: p.brand ?? '',
				url: s['settings.shop_url'] + encodeURIComponent(String(p.styleCode ?? '').toLowerCase()),
			});
		}
	}
	return out;
}

async function assertCatalog(ctx: CheckContext) {
	const omni = await ctx.sandbox.getState('cin7omni');
	const dd = await ctx.sandbox.getState('dotdigital');
	const expected = expectedCatalog(omni, ctx.workflow);
	const ours = new Set((omni.productOptions as Json[]).map((o) => o.code));
	const records = [...collectionRecords(dd, 'catalog_cin7').values()].filter((r) => ours.has(r.key) || expected.has(r.key));
	expect(records.map((r) => r.key).sort()).toEqual([...expected.keys()].sort());
	const problems: string[] = [];
	for (const r of records) diff(expected.get(r.key)!, r.json, r.key, problems);
	expect(problems).toEqual([]);
	expect(collectionMeta(dd, 'catalog_cin7')).toMatchObject({ scope: 'account', type: 'catalog' });
	return { omni, records };
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		const omni = await ctx.sandbox.getState('cin7omni');
		const products = omni.products as Json[];
		await ctx.sandbox.mutate('cin7omni', { entity: 'product', id: products[1].id, patch: { images: [{ link: 'https://img.example.com/p1-a.jpg' }, { link: 'https://img.example.com/p1-b.jpg' }] } });
		const special = products[2].productOptions[0];
		await ctx.sandbox.mutate('cin7omni', { entity: 'productOption', id: special.id, patch: { specialPrice: 9.99 } });
		// An option without code (SKU): it alone fails.
		const bad = products[3].productOptions[1];
		await ctx.sandbox.mutate('cin7omni', { entity: 'productOption', id: bad.id, patch: { code: '', productOptionCode: '' } });
		// Stock on hand 40 with 15 on open sales and 5 on hold at branch 3: 20 to sell there.
		const pinned = products[4].productOptions[0];
		await ctx.sandbox.mutate('cin7omni', { entity: 'stock', code: pinned.code, branchId: 3, patch: { stockOnHand: 40, openSales: 15, holding: 5 } });
		ctx.memo.image = products[1].productOptions[0].code;
		ctx.memo.special = special.code;
		ctx.memo.pinned = pinned.code;
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const { omni, records } = await assertCatalog(ctx);
		const bySku = new Map(records.map((r) => [r.key, r.json]));
		expect(bySku.get(ctx.memo.image)!.image_path).toBe('https://img.example.com/p1-a.jpg');
		expect(bySku.get(ctx.memo.special)!.special_price).toBe(9.99);
		expect(records.some((r) => r.json.status === 'inactive')).toBe(true);
		const soh = new Map<string, number>();
		for (const row of omni.stock as Json[]) soh.set(row.code, (soh.get(row.code) ?? 0) + row.stockOnHand);
		expect(records.filter((r) => r.json.stock !== soh.get(r.key)).length).toBeGreaterThan(10);
		const rejected = nodeOutput(run.runData, 'Rejected products');
		expect(rejected).toHaveLength(1);
		expect(String(rejected[0].error)).toMatch(/Record Key/);
		expect(nodeOutput(run.runData, 'Invalid products')).toEqual([]);
		ctx.memo.count = records.length;
	},

	async betweenRuns(ctx) {
		// Stock is left alone here: the available-to-sell templates share this sandbox and expect
		// only their own SKUs to change between runs.
		const omni = await ctx.sandbox.getState('cin7omni');
		const p = (omni.products as Json[])[6];
		await ctx.sandbox.mutate('cin7omni', { entity: 'product', id: p.id, patch: { name: 'Renamed product', status: 'Inactive' } });
		ctx.memo.renamed = p.productOptions[0].code;
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const { records } = await assertCatalog(ctx);
		expect(records).toHaveLength(ctx.memo.count);
		const bySku = new Map(records.map((r) => [r.key, r.json]));
		expect(bySku.get(ctx.memo.renamed)).toMatchObject({ name: 'Renamed product', status: 'inactive' });
		expect(nodeOutput(run.runData, 'Rejected products')).toHaveLength(1);
	},
};
