import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { compact, readDate } from '../../../shared/params';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { folderProperty } from '../../helpers/fields';
import { resolveFolder } from '../../helpers/folders';
import { storeTimeZone } from '../../helpers/store';
import { orderDeskList } from '../../transport';
import { formatOrderDeskDate } from '../../transport/dates';

const properties: INodeProperties[] = [
	...returnAllProperties('orders'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Only orders of this customer email',
			},
			folderProperty('folder', 'Folder Name or ID', 'Only orders in this folder', false),
			{
				displayName: 'Modified After',
				name: 'modifiedStartDate',
				type: 'dateTime',
				default: '',
				description: 'Only orders changed at or after this time (sent as modified_start_date in the store time zone)',
			},
			{
				displayName: 'Modified Before',
				name: 'modifiedEndDate',
				type: 'dateTime',
				default: '',
				description: 'Only orders changed at or before this time (sent as modified_end_date)',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Order Desk\'s own search over order fields',
			},
			{
				displayName: 'Source ID',
				name: 'sourceId',
				type: 'string',
				default: '',
				description: 'Only the order with this external order number (source_id)',
			},
			{
				displayName: 'Source Name',
				name: 'sourceName',
				type: 'string',
				default: '',
				description: 'Only orders from this source, e.g. Shopify',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['getAll'] } }, properties);

/** The query of a Get Many: folder by ID (a name is looked up), dates in the store's zone. */
export async function orderQuery(ctx: IExecuteFunctions, i: number, filters: IDataObject): Promise<IDataObject> {
	const zone = await storeTimeZone(ctx);
	const from = readDate(ctx, i, 'Modified After', filters.modifiedStartDate);
	const to = readDate(ctx, i, 'Modified Before', filters.modifiedEndDate);
	const folder = String(filters.folder ?? '').trim() ? await resolveFolder(ctx, i, 'Folder', filters.folder) : undefined;
	return compact({
		folder_id: folder?.id,
		modified_start_date: from ? formatOrderDeskDate(from, zone) : undefined,
		modified_end_date: to ? formatOrderDeskDate(to, zone) : undefined,
		source_id: filters.sourceId as string,
		source_name: filters.sourceName as string,
		email: filters.email as string,
		search: filters.search as string,
	});
}

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs = await orderQuery(this, i, filters);
	// Ordered by ID, which never changes, so offset pages do not shift while they are read.
	return await orderDeskList.call(this, '/orders', 'orders', { ...qs, order_by: 'id', order: 'asc' }, readLimit(this, i));
}
