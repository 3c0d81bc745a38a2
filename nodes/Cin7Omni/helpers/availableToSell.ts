import { num, round4, settleSku, type AvailableToSell, type LocationBreakdown, type SafetyBuffer } from '../../shared/availableToSell';
import { same } from '../../shared/params';

/**
 * Cin7 Omni's side of available to sell: rows are per option × branch; `available` is the served
 * figure, else stockOnHand − openSales; holding and incoming are Order Desk's two options.
 */
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
