import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { runPerItem } from '../../../shared/items';
import { readId } from '../../helpers/params';
import { omniGetById } from '../../transport';

const properties: INodeProperties[] = [
	{ displayName: 'Sales Order ID', name: 'orderId', type: 'string', required: true, default: '' },
];

export const description = updateDisplayOptions({ show: { resource: ['salesOrder'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (i) =>
		await omniGetById.call(this, 'SalesOrders', readId(this, i, 'orderId', 'Sales Order ID')),
	);
}
