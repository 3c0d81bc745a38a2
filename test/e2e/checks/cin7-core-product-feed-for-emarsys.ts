/**
 * workflows/cin7-core-product-feed-for-emarsys.json: the product CSV the workflow serves is fetched
 * by the Emarsys sandbox the way Emarsys fetches a catalog URL (basic auth in the URL, the file
 * validated as Emarsys does, the whole catalog replaced), then every catalog item is compared field
 * by field with an independent reading of Cin7 Core: the active stock products, and available to
 * sell (never on hand) computed from the availability rows by the documented rules
 * (checks/cin7-core-available-to-sell.ts). The run here starts from Run now (n8n execute-batch serves
 * no webhooks), so the check serves the CSV the run built behind basic auth itself.
 */

import type { Json } from '../harness/n8n';
import { expectedCoreAts } from './cin7-core-available-to-sell';
import { text } from './emarsys-common';
import { assertFeedRun, settings } from './emarsys-feed-common';
import type { CheckContext, TemplateCheck } from './types';

/** What each catalog item must hold, by SKU. */
export function expectedItems(ctx: CheckContext, core: Json): Map<string, Record<string, string>> {
	const s = settings(ctx.workflow);
	const ats = expectedCoreAts(core, ctx.workflow);
	const bySku = new Map((core.products as Json[]).map((p) => [p.SKU, p]));
	const out = new Map<string, Record<string, string>>();
	for (const [sku, e] of ats) {
		const p = bySku.get(sku)!;
		const images = ((p.Attachments ?? []) as Json[]).filter((a) => a.DownloadUrl && !/\.webp(\?|$)/i.test(a.DownloadUrl));
		const image = (images.find((a) => a.IsDefault) ?? images[0])?.DownloadUrl ?? '';
		const tier = (name: string) => (p.PriceTiers?.[name] === undefined ? '' : String(p.PriceTiers[name]));
		out.set(sku, {
			item: sku,
			title: p.Name,
			link: s.shop_url + encodeURIComponent(sku),
			image,
			category: text(p.Category),
			available: e.availableToSell > 0 ? 'true' : 'false',
			price: tier(s.price_tier),
			msrp: tier(s.msrp_tier),
			brand: text(p.Brand),
			description: String(p.Description ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim(),
			c_stock: String(e.availableToSell),
		});
	}
	return out;
}

async function assertRun(ctx: CheckContext, run: Json) {
	return await assertFeedRun(ctx, run, expectedItems(ctx, await ctx.sandbox.getState('cin7core')));
}

export const check: TemplateCheck = {
	async afterFirstRun(ctx, run) {
		const { csv } = await assertRun(ctx, run);
		ctx.memo.csv = csv;
		// at least one SKU's on hand differs from its available to sell, so the two cannot be confused
		const core = await ctx.sandbox.getState('cin7core');
		const onHand = new Map<string, number>();
		for (const r of core.availability as Json[]) onHand.set(r.SKU, (onHand.get(r.SKU) ?? 0) + Number(r.OnHand ?? 0));
		const ats = expectedCoreAts(core, ctx.workflow);
		expect([...ats].some(([sku, e]) => (onHand.get(sku) ?? 0) !== e.availableToSell)).toBe(true);
	},

	async afterSecondRun(ctx, run) {
		// a second fetch replaces the catalog with the same items: nothing added twice
		const { items } = await assertRun(ctx, run);
		expect(new Set(items.map((i) => i.item)).size).toBe(items.length);
	},
};
