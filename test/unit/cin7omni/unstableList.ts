/**
 * A nock stand-in for one Omni list endpoint that behaves like the real API where it hurts: `where`
 * (the sandbox's own parser), one `order` field, `page`/`rows`, and rows that tie on the order
 * field come back in a different order on every request. Each call is counted by nock (`times`).
 */
import type { IDataObject } from 'n8n-workflow';

import { omni } from './fixture';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compileWhere } = require('../../../sandbox/omni-where') as {
	compileWhere: (expr: string, sample: IDataObject) => (row: IDataObject) => boolean;
};

/** A deterministic pseudo-random sequence (mulberry32). */
function rng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface ListedQuery {
	where?: string;
	order?: string;
	page: number;
	rows: number;
}

/** Answers `calls` GETs of `/resource` from `rows`; `queries` records what each one asked. */
export function unstableList(resource: string, rows: IDataObject[], calls: number, seed = 7) {
	const random = rng(seed);
	const queries: ListedQuery[] = [];
	omni
		.api()
		.get(omni.path(`/${resource}`))
		.query(true)
		.times(calls)
		.reply((uri) => {
			const q = Object.fromEntries(new URL(uri, 'https://omni.test').searchParams);
			const query: ListedQuery = { where: q.where, order: q.order, page: Number(q.page ?? 1), rows: Number(q.rows ?? 50) };
			queries.push(query);
			let out = q.where ? rows.filter(compileWhere(q.where, rows[0] ?? {})) : [...rows];
			if (q.order) {
				const [field, dir] = q.order.trim().split(/\s+/);
				const key = Object.keys(rows[0] ?? {}).find((k) => k.toLowerCase() === field.toLowerCase())!;
				const sign = (dir ?? 'DESC').toUpperCase() === 'ASC' ? 1 : -1;
				// Ties get a fresh random order on every request, as Omni gives no tie-break.
				const tie = new Map(out.map((r) => [r, random()]));
				out = out.sort((a, b) => {
					const x = a[key] as number | string;
					const y = b[key] as number | string;
					return x === y ? tie.get(a)! - tie.get(b)! : x < y ? -sign : sign;
				});
			}
			return [200, out.slice((query.page - 1) * query.rows, query.page * query.rows)];
		});
	return queries;
}

/** `n` stock rows: options from 1001 on, each in `branches` branches (ids 1, 2, …). */
export function stockRows(options: number, branches: number, extra: (option: number, branch: number) => IDataObject = () => ({})): IDataObject[] {
	const out: IDataObject[] = [];
	for (let o = 0; o < options; o++) {
		for (let b = 1; b <= branches; b++) {
			out.push({ productId: 500 + o, productOptionId: 1001 + o, code: `SKU-${1001 + o}`, branchId: b, branchName: `Branch ${b}`, stockOnHand: 1, openSales: 0, available: 1, modifiedDate: '2026-04-01T00:00:00Z', ...extra(o, b) });
		}
	}
	return out;
}
