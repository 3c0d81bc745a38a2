import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/items';
import { compact, locatorValue, readId, requiredText } from '../../../shared/params';
import { orderLocator } from '../../helpers/locators';

/** The fields of one shipment, shared by Add and Add Many. */
export const shipmentProperties: INodeProperties[] = [
	orderLocator,
	{
		displayName: 'Tracking Number',
		name: 'trackingNumber',
		type: 'string',
		default: '',
		required: true,
		description: 'The carrier\'s tracking number',
	},
	{
		displayName: 'Carrier Code',
		name: 'carrierCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. UPS',
		description: 'The carrier, e.g. UPS, FedEx, USPS, DHL',
	},
	{
		displayName: 'Shipment Method',
		name: 'shipmentMethod',
		type: 'string',
		default: '',
		placeholder: 'e.g. Ground',
		description: 'The carrier\'s service, e.g. Ground',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Tracking URL', name: 'trackingUrl', type: 'string', default: '', description: 'A link to the carrier\'s tracking page' },
			{ displayName: 'Weight', name: 'weight', type: 'number', default: 0, description: 'The parcel weight' },
			{ displayName: 'Cost', name: 'cost', type: 'number', default: 0, description: 'What the shipment cost' },
			{ displayName: 'Status', name: 'status', type: 'string', default: '', description: 'A shipment status text' },
		],
	},
];

export interface ShipmentRecord extends IDataObject {
	order_id: string;
	tracking_number: string;
}

const nonNegative = (ctx: IExecuteFunctions, i: number, field: string, value: unknown) => {
	if (value === undefined || value === null || value === '') return undefined;
	const n = Number(value);
	if (!Number.isFinite(n) || n < 0) throw inputError(ctx, i, field, `must be a number of 0 or more (got "${String(value)}")`);
	return n || undefined;
};

/** One item's shipment in Order Desk's field names; bad input names the item and the field. */
export function readShipment(ctx: IExecuteFunctions, i: number): ShipmentRecord {
	const id = readId(ctx, i, 'Order', locatorValue(ctx, i, 'orderId'));
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const url = String(extra.trackingUrl ?? '').trim();
	if (url && !/^https?:\/\/\S+$/i.test(url)) throw inputError(ctx, i, 'Tracking URL', `is not a web address (got "${url}")`);
	return compact({
		order_id: String(id),
		tracking_number: requiredText(ctx, i, 'Tracking Number', ctx.getNodeParameter('trackingNumber', i)),
		carrier_code: String(ctx.getNodeParameter('carrierCode', i, '') ?? '').trim(),
		shipment_method: String(ctx.getNodeParameter('shipmentMethod', i, '') ?? '').trim(),
		tracking_url: url,
		weight: nonNegative(ctx, i, 'Weight', extra.weight),
		cost: nonNegative(ctx, i, 'Cost', extra.cost),
		status: String(extra.status ?? '').trim(),
	});
}
