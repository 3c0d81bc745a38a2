/**
 * workflows/cin7-omni-product-feed-for-emarsys.json: the product CSV the workflow serves is fetched
 * by the Emarsys sandbox the way Emarsys fetches a catalog URL (basic auth in the URL, the file
 * validated as Emarsys does, the whole catalog replaced), then every catalog item is compared field
 * by field with an independent reading of Cin7 Omni: one item per active option (product not
 * Inactive, option not Disabled, with a code), and available to sell (never on hand) computed from
 * the stock rows by the documented rules (checks/cin7-omni-available-to-sell.ts). The run here starts from Run now (n8n execute-batch serves
 * no webhooks), so the check serves the CSV the run built behind basic auth itself.
 */

import type { Json } from '../harness/n8n';
import { expectedOmniAts } from './cin7-omni-available-to-sell';
import { text } from './emarsys-common';
import { assertFeedRun, settings } from './emarsys-feed-common';
import type { CheckContext, TemplateCheck } from './types';

/** What each catalog item must hold, by option code. */
export function expectedItems(ctx: CheckContext, omni: Json): Map<string, Record<string, string>> {
	const s = settings(ctx.workflow);
	const ats = expectedOmniAts(omni, ctx.workflow);
	const out = new Map<string, Record<string, string>>();
	const notWebp = (u: unknown) => !!u && !/\.webp(\?|$)/i.test(String(u));
	for (const p of omni.products as Json[]) {
		if (p.status === 'Inactive') continue;
		for (const o of p.productOptions as Json[]) {
			const code = text(o.code);
			if (o.status === 'Disabled' || !code || !ats.has(code)) continue;
			const e = ats.get(code)!;
			out.set(code, {
				item: code,
				title: [p.name, o.option1, o.option2, o.option3].filter(Boolean).join(' / '),
				link: s.shop_url + encodeURIComponent(text(p.styleCode).toLowerCase()),
				image: [p.images?.[0]?.link, o.image?.link].find(notWebp) ?? '',
				category: [p.category, p.subCategory].filter(Boolean).join(' > '),
				available: e.availableToSell > 0 ? 'true' : 'false',
				price: String(o[s.price_column] ?? 0),
				msrp: String(o.retailPrice ?? 0),
				brand: text(p.brand),
				description: String(p.description ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim(),
				c_stock: String(e.availableToSell),
			});
		}
	}
	return out;
}

async function assertRun(ctx: CheckContext, run: Json) {
	return await assertFeedRun(ctx, run, expectedItems(ctx, await ctx.sandbox.getState('cin7omni')));
}

export const check: TemplateCheck = {
	async afterFirstRun(ctx, run) {
		const { csv } = await assertRun(ctx, run);
		ctx.memo.csv = csv;
		// at least one option's on hand differs from its available to sell, so the two cannot be confused
		const omni = await ctx.sandbox.getState('cin7omni');
		const onHand = new Map<number, number>();
		for (const r of omni.stock as Json[]) onHand.set(r.productOptionId, (onHand.get(r.productOptionId) ?? 0) + Number(r.stockOnHand ?? 0));
		const ats = expectedOmniAts(omni, ctx.workflow);
		const byCode = new Map<string, number>();
		for (const p of omni.products as Json[]) for (const o of p.productOptions as Json[]) byCode.set(text(o.code), o.id);
		expect([...ats].some(([code, e]) => (onHand.get(byCode.get(code)!) ?? 0) !== e.availableToSell)).toBe(true);
	},

	async afterSecondRun(ctx, run) {
		// a second fetch replaces the catalog with the same items: nothing added twice
		const { items } = await assertRun(ctx, run);
		expect(new Set(items.map((i) => i.item)).size).toBe(items.length);
	},
};
