import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { locatorValue, requiredText } from '../../../shared/params';
import { orderLocator } from '../../helpers/locators';
import { EXPORT_STATUSES, listOrders, ORDER_TYPES } from '../../helpers/orders';

const properties: INodeProperties[] = [
	orderLocator,
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['get'] } }, properties);

/** One order by ID, any status and export state, read with `sync=0` (never marks it exported). */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const id = requiredText(this, i, 'Order ID', locatorValue(this, i, 'orderId'));
	const rows = await listOrders.call(
		this,
		{ orderType: ORDER_TYPES.all, exportStatus: EXPORT_STATUSES.all, orderIds: [id] },
		1,
	);
	const order = rows.find((o) => String(o.id) === id) ?? rows[0];
	if (!order) {
		throw new NodeOperationError(this.getNode(), `Item ${i}: JOOR has no order "${id}"`, {
			itemIndex: i,
			description: 'Check the Order ID (the PO number shown in JOOR).',
		});
	}
	return order;
}
