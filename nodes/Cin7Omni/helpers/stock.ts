import type { IDataObject } from 'n8n-workflow';

import type { AvailableToSell } from '../../shared/availableToSell';
import { chunk } from '../../shared/batching';
import { safetyBufferOf } from '../../shared/safetyBuffer';
import { flagChangesSinceLastRun, type FlaggedAvailableToSell } from '../../shared/levelFlags';
import type { RequestContext } from '../../shared/http';
import { omniList } from '../transport';
import { omniAvailableToSell, type OmniAtsOptions, type OmniStockRow } from './availableToSell';
import type { AtsSettings } from './availableToSellSettings';
import { readKey, readNumber, readString } from './keys';
import { inList, joinWhere } from './where';

/** SKUs per Stock query: keeps the `where` URL short while saving calls. */
const SKU_CHUNK = 50;

/** A stock row in the shape the shared arithmetic reads, whatever casing Omni served. */
export function toStockRow(raw: IDataObject): OmniStockRow {
	const n = (k: string) => readNumber(raw, k);
	return {
		...raw,
		code: readString(raw, 'code'),
		branchId: readKey(raw, 'branchId') as number | string | undefined,
		branchName: readString(raw, 'branchName'),
		available: n('available'),
		stockOnHand: n('stockOnHand'),
		openSales: n('openSales'),
		incoming: n('incoming'),
		holding: n('holding'),
	};
}

/**
 * Stock rows (one per option × branch) for the given SKUs, or for every SKU when none are given.
 * Numeric branch IDs narrow the query; branch names are filtered by the arithmetic instead.
 */
export async function fetchStockRows(
	ctx: RequestContext,
	skus: string[],
	branches: Array<string | number>,
): Promise<OmniStockRow[]> {
	const ids = branches.map((b) => String(b).trim()).filter(Boolean);
	const byId = ids.length && ids.every((b) => /^\d+$/.test(b)) ? inList('branchId', ids.map(Number)) : undefined;
	const queries = skus.length ? chunk(skus, SKU_CHUNK).map((group) => inList('code', group)) : [undefined];
	const rows: OmniStockRow[] = [];
	for (const skuWhere of queries) {
		const found = await omniList.call(ctx, 'Stock', {
			where: joinWhere([skuWhere, byId]),
			order: 'productOptionId ASC',
		});
		rows.push(...found.map(toStockRow));
	}
	return rows;
}

export function atsOptions(settings: AtsSettings, skus: string[]): OmniAtsOptions {
	const buffer = safetyBufferOf(settings.safetyBufferMode, settings.safetyBufferValue);
	return {
		branches: settings.branches,
		subtractHolding: settings.subtractHolding,
		addIncoming: settings.addIncoming,
		safetyBuffer: buffer,
		skus,
	};
}

export function computeAts(rows: OmniStockRow[], settings: AtsSettings, skus: string[]): AvailableToSell[] {
	return omniAvailableToSell(rows, atsOptions(settings, skus));
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
