import type { IDataObject } from 'n8n-workflow';

import { diffLevels, type AvailableToSell } from './availableToSell';

/** What the flags compare: a SKU's figure (any system's result shape). */
export interface SkuLevel {
	sku: string;
	availableToSell: number;
}

export type Flagged<T extends SkuLevel> = T & {
	previousAvailableToSell: number | null;
	changed: boolean;
	backInStock: boolean;
};

export type FlaggedAvailableToSell = Flagged<AvailableToSell>;

export interface FlagOptions<T extends SkuLevel = AvailableToSell> {
	/** The node's workflow static data; the previous run's figures live under `key`. */
	staticData: IDataObject;
	key: string;
	results: T[];
	/** Only production runs store, so a test click in the editor never hides a real change. */
	store: boolean;
	/**
	 * The run covered every SKU (no SKU list). A SKU known from the previous run but absent now has
	 * no stock rows any more (Cin7 Core omits all-zero rows): it is reported at 0, as a change.
	 */
	coversAllSkus: boolean;
	/** Zero results for SKUs without rows, computed by the system's own arithmetic. */
	zeroResults(skus: string[]): T[];
}

/**
 * "Flag changes since last run" for the available-to-sell operations of both Cin7 nodes: adds
 * `previousAvailableToSell`, `changed` and `backInStock` (a crossing from ≤ 0 to > 0).
 *
 * The first stored run seeds the snapshot and flags nothing (no flood of "back in stock" on
 * activation). After that a SKU the snapshot does not hold had no stock then (never stocked, or
 * sold out before its product was covered), so it counts as 0: its first stock is "back in stock".
 */
export function flagChangesSinceLastRun<T extends SkuLevel>(o: FlagOptions<T>): Array<Flagged<T>> {
	const stored = o.staticData[o.key] as Record<string, number> | undefined;
	const seeded = stored !== undefined && stored !== null && typeof stored === 'object';
	const previous = seeded ? stored : {};
	const has = (rec: Record<string, number>, sku: string) => Object.prototype.hasOwnProperty.call(rec, sku);
	const results = [...o.results];
	if (o.coversAllSkus) {
		const present = new Set(results.map((r) => r.sku));
		const vanished = Object.keys(previous).filter((sku) => !present.has(sku) && previous[sku] !== 0);
		if (vanished.length) results.push(...o.zeroResults(vanished));
	}
	const next: Record<string, number> = {};
	for (const r of results) next[r.sku] = r.availableToSell;
	// Compare only the SKUs of this run: SKUs outside a SKU-limited run did not drop to 0.
	const before: Record<string, number> = {};
	for (const sku of Object.keys(next)) before[sku] = has(previous, sku) ? previous[sku] : 0;
	const changes = seeded ? new Map(diffLevels(before, next).map((c) => [c.sku, c])) : new Map();
	const flagged = results.map((r) => {
		const change = changes.get(r.sku);
		return {
			...r,
			previousAvailableToSell: seeded ? before[r.sku] : null,
			changed: change !== undefined,
			backInStock: change?.backInStock ?? false,
		};
	});
	// Merged, not replaced: a run limited to some SKUs must not forget the others.
	if (o.store) o.staticData[o.key] = { ...previous, ...next };
	return flagged;
}
