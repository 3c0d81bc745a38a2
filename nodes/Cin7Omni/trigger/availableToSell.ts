import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { readAtsSettings } from '../helpers/availableToSellSettings';
import { readNumber, readString } from '../helpers/keys';
import { optionsOfProducts } from '../helpers/options';
import { atsItems, runAvailableToSell } from '../helpers/stock';

/**
 * Stock Changed: a changed stock row means its SKU changed, so each SKU is recomputed over the
 * chosen branches and emitted with the time of its last change. Rows of disabled options or
 * inactive products are skipped unless Include Inactive (one Products call per 50 products).
 */
export async function availableForChangedRows(this: IPollFunctions, rows: IDataObject[]): Promise<IDataObject[]> {
	const settings = readAtsSettings((name, fallback) => this.getNodeParameter(name, fallback) ?? fallback);
	let changed = rows;
	if (!settings.includeInactive) {
		const productIds = rows.map((r) => readNumber(r, 'productId')).filter((id): id is number => id !== undefined);
		const active = new Set((await optionsOfProducts(this, productIds)).filter((o) => o.active).map((o) => o.id));
		// A row that names no product or option cannot be checked and is kept; an option its
		// product does not list (any more) is not active.
		changed = rows.filter((r) => {
			const option = readNumber(r, 'productOptionId');
			return option === undefined || readNumber(r, 'productId') === undefined || active.has(option);
		});
	}
	const lastChange = new Map<string, string>();
	for (const row of changed) {
		const sku = (readString(row, 'code') ?? '').trim();
		if (sku) lastChange.set(sku, readString(row, 'modifiedDate') ?? '');
	}
	const skus = [...lastChange.keys()];
	if (!skus.length) return [];
	const run = await runAvailableToSell(this, settings, skus);
	return atsItems(run, run.results, (sku) => ({ modifiedDate: lastChange.get(sku) }));
}
