import type { IDataObject } from 'n8n-workflow';

import type { AtsFlags, AvailableToSell } from '../../shared/availableToSell';
import { chunk } from '../../shared/batching';
import type { RequestContext } from '../../shared/http';
import { flagChangesSinceLastRun, type FlaggedAvailableToSell } from '../../shared/levelFlags';
import { safetyBufferOf } from '../../shared/safetyBuffer';
import { omniList, ORDER } from '../transport';
import { omniAvailableToSell, omniOutput, type OmniAtsOptions, type OmniStockRow } from './availableToSell';
import type { AtsSettings } from './availableToSellSettings';
import { resolveBranches, type BranchSelection } from './branches';
import { readNumber, readString } from './keys';
import { listOptions } from './options';
import { inList, joinWhere } from './where';

/** SKUs per Stock query: keeps the `where` URL short while saving calls. */
const SKU_CHUNK = 50;

/** What the arithmetic and the breakdown read from a stock row. */
const STOCK_FIELDS = 'productId,productOptionId,code,branchId,branchName,available,stockOnHand,openSales,incoming,holding';

/** A stock row in the shape the shared arithmetic reads, whatever casing Omni served. */
export function toStockRow(raw: IDataObject): OmniStockRow {
	const n = (k: string) => readNumber(raw, k);
	return {
		...raw,
		code: readString(raw, 'code'),
		productOptionId: n('productOptionId'),
		branchId: n('branchId'),
		branchName: readString(raw, 'branchName'),
		available: n('available'),
		stockOnHand: n('stockOnHand'),
		openSales: n('openSales'),
		incoming: n('incoming'),
		holding: n('holding'),
	};
}

/**
 * Stock rows (one per option × branch) for the given SKUs, or every row when none are given,
 * narrowed to the given branch IDs. Walked by option and branch (transport/keyset.ts), so a row is
 * neither read twice nor skipped when rows of one option straddle a page.
 */
export async function fetchStockRows(ctx: RequestContext, skus: string[], branchIds?: number[]): Promise<OmniStockRow[]> {
	const byBranch = branchIds?.length ? inList('branchId', branchIds) : undefined;
	const queries = skus.length ? chunk(skus, SKU_CHUNK).map((group) => inList('code', group)) : [undefined];
	const rows: OmniStockRow[] = [];
	for (const skuWhere of queries) {
		const found = await omniList.call(ctx, 'Stock', {
			where: joinWhere([skuWhere, byBranch]),
			fields: STOCK_FIELDS,
			order: ORDER.stockByOption,
		});
		rows.push(...found.map(toStockRow));
	}
	return rows;
}

export function atsOptions(settings: AtsSettings, skus: string[], branches?: BranchSelection): OmniAtsOptions {
	return {
		branches: branches?.ids,
		branchNames: branches?.names,
		subtractHolding: settings.subtractHolding,
		addIncoming: settings.addIncoming,
		safetyBuffer: safetyBufferOf(settings.safetyBufferMode, settings.safetyBufferValue),
		skus,
	};
}

export function computeAts(rows: OmniStockRow[], settings: AtsSettings, skus: string[], branches?: BranchSelection): AvailableToSell[] {
	return omniAvailableToSell(rows, atsOptions(settings, skus, branches));
}

export const REASON = {
	noRows: 'No stock rows in Cin7 Omni for this option (sold out, or never stocked): 0 available',
	noRowsInBranches: 'No stock rows for this option in the selected branches (sold out there, or never stocked): 0 available',
	notActive:
		'Not an active option any more (option disabled, product inactive, or its code changed): reported once at 0',
};

export interface AtsRun {
	results: AvailableToSell[];
	/** The run reports every active option (no SKU list was given). */
	coversAllSkus: boolean;
	/** The reason given to a SKU without rows. */
	noRowsReason: string;
}

/**
 * One available-to-sell run. Branches are resolved to IDs once per run. With SKUs, exactly those
 * are reported (0 when they have no rows). Without, every active option is: the options come from
 * one walk of Products (250 per call, a few fields), so a sold-out option whose rows are gone is
 * reported at 0 instead of vanishing, and rows of disabled options or inactive products are left
 * out unless `includeInactive`.
 */
export async function runAvailableToSell(
	ctx: RequestContext,
	settings: AtsSettings,
	skus: string[],
	itemIndex?: number,
): Promise<AtsRun> {
	const branches = await resolveBranches(ctx, settings.branches, itemIndex);
	const noRowsReason = branches ? REASON.noRowsInBranches : REASON.noRows;
	if (skus.length) {
		const rows = await fetchStockRows(ctx, skus, branches?.ids);
		return { results: computeAts(rows, settings, skus, branches), coversAllSkus: false, noRowsReason };
	}
	const options = await listOptions(ctx, settings.includeInactive);
	const codeOf = new Map(options.map((o) => [o.id, o.code]));
	const wanted = [...new Set(options.map((o) => o.code))];
	if (!wanted.length) return { results: [], coversAllSkus: true, noRowsReason };
	const rows: OmniStockRow[] = [];
	for (const row of await fetchStockRows(ctx, [], branches?.ids)) {
		if (row.productOptionId === undefined) {
			rows.push(row);
			continue;
		}
		// Matched by option ID: a row of an option not listed (disabled, inactive product) is dropped.
		const code = codeOf.get(row.productOptionId);
		if (code !== undefined) rows.push({ ...row, code });
	}
	return { results: computeAts(rows, settings, wanted, branches), coversAllSkus: true, noRowsReason };
}

const STATE_KEY = 'omniAvailableToSell';

/** Change flags against the previous run, by the rule every available-to-sell operation shares. */
export function flagChanges(
	staticData: IDataObject,
	results: AvailableToSell[],
	store: boolean,
	coversAllSkus = false,
): FlaggedAvailableToSell[] {
	return flagChangesSinceLastRun({
		staticData,
		key: STATE_KEY,
		results,
		store,
		coversAllSkus,
		zeroResults: (missing) => omniAvailableToSell([], { skus: missing }),
	});
}

/**
 * The run's items as the node and trigger emit them, each SKU without rows with its reason, and
 * any `notes` per SKU (the trigger's modifiedDate) before the figures.
 */
export function atsItems(
	run: AtsRun,
	results: Array<AvailableToSell & AtsFlags> = run.results,
	notes: (sku: string) => IDataObject = () => ({}),
): IDataObject[] {
	const computed = new Set(run.results.map((r) => r.sku));
	return results.map((r) => {
		// A SKU the previous run knew that this full run no longer lists (flagChanges adds it at 0).
		const reason = !computed.has(r.sku) ? REASON.notActive : r.noStockRows ? run.noRowsReason : undefined;
		return omniOutput(r, { reason, ...notes(r.sku) });
	});
}
