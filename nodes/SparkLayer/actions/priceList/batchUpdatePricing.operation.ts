import type { IExecuteFunctions } from 'n8n-workflow';

import { buildRecords, writeInBatches, type BatchRecord } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { priceListLocator, readPriceListSlug } from '../../helpers/locators';
import { buildPricingRow, pricingFields, pricingJob, readBatchSize, type PricingRow } from '../../helpers/pricingBatch';
import { sparkLayerRequest } from '../../transport';

export const description = updateDisplayOptions({ show: { resource: ['priceList'], operation: ['batchUpdatePricing'] } }, [
	priceListLocator,
	...pricingFields,
]);

/**
 * PATCH /api/v1/batch-update-pricing: one SKU's prices on one list per item, any mix of lists in
 * one call of up to 1000 rows (each row names its list), each item getting its SKU's result.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const outcomes: ItemOutcomes = new Map();
	const batchSize = readBatchSize(this);
	const records = buildRecords(this, (i) => buildPricingRow(this, i, readPriceListSlug(this, i)), outcomes);
	const send = async (rows: Array<BatchRecord<PricingRow>>) => {
		const body = rows.map((r) => ({ sku: r.record.row.sku, price_list_slug: r.record.slug, ...r.record.row }));
		await sparkLayerRequest.call(this, 'PATCH', '/api/v1/batch-update-pricing', undefined, body, { idempotent: true });
	};
	await writeInBatches(this, pricingJob(batchSize, send), records, outcomes);
	return outcomes;
}
