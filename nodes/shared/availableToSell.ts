import type { IDataObject } from 'n8n-workflow';

/**
 * Available to sell: the one stock arithmetic every node, trigger and template in this package
 * shares. Pure functions, no I/O.
 *
 * Each system turns its own stock rows into the parts below (Cin7 Core:
 * nodes/Cin7Core/helpers/availableToSell.ts, Cin7 Omni: nodes/Cin7Omni/helpers/availableToSell.ts);
 * `settleSku` finishes every SKU the same way. The rules are in docs/architecture.md.
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

/** A served quantity as a number; missing or unreadable counts as 0. */
export const num = (v: unknown): number => {
	const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : 0;
	return Number.isFinite(n) ? n : 0;
};
// Quantities are decimals in both systems; keep sums free of binary noise.
export const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

export function applyBuffer(total: number, buffer: SafetyBuffer): number {
	if (buffer.mode === 'absolute') return Math.max(0, num(buffer.value));
	if (buffer.mode === 'percent') {
		// Percent of the positive stock, rounded up so the buffer never rounds to less than asked.
		return total > 0 ? Math.ceil((total * Math.max(0, num(buffer.value))) / 100 - 1e-9) : 0;
	}
	return 0;
}

/**
 * The end of every system's arithmetic: deductions, the per-SKU safety buffer, and the floor at 0
 * applied once to the SKU total. The result leads with the answer (see `presentAts`).
 */
export function settleSku(
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
	const { noStockRows, locations, ...figures } = parts;
	return { sku, availableToSell: ats, inStock: ats > 0, noStockRows, ...figures, buffer: bufferQty, beforeFloor, locations };
}

/* ------------------------------ output ------------------------------ */

/** The inputs and deductions between the answer and the breakdown. */
export type AtsFigure =
	| 'available'
	| 'excluded'
	| 'unauthorisedOrders'
	| 'holding'
	| 'onOrderAdded'
	| 'incomingAdded'
	| 'buffer'
	| 'beforeFloor';

/** What one system reports of the shared result, in the order its items show it. */
export interface AtsLayout {
	/** The system's inputs and deductions; the others are always 0 there and left out. */
	figures: readonly AtsFigure[];
	/** The fields of one location in the breakdown. */
	locationFields: readonly string[];
}

/** "Flag Changes Since Last Run" (nodes/shared/levelFlags.ts); absent when not asked for. */
export interface AtsFlags {
	backInStock?: boolean;
	changed?: boolean;
	previousAvailableToSell?: number | null;
}

/** A result to present: the answer and breakdown, any of the figures, any flags. */
export type AtsResult = Pick<AvailableToSell, 'sku' | 'availableToSell' | 'inStock' | 'noStockRows'> &
	Partial<Record<AtsFigure, number>> &
	AtsFlags & { locations: LocationBreakdown[] };

const FLAGS = ['backInStock', 'changed', 'previousAvailableToSell'] as const;

/**
 * One SKU as every node and trigger emits it, leading with the answer (n8n shows JSON in property
 * order, so the object is built in that order): `sku`, `availableToSell`, `inStock`, the change
 * flags when they were asked for, `noStockRows`, then `notes` (why a SKU has no rows, when it
 * changed…), then the system's inputs and deductions, and the per-location breakdown last.
 */
export function presentAts(result: AtsResult, layout: AtsLayout, notes: IDataObject = {}): IDataObject {
	const out: IDataObject = { sku: result.sku, availableToSell: result.availableToSell, inStock: result.inStock };
	for (const flag of FLAGS) if (result[flag] !== undefined) out[flag] = result[flag];
	out.noStockRows = result.noStockRows;
	for (const [key, value] of Object.entries(notes)) if (value !== undefined) out[key] = value;
	for (const figure of layout.figures) out[figure] = result[figure] ?? 0;
	out.locations = result.locations.map((location) => {
		const entry = location as unknown as IDataObject;
		const shown: IDataObject = {};
		for (const field of layout.locationFields) if (entry[field] !== undefined) shown[field] = entry[field];
		return shown;
	});
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
