import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { locatorValue, requiredText } from '../../../shared/params';
import { saleLocator } from '../../helpers/locators';
import { getFulfilments, shipOf } from './fulfilment';

const properties: INodeProperties[] = [saleLocator];

export const description = updateDisplayOptions({ show: { resource: ['sale'], operation: ['getTracking'] } }, properties);

/** One item per sale: every shipment line of every fulfilment, with carrier and tracking. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const saleId = requiredText(this, i, 'Sale', locatorValue(this, i, 'saleId'));
	const shipments: IDataObject[] = [];
	for (const f of await getFulfilments(this, saleId)) {
		const ship = shipOf(f);
		for (const line of (ship.Lines as IDataObject[] | undefined) ?? []) {
			shipments.push({
				taskId: f.TaskID,
				fulfillmentNumber: f.FulfillmentNumber,
				shipStatus: ship.Status ?? null,
				shipmentDate: line.ShipmentDate ?? null,
				carrier: line.Carrier ?? null,
				trackingNumber: line.TrackingNumber ?? null,
				trackingUrl: line.TrackingURL ?? line.TrackingUrl ?? null,
				box: line.Box ?? line.Boxes ?? null,
				isShipped: line.IsShipped ?? null,
			});
		}
	}
	const trackingNumbers = [...new Set(shipments.map((s) => s.trackingNumber).filter(Boolean))];
	return { saleId, trackingNumbers, shipments };
}
