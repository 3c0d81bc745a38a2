/**
 * workflows/cin7-core-products-to-dotdigital.json: every Cin7 Core product is one record of the
 * account collection `catalog_cin7` (type catalog), keyed by SKU, with stock = available to sell
 * computed here from the availability rows and the template's settings:
 *
 *   stock = max(0, Σ Available over rows not in an excluded location and not in an excluded
 *           Location/Bin)   (no buffer, no unauthorised orders, no on-order: the template's choice)
 *
 * price = the "price_tier" tier, special_price = the "special_price_tier" tier (empty = null),
 * status active ⇔ Status Active, image_path = the default attachment's DownloadUrl, url = shop_url + SKU.
 */
import { nodeOutput, type Json } from '../harness/n8n';
import { collectionMeta, collectionRecords, diff, lc, nodeParams, setLiterals } from './orders-catalog-common';
import type { CheckContext, TemplateCheck } from './types';

function atsBySku(core: Json, workflow: Json): Map<string, number> {
	const p = nodeParams(workflow, 'Available to sell');
	const locations = ((p.excludedLocations ?? []) as string[]).map(lc);
	// A list picked from the drop-down, or the comma-separated text older templates saved.
	const bins = (Array.isArray(p.excludedBins) ? (p.excludedBins as string[]) : String(p.excludedBins ?? '').split(','))
		.map((b) => String(b).trim())
		.filter(Boolean)
		.map((b) => {
			const i = b.lastIndexOf('/');
			return i > 0 ? { loc: lc(b.slice(0, i)), bin: lc(b.slice(i + 1)) } : { loc: null, bin: lc(b) };
		});
	expect(p.safetyBufferMode ?? 'none').toBe('none');
	expect(p.deductUnauthorisedOrders ?? false).toBe(false);
	expect(p.includeOnOrder ?? false).toBe(false);
	const sums = new Map<string, number>();
	for (const r of core.availability as Json[]) {
		if (locations.includes(lc(r.Location))) continue;
		if (r.Bin && bins.some((b) => b.bin === lc(r.Bin) && (b.loc === null || b.loc === lc(r.Location)))) continue;
		sums.set(r.SKU, (sums.get(r.SKU) ?? 0) + Number(r.Available));
	}
	return new Map([...sums].map(([sku, n]) => [sku, Math.max(0, n)]));
}

function expectedCatalog(core: Json, workflow: Json): Map<string, Json> {
	const s = setLiterals(workflow, 'Catalog settings');
	const ats = atsBySku(core, workflow);
	const out = new Map<string, Json>();
	for (const p of core.products as Json[]) {
		if (!p.SKU) continue;
		const attachments = (p.Attachments ?? []) as Json[];
		const image = attachments.find((a) => a.IsDefault) ?? attachments[0];
		out.set(p.SKU, {
			sku: p.SKU,
			name: p.Name,
			price: p.PriceTiers[s['settings.price_tier']],
			special_price: s['settings.special_price_tier'] ? p.PriceTiers[s['settings.special_price_tier']] : null,
			stock: ats.get(p.SKU) ?? 0,
			status: p.Status === 'Active' ? 'active' : 'inactive',
			currency: s['settings.currency'],
			image_path: image?.DownloadUrl ?? '',
			brand: p.Brand ?? '',
			url: s['settings.shop_url'] + encodeURIComponent(p.SKU),
		});
	}
	return out;
}

async function assertCatalog(ctx: CheckContext) {
	const core = await ctx.sandbox.getState('cin7core');
	const dd = await ctx.sandbox.getState('dotdigital');
	const expected = expectedCatalog(core, ctx.workflow);
	const ours = new Set((core.products as Json[]).map((p) => p.SKU));
	const records = [...collectionRecords(dd, 'catalog_cin7').values()].filter((r) => ours.has(r.key) || expected.has(r.key));
	expect(records.map((r) => r.key).sort()).toEqual([...expected.keys()].sort());
	const problems: string[] = [];
	for (const r of records) diff(expected.get(r.key)!, r.json, r.key, problems);
	expect(problems).toEqual([]);
	expect(collectionMeta(dd, 'catalog_cin7')).toMatchObject({ scope: 'account', type: 'catalog' });
	return { core, records, expected };
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		const core = await ctx.sandbox.getState('cin7core');
		const products = core.products as Json[];
		// Images: a default attachment that is not the first one, and a product with only one image.
		const [p1, p2, bad, pinned] = [products[3], products[4], products[5], products[6]];
		await ctx.sandbox.mutate('cin7core', {
			entity: 'product',
			id: p1.ID,
			patch: {
				Attachments: [
					{ ID: 'att-1', ContentType: 'image/png', IsDefault: false, FileName: 'side.png', DownloadUrl: `https://img.example.com/${p1.SKU}-side.png` },
					{ ID: 'att-2', ContentType: 'image/png', IsDefault: true, FileName: 'front.png', DownloadUrl: `https://img.example.com/${p1.SKU}-front.png` },
				],
			},
		});
		await ctx.sandbox.mutate('cin7core', {
			entity: 'product',
			id: p2.ID,
			patch: { Attachments: [{ ID: 'att-3', ContentType: 'image/jpeg', IsDefault: false, FileName: 'a.jpg', DownloadUrl: `https://img.example.com/${p2.SKU}.jpg` }] },
		});
		// A product without SKU: it alone fails.
		await ctx.sandbox.mutate('cin7core', { entity: 'product', id: bad.ID, patch: { SKU: '' } });
		// On hand 50, 20 allocated: the catalog must say 30, not 50.
		await ctx.sandbox.mutate('cin7core', { entity: 'availability', sku: pinned.SKU, location: 'Sydney Store', patch: { OnHand: 50, Allocated: 20 } });
		ctx.memo.p1 = p1.SKU;
		ctx.memo.p2 = p2.SKU;
		ctx.memo.pinned = pinned.SKU;
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		const { core, records } = await assertCatalog(ctx);
		const bySku = new Map(records.map((r) => [r.key, r.json]));
		expect(bySku.get(ctx.memo.p1)!.image_path).toBe(`https://img.example.com/${ctx.memo.p1}-front.png`);
		expect(bySku.get(ctx.memo.p2)!.image_path).toBe(`https://img.example.com/${ctx.memo.p2}.jpg`);
		// The documented rules really bite in this data: deprecated products, quarantine, bins, on hand ≠ ATS.
		expect(records.some((r) => r.json.status === 'inactive')).toBe(true);
		const onHand = new Map<string, number>();
		for (const row of core.availability as Json[]) onHand.set(row.SKU, (onHand.get(row.SKU) ?? 0) + row.OnHand);
		expect(records.filter((r) => r.json.stock !== onHand.get(r.key)).length).toBeGreaterThan(10);
		const pinnedRows = (core.availability as Json[]).filter((r) => r.SKU === ctx.memo.pinned);
		expect(bySku.get(ctx.memo.pinned)!.stock).toBe(Math.max(0, pinnedRows.filter((r) => r.Location !== 'Quarantine' && r.Bin !== 'Wholesale Reserve').reduce((a, r) => a + r.Available, 0)));
		// The product without SKU failed alone, with the reason.
		const rejected = nodeOutput(run.runData, 'Rejected products');
		expect(rejected).toHaveLength(1);
		expect(String(rejected[0].error)).toMatch(/Record Key/);
		expect(nodeOutput(run.runData, 'Invalid products')).toEqual([]);
		ctx.memo.count = records.length;
	},

	async betweenRuns(ctx) {
		const core = await ctx.sandbox.getState('cin7core');
		const p = (core.products as Json[])[10];
		await ctx.sandbox.mutate('cin7core', { entity: 'product', id: p.ID, patch: { PriceTiers: { Retail: 123.45 }, Name: 'Renamed product' } });
		// Stock is left alone here: the available-to-sell templates share this sandbox and expect
		// only their own SKUs to change between runs.
		ctx.memo.renamed = p.SKU;
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		const { records } = await assertCatalog(ctx);
		expect(records).toHaveLength(ctx.memo.count);
		const bySku = new Map(records.map((r) => [r.key, r.json]));
		expect(bySku.get(ctx.memo.renamed)).toMatchObject({ name: 'Renamed product', price: 123.45 });
		expect(nodeOutput(run.runData, 'Rejected products')).toHaveLength(1);
	},
};
