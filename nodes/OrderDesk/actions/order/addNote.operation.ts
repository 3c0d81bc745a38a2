import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { clock } from '../../../shared/clock';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { locatorValue, readId, requiredText } from '../../../shared/params';
import { orderLane, orderLocator, ORDERS_IN_FLIGHT } from '../../helpers/locators';
import { mayHaveApplied, noteLanded } from '../../helpers/recover';
import { orderDeskRequest, seg } from '../../transport';

const properties: INodeProperties[] = [
	orderLocator,
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		description: 'The text added to the order history, e.g. the Cin7 reference or why the order was not submitted',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['addNote'] } }, properties);

/**
 * One history note per item (`POST /orders/{id}/order-history`). Order Desk keeps every note it is
 * sent, so after a failure that may hide a written note the order is read, and the note sent again
 * only when it is not there (helpers/recover.ts).
 */
/** A few items in flight, one at a time per order (helpers/locators.ts). */
export const inFlight = ORDERS_IN_FLIGHT;
export function lane(this: IExecuteFunctions, i: number): string {
	return orderLane(this, i);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const id = String(readId(this, i, 'Order', locatorValue(this, i, 'orderId')));
	const note = requiredText(this, i, 'Note', this.getNodeParameter('note', i));
	const post = async () => await orderDeskRequest.call(this, 'POST', `/orders/${seg(id)}/order-history`, undefined, { note });
	const sentAt = clock.now();
	const body = await post().catch(async (error: unknown) => {
		if (!mayHaveApplied(error)) throw error;
		return (await noteLanded(this, id, note, sentAt)) ? { status: 'success' } : await post();
	});
	return { orderId: id, note, status: body.status ?? 'success' };
}
