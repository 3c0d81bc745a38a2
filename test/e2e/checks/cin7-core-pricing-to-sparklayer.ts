/**
 * workflows/cin7-core-pricing-to-sparklayer.json, computed here from the sandbox's Cin7 Core data and
 * the template's settings:
 *
 * - every Cin7 Core price tier (by code, named as Cin7 names it now) is the SparkLayer price list
 *   `cin7-tier-<code>` in the base currency; every active product's tier price > 0 is its SKU's only
 *   price (quantity 1) on that list, and a 0 price leaves the SKU off the list;
 * - every (tier, currency) of a customer not in the base currency is the list
 *   `cin7-tier-<code>-<currency>` with one rule: from `cin7-tier-<code>`, 0 %, the settings' rate;
 * - a customer with customer-specific prices has its own list `cin7-c-<id>` in its currency with
 *   exactly those prices, linked in Shopify by `sparklayer.price_lists` = own list, then tier list.
 *
 * Between the runs a product's tier price changes: the second run replaces that price and adds nothing.
 */
import type { Json } from '../harness/n8n';
import { customerListSlug, emailOf, lc, metafield, setLiterals, shopifyByEmail } from './sparklayer-common';
import type { CheckContext, TemplateCheck } from './types';

interface Row { price_list_slug: string; sku: string; pricing: Json[] }

function expected(ctx: CheckContext, core: Json): { lists: Map<string, Json>; rows: Map<string, Row>; links: Map<string, string> } {
	const s = setLiterals(ctx.workflow, 'Pricing settings');
	const base = String(s.baseCurrency).toUpperCase();
	const lists = new Map<string, Json>();
	const rows = new Map<string, Row>();
	const links = new Map<string, string>();
	const tiers = core.priceTiers as Json[];
	for (const t of tiers) lists.set(`cin7-tier-${t.Code}`, { name: t.Name, currency_code: base, source: 'integration', rules: [] });
	const active = (core.products as Json[]).filter((p) => p.Status !== 'Deprecated' && p.SKU);
	for (const p of active) {
		for (const t of tiers) {
			const price = Number(p[`PriceTier${t.Code}`] ?? 0);
			if (price > 0) rows.set(`cin7-tier-${t.Code}|${p.SKU}`, { price_list_slug: `cin7-tier-${t.Code}`, sku: p.SKU, pricing: [{ quantity: 1, price }] });
		}
	}
	const bySku = new Map((core.products as Json[]).map((p) => [p.ID, p.SKU]));
	for (const c of (core.customers as Json[]).filter((x) => x.Status !== 'Deprecated')) {
		const currency = String(c.Currency || base).toUpperCase();
		const tier = tiers.find((t) => t.Name === c.PriceTier);
		const tierSlug = tier ? `cin7-tier-${tier.Code}${currency !== base ? `-${currency.toLowerCase()}` : ''}` : '';
		if (tier && currency !== base) {
			lists.set(tierSlug, {
				name: `${tier.Name} ${currency}`, currency_code: currency, source: 'integration',
				rules: [{ source_price_list_slug: `cin7-tier-${tier.Code}`, adjustment_percentage: 0, adjustment_direction: 'minus', currency_exchange_rate: s.exchangeRates[currency] }],
			});
		}
		const own = (c.ProductPrices ?? []) as Json[];
		if (!own.length) continue;
		const slug = customerListSlug(c);
		lists.set(slug, { name: `Cin7 ${c.Name}`.slice(0, 64), currency_code: currency, source: 'integration', rules: [] });
		for (const p of own) {
			const sku = p.SKU ?? bySku.get(p.ProductID);
			rows.set(`${slug}|${sku}`, { price_list_slug: slug, sku, pricing: [{ quantity: 1, price: Number(p.Price) }] });
		}
		if (emailOf(c)) links.set(lc(emailOf(c)), [slug, tierSlug].filter(Boolean).join(','));
	}
	return { lists, rows, links };
}

async function assertState(ctx: CheckContext): Promise<void> {
	const [core, sparklayer, shopify] = await Promise.all(['cin7core', 'sparklayer', 'shopify'].map((k) => ctx.sandbox.getState(k)));
	const { lists, rows, links } = expected(ctx, core);
	const problems: string[] = [];
	const actualLists = new Map((sparklayer.priceLists as Json[]).map((p) => [p.slug, p]));
	for (const [slug, want] of lists) {
		const got = actualLists.get(slug);
		if (!got) { problems.push(`price list ${slug} missing`); continue; }
		for (const [k, v] of Object.entries(want)) if (JSON.stringify(got[k]) !== JSON.stringify(v)) problems.push(`${slug}.${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify(got[k])}`);
	}
	// prices on the lists this template owns: exactly the expected rows, nothing more
	const actualRows = new Map((sparklayer.prices as Json[]).filter((r) => lists.has(r.price_list_slug)).map((r) => [`${r.price_list_slug}|${r.sku}`, r]));
	for (const [key, want] of rows) {
		const got = actualRows.get(key);
		if (!got) problems.push(`${key}: no price`);
		else if (JSON.stringify(got.pricing) !== JSON.stringify(want.pricing)) problems.push(`${key}: expected ${JSON.stringify(want.pricing)}, got ${JSON.stringify(got.pricing)}`);
	}
	for (const key of actualRows.keys()) if (!rows.has(key)) problems.push(`${key}: a price that should not be there`);
	const by = shopifyByEmail(shopify);
	for (const [email, value] of links) {
		const c = by.get(email);
		if (c && metafield(c, 'price_lists')?.value !== value) problems.push(`${email}: price_lists expected ${value}, got ${metafield(c, 'price_lists')?.value}`);
	}
	expect(problems.slice(0, 20)).toEqual([]);
	expect(rows.size).toBeGreaterThan(1000);
	expect(links.size).toBe(2);
}

export const check: TemplateCheck = {
	async prepare(ctx) {
		const [core, shopify] = await Promise.all([ctx.sandbox.getState('cin7core'), ctx.sandbox.getState('shopify')]);
		const inShopify = new Set((shopify.customers as Json[]).map((c) => lc(c.email)));
		// customers in Shopify that the B2B customers check leaves alone (it takes the first ones)
		const existing = (core.customers as Json[]).filter((c) => c.Status === 'Active' && inShopify.has(lc(emailOf(c)))).reverse();
		const aud = existing.find((c) => c.Currency === 'AUD')!;
		const nzd = existing.find((c) => c.Currency === 'NZD')!;
		const products = (core.products as Json[]).filter((p) => p.Status === 'Active');
		await ctx.sandbox.mutate('cin7core', { entity: 'customer', id: aud.ID, patch: { ProductPrices: [{ ProductID: products[1].ID, SKU: products[1].SKU, Price: 7.25 }, { ProductID: products[2].ID, SKU: products[2].SKU, Price: 11 }] } });
		await ctx.sandbox.mutate('cin7core', { entity: 'customer', id: nzd.ID, patch: { ProductPrices: [{ ProductID: products[3].ID, SKU: products[3].SKU, Price: 19.9 }] } });
		ctx.memo.product = products[5].SKU;
		ctx.memo.emails = [lc(emailOf(aud)), lc(emailOf(nzd))];
	},

	async afterFirstRun(ctx, run) {
		expect(run.error).toBeNull();
		await assertState(ctx);
	},

	async betweenRuns(ctx) {
		// a changed price replaces the old one
		const core = await ctx.sandbox.getState('cin7core');
		const p = (core.products as Json[]).find((x) => x.SKU === ctx.memo.product)!;
		await ctx.sandbox.mutate('cin7core', { entity: 'product', id: p.ID, patch: { PriceTier2: Math.round((p.PriceTier2 + 1.5) * 100) / 100 } });
		ctx.memo.newPrice = Math.round((p.PriceTier2 + 1.5) * 100) / 100;
	},

	async afterSecondRun(ctx, run) {
		expect(run.error).toBeNull();
		await assertState(ctx);
		const sl = await ctx.sandbox.getState('sparklayer');
		const row = (sl.prices as Json[]).find((r) => r.price_list_slug === 'cin7-tier-2' && r.sku === ctx.memo.product)!;
		expect(row.pricing).toEqual([{ quantity: 1, price: ctx.memo.newPrice }]);
	},
};
