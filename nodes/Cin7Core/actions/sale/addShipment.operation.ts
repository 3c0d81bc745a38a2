import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clock } from '../../../shared/clock';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { locatorValue, requiredText, same } from '../../../shared/params';
import { saleLocator } from '../../helpers/locators';
import { coreDateParam } from '../../helpers/params';
import { coreRequest } from '../../transport';
import { getFulfilments, shipOf, statusOf } from './fulfilment';

const properties: INodeProperties[] = [
	saleLocator,
	{
		displayName: 'Carrier',
		name: 'carrier',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. UPS',
		description: 'Carrier the shipment goes with',
	},
	{
		displayName: 'Tracking Number',
		name: 'trackingNumber',
		type: 'string',
		required: true,
		default: '',
		description: 'Tracking number of the shipment',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Which fulfilment and box ship, when, and whether the shipment is authorised',
		options: [
			{
				displayName: 'Authorise Shipment',
				name: 'authorise',
				type: 'boolean',
				default: true,
				description: 'Whether to authorise the shipment (marks it shipped); otherwise it stays a draft',
			},
			{ displayName: 'Box', name: 'box', type: 'string', default: '', description: 'Packed box to ship; default: every packed box' },
			{ displayName: 'Fulfilment Task ID', name: 'taskId', type: 'string', default: '', description: 'Default: the first fulfilment not yet shipped' },
			{ displayName: 'Shipment Date', name: 'shipmentDate', type: 'dateTime', default: '', description: 'Default: now' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['sale'], operation: ['addShipment'] } }, properties);

function boxesOf(fulfilment: IDataObject): string[] {
	const lines = ((fulfilment.Pack as IDataObject | undefined)?.Lines as IDataObject[] | undefined) ?? [];
	const boxes = [...new Set(lines.map((l) => String(l.Box ?? '').trim()).filter(Boolean))];
	return boxes.length ? boxes : ['1'];
}

/**
 * Adds carrier and tracking number to a fulfilment's shipment. A shipment already authorised only
 * accepts tracking numbers added with `AddTrackingNumbers`.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const saleId = requiredText(this, i, 'Sale', locatorValue(this, i, 'saleId'));
	const carrier = requiredText(this, i, 'Carrier', this.getNodeParameter('carrier', i, ''));
	const trackingNumber = requiredText(this, i, 'Tracking Number', this.getNodeParameter('trackingNumber', i, ''));
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const authorise = extra.authorise !== false;
	const date = coreDateParam(this, i, 'Shipment Date', extra.shipmentDate) ?? new Date(clock.now()).toISOString().slice(0, 19);

	const fulfilments = await getFulfilments(this, saleId);
	const fulfilment = extra.taskId
		? fulfilments.find((f) => same(f.TaskID, extra.taskId))
		: (fulfilments.find((f) => statusOf(shipOf(f)) !== 'AUTHORISED') ?? fulfilments[fulfilments.length - 1]);
	if (!fulfilment) {
		throw new NodeOperationError(
			this.getNode(),
			extra.taskId ? `Sale ${saleId} has no fulfilment ${String(extra.taskId)}` : `Sale ${saleId} has no fulfilment to ship`,
			{ itemIndex: i, description: 'The order must be authorised and packed before it can ship.' },
		);
	}
	const alreadyShipped = statusOf(shipOf(fulfilment)) === 'AUTHORISED';
	const boxes = extra.box ? [String(extra.box)] : boxesOf(fulfilment);
	const lines = boxes.map((box) => ({
		ShipmentDate: date,
		Carrier: carrier,
		Box: box,
		TrackingNumber: trackingNumber,
		IsShipped: true,
	}));
	const body: IDataObject = {
		TaskID: fulfilment.TaskID,
		Status: alreadyShipped || authorise ? 'AUTHORISED' : 'DRAFT',
		Lines: alreadyShipped ? [...(((shipOf(fulfilment).Lines as IDataObject[]) ?? [])), ...lines] : lines,
		...(alreadyShipped ? { AddTrackingNumbers: true } : {}),
	};
	return await coreRequest.call(this, alreadyShipped ? 'PUT' : 'POST', '/sale/fulfilment/ship', undefined, body);
}
