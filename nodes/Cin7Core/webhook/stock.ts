import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { diffLevels } from '../../shared/availableToSell';
import type { RequestContext } from '../../shared/http';
import { splitList } from '../../shared/params';
import { safetyBufferOf } from '../../shared/safetyBuffer';
import { coreAtsFor, type CoreAtsSettings } from '../helpers/availability';
import type { CoreAvailableToSell } from '../helpers/availableToSell';
import { resolveLocationNames } from '../helpers/locations';

/** The node contexts that read the stock settings: activation hooks and deliveries. */
type SettingsContext = IHookFunctions | IWebhookFunctions;

interface StockSnapshot extends IDataObject {
	configKey: string;
	/** Available to sell per SKU, only above 0: a SKU absent is at 0. */
	levels: IDataObject;
}

export interface StockSettings {
	/** The settings as typed: a change of them starts a new snapshot. */
	configKey: string;
	/** Only these SKUs are reported (empty: every SKU a delivery names). */
	watched: string[];
	ats: Omit<CoreAtsSettings, 'skus'>;
}

/** The stock event's settings, location and bin names checked against Cin7 Core's locations. */
export async function readStockSettings(ctx: SettingsContext, rc: RequestContext): Promise<StockSettings> {
	const mode = ctx.getNodeParameter('safetyBufferMode', 'none') as string;
	const value = Number(ctx.getNodeParameter('safetyBufferValue', 0));
	if (mode !== 'none' && (!Number.isFinite(value) || value < 0)) {
		throw new NodeOperationError(ctx.getNode(), 'Safety Buffer Value must be a number of 0 or more');
	}
	const typed = {
		skus: splitList(ctx.getNodeParameter('skus', '')),
		sellableLocations: splitList(ctx.getNodeParameter('sellableLocations', [])),
		excludedLocations: splitList(ctx.getNodeParameter('excludedLocations', [])),
		excludedBins: splitList(ctx.getNodeParameter('excludedBins', [])),
		deductUnauthorisedOrders: ctx.getNodeParameter('deductUnauthorisedOrders', false) as boolean,
		includeOnOrder: ctx.getNodeParameter('includeOnOrder', false) as boolean,
		safetyBuffer: safetyBufferOf(mode, value),
	};
	const names = await resolveLocationNames(
		rc,
		typed,
		(field, problem) => new NodeOperationError(ctx.getNode(), `${field} ${problem}`),
	);
	const { skus, ...rest } = typed;
	return { configKey: JSON.stringify(typed), watched: skus, ats: { ...rest, ...names } };
}

/**
 * The levels every later delivery is compared with, stored at activation as the polling trigger's
 * first run stores them: available to sell of the watched SKUs (every stock product when none is
 * named, deprecated ones too, since a delivery may name them), only above 0. Kept while the
 * settings stay the same.
 */
export async function seedStockSnapshot(rc: RequestContext, staticData: IDataObject, settings: StockSettings): Promise<void> {
	const stored = staticData.stockSnapshot as StockSnapshot | undefined;
	if (stored && stored.configKey === settings.configKey) return;
	const results = await coreAtsFor.call(rc, { ...settings.ats, skus: settings.watched, includeDeprecated: true });
	const levels: IDataObject = {};
	for (const r of results) if (r.availableToSell > 0) levels[r.sku] = r.availableToSell;
	staticData.stockSnapshot = { configKey: settings.configKey, levels };
}

/** The SKUs the delivered availability rows name, limited to the watched ones. */
export function deliveredSkus(records: IDataObject[], settings: StockSettings): string[] {
	const skus = [...new Set(records.map((r) => String(r.SKU ?? '').trim()).filter(Boolean))];
	if (!settings.watched.length) return skus;
	const watched = new Set(settings.watched.map((s) => s.toLowerCase()));
	return skus.filter((s) => watched.has(s.toLowerCase()));
}

/**
 * Available to sell of the delivered SKUs compared with the snapshot, in the polling trigger's
 * shape: `{sku, before, after, backInStock, outOfStock, availableToSell}` for each SKU whose figure
 * changed (a change in an excluded location changes nothing). Without a snapshot (never seeded)
 * `before` is unknown: null, and no crossing is flagged.
 */
export async function stockChanges(
	rc: RequestContext,
	staticData: IDataObject,
	settings: StockSettings,
	skus: string[],
): Promise<IDataObject[]> {
	if (!skus.length) return [];
	const results = await coreAtsFor.call(rc, { ...settings.ats, skus });
	const bySku = new Map<string, CoreAvailableToSell>(results.map((r) => [r.sku, r]));
	const next: Record<string, number> = {};
	for (const r of results) next[r.sku] = r.availableToSell;
	const stored = staticData.stockSnapshot as StockSnapshot | undefined;
	const seeded = stored && stored.configKey === settings.configKey;
	const snapshot: StockSnapshot = seeded ? stored : { configKey: settings.configKey, levels: {} };
	const levels = snapshot.levels as Record<string, number>;
	const before: Record<string, number> = {};
	for (const sku of Object.keys(next)) if (Object.prototype.hasOwnProperty.call(levels, sku)) before[sku] = levels[sku];
	const changes = seeded
		? diffLevels(before, next)
		: Object.entries(next).map(([sku, after]) => ({ sku, before: null, after, backInStock: false, outOfStock: false }));
	for (const [sku, after] of Object.entries(next)) {
		if (after > 0) levels[sku] = after;
		else delete levels[sku];
	}
	staticData.stockSnapshot = snapshot;
	return changes.map((c) => ({
		sku: c.sku,
		before: c.before,
		after: c.after,
		backInStock: c.backInStock,
		outOfStock: c.outOfStock,
		availableToSell: (bySku.get(c.sku) ?? { sku: c.sku, availableToSell: 0, inStock: false }) as unknown as IDataObject,
	}));
}
