import type { IExecuteFunctions } from 'n8n-workflow';

import { buildRecords, writeInBatches, type BatchRecord } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { priceListLocator, readPriceListSlug } from '../../helpers/locators';
import { buildPricingRow, pricingFields, pricingJob, readBatchSize, type PricingRow } from '../../helpers/pricingBatch';
import { seg, sparkLayerRequest } from '../../transport';

export const description = updateDisplayOptions({ show: { resource: ['priceList'], operation: ['updatePricing'] } }, [
	priceListLocator,
	...pricingFields,
]);

/**
 * PATCH /api/v1/price-lists/{slug}/pricing: each item is one SKU's prices on one list; items are
 * grouped by list and sent in batches of up to 1000 SKUs, and each item gets its SKU's result.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const outcomes: ItemOutcomes = new Map();
	const batchSize = readBatchSize(this);
	const records = buildRecords(this, (i) => buildPricingRow(this, i, readPriceListSlug(this, i)), outcomes);
	const bySlug = new Map<string, Array<BatchRecord<PricingRow>>>();
	for (const r of records) bySlug.set(r.record.slug, [...(bySlug.get(r.record.slug) ?? []), r]);
	for (const [slug, group] of bySlug) {
		const send = async (rows: Array<BatchRecord<PricingRow>>) => {
			await sparkLayerRequest.call(this, 'PATCH', `/api/v1/price-lists/${seg(slug)}/pricing`, undefined, rows.map((r) => r.record.row), {
				// The SKUs' prices are replaced, so sending the same rows again leaves the same list.
				idempotent: true,
			});
		};
		await writeInBatches(this, pricingJob(batchSize, send), group, outcomes);
	}
	return outcomes;
}
