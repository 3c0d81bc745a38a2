/**
 * workflows/cin7-omni-product-feed-for-emarsys.json: the product CSV the workflow serves is fetched
 * by the Emarsys sandbox the way Emarsys fetches a catalog URL (basic auth in the URL, the file
 * validated as Emarsys does, the whole catalog replaced), then every catalog item is compared field
 * by field with an independent reading of Cin7 Omni: one item per active option (product not
 * Inactive, option not Disabled, with a code), and available to sell (never on hand) computed from
 * the stock rows by the documented rules (checks/cin7-omni-available-to-sell.ts). The run here starts from Run now (n8n execute-batch serves
 * no webhooks), so the check serves the CSV the run built behind basic auth itself.
 */
import * as http from 'http';

import { nodeOutput, type Json } from '../harness/n8n';
import { expectedOmniAts } from './cin7-omni-available-to-sell';
import { emarsysState, text } from './emarsys-common';
import type { CheckContext, TemplateCheck } from './types';

const FEED_USER = 'emarsys-feed';
const FEED_PASSWORD = 'feed-pass-for-the-check';

function settings(workflow: Json): Record<string, string> {
	const out: Record<string, string> = {};
	for (const a of workflow.nodes.find((n: Json) => n.name === 'Catalog settings').parameters.assignments.assignments as Json[]) out[a.name.replace(/^settings\./, '')] = a.value;
	return out;
}

/** Serves `csv` behind basic auth and has the Emarsys sandbox fetch it ("Update from URL now"). */
async function fetchIntoEmarsys(ctx: CheckContext, csv: string): Promise<Json> {
	const server = http.createServer((req, res) => {
		const want = 'Basic ' + Buffer.from(`${FEED_USER}:${FEED_PASSWORD}`).toString('base64');
		if (req.headers.authorization !== want) { res.writeHead(401, { 'WWW-Authenticate': 'Basic' }); res.end(); return; }
		res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' });
		res.end(csv);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
	try {
		const port = (server.address() as { port: number }).port;
		const r = await fetch(`${ctx.sandbox.url}/emarsys/predict/catalog/fetch`, {
			method: 'POST', headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ url: `http://${FEED_USER}:${FEED_PASSWORD}@127.0.0.1:${port}/emarsys-catalog` }),
		});
		return ((await r.json()) as Json).data;
	} finally {
		await new Promise((r) => server.close(r));
	}
}

/** What each catalog item must hold, by option code. */
function expectedItems(ctx: CheckContext, omni: Json): Map<string, Record<string, string>> {
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
	expect(run.error).toBeNull();
	const built = nodeOutput(run.runData, 'Emarsys product file');
	expect(built).toHaveLength(1);
	expect(nodeOutput(run.runData, 'Not in the feed')).toEqual([]);
	const omni = await ctx.sandbox.getState('cin7omni');
	const fetched = await fetchIntoEmarsys(ctx, built[0].csv);
	expect({ status: fetched.status, errors: fetched.errors }).toEqual({ status: 'imported', errors: [] });
	const em = await emarsysState(ctx.sandbox);
	const exp = expectedItems(ctx, omni);
	const items = em.catalog.items as Json[];
	expect(items.map((i) => i.item).sort()).toEqual([...exp.keys()].sort());
	const diffs: string[] = [];
	for (const i of items) {
		const e = exp.get(i.item)!;
		for (const [k, v] of Object.entries(e)) {
			const same = ['price', 'msrp', 'c_stock'].includes(k) && v !== '' ? Number(i[k]) === Number(v) : (i[k] ?? '') === v;
			if (!same) diffs.push(`${i.item}.${k}: feed ${JSON.stringify(i[k])}, expected ${JSON.stringify(v)}`);
		}
	}
	expect(diffs.slice(0, 30)).toEqual([]);
	// the data exercises both sides of "available", and stock is available to sell, not on hand
	expect(items.some((i) => i.available === 'true') && items.some((i) => i.available === 'false')).toBe(true);
	return { csv: built[0].csv as string, items };
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
