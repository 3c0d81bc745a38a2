import type { IDataObject } from 'n8n-workflow';

import {
	num,
	presentAts,
	round4,
	settleSku,
	type AtsLayout,
	type AtsResult,
	type AvailableToSell,
	type LocationBreakdown,
	type SafetyBuffer,
} from '../../shared/availableToSell';
import { same } from '../../shared/params';

/**
 * Cin7 Omni's side of available to sell: rows are per option × branch; `available` is the served
 * figure, else stockOnHand − openSales; holding and incoming are Order Desk's two options.
 */
export interface OmniStockRow {
	code?: string;
	productOptionId?: number;
	branchId?: number;
	branchName?: string;
	available?: number;
	stockOnHand?: number;
	openSales?: number;
	incoming?: number;
	holding?: number;
	[key: string]: unknown;
}

export interface OmniAtsOptions {
	/**
	 * Branches to sell from; empty means every branch. The node passes branch IDs, resolved from
	 * the chosen names once per run (helpers/branches.ts), and rows match by `branchId`. A name is
	 * matched against the row's `branchName`, which keeps the name a row was written with: only for
	 * callers without the branch list.
	 */
	branches?: Array<string | number>;
	/** Current branch names by ID, for the breakdown (a row keeps the name it was written with). */
	branchNames?: Map<number, string>;
	/** Order Desk's "Available − Holding". */
	subtractHolding?: boolean;
	/** Order Desk's "Available + Incoming". */
	addIncoming?: boolean;
	safetyBuffer?: SafetyBuffer;
	/** The SKUs to report, each once, rows or not; empty means every SKU that has rows. */
	skus?: string[];
}

/** Omni's own definition, used when a row lacks the served figure. */
export function omniRowAvailable(row: OmniStockRow): number {
	if (row.available !== undefined && row.available !== null && Number.isFinite(Number(row.available))) {
		return num(row.available);
	}
	return num(row.stockOnHand) - num(row.openSales);
}

/** A branch in the per-SKU breakdown; `branchId` is what rows are matched by. */
type OmniLocation = LocationBreakdown & { branchId?: number };

export function omniAvailableToSell(rows: OmniStockRow[], options: OmniAtsOptions = {}): AvailableToSell[] {
	const chosen = (options.branches ?? []).map((b) => String(b).trim()).filter(Boolean);
	const ids = new Set(chosen.filter((b) => /^\d+$/.test(b)).map(Number));
	const names = chosen.filter((b) => !/^\d+$/.test(b));
	const sellable = (row: OmniStockRow) =>
		!chosen.length ||
		(row.branchId !== undefined && ids.has(Number(row.branchId))) ||
		names.some((name) => same(name, row.branchName));
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
		const locations: OmniLocation[] = [];
		for (const row of skuRows) {
			const counted = sellable(row);
			const rowAvailable = omniRowAvailable(row);
			if (counted) {
				available += rowAvailable;
				holding += num(row.holding);
				incoming += num(row.incoming);
			}
			const name = row.branchId === undefined ? undefined : options.branchNames?.get(row.branchId);
			locations.push({
				location: name ?? row.branchName ?? String(row.branchId ?? ''),
				branchId: row.branchId,
				available: round4(rowAvailable),
				onOrder: num(row.incoming),
				holding: num(row.holding),
				incoming: num(row.incoming),
				counted,
				...(counted ? {} : { reason: 'not a selected branch' }),
			});
		}
		// Branch order, whatever order the rows came in (Omni gives ties no order).
		locations.sort((a, b) => (a.branchId ?? Infinity) - (b.branchId ?? Infinity));
		out.push(
			settleSku(
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

/**
 * What a Cin7 Omni item shows after the answer (nodes/shared/availableToSell.ts, `presentAts`):
 * Omni's figures only. Cin7 Core's parts of the shared result (excluded bins, unauthorised orders,
 * on order) are always 0 here and are left out, and so is a branch's `onOrder` (Omni calls it
 * `incoming`).
 */
export const OMNI_ATS_LAYOUT: AtsLayout = {
	figures: ['available', 'holding', 'incomingAdded', 'buffer', 'beforeFloor'],
	locationFields: ['location', 'branchId', 'available', 'holding', 'incoming', 'counted', 'reason'],
};

/** One SKU as the Omni node and trigger emit it; `notes` say why a SKU has no rows, when it changed. */
export function omniOutput(result: AtsResult, notes: IDataObject = {}): IDataObject {
	return presentAts(result, OMNI_ATS_LAYOUT, notes);
}
