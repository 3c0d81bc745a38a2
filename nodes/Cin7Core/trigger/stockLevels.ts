import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { diffLevels } from '../../shared/availableToSell';
import { coreAtsFor, type CoreAtsSettings } from '../helpers/availability';

interface StockSnapshot extends IDataObject {
	configKey: string;
	levels: IDataObject;
}

export interface StockPollOptions {
	staticData: IDataObject;
	manual: boolean;
	configKey: string;
	maxPerPoll: number;
	sampleSize: number;
	settings: CoreAtsSettings;
}

/**
 * Available to sell per SKU compared with the previous poll. The first run stores the levels and
 * emits nothing; each poll emits at most `maxPerPoll` changed SKUs and stores only those, so the
 * rest are found again next poll. Manual runs compare but store nothing.
 */
export async function pollStockLevels(ctx: IPollFunctions, o: StockPollOptions): Promise<IDataObject[] | null> {
	const results = await coreAtsFor.call(ctx, o.settings);
	const next: Record<string, number> = {};
	for (const r of results) next[r.sku] = r.availableToSell;
	const bySku = new Map(results.map((r) => [r.sku, r]));

	const stored = o.staticData.stockSnapshot as StockSnapshot | undefined;
	const snapshot = stored && stored.configKey === o.configKey ? stored : undefined;
	if (!snapshot) {
		if (o.manual) {
			return results.slice(0, o.sampleSize).map((r) => ({
				sku: r.sku,
				before: null,
				after: r.availableToSell,
				backInStock: false,
				outOfStock: false,
				availableToSell: r as unknown as IDataObject,
			}));
		}
		const levels: IDataObject = {};
		for (const [sku, ats] of Object.entries(next)) if (ats > 0) levels[sku] = ats;
		o.staticData.stockSnapshot = { configKey: o.configKey, levels };
		return null;
	}

	const previous = snapshot.levels as Record<string, number>;
	// Every watched SKU is in `next`, sold-out ones at 0. With a SKU list, SKUs outside it are not
	// part of this comparison; without one, a SKU missing from `next` left the watched set
	// (deprecated, renamed): it is forgotten without an "out of stock" event.
	const watched = new Set(Object.keys(next));
	const before = Object.fromEntries(Object.entries(previous).filter(([s]) => watched.has(s)));
	if (!o.settings.skus.length && !o.manual) {
		for (const sku of Object.keys(previous)) if (!watched.has(sku)) delete previous[sku];
	}
	const changes = diffLevels(before, next).slice(0, o.manual ? o.sampleSize : o.maxPerPoll);
	if (!changes.length) return null;
	if (!o.manual) {
		for (const c of changes) {
			// Only levels above 0 are stored: absence is 0.
			if (c.after > 0) previous[c.sku] = c.after;
			else delete previous[c.sku];
		}
	}
	return changes.map((c) => ({
		sku: c.sku,
		before: c.before,
		after: c.after,
		backInStock: c.backInStock,
		outOfStock: c.outOfStock,
		availableToSell: (bySku.get(c.sku) ?? { sku: c.sku, availableToSell: 0, inStock: false }) as unknown as IDataObject,
	}));
}
