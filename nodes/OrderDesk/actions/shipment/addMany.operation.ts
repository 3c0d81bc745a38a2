import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite, type BatchRecord, type RecordVerdict } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { batchVerdicts, sendSplitting } from '../../helpers/batchResults';
import { mayHaveApplied, shipmentLanded } from '../../helpers/recover';
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
		send: async (batch) => await sendSplitting(batch, async (part) => await sendShipments(this, part)),
	});
}

const shipmentOutput = (record: ShipmentRecord, result: IDataObject | undefined): IDataObject => ({
	...record,
	...((result?.shipment as object) ?? {}),
	...(result?.shipment_id !== undefined ? { shipment_id: result.shipment_id } : {}),
	order_id: record.order_id,
});

async function postShipments(ctx: IExecuteFunctions, part: Array<BatchRecord<ShipmentRecord>>): Promise<RecordVerdict[]> {
	const body = await orderDeskRequest.call(ctx, 'POST', '/batch-shipments', undefined, part.map((r) => r.record));
	return batchVerdicts(body, part, 'order_id', ['shipments'], shipmentOutput);
}

/**
 * One batch call. Order Desk adds a shipment each time it is sent, so after a failure that may
 * hide a written batch each order is read and only the shipments it lacks are sent again
 * (helpers/recover.ts); the others are reported as written.
 */
async function sendShipments(ctx: IExecuteFunctions, part: Array<BatchRecord<ShipmentRecord>>): Promise<RecordVerdict[]> {
	return await postShipments(ctx, part).catch(async (error: unknown) => {
		if (!mayHaveApplied(error)) throw error;
		const landed = new Map<BatchRecord<ShipmentRecord>, IDataObject>();
		for (const r of part) {
			const found = await shipmentLanded(ctx, r.record.order_id, r.record.tracking_number);
			if (found) landed.set(r, found);
		}
		const rest = part.filter((r) => !landed.has(r));
		const again = rest.length ? await postShipments(ctx, rest) : [];
		return part.map((r) => {
			const found = landed.get(r);
			return found ? { ok: true, json: { ...r.record, ...found, shipment_id: found.id, order_id: r.record.order_id } } : again[rest.indexOf(r)];
		});
	});
}
