import type { IDataObject } from 'n8n-workflow';

import {
	diffLevels,
	omniAvailableToSell,
	type AvailableToSell,
	type OmniAtsOptions,
	type OmniStockRow,
	type SafetyBuffer,
} from '../../shared/availableToSell';
import { chunk } from '../../shared/batching';
import type { RequestContext } from '../../shared/http';
import { omniList } from '../transport';
import { readKey, readNumber, readString } from './keys';
import { inList, joinWhere } from './where';

/** SKUs per Stock query: keeps the `where` URL short while saving calls. */
const SKU_CHUNK = 50;

/** A stock row in the shape the shared arithmetic reads, whatever casing Omni served. */
export function toStockRow(raw: IDataObject): OmniStockRow {
	const n = (k: string) => readNumber(raw, k);
	return {
		...raw,
		code: readString(raw, 'code'),
		branchId: readKey(raw, 'branchId') as number | string | undefined,
		branchName: readString(raw, 'branchName'),
		available: n('available'),
		stockOnHand: n('stockOnHand'),
		openSales: n('openSales'),
		incoming: n('incoming'),
		holding: n('holding'),
	};
}

/**
 * Stock rows (one per option × branch) for the given SKUs, or for every SKU when none are given.
 * Numeric branch IDs narrow the query; branch names are filtered by the arithmetic instead.
 */
export async function fetchStockRows(
	ctx: RequestContext,
	skus: string[],
	branches: Array<string | number>,
): Promise<OmniStockRow[]> {
	const ids = branches.map((b) => String(b).trim()).filter(Boolean);
	const byId = ids.length && ids.every((b) => /^\d+$/.test(b)) ? inList('branchId', ids.map(Number)) : undefined;
	const queries = skus.length ? chunk(skus, SKU_CHUNK).map((group) => inList('code', group)) : [undefined];
	const rows: OmniStockRow[] = [];
	for (const skuWhere of queries) {
		const found = await omniList.call(ctx, 'Stock', {
			where: joinWhere([skuWhere, byId]),
			order: 'productOptionId ASC',
		});
		rows.push(...found.map(toStockRow));
	}
	return rows;
}

export interface AtsSettings {
	branches: Array<string | number>;
	subtractHolding: boolean;
	addIncoming: boolean;
	safetyBufferMode: 'none' | 'absolute' | 'percent';
	safetyBufferValue: number;
}

export function atsOptions(settings: AtsSettings, skus: string[]): OmniAtsOptions {
	const buffer: SafetyBuffer =
		settings.safetyBufferMode === 'none'
			? { mode: 'none' }
			: { mode: settings.safetyBufferMode, value: Number(settings.safetyBufferValue) || 0 };
	return {
		branches: settings.branches,
		subtractHolding: settings.subtractHolding,
		addIncoming: settings.addIncoming,
		safetyBuffer: buffer,
		skus,
	};
}

export function computeAts(rows: OmniStockRow[], settings: AtsSettings, skus: string[]): AvailableToSell[] {
	return omniAvailableToSell(rows, atsOptions(settings, skus));
}

const STATE_KEY = 'omniAvailableToSell';

/**
 * Adds `previousAvailableToSell`, `changed` and `backInStock` by comparing with the previous
 * run's figures kept in the node's static data. Only non-manual runs store, so a test click in the
 * editor never hides a real change from the next production run.
 */
export function flagChanges(
	staticData: IDataObject,
	results: AvailableToSell[],
	store: boolean,
): Array<AvailableToSell & IDataObject> {
	const previous = ((staticData[STATE_KEY] as IDataObject) ?? {}) as Record<string, number>;
	const next: Record<string, number> = {};
	for (const r of results) next[r.sku] = r.availableToSell;
	const relevant: Record<string, number> = {};
	for (const sku of Object.keys(next)) if (sku in previous) relevant[sku] = previous[sku];
	const changes = new Map(diffLevels(relevant, next).map((c) => [c.sku, c]));
	const flagged = results.map((r) => {
		const change = changes.get(r.sku);
		return {
			...r,
			previousAvailableToSell: r.sku in previous ? previous[r.sku] : null,
			changed: change !== undefined,
			backInStock: change?.backInStock ?? false,
		} as AvailableToSell & IDataObject;
	});
	// Merged, not replaced: a run limited to some SKUs must not forget the others.
	if (store) staticData[STATE_KEY] = { ...previous, ...next };
	return flagged;
}
