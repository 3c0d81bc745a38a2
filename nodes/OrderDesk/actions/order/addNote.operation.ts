import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { locatorValue, readId, requiredText } from '../../../shared/params';
import { orderLocator } from '../../helpers/locators';
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

/** One history note per item (`POST /orders/{id}/order-history`). */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const id = readId(this, i, 'Order', locatorValue(this, i, 'orderId'));
	const note = requiredText(this, i, 'Note', this.getNodeParameter('note', i));
	const body = await orderDeskRequest.call(this, 'POST', `/orders/${seg(id)}/order-history`, undefined, { note });
	return { orderId: String(id), note, status: body.status ?? 'success' };
}
