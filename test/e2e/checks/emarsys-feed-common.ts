/**
 * The catalog feed checks' shared steps (Cin7 Core and Cin7 Omni feeds): the feed settings, the CSV
 * served behind basic auth and fetched by the Emarsys sandbox as Emarsys does, and the comparison of
 * the imported catalog with the items a check expects from its Cin7 system.
 */
import * as http from 'http';

import { nodeOutput, type Json, type Sandbox } from '../harness/n8n';
import { emarsysState } from './emarsys-common';
import type { CheckContext } from './types';

const FEED_USER = 'emarsys-feed';
const FEED_PASSWORD = 'feed-pass-for-the-check';

export function settings(workflow: Json): Record<string, string> {
	const out: Record<string, string> = {};
	for (const a of workflow.nodes.find((n: Json) => n.name === 'Catalog settings').parameters.assignments.assignments as Json[]) out[a.name.replace(/^settings\./, '')] = a.value;
	return out;
}

/** The Emarsys sandbox's "Update from URL now": it downloads `url` (login in the URL), validates, imports. */
export async function emarsysFetchesCatalog(sandbox: Sandbox, url: string): Promise<Json> {
	const r = await fetch(`${sandbox.url}/emarsys/predict/catalog/fetch`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ url }),
	});
	return ((await r.json()) as Json).data;
}

/** Serves `csv` behind basic auth and has the Emarsys sandbox fetch it. */
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
		return await emarsysFetchesCatalog(ctx.sandbox, `http://${FEED_USER}:${FEED_PASSWORD}@127.0.0.1:${port}/emarsys-catalog`);
	} finally {
		await new Promise((r) => server.close(r));
	}
}

/**
 * The catalog Emarsys imported equals `exp` (by item) field by field; both sides of "available"
 * occur. Returns the imported items.
 */
export async function assertCatalog(sandbox: Sandbox, exp: Map<string, Record<string, string>>): Promise<Json[]> {
	const em = await emarsysState(sandbox);
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
	return items;
}

/**
 * The run built one product file, it imported into Emarsys without errors, and every catalog item
 * equals `exp` (by item) field by field (assertCatalog).
 */
export async function assertFeedRun(ctx: CheckContext, run: Json, exp: Map<string, Record<string, string>>) {
	expect(run.error).toBeNull();
	const built = nodeOutput(run.runData, 'Emarsys product file');
	expect(built).toHaveLength(1);
	expect(nodeOutput(run.runData, 'Not in the feed')).toEqual([]);
	const fetched = await fetchIntoEmarsys(ctx, built[0].csv);
	expect({ status: fetched.status, errors: fetched.errors }).toEqual({ status: 'imported', errors: [] });
	const items = await assertCatalog(ctx.sandbox, exp);
	return { csv: built[0].csv as string, items };
}
