import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { readAtsSettings } from '../helpers/availableToSellSettings';
import { readString } from '../helpers/keys';
import { computeAts, fetchStockRows } from '../helpers/stock';

/**
 * Stock Changed: a changed stock row means its SKU changed, so each SKU is recomputed over every
 * branch and emitted with the time of its last change.
 */
export async function availableForChangedRows(this: IPollFunctions, rows: IDataObject[]): Promise<IDataObject[]> {
	const lastChange = new Map<string, string>();
	for (const row of rows) {
		const sku = (readString(row, 'code') ?? '').trim();
		if (sku) lastChange.set(sku, readString(row, 'modifiedDate') ?? '');
	}
	const skus = [...lastChange.keys()];
	if (!skus.length) return [];
	const settings = readAtsSettings((name, fallback) => this.getNodeParameter(name, fallback) ?? fallback);
	const stock = await fetchStockRows(this, skus, settings.branches);
	return computeAts(stock, settings, skus).map((ats) => ({
		...(ats as unknown as IDataObject),
		modifiedDate: lastChange.get(ats.sku),
	}));
}
