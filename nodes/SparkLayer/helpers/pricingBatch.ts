import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { BatchRecord, BatchWriteJob, RecordVerdict } from '../../shared/batchWrite';
import { httpStatusOf } from '../../shared/http';
import { inputError } from '../../shared/items';
import { requiredText } from '../../shared/params';
import { readPricing, readTaxRate } from './pricing';

/** SparkLayer takes at most 1000 SKU rows per pricing PATCH. */
export const MAX_PRICING_ROWS = 1000;

/** The fields of one SKU's prices, shared by Update Pricing and Batch Update Pricing. */
export const pricingFields: INodeProperties[] = [
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. TEE-S',
		description: 'The product variant\'s SKU, as the store knows it',
	},
	{
		displayName: 'Pricing',
		name: 'pricing',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 10.40 or [{"quantity":1,"price":10.4},{"quantity":10,"price":9}]',
		description:
			'A price (from quantity 1), or a JSON array of quantity breaks. SparkLayer replaces the SKU\'s prices on the list with these; [] removes the SKU from the list.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PRICING_ROWS },
				default: MAX_PRICING_ROWS,
				description: 'SKUs per call (SparkLayer takes up to 1000); read from the first item',
			},
			{
				displayName: 'Display Tax Rate',
				name: 'displayTaxRate',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100 },
				default: 0,
				description: 'Tax rate in percent used to show prices with or without tax (e.g. 20)',
			},
		],
	},
];

/** One SKU's row as SparkLayer's pricing endpoints take it, and the list it belongs to. */
export interface PricingRow {
	slug: string;
	row: IDataObject;
}

/** The row an item describes; the caller supplies the list slug. */
export function buildPricingRow(ctx: IExecuteFunctions, i: number, slug: string): { record: PricingRow; key: string } {
	const sku = requiredText(ctx, i, 'SKU', ctx.getNodeParameter('sku', i));
	const pricing = readPricing(ctx, i, ctx.getNodeParameter('pricing', i));
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const rate = readTaxRate(ctx, i, extra.displayTaxRate);
	const row: IDataObject = { sku, ...(rate !== undefined ? { display_tax_rate: rate } : {}), pricing: pricing as unknown as IDataObject[] };
	return { record: { slug, row }, key: `${slug}|${sku}` };
}

/** Batch size from the first item (one run sends one way). */
export function readBatchSize(ctx: IExecuteFunctions): number {
	const extra = ctx.getNodeParameter('additionalFields', 0, {}) as IDataObject;
	if (extra.batchSize === undefined) return MAX_PRICING_ROWS;
	const size = Number(extra.batchSize);
	if (!Number.isInteger(size) || size < 1 || size > MAX_PRICING_ROWS) {
		throw inputError(ctx, 0, 'Batch Size', `must be a whole number from 1 to ${MAX_PRICING_ROWS}`);
	}
	return size;
}

/** What each item gets back: the list, the SKU and the prices it now has there. */
export function pricingOutput(r: PricingRow): IDataObject {
	const { sku, ...rest } = r.row;
	return { priceListSlug: r.slug, sku, ...rest, status: 'updated' };
}

/**
 * Sends rows; SparkLayer answers a validation 400 by rejecting the whole request and applying
 * nothing, so the rows are halved and resent until each rejected row stands alone with its reason
 * and every other row is written (a few extra calls per bad row, none when all are good).
 */
export async function sendRejectingBadRows(
	records: Array<BatchRecord<PricingRow>>,
	send: (rows: Array<BatchRecord<PricingRow>>) => Promise<void>,
): Promise<RecordVerdict[]> {
	const failure = await send(records).then(
		() => undefined,
		(error: unknown) => ({ error }),
	);
	if (!failure) return records.map((r) => ({ ok: true, json: pricingOutput(r.record) }));
	if (httpStatusOf(failure.error) !== 400) return await Promise.reject(failure.error);
	if (records.length === 1) {
		const { slug, row } = records[0].record;
		return [{ ok: false, error: (failure.error as Error).message, json: { priceListSlug: slug, sku: row.sku } }];
	}
	const half = Math.ceil(records.length / 2);
	return [
		...(await sendRejectingBadRows(records.slice(0, half), send)),
		...(await sendRejectingBadRows(records.slice(half), send)),
	];
}

/** The batch engine's job for pricing rows: the last item for a list and SKU wins, as one-by-one writes would leave it. */
export function pricingJob(
	batchSize: number,
	send: (rows: Array<BatchRecord<PricingRow>>) => Promise<void>,
): BatchWriteJob<PricingRow> {
	return {
		vendor: 'SparkLayer',
		noun: 'price list row',
		maxCount: batchSize,
		duplicates: 'lastWins',
		send: async (batch) => await sendRejectingBadRows(batch, send),
	};
}
