/**
 * Available to sell: the one stock arithmetic every node, trigger and template in this package
 * shares. Pure functions, no I/O.
 *
 * Cin7 Core serves one row per product × location × bin × batch and omits rows whose quantities
 * are all zero; its `StockOnHand` is money, never units. Cin7 Omni serves one row per option ×
 * branch. Both serve an `available` figure that may differ from on hand − allocated (stock
 * adjustments), so the served figure is used as is.
 */

export type SafetyBuffer = { mode: 'none' } | { mode: 'absolute'; value: number } | { mode: 'percent'; value: number };

export interface LocationBreakdown {
	location: string;
	bin?: string;
	available: number;
	onOrder: number;
	holding?: number;
	incoming?: number;
	/** Not counted: outside the sellable locations, or an excluded location/bin. */
	counted: boolean;
	reason?: string;
}

export interface AvailableToSell {
	sku: string;
	/** Sum of the served Available over counted locations. */
	available: number;
	/** Available sitting in excluded locations or bins (already left out of `available`). */
	excluded: number;
	unauthorisedOrders: number;
	holding: number;
	onOrderAdded: number;
	incomingAdded: number;
	buffer: number;
	/** Before the floor at 0; negative when over-allocated. */
	beforeFloor: number;
	availableToSell: number;
	inStock: boolean;
	/** The SKU was asked for but no stock row exists for it: its stock is 0. */
	noStockRows: boolean;
	locations: LocationBreakdown[];
}

const num = (v: unknown): number => {
	const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : 0;
	return Number.isFinite(n) ? n : 0;
};
const same = (a: string | undefined, b: string | undefined) =>
	(a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
// Quantities are decimals in both systems; keep sums free of binary noise.
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

export function applyBuffer(total: number, buffer: SafetyBuffer): number {
	if (buffer.mode === 'absolute') return Math.max(0, num(buffer.value));
	if (buffer.mode === 'percent') {
		// Percent of the positive stock, rounded up so the buffer never rounds to less than asked.
		return total > 0 ? Math.ceil((total * Math.max(0, num(buffer.value))) / 100 - 1e-9) : 0;
	}
	return 0;
}

function finish(
	sku: string,
	parts: Omit<AvailableToSell, 'sku' | 'buffer' | 'beforeFloor' | 'availableToSell' | 'inStock'>,
	buffer: SafetyBuffer,
): AvailableToSell {
	const preBuffer =
		parts.available - parts.unauthorisedOrders - parts.holding + parts.onOrderAdded + parts.incomingAdded;
	const bufferQty = applyBuffer(preBuffer, buffer);
	const beforeFloor = round4(preBuffer - bufferQty);
	// The floor applies once, to the SKU total, so a negative location offsets the others.
	const ats = Math.max(0, beforeFloor);
	return { sku, ...parts, buffer: bufferQty, beforeFloor, availableToSell: ats, inStock: ats > 0 };
}

/* ---------------------------------- Cin7 Core ---------------------------------- */

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
	/** SKUs to report even without rows (absent from availability means 0). */
	skus?: string[];
}

function coreExclusion(row: CoreAvailabilityRow, o: CoreAtsOptions): string | undefined {
	const location = row.Location ?? '';
	const sellable = o.sellableLocations?.filter((l) => l.trim()) ?? [];
	if (sellable.length && !sellable.some((l) => same(l, location))) return 'not a sellable location';
	if (o.excludedLocations?.some((l) => same(l, location))) return 'excluded location';
	const bin = row.Bin ?? '';
	if (bin && o.excludedBins?.some((b) => {
		const slash = b.lastIndexOf('/');
		return slash > 0 ? same(b.slice(0, slash), location) && same(b.slice(slash + 1), bin) : same(b, bin);
	})) {
		return 'excluded bin';
	}
	return undefined;
}

export function coreAvailableToSell(rows: CoreAvailabilityRow[], options: CoreAtsOptions = {}): AvailableToSell[] {
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
	const out: AvailableToSell[] = [];
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
		out.push(
			finish(
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
			),
		);
	}
	return out;
}

/* ---------------------------------- Cin7 Omni ---------------------------------- */

export interface OmniStockRow {
	code?: string;
	branchId?: number | string;
	branchName?: string;
	available?: number;
	stockOnHand?: number;
	openSales?: number;
	incoming?: number;
	holding?: number;
	[key: string]: unknown;
}

export interface OmniAtsOptions {
	/** Branch IDs or names to sell from; empty means every branch. */
	branches?: Array<string | number>;
	/** Order Desk's "Available − Holding". */
	subtractHolding?: boolean;
	/** Order Desk's "Available + Incoming". */
	addIncoming?: boolean;
	safetyBuffer?: SafetyBuffer;
	skus?: string[];
}

/** Omni's own definition, used when a row lacks the served figure. */
export function omniRowAvailable(row: OmniStockRow): number {
	if (row.available !== undefined && row.available !== null && Number.isFinite(Number(row.available))) {
		return num(row.available);
	}
	return num(row.stockOnHand) - num(row.openSales);
}

export function omniAvailableToSell(rows: OmniStockRow[], options: OmniAtsOptions = {}): AvailableToSell[] {
	const wanted = (options.branches ?? []).map((b) => String(b).trim()).filter(Boolean);
	const sellable = (row: OmniStockRow) =>
		!wanted.length || wanted.some((b) => same(b, String(row.branchId ?? '')) || same(b, row.branchName));
	const bySku = new Map<string, OmniStockRow[]>();
	for (const sku of options.skus ?? []) if (sku.trim()) bySku.set(sku.trim(), []);
	for (const row of rows) {
		const sku = (row.code ?? '').trim();
		if (!sku) continue;
		if (!bySku.has(sku)) {
			if (options.skus?.length) continue;
			bySku.set(sku, []);
		}
		bySku.get(sku)!.push(row);
	}
	const out: AvailableToSell[] = [];
	for (const [sku, skuRows] of bySku) {
		let available = 0;
		let holding = 0;
		let incoming = 0;
		const locations: LocationBreakdown[] = [];
		for (const row of skuRows) {
			const counted = sellable(row);
			const rowAvailable = omniRowAvailable(row);
			if (counted) {
				available += rowAvailable;
				holding += num(row.holding);
				incoming += num(row.incoming);
			}
			locations.push({
				location: row.branchName ?? String(row.branchId ?? ''),
				available: round4(rowAvailable),
				onOrder: num(row.incoming),
				holding: num(row.holding),
				incoming: num(row.incoming),
				counted,
				...(counted ? {} : { reason: 'not a selected branch' }),
			});
		}
		out.push(
			finish(
				sku,
				{
					available: round4(available),
					excluded: 0,
					unauthorisedOrders: 0,
					holding: options.subtractHolding ? round4(holding) : 0,
					onOrderAdded: 0,
					incomingAdded: options.addIncoming ? round4(incoming) : 0,
					noStockRows: skuRows.length === 0,
					locations,
				},
				options.safetyBuffer ?? { mode: 'none' },
			),
		);
	}
	return out;
}

/* ------------------------------ level changes ------------------------------ */

export interface LevelChange {
	sku: string;
	before: number | null;
	after: number;
	/** Crossed from ≤ 0 (or unknown) to > 0. */
	backInStock: boolean;
	/** Crossed from > 0 to ≤ 0. */
	outOfStock: boolean;
}

/**
 * Compares available-to-sell per SKU with the previous snapshot. A SKU missing from `next` but
 * present before has dropped to 0 (Cin7 Core omits all-zero rows).
 */
export function diffLevels(previous: Record<string, number>, next: Record<string, number>): LevelChange[] {
	const changes: LevelChange[] = [];
	const skus = new Set([...Object.keys(previous), ...Object.keys(next)]);
	// Own keys only: a SKU named `constructor` or `toString` must not read Object.prototype.
	const own = (o: Record<string, number>, k: string) => Object.prototype.hasOwnProperty.call(o, k);
	for (const sku of [...skus].sort()) {
		const before = own(previous, sku) ? previous[sku] : null;
		const after = own(next, sku) ? next[sku] : 0;
		if (before === after || (before === null && after === 0)) continue;
		changes.push({
			sku,
			before,
			after,
			backInStock: (before ?? 0) <= 0 && after > 0,
			outOfStock: (before ?? 0) > 0 && after <= 0,
		});
	}
	return changes;
}
