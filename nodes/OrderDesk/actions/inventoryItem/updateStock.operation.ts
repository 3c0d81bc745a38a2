import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import type { ItemOutcomes } from '../../../shared/operation';
import { requiredText } from '../../../shared/params';
import { batchVerdicts, sendSplitting } from '../../helpers/batchResults';
import { orderDeskRequest } from '../../transport';

/** Order Desk does not document a batch size; 100 keeps a batch well inside any body limit. */
export const DEFAULT_BATCH_SIZE = 100;

const properties: INodeProperties[] = [
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		required: true,
		description: 'The inventory item\'s code (SKU) in Order Desk',
	},
	{
		displayName: 'Stock',
		name: 'stock',
		type: 'number',
		default: 0,
		required: true,
		description: 'The stock count Order Desk should show, e.g. Cin7\'s available to sell',
	},
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 500 },
		default: DEFAULT_BATCH_SIZE,
		description: 'SKUs per call. Order Desk documents no maximum; a batch it refuses as too large is sent in halves.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['inventoryItem'], operation: ['updateStock'] } }, properties);

interface StockRecord extends IDataObject {
	code: string;
	stock: number;
}

/**
 * Stock of many SKUs through `PUT /batch-inventory-items`, with each SKU's own result. A SKU given
 * twice is sent once with its last value (what one-by-one writes would leave).
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const batchSize = Math.max(1, Math.min(500, Math.floor(Number(this.getNodeParameter('batchSize', 0, DEFAULT_BATCH_SIZE))) || DEFAULT_BATCH_SIZE));
	return await batchWrite<StockRecord>(this, {
		vendor: 'Order Desk',
		noun: 'SKU',
		maxCount: batchSize,
		duplicates: 'lastWins',
		build: (i) => {
			const code = requiredText(this, i, 'SKU', this.getNodeParameter('sku', i));
			const raw = this.getNodeParameter('stock', i);
			const stock = Number(raw);
			if (raw === '' || raw === null || raw === undefined || !Number.isFinite(stock)) {
				throw inputError(this, i, 'Stock', `is not a number (got "${String(raw ?? '')}")`);
			}
			return { record: { code, stock }, key: code };
		},
		send: async (batch) =>
			await sendSplitting(batch, async (part) => {
				const body = await orderDeskRequest.call(this, 'PUT', '/batch-inventory-items', undefined, part.map((r) => r.record));
				return batchVerdicts(body, part, 'code', ['inventory_items'], (record, result) => ({
					sku: record.code,
					stock: record.stock,
					updated: true,
					...(result?.inventory_item ? { inventoryItem: result.inventory_item as IDataObject } : {}),
				}));
			}),
	});
}
