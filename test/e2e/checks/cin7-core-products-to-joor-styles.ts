/**
 * workflows/cin7-core-products-to-joor-styles.json: JOOR styles after each run against an independent
 * reading of Cin7 Core, from the template's documented rules:
 *
 *   styles     = one per family with an active member (style_number = family SKU, name = family name)
 *                and one per single product tagged JOOR (style_number = its SKU, name = its name)
 *   skus       = per product: colour ONE (no Colour option here), size = the family's Size option or
 *                OS, UPC = barcode
 *   prices     = Wholesale AUD (wholesale PriceTier2, retail PriceTier1) and Retail AUD (wholesale
 *                PriceTier3, retail PriceTier1) of the first product
 *   linesheets = a style is in exactly the linesheets its products' Collection_ tags name, among the
 *                tag linesheets; between the runs tags are removed (one whose linesheet another product
 *                still names, and one whose linesheet no tag names any more) and one is added; hand-built
 *                linesheets ("Showroom Picks", SS25) keep every style they had
 *   images     = the style's default product image (file name style-…) and one per colour (ONE-…),
 *                only JPEG / PNG of at most 4 MB; a WEBP and a 5 MB JPEG are reported, not sent; an
 *                image whose server refuses HEAD is sent on Cin7 Core's content type (and, over
 *                4 MB, refused by JOOR and reported the same way)
 *
 * The images are served by this check (a small HTTP server); the second run sends no image again.
 *
 * The "Cin7 Core product updated" path runs between the runs, before the tag changes, as a variant of
 * the template in the suite's n8n. `n8n execute` starts only at a Manual Trigger (or an Execute
 * Workflow Trigger), in execution mode "cli", in which n8n never calls a polling node's poll(): it
 * passes the node's input on, exactly as it does in a real poll's "trigger" execution, where that
 * input is the poll's rows. So the variant feeds the shipped trigger node, unchanged, the rows its
 * poll asks Cin7 Core for (GET /product with ModifiedSince and IncludeDeprecated) from Run now; the
 * poll itself (cursor, overlap, cap) is covered by test/e2e/polling.test.ts and the unit tests.
 * Between the runs a family member's and a tagged single product's prices change, and so does an
 * untagged single product (in no style): only the two styles holding the first two are written,
 * field by field as Cin7 Core now says, and every other style and linesheet stays as it was. Then a
 * member of another family is deprecated (its style loses the SKU) and made active again.
 */
import * as http from 'http';

import { nodeOutput, sleep, type Json } from '../harness/n8n';
import type { CheckContext, TemplateCheck } from './types';
import { runVariant } from './variant';

const lc = (s: unknown) => String(s ?? '').trim().toLowerCase();
const tagsOf = (p: Json) => String(p.Tags ?? '').split(',').map((t) => t.trim()).filter(Boolean);
const PRICES = [
	{ price_label: 'Wholesale', currency: 'AUD', wholesale: 'PriceTier2', retail: 'PriceTier1' },
	{ price_label: 'Retail', currency: 'AUD', wholesale: 'PriceTier3', retail: 'PriceTier1' },
];

// ---------- the images, served over HTTP as a CDN would ----------
const IMAGES: Record<string, { type: string; bytes: number }> = {
	'front.jpg': { type: 'image/jpeg', bytes: 20_000 },
	'side.png': { type: 'image/png', bytes: 30_000 },
	'flat.webp': { type: 'image/webp', bytes: 10_000 },
	'huge.jpg': { type: 'image/jpeg', bytes: 5 * 1024 * 1024 },
	// a signed link that answers GET only (HEAD 403): sent on Cin7 Core's type, JOOR judges the size
	'signed.jpg': { type: 'image/jpeg', bytes: 40_000 },
	// the same, too big: sent, and refused by JOOR (the error branch of Add JOOR image)
	'signed-huge.jpg': { type: 'image/jpeg', bytes: 5 * 1024 * 1024 },
};
const SENDABLE = (name: string) => ['image/jpeg', 'image/png'].includes(IMAGES[name].type) && IMAGES[name].bytes <= 4 * 1024 * 1024;

async function serveImages(): Promise<{ url: string; server: http.Server }> {
	const server = http.createServer((req, res) => {
		const name = decodeURIComponent(String(req.url ?? '').replace(/^\/img\//, '').split('?')[0]);
		const image = IMAGES[name];
		if (!image) return void res.writeHead(404).end();
		if (name.startsWith('signed') && req.method === 'HEAD') return void res.writeHead(403).end();
		res.writeHead(200, { 'Content-Type': image.type, 'Content-Length': image.bytes });
		res.end(req.method === 'HEAD' ? undefined : Buffer.alloc(image.bytes, 7));
	});
	server.unref();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/img/`, server };
}

const attachment = (base: string, name: string, isDefault: boolean) => ({
	ContentType: IMAGES[name].type, IsDefault: isDefault, FileName: name, DownloadUrl: base + name,
});

// ---------- the expected JOOR state ----------
interface Expected {
	style_number: string;
	style_name: string;
	skus: Json[];
	prices: Json[];
	tags: string[];
	images: Json[];
	notSent: string[];
}

function imageOf(p: Json): Json | undefined {
	const images = ((p.Attachments ?? []) as Json[]).filter((a) => /^image\//.test(a.ContentType));
	return images.find((a) => a.IsDefault) ?? images[0];
}

function expected(core: Json): Expected[] {
	const bySku = new Map((core.products as Json[]).filter((p) => p.Status !== 'Deprecated').map((p) => [p.SKU, p]));
	const style = (style_number: string, style_name: string, members: Array<{ p: Json; size: string }>): Expected => {
		const first = members[0].p;
		const candidates: Array<{ level: string; image: Json }> = [];
		const styleImage = members.map((m) => imageOf(m.p)).find(Boolean);
		if (styleImage) candidates.push({ level: 'style', image: styleImage });
		const colourImage = members.map((m) => imageOf(m.p)).find(Boolean); // one colour, ONE
		if (colourImage) candidates.push({ level: 'ONE', image: colourImage });
		return {
			style_number,
			style_name,
			skus: members.map((m) => ({ color_code: 'ONE', size: m.size, upc: String(m.p.Barcode) })),
			prices: PRICES.map((t) => ({ price_label: t.price_label, currency: t.currency, wholesale: first[t.wholesale], retail: first[t.retail] })),
			tags: [...new Set(members.flatMap((m) => tagsOf(m.p).filter((t) => t.startsWith('Collection_')).map((t) => t.slice('Collection_'.length))))].sort(),
			images: candidates.filter((c) => SENDABLE(c.image.FileName)).map((c) => ({
				filename: `${c.level}-${c.image.FileName}`, url: c.image.DownloadUrl, color_code: c.level === 'style' ? null : c.level,
			})),
			notSent: candidates.filter((c) => !SENDABLE(c.image.FileName)).map((c) => `${style_number}|${c.image.DownloadUrl}`),
		};
	};
	const inFamily = new Set<string>();
	const out: Expected[] = [];
	for (const f of core.families as Json[]) {
		for (const m of f.Products as Json[]) inFamily.add(m.SKU);
		const sizeOpt = [1, 2, 3].find((k) => /^size$/i.test(String(f[`Option${k}Name`] ?? '')));
		const members = (f.Products as Json[]).filter((m) => bySku.has(m.SKU)).map((m) => ({ p: bySku.get(m.SKU)!, size: sizeOpt ? String(m[`Option${sizeOpt}`]) : 'OS' }));
		if (members.length) out.push(style(f.SKU, f.Name, members));
	}
	for (const p of bySku.values()) {
		if (!inFamily.has(p.SKU) && tagsOf(p).some((t) => lc(t) === 'joor')) out.push(style(p.SKU, p.Name, [{ p, size: 'OS' }]));
	}
	return out;
}

const membersOf = (joor: Json, name: string) =>
	((joor.linesheets as Json[]).find((l) => lc(l.name) === lc(name))?.items as Json[] | undefined ?? []).map((i) => i.product_id).sort();

function assertJoor(ctx: CheckContext, core: Json, joor: Json): Expected[] {
	const exp = expected(core);
	const tagLinesheets: string[] = ctx.memo.tagLinesheets;
	const mismatches: string[] = [];
	for (const e of exp) {
		const found = (joor.styles as Json[]).filter((s) => s.style_number === e.style_number);
		if (found.length !== 1) {
			mismatches.push(`${e.style_number}: ${found.length} styles`);
			continue;
		}
		const s = found[0];
		const got = {
			style_name: s.style_name,
			skus: s.skus,
			prices: (s.prices as Json[]).map((p) => ({ price_label: p.price_label, currency: p.currency, wholesale: p.wholesale, retail: p.retail })),
			tags: (s.deliveries as Json[]).map((d) => d.linesheet).filter((n: string) => tagLinesheets.includes(n)).sort(),
			images: (s.images as Json[]).map((im) => ({ filename: im.filename, url: im.url, color_code: im.color_code })),
		};
		const want = { style_name: e.style_name, skus: e.skus, prices: e.prices, tags: e.tags.filter((n) => tagLinesheets.includes(n)), images: e.images };
		if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${e.style_number}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
	}
	expect(mismatches.slice(0, 10)).toEqual([]);
	// linesheets built by hand keep every style they had
	for (const [name, members] of Object.entries(ctx.memo.handBuilt as Record<string, number[]>)) expect([name, membersOf(joor, name)]).toEqual([name, members]);
	return exp;
}

function assertRun(ctx: CheckContext, run: Json, exp: Expected[]) {
	expect(run.error).toBeNull();
	expect(nodeOutput(run.runData, 'Synced')).toHaveLength(exp.length);
	expect(nodeOutput(run.runData, 'Not written')).toEqual([]);
	expect(nodeOutput(run.runData, 'Membership not changed')).toEqual([]);
	// Images not sent has two inputs (judged before sending, refused by JOOR): one run per input
	const notSent = ((run.runData['Images not sent'] ?? []) as Json[]).flatMap((_r, k) => nodeOutput(run.runData, 'Images not sent', 0, k));
	expect(notSent.map((i) => `${i.styleNumber}|${i.url}`).sort()).toEqual(exp.flatMap((e) => e.notSent).sort());
	for (const i of notSent) {
		// judged before sending, or (the HEAD-refusing server) refused by JOOR with 413
		expect([i.url, String(i.reason)]).toEqual([i.url, String(i.url).endsWith('signed-huge.jpg') ? expect.stringMatching(/HTTP 413/) : expect.stringMatching(/JPEG and PNG only|at most 4 MB/)]);
	}
}

// ---------- the product-updated path ----------
const TRIGGER = 'Cin7 Core product updated';
const CHANGES = 'Products changed (as the trigger polls)';
const round2 = (n: number) => Math.round(n * 100) / 100;
/** Cin7 Core's LastModifiedOn (UTC, with or without the Z) in ms. */
const modifiedMs = (p: Json) => Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(String(p.LastModifiedOn)) ? String(p.LastModifiedOn) : `${p.LastModifiedOn}Z`);

/**
 * The shipped template started from its product-updated trigger: Run now feeds the trigger node (as
 * shipped) the rows its productUpdated poll reads, changed at or after `sinceIso`; the trigger's own
 * connection (to the families) is the template's. See the header for why the poll cannot run here.
 */
function triggerPathVariant(workflow: Json, sinceIso: string): Json {
	const variant = JSON.parse(JSON.stringify(workflow)) as Json;
	variant.id = 'joorStylesTrig01';
	variant.name = `${workflow.name} (product updated)`;
	const nodes = variant.nodes as Json[];
	const trigger = nodes.find((n) => n.name === TRIGGER)!;
	expect([trigger.type, trigger.parameters.event]).toEqual(['n8n-nodes-cin7.cin7CoreTrigger', 'productUpdated']);
	expect(variant.connections[TRIGGER].main).toEqual([[{ node: 'Cin7 Core product families', type: 'main', index: 0 }]]);
	const products = nodes.find((n) => n.name === 'Cin7 Core products')!;
	nodes.push({
		id: '5b0d7a3e-1c2f-4e8a-9d6b-7f3a2c1e0b9d',
		name: CHANGES,
		type: 'n8n-nodes-cin7.cin7Core',
		typeVersion: products.typeVersion,
		position: [trigger.position[0] - 220, trigger.position[1]],
		parameters: { resource: 'product', operation: 'getAll', returnAll: true, filters: { ModifiedSince: sinceIso, IncludeDeprecated: true } },
		credentials: products.credentials,
	});
	variant.connections['Run now'] = { main: [[{ node: CHANGES, type: 'main', index: 0 }]] };
	variant.connections[CHANGES] = { main: [[{ node: TRIGGER, type: 'main', index: 0 }]] };
	return variant;
}

/**
 * The styles (by style number) holding any of these products: each family it is a member of (a
 * deprecated member too: the style must lose its SKU), else its own when active and tagged JOOR.
 */
function stylesHolding(core: Json, skus: string[]): string[] {
	const bySku = new Map((core.products as Json[]).map((p) => [p.SKU, p]));
	const out = new Set<string>();
	for (const sku of skus) {
		const families = (core.families as Json[]).filter((f) => (f.Products as Json[]).some((m) => m.SKU === sku));
		const p = bySku.get(sku);
		if (families.length) for (const f of families) out.add(f.SKU);
		else if (p && p.Status !== 'Deprecated' && tagsOf(p).some((t) => lc(t) === 'joor')) out.add(p.SKU);
	}
	return [...out].sort();
}

/**
 * One product-updated run: `change` edits products in Cin7 Core as a merchant would (returning their
 * SKUs), the variant runs, and exactly the styles holding those products must be written, each as
 * Cin7 Core now says (assertJoor), while every other style and every linesheet stays as it was.
 */
async function triggerRun(ctx: CheckContext, change: () => Promise<string[]>): Promise<{ core: Json; joor: Json; touched: string[] }> {
	const joorBefore = await ctx.sandbox.getState('joor');
	// A whole second, so Cin7 Core's second-precision ModifiedSince means exactly this instant.
	const since = Math.ceil(Date.now() / 1000) * 1000 + 1000;
	await sleep(since - Date.now() + 20);
	const changedSkus = await change();
	const seq = await ctx.sandbox.lastSeq();

	const run = await runVariant(ctx, triggerPathVariant(ctx.workflow, new Date(since).toISOString().slice(0, 19)), 'joor-styles-trigger');
	expect([run.status, run.error]).toEqual(['success', null]);

	const core = await ctx.sandbox.getState('cin7core');
	const joor = await ctx.sandbox.getState('joor');
	// what the trigger hands on: every product Cin7 Core shows changed since then (deprecated too)
	const changed = (core.products as Json[]).filter((p) => modifiedMs(p) >= since).map((p) => p.SKU).sort();
	expect(changed).toEqual([...changedSkus].sort());
	expect(nodeOutput(run.runData, TRIGGER).map((p) => p.SKU).sort()).toEqual(changed);
	// exactly the styles holding a changed product are written
	const touched = stylesHolding(core, changed);
	expect(nodeOutput(run.runData, 'Style records').map((r) => r.styleNumber).sort()).toEqual(touched);
	expect(nodeOutput(run.runData, 'Synced')).toHaveLength(touched.length);
	expect(nodeOutput(run.runData, 'Not written')).toEqual([]);
	expect(nodeOutput(run.runData, 'Linesheets removed')).toEqual([]);
	expect(nodeOutput(run.runData, 'Image records')).toEqual([]); // JOOR shows their images already
	const jobsBefore = new Set((joorBefore.jobs as Json[]).map((j) => j.id));
	const jobs = (joor.jobs as Json[]).filter((j) => !jobsBefore.has(j.id));
	expect(jobs.flatMap((j) => (j.results as Json[]).map((r) => `${r.style_number} ${r.status} ${r.action}`)).sort()).toEqual(touched.map((n) => `${n} success updated`));
	// its only JOOR writes are those bulk-style jobs: no image, no linesheet change (logins and throttled tries aside)
	const joorCalls = await ctx.sandbox.getRequests({ system: 'joor', since: seq });
	const writes = joorCalls.filter((r) => r.method !== 'GET' && r.status !== 429 && !/\/auth\/?$/.test(String(r.path)));
	expect(writes.map((r) => `${r.method} ${String(r.path).replace(/^.*(\/v\d+\/)/, '$1')} ${r.status}`)).toEqual(jobs.map(() => 'POST /v2/bulk-style 202'));
	// the written styles are as the full pass would write them from Cin7 Core now …
	assertJoor(ctx, core, joor);
	const before = new Map((joorBefore.styles as Json[]).map((st) => [st.style_number, st]));
	for (const st of (joor.styles as Json[]).filter((x) => touched.includes(x.style_number))) {
		expect([st.style_number, st.modified_at > before.get(st.style_number)!.modified_at]).toEqual([st.style_number, true]);
	}
	// … and every other style and every linesheet is exactly as before
	const untouched = (st: Json) => !touched.includes(st.style_number);
	expect((joor.styles as Json[]).filter(untouched)).toEqual((joorBefore.styles as Json[]).filter(untouched));
	expect(joor.linesheets).toEqual(joorBefore.linesheets);
	return { core, joor, touched };
}

/**
 * The product-updated path, three times: (1) new prices for the family's first member (its price is
 * the style's), a tagged single product and an untagged single product in no style; (2) a member of
 * another family is deprecated: that family's style loses its SKU; (3) it is made active again: the
 * SKU is back, and JOOR holds what it held before (2) for the runs that follow.
 */
async function triggerPath(ctx: CheckContext) {
	const { m0, s4 } = ctx.memo.skus;
	const core0 = await ctx.sandbox.getState('cin7core');
	const products = core0.products as Json[];
	const families = core0.families as Json[];
	const inFamily = new Set(families.flatMap((f) => (f.Products as Json[]).map((m) => m.SKU)));
	const used = new Set(Object.values(ctx.memo.skus as Record<string, string>));
	const outside = products.find((p) => p.Status === 'Active' && !inFamily.has(p.SKU) && !used.has(p.SKU) && !tagsOf(p).some((t) => lc(t) === 'joor'))!;
	expect(outside).toBeDefined();
	const price = (sku: string, tier: string) => Number(products.find((p) => p.SKU === sku)![tier]);
	const familyOf = (sku: string) => families.find((f) => (f.Products as Json[]).some((m) => m.SKU === sku))!;

	const one = await triggerRun(ctx, async () => {
		await setProduct(ctx, m0, { PriceTier2: round2(price(m0, 'PriceTier2') + 1.25) });
		await setProduct(ctx, s4, { PriceTier3: round2(price(s4, 'PriceTier3') + 2.5) });
		await setProduct(ctx, outside.SKU, { PriceTier2: round2(price(outside.SKU, 'PriceTier2') + 3) });
		return [m0, s4, outside.SKU];
	});
	expect(one.touched).toEqual([familyOf(m0).SKU, s4].sort());
	const written = (joor: Json, n: string) => (joor.styles as Json[]).find((st) => st.style_number === n)!;
	const now = (core: Json, sku: string, tier: string) => Number((core.products as Json[]).find((p) => p.SKU === sku)![tier]);
	expect(written(one.joor, familyOf(m0).SKU).prices[0].wholesale).toBe(now(one.core, m0, 'PriceTier2'));
	expect(written(one.joor, s4).prices[1].wholesale).toBe(now(one.core, s4, 'PriceTier3'));

	// a family untouched so far, every member active, none used above
	const other = families.find((f) => f.SKU !== familyOf(m0).SKU && (f.Products as Json[]).length >= 2 &&
		(f.Products as Json[]).every((m) => !used.has(m.SKU) && products.find((p) => p.SKU === m.SKU)?.Status === 'Active'))!;
	expect(other).toBeDefined();
	const gone = products.find((p) => p.SKU === (other.Products as Json[])[1].SKU)!;
	const upcs = (joor: Json) => (written(joor, other.SKU).skus as Json[]).map((k) => k.upc);
	expect(upcs(one.joor)).toContain(String(gone.Barcode));
	const two = await triggerRun(ctx, async () => {
		await setProduct(ctx, gone.SKU, { Status: 'Deprecated' });
		return [gone.SKU];
	});
	expect(two.touched).toEqual([other.SKU]);
	expect(upcs(two.joor)).not.toContain(String(gone.Barcode));
	const three = await triggerRun(ctx, async () => {
		await setProduct(ctx, gone.SKU, { Status: 'Active' });
		return [gone.SKU];
	});
	expect(three.touched).toEqual([other.SKU]);
	const { modified_at: _at, ...restored } = written(three.joor, other.SKU);
	const { modified_at: _was, ...held } = written(one.joor, other.SKU);
	expect(restored).toEqual(held);
}

/** Sets a product's tags (and images) as a merchant would in Cin7 Core. */
const setProduct = (ctx: CheckContext, sku: string, patch: Json) => ctx.sandbox.mutate('cin7core', { entity: 'product', sku, patch });

export const check: TemplateCheck = {
	async prepare(ctx) {
		const images = await serveImages();
		ctx.memo.server = images.server;
		const core = await ctx.sandbox.getState('cin7core');
		const joor = await ctx.sandbox.getState('joor');
		const inFamily = new Set((core.families as Json[]).flatMap((f) => (f.Products as Json[]).map((m) => m.SKU)));
		const singles = (core.products as Json[]).filter((p) => p.Status === 'Active' && !inFamily.has(p.SKU) && !tagsOf(p).length).slice(0, 5);
		expect(singles).toHaveLength(5);
		const family = (core.families as Json[])[0];
		const [m0, m1, m2] = (family.Products as Json[]).map((m) => m.SKU);
		const [s1, s2, s3, s4, s5] = singles.map((p) => p.SKU);
		ctx.memo.skus = { m0, m1, m2, s1, s2, s3, s4, s5 };
		await setProduct(ctx, m0, { Tags: 'Collection_SS26', Attachments: [attachment(images.url, 'front.jpg', true)] });
		await setProduct(ctx, m1, { Attachments: [attachment(images.url, 'side.png', false)] });
		await setProduct(ctx, s1, { Tags: 'JOOR,Collection_SS26,Collection_Resort', Attachments: [attachment(images.url, 'flat.webp', true)] });
		await setProduct(ctx, s2, { Tags: 'JOOR, Collection_Resort', Attachments: [attachment(images.url, 'huge.jpg', true)] });
		await setProduct(ctx, s3, { Tags: 'joor,Collection_Outlet', Attachments: [attachment(images.url, 'side.png', true)] });
		await setProduct(ctx, s4, { Tags: 'JOOR', Attachments: [attachment(images.url, 'signed.jpg', true)] });
		await setProduct(ctx, s5, { Tags: 'JOOR', Attachments: [attachment(images.url, 'signed-huge.jpg', true)] });
		ctx.memo.tagLinesheets = ['SS26', 'Resort', 'Outlet', 'FW26'];
		// linesheets the merchant built by hand in JOOR: this flow never changes their membership
		ctx.memo.handBuilt = Object.fromEntries(['Showroom Picks', 'SS25'].map((name) => [name, membersOf(joor, name)]));
		expect((ctx.memo.handBuilt['Showroom Picks'] as number[]).length).toBeGreaterThan(0);
		expect((ctx.memo.handBuilt.SS25 as number[]).length).toBeGreaterThan(0);
	},

	async afterFirstRun(ctx, run) {
		const core = await ctx.sandbox.getState('cin7core');
		const joor = await ctx.sandbox.getState('joor');
		const exp = assertJoor(ctx, core, joor);
		assertRun(ctx, run, exp);
		const { m0, s1, s2, s3, s4 } = ctx.memo.skus;
		// the scene really holds what the second run must change
		const byNumber = (n: string) => exp.find((e) => e.style_number === n)!;
		expect(byNumber(s1).tags).toEqual(['Resort', 'SS26']);
		expect(byNumber(s3).tags).toEqual(['Outlet']);
		expect(byNumber(s3).images.map((i) => i.filename)).toEqual(['style-side.png', 'ONE-side.png']);
		expect(byNumber(s2).images).toEqual([]);
		expect(byNumber(s4).images.map((i) => i.filename)).toEqual(['style-signed.jpg', 'ONE-signed.jpg']);
		expect(exp.find((e) => e.skus.some((k) => k.upc === String((core.products as Json[]).find((p) => p.SKU === m0)!.Barcode)))!.images).toHaveLength(2);
		ctx.memo.linesheetsAfterFirst = (joor.linesheets as Json[]).length;
	},

	async betweenRuns(ctx) {
		// first, the product-updated path (before the tag changes the full pass below must find)
		await triggerPath(ctx);
		const { m2, s1, s3 } = ctx.memo.skus;
		// SS26 is still named by the family's first product; Outlet by no product any more
		await setProduct(ctx, s1, { Tags: 'JOOR,Collection_Resort' });
		await setProduct(ctx, s3, { Tags: 'joor' });
		// a new collection: its linesheet is created and the family's style added
		await setProduct(ctx, m2, { Tags: 'Collection_FW26' });
		ctx.memo.secondRunSince = await ctx.sandbox.lastSeq();
	},

	// JOOR's 413 on the image behind the HEAD-refusing server: the template reports it, by design
	expectedFailure: (r) => r.status === 413 && r.method === 'POST' && /\/image\/?$/.test(String(r.path)) && String(r.query?.url).endsWith('/signed-huge.jpg'),

	secondRunAdds: () => ({ 'joor.linesheets': 1 }),

	async afterSecondRun(ctx, run) {
		const core = await ctx.sandbox.getState('cin7core');
		const joor = await ctx.sandbox.getState('joor');
		const exp = assertJoor(ctx, core, joor);
		assertRun(ctx, run, exp);
		const { s1, s3 } = ctx.memo.skus;
		expect(exp.find((e) => e.style_number === s1)!.tags).toEqual(['Resort']);
		expect(exp.find((e) => e.style_number === s3)!.tags).toEqual([]);
		expect(membersOf(joor, 'Outlet')).toEqual([]);
		expect(nodeOutput(run.runData, 'Linesheets removed')).toHaveLength(2);
		// images JOOR already shows are not sent again; only the one JOOR refused is tried again
		const imagePosts = (await ctx.sandbox.getRequests({ system: 'joor', since: ctx.memo.secondRunSince })).filter((r) => /\/image\/?$/.test(String(r.path)));
		expect(imagePosts.map((r) => `${r.status} ${String(r.query?.url).split('/').pop()}`)).toEqual(['413 signed-huge.jpg', '413 signed-huge.jpg']);
		(ctx.memo.server as http.Server).close();
	},
};
