import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { compact } from '../../../shared/params';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { coreList } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllProperties('availability rows'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only availability rows matching every filter set',
		options: [
			{ displayName: 'Batch', name: 'Batch', type: 'string', default: '', description: 'Batch or serial number' },
			{ displayName: 'Category', name: 'Category', type: 'string', default: '', description: 'Product category name' },
			{ displayName: 'Location', name: 'Location', type: 'string', default: '', description: 'Location name' },
			{ displayName: 'Name', name: 'Name', type: 'string', default: '', description: 'Product name starting with this text' },
			{ displayName: 'Product ID', name: 'ID', type: 'string', default: '', description: 'ID of the product in Cin7 Core' },
			{ displayName: 'SKU', name: 'Sku', type: 'string', default: '', description: 'Exact SKU' },
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['stock'], operation: ['getAvailability'] } },
	properties,
);

/** Raw rows, one per product × location × bin × batch; all-zero rows are absent (Cin7's rule). */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const filters = compact(this.getNodeParameter('filters', i, {}) as IDataObject, 'shallow');
	return await coreList.call(this, '/ref/productavailability', 'ProductAvailabilityList', filters, readLimit(this, i));
}
