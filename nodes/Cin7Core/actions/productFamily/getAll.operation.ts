import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { compact } from '../../../shared/params';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { coreDateParam } from '../../helpers/params';
import { coreList } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllProperties('product families'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only product families matching every filter set',
		options: [
			{
				displayName: 'Modified Since',
				name: 'ModifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only families changed at or after this time (UTC)',
			},
			{ displayName: 'Name', name: 'Name', type: 'string', default: '', description: 'Family name matching this text' },
			{ displayName: 'SKU', name: 'Sku', type: 'string', default: '', description: 'Family SKU matching this text' },
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productFamily'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const filters = compact(this.getNodeParameter('filters', i, {}) as IDataObject, 'shallow');
	if (filters.ModifiedSince) filters.ModifiedSince = coreDateParam(this, i, 'Modified Since', filters.ModifiedSince);
	return await coreList.call(this, '/productFamily', 'ProductFamilies', filters, readLimit(this, i));
}
