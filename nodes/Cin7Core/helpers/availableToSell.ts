import {
	num,
	presentAts,
	round4,
	settleSku,
	type AtsLayout,
	type AvailableToSell,
	type LocationBreakdown,
	type SafetyBuffer,
} from '../../shared/availableToSell';
import { same } from '../../shared/params';

/**
 * Cin7 Core's side of available to sell: rows are per product × location × bin × batch, all-zero
 * rows are omitted (absent SKU = 0), `StockOnHand` is money, never units, and the served
 * `Available` is used as is (a stock adjustment can make it differ from OnHand − Allocated).
 */
export interface CoreAvailabilityRow {
	SKU?: string;
	Location?: string;
	Bin?: string | null;
	Batch?: string | null;
	OnHand?: number;
	Allocated?: number;
	Available?: number;
	OnOrder?: number;
	[key: string]: unknown;
}

export interface CoreAtsOptions {
	/** Locations whose stock can be sold; empty means every location. */
	sellableLocations?: string[];
	/** Locations never sold from (quarantine, wholesale reserve). */
	excludedLocations?: string[];
	/** Bins never sold from: `Location/Bin` or a bare bin name matching in any location. */
	excludedBins?: string[];
	/** Quantities on open, not yet authorised orders, per SKU (authorised ones are already allocated). */
	unauthorisedOrderQuantities?: Record<string, number>;
	safetyBuffer?: SafetyBuffer;
	/** Count stock on authorised purchase orders (non-excluded locations only). */
	includeOnOrder?: boolean;
	/** SKUs to report even without rows (absent from availability means 0); rows of other SKUs are left out. */
	skus?: string[];
	/** Why a reported SKU without rows is at 0 (`noStockReason`); a SKU asked for by name by default. */
	noRowsReason?: string;
}

/**
 * Core's result per SKU: the shared one without Cin7 Omni's figures (holding, incoming), plus why
 * a SKU without stock rows is at 0.
 */
export type CoreAvailableToSell = Omit<AvailableToSell, 'holding' | 'incomingAdded'> & { noStockReason?: string };

/** What a Cin7 Core item shows after the answer (nodes/shared/availableToSell.ts, `presentAts`). */
export const CORE_ATS_LAYOUT: AtsLayout = {
	figures: ['available', 'excluded', 'unauthorisedOrders', 'buffer', 'onOrderAdded', 'beforeFloor'],
	locationFields: ['location', 'bin', 'available', 'onOrder', 'counted', 'reason'],
};

/** A Core result as an item, leading with the answer; the change flags go up front when present. */
export function presentCoreAts(result: CoreAvailableToSell): CoreAvailableToSell {
	return presentAts(result, CORE_ATS_LAYOUT, { noStockReason: result.noStockReason }) as unknown as CoreAvailableToSell;
}

/** A SKU asked for by name without rows: sold out everywhere, or no product has that SKU. */
export const ASKED_NO_ROWS_REASON =
	'No stock rows in Cin7 Core: it omits all-zero rows, so this SKU has no stock, allocation or purchase order in any location (or no product has this SKU)';

function coreExclusion(row: CoreAvailabilityRow, o: CoreAtsOptions): string | undefined {
	const location = row.Location ?? '';
	const sellable = o.sellableLocations?.filter((l) => l.trim()) ?? [];
	if (sellable.length && !sellable.some((l) => same(l, location))) return 'not a sellable location';
	if (o.excludedLocations?.some((l) => same(l, location))) return 'excluded location';
	const bin = row.Bin ?? '';
	// Compared whole, not split at a slash, so a slash inside a location or bin name still matches.
	if (bin && o.excludedBins?.some((b) => same(b, `${location}/${bin}`) || same(b, bin))) {
		return 'excluded bin';
	}
	return undefined;
}

export function coreAvailableToSell(rows: CoreAvailabilityRow[], options: CoreAtsOptions = {}): CoreAvailableToSell[] {
	const bySku = new Map<string, CoreAvailabilityRow[]>();
	for (const sku of options.skus ?? []) if (sku.trim()) bySku.set(sku.trim(), []);
	for (const row of rows) {
		const sku = (row.SKU ?? '').trim();
		if (!sku) continue;
		if (!bySku.has(sku)) {
			if (options.skus?.length) continue;
			bySku.set(sku, []);
		}
		bySku.get(sku)!.push(row);
	}
	const unauthorised = options.unauthorisedOrderQuantities ?? {};
	const out: CoreAvailableToSell[] = [];
	for (const [sku, skuRows] of bySku) {
		let available = 0;
		let excluded = 0;
		let onOrder = 0;
		const locations = new Map<string, LocationBreakdown>();
		for (const row of skuRows) {
			const reason = coreExclusion(row, options);
			const rowAvailable = num(row.Available);
			if (reason === undefined) {
				available += rowAvailable;
				onOrder += num(row.OnOrder);
			} else if (reason !== 'not a sellable location') {
				excluded += rowAvailable;
			}
			// Bins and batches are summed per location (and per excluded bin, kept apart).
			const bin = reason === 'excluded bin' ? row.Bin ?? undefined : undefined;
			const key = `${row.Location ?? ''}\u0000${bin ?? ''}`;
			const entry = locations.get(key) ?? {
				location: row.Location ?? '',
				...(bin ? { bin } : {}),
				available: 0,
				onOrder: 0,
				counted: reason === undefined,
				...(reason ? { reason } : {}),
			};
			entry.available = round4(entry.available + rowAvailable);
			entry.onOrder = round4(entry.onOrder + num(row.OnOrder));
			locations.set(key, entry);
		}
		const settled = settleSku(
			sku,
			{
				available: round4(available),
				excluded: round4(excluded),
				unauthorisedOrders: Object.prototype.hasOwnProperty.call(unauthorised, sku) ? num(unauthorised[sku]) : 0,
				holding: 0,
				onOrderAdded: options.includeOnOrder ? round4(onOrder) : 0,
				incomingAdded: 0,
				noStockRows: skuRows.length === 0,
				locations: [...locations.values()],
			},
			options.safetyBuffer ?? { mode: 'none' },
		);
		const noStockReason = settled.noStockRows ? (options.noRowsReason ?? ASKED_NO_ROWS_REASON) : undefined;
		out.push(presentCoreAts({ ...settled, noStockReason }));
	}
	return out;
}
