import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { httpStatusOf } from '../../../shared/http';
import { inputError, type ItemResult } from '../../../shared/items';
import { locatorValue, readId, readJson } from '../../../shared/params';
import { pairsProperty, readPairs } from '../../helpers/fields';
import { orderLane, orderLocator, ORDERS_IN_FLIGHT } from '../../helpers/locators';
import { mergeOrder, recordOf } from '../../helpers/orders';
import { orderDeskRequest, seg } from '../../transport';

const properties: INodeProperties[] = [
	orderLocator,
	pairsProperty(
		'checkoutData',
		'Checkout Data',
		'Checkout data fields to set; the order keeps its other checkout data',
	),
	pairsProperty('orderMetadata', 'Order Metadata', 'Order metadata fields to set; the order keeps its other metadata'),
	{
		displayName: 'Update Fields (JSON)',
		name: 'updateFieldsJson',
		type: 'json',
		default: '{}',
		description:
			'Other order fields to change. Objects (shipping, customer) are merged key by key; order_items are changed by their ID and new ones added, never removed.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['update'] } }, properties);

/** Order Desk answers 409 when the order changed between our read and our write. */
const MAX_CONFLICT_RETRIES = 3;
const CONFLICT: unique symbol = Symbol('conflict');

/**
 * Read, merge, write: Order Desk's PUT replaces the whole order, so the order is read first and
 * the changes merged into it (helpers/orders.ts). A 409 reads and merges again.
 */
/** A few items in flight, one at a time per order (helpers/locators.ts). */
export const inFlight = ORDERS_IN_FLIGHT;
export function lane(this: IExecuteFunctions, i: number): string {
	return orderLane(this, i);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const id = readId(this, i, 'Order', locatorValue(this, i, 'orderId'));
	const fields = readJson<IDataObject>(this, i, 'Update Fields (JSON)', this.getNodeParameter('updateFieldsJson', i, '{}'), 'object') ?? {};
	if (fields.id !== undefined && String(fields.id) !== String(id)) {
		throw inputError(this, i, 'Update Fields (JSON)', `sets id ${String(fields.id)}, which is not the order being updated (${id})`);
	}
	const changes: IDataObject = { ...fields };
	const checkoutData = readPairs(this, i, 'checkoutData', 'Checkout Data');
	const metadata = readPairs(this, i, 'orderMetadata', 'Order Metadata');
	if (Object.keys(checkoutData).length) changes.checkout_data = { ...((fields.checkout_data as IDataObject) ?? {}), ...checkoutData };
	if (Object.keys(metadata).length) changes.order_metadata = { ...((fields.order_metadata as IDataObject) ?? {}), ...metadata };

	for (let attempt = 0; ; attempt++) {
		const current = recordOf(await orderDeskRequest.call(this, 'GET', `/orders/${seg(id)}`), 'order');
		// The PUT replaces the whole order with what is merged here: never write one built on an
		// answer that is not this order.
		if (String(current.id ?? '') !== String(id)) {
			throw new NodeOperationError(this.getNode(), `Item ${i}: Order Desk answered GET /orders/${id} without that order; nothing was written`, {
				itemIndex: i,
			});
		}
		const merged = mergeOrder(current, changes);
		// The transport's errors are NodeApiErrors already; only a 409 asks for another read.
		const body = await orderDeskRequest.call(this, 'PUT', `/orders/${seg(id)}`, undefined, merged).catch((error: unknown) => {
			if (httpStatusOf(error) === 409 && attempt < MAX_CONFLICT_RETRIES) return CONFLICT;
			throw error;
		});
		if (typeof body === 'symbol') continue;
		const written = recordOf(body, 'order');
		return written.id !== undefined ? written : merged;
	}
}
