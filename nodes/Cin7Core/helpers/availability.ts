import type { IDataObject } from 'n8n-workflow';

import type { SafetyBuffer } from '../../shared/availableToSell';
import type { RequestContext } from '../../shared/http';
import { coreList, corePages, coreRequest } from '../transport';
import {
	coreAvailableToSell,
	type CoreAtsOptions,
	type CoreAvailabilityRow,
	type CoreAvailableToSell,
} from './availableToSell';

/** Up to this many SKUs are looked up one by one (exact `Sku` filter); more take one full scan. */
const PER_SKU_LOOKUP_MAX = 10;

/**
 * Order statuses whose quantities Cin7 Core has not allocated yet: a draft order, and an order
 * authorised with "no allocation". Authorised orders are already inside `Allocated`.
 */
export const UNALLOCATED_ORDER_STATUSES = ['DRAFT', 'AUTH_NO_ALLOC'];

export interface CoreAtsSettings {
	skus: string[];
	sellableLocations: string[];
	excludedLocations: string[];
	excludedBins: string[];
	deductUnauthorisedOrders: boolean;
	safetyBuffer: SafetyBuffer;
	includeOnOrder: boolean;
	/** Without a SKU list: cover deprecated stock products too. */
	includeDeprecated?: boolean;
}

/** Why a covered product without rows is at 0. */
export const SOLD_OUT_REASON =
	'Sold out: Cin7 Core has no stock rows for this product (it omits all-zero rows), so it has no stock, allocation or purchase order in any location';

interface CoveredProduct {
	id: string;
	sku: string;
}

const norm = (s: unknown) => String(s ?? '').trim().toLowerCase();

/** Availability rows (product × location × bin × batch) for the SKUs, or for every SKU. */
export async function fetchAvailabilityRows(
	this: RequestContext,
	skus: string[],
): Promise<CoreAvailabilityRow[]> {
	if (skus.length && skus.length <= PER_SKU_LOOKUP_MAX) {
		const rows: CoreAvailabilityRow[] = [];
		for (const sku of skus) {
			const found = await coreList.call(this, '/ref/productavailability', 'ProductAvailabilityList', { Sku: sku });
			// The filter is documented as exact, but a prefix match would mix SKUs.
			rows.push(...(found as CoreAvailabilityRow[]).filter((r) => norm(r.SKU) === norm(sku)));
		}
		return rows;
	}
	const rows: CoreAvailabilityRow[] = [];
	for await (const page of corePages.call(this, '/ref/productavailability', 'ProductAvailabilityList')) {
		rows.push(...(page as CoreAvailabilityRow[]));
	}
	return rows;
}

function locationCounted(location: unknown, settings: CoreAtsSettings): boolean {
	const loc = norm(location);
	if (settings.sellableLocations.length && !settings.sellableLocations.some((l) => norm(l) === loc)) return false;
	return !settings.excludedLocations.some((l) => norm(l) === loc);
}

/**
 * Quantities per SKU on open orders Cin7 Core has not allocated yet. saleList rows carry no lines,
 * so each such sale is read once. Orders shipping from a location that is not counted are left out.
 */
export async function unallocatedOrderQuantities(
	this: RequestContext,
	settings: CoreAtsSettings,
): Promise<Record<string, number>> {
	const wanted = new Set(settings.skus.map(norm));
	const saleIds = new Set<string>();
	for (const status of UNALLOCATED_ORDER_STATUSES) {
		for await (const page of corePages.call(this, '/saleList', 'SaleList', { OrderStatus: status })) {
			for (const row of page) {
				if (norm(row.Status) === 'voided' || norm(row.OrderStatus) !== norm(status)) continue;
				if (row.SaleID) saleIds.add(String(row.SaleID));
			}
		}
	}
	const totals: Record<string, number> = {};
	for (const id of saleIds) {
		const sale = await coreRequest.call(this, 'GET', '/sale', { ID: id });
		if (!locationCounted(sale.Location, settings)) continue;
		const lines = ((sale.Order as IDataObject | undefined)?.Lines as IDataObject[] | undefined) ?? [];
		for (const line of lines) {
			const sku = String(line.SKU ?? '').trim();
			const qty = Number(line.Quantity);
			if (!sku || !Number.isFinite(qty)) continue;
			if (wanted.size && !wanted.has(norm(sku))) continue;
			totals[sku] = (totals[sku] ?? 0) + qty;
		}
	}
	return totals;
}

/**
 * The products a run without a SKU list covers (docs/architecture.md, "Available to sell"): every
 * stock product that is not deprecated, sold-out ones included (they have no rows). "Setup
 * required" counts as active: the product is not retired, can hold stock and is sold once set up,
 * so leaving it out would hide its stock and then report it "back in stock" when it is finished.
 * Service products hold no stock. Deprecated products are covered only with Include Deprecated;
 * otherwise the list is asked without them (fewer pages) and any that still come back are dropped.
 * The product list carries no optional parts (BOM, suppliers, movements…): it is read bare, 1000 a page.
 */
async function coveredProducts(this: RequestContext, includeDeprecated: boolean): Promise<CoveredProduct[]> {
	const covered: CoveredProduct[] = [];
	for await (const page of corePages.call(this, '/product', 'Products', { IncludeDeprecated: includeDeprecated })) {
		for (const p of page) {
			const sku = String(p.SKU ?? '').trim();
			if (!sku || norm(p.Type) === 'service') continue;
			if (!includeDeprecated && norm(p.Status) === 'deprecated') continue;
			covered.push({ id: String(p.ID ?? ''), sku });
		}
	}
	return covered;
}

/**
 * The rows of covered products only, each under its product's SKU. Rows name their product by ID
 * (matched first) and SKU. The rows are read before the products, so a product with rows is always
 * in the list unless the list left it out on purpose (deprecated): its rows are not counted.
 */
function rowsOfCovered(rows: CoreAvailabilityRow[], covered: CoveredProduct[]): CoreAvailabilityRow[] {
	const byId = new Map(covered.filter((p) => p.id).map((p) => [norm(p.id), p]));
	const bySku = new Map(covered.map((p) => [norm(p.sku), p]));
	const out: CoreAvailabilityRow[] = [];
	for (const row of rows) {
		const product = (row.ID ? byId.get(norm(row.ID)) : undefined) ?? bySku.get(norm(row.SKU));
		if (product) out.push(product.sku === row.SKU ? row : { ...row, SKU: product.sku });
	}
	return out;
}

/**
 * Available to sell per SKU from Cin7 Core's availability rows, under the settings' exclusions,
 * orders and buffer. With a SKU list: those SKUs, whatever their product's status. Without one:
 * every covered product (see `coveredProducts`), at 0 with `noStockRows` when it has no rows.
 */
export async function coreAtsFor(this: RequestContext, settings: CoreAtsSettings): Promise<CoreAvailableToSell[]> {
	let rows = await fetchAvailabilityRows.call(this, settings.skus);
	let skus = settings.skus;
	let noRowsReason: string | undefined;
	if (!skus.length) {
		const covered = await coveredProducts.call(this, settings.includeDeprecated === true);
		rows = rowsOfCovered(rows, covered);
		skus = covered.map((p) => p.sku);
		noRowsReason = SOLD_OUT_REASON;
	}
	const options: CoreAtsOptions = {
		skus,
		sellableLocations: settings.sellableLocations,
		excludedLocations: settings.excludedLocations,
		excludedBins: settings.excludedBins,
		includeOnOrder: settings.includeOnOrder,
		safetyBuffer: settings.safetyBuffer,
		noRowsReason,
	};
	if (settings.deductUnauthorisedOrders) {
		const quantities = await unallocatedOrderQuantities.call(this, settings);
		// Order lines name SKUs in any case; the arithmetic keys by the SKU as the rows spell it.
		const spelled = new Map<string, string>();
		for (const r of rows) if (r.SKU) spelled.set(norm(r.SKU), String(r.SKU).trim());
		for (const s of skus) spelled.set(norm(s), s);
		const keyed: Record<string, number> = {};
		for (const [sku, qty] of Object.entries(quantities)) {
			const key = spelled.get(norm(sku)) ?? sku;
			keyed[key] = (keyed[key] ?? 0) + qty;
		}
		options.unauthorisedOrderQuantities = keyed;
	}
	return coreAvailableToSell(rows, options);
}
