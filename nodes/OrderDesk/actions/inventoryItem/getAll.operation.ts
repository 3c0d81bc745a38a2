import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { compact } from '../../../shared/params';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { orderDeskList } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllProperties('inventory items'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'SKU', name: 'code', type: 'string', default: '', description: 'Only the item with this code (SKU)' },
			{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Order Desk\'s search over item names and codes' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['inventoryItem'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs = compact({ code: filters.code as string, search: filters.search as string });
	return await orderDeskList.call(this, '/inventory-items', 'inventory_items', qs, readLimit(this, i));
}
