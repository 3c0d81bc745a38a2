import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { batchVerdicts, sendSplitting } from '../../helpers/batchResults';
import { orderDeskRequest } from '../../transport';
import { readShipment, shipmentProperties, type ShipmentRecord } from './fields';

/** Order Desk does not document a batch size; 100 keeps a batch well inside any body limit. */
export const DEFAULT_BATCH_SIZE = 100;

const properties: INodeProperties[] = [
	...shipmentProperties,
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 500 },
		default: DEFAULT_BATCH_SIZE,
		description: 'Shipments per call. Order Desk documents no maximum; a batch it refuses as too large is sent in halves.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['shipment'], operation: ['addMany'] } }, properties);

/**
 * Every item's shipment through `POST /batch-shipments`, with each order's own result (a missing
 * order fails only its item). The same tracking number twice on one order is sent once.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const batchSize = Math.max(1, Math.min(500, Math.floor(Number(this.getNodeParameter('batchSize', 0, DEFAULT_BATCH_SIZE))) || DEFAULT_BATCH_SIZE));
	return await batchWrite<ShipmentRecord>(this, {
		vendor: 'Order Desk',
		noun: 'shipment',
		maxCount: batchSize,
		duplicates: 'firstWins',
		build: (i) => {
			const record = readShipment(this, i);
			return { record, key: `${record.order_id}/${record.tracking_number}` };
		},
		send: async (batch) =>
			await sendSplitting(batch, async (part) => {
				const body = await orderDeskRequest.call(this, 'POST', '/batch-shipments', undefined, part.map((r) => r.record));
				return batchVerdicts(body, part, 'order_id', ['shipments'], (record, result) => ({
					...record,
					...((result?.shipment as object) ?? {}),
					...(result?.shipment_id !== undefined ? { shipment_id: result.shipment_id } : {}),
					order_id: record.order_id,
				}));
			}),
	});
}
