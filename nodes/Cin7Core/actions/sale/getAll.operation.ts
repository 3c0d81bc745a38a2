import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { compact } from '../../../shared/params';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { coreDateParam } from '../../helpers/params';
import { coreList } from '../../transport';
import { ORDER_STATUSES, SALE_STATUSES, SHIPPING_STATUSES } from './statusOptions';

const properties: INodeProperties[] = [
	...returnAllProperties('sales'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only sales matching every filter set',
		options: [
			{ displayName: 'Created Since', name: 'CreatedSince', type: 'dateTime', default: '', description: 'UTC' },
			{ displayName: 'External ID', name: 'ExternalID', type: 'string', default: '', description: 'The order ID in your system' },
			{
				displayName: 'Order Status',
				name: 'OrderStatus',
				type: 'options',
				options: ORDER_STATUSES,
				default: 'AUTHORISED',
				description: 'Status of the order document',
			},
			{
				displayName: 'Search',
				name: 'Search',
				type: 'string',
				default: '',
				description: 'Matches order number, status, customer, invoice number, customer reference or credit note number',
			},
			{
				displayName: 'Shipping Status',
				name: 'CombinedShippingStatus',
				type: 'options',
				options: SHIPPING_STATUSES,
				default: 'SHIPPED',
				description: 'Shipping status over all fulfilments of the sale',
			},
			{
				displayName: 'Status',
				name: 'Status',
				type: 'options',
				options: SALE_STATUSES,
				default: 'ORDERED',
				description: 'Overall status of the sale',
			},
			{ displayName: 'Updated Since', name: 'UpdatedSince', type: 'dateTime', default: '', description: 'UTC' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['sale'], operation: ['getAll'] } }, properties);

/** saleList rows (headers without lines). */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const filters = compact(this.getNodeParameter('filters', i, {}) as IDataObject, 'shallow');
	if (filters.UpdatedSince) filters.UpdatedSince = coreDateParam(this, i, 'Updated Since', filters.UpdatedSince);
	if (filters.CreatedSince) filters.CreatedSince = coreDateParam(this, i, 'Created Since', filters.CreatedSince);
	return await coreList.call(this, '/saleList', 'SaleList', filters, readLimit(this, i));
}
