import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { compact } from '../../../shared/params';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { coreDateParam } from '../../helpers/params';
import { coreList } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllProperties('products'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only products matching every filter set',
		options: [
			{
				displayName: 'Include Attachments',
				name: 'IncludeAttachments',
				type: 'boolean',
				default: false,
				description: 'Whether to include images and other attachments',
			},
			{
				displayName: 'Include Custom Prices',
				name: 'IncludeCustomPrices',
				type: 'boolean',
				default: false,
				description: 'Whether to include customer-specific prices',
			},
			{
				displayName: 'Include Deprecated',
				name: 'IncludeDeprecated',
				type: 'boolean',
				default: false,
				description: 'Whether to include deprecated products',
			},
			{
				displayName: 'Modified Since',
				name: 'ModifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only products changed at or after this time (UTC)',
			},
			{ displayName: 'Name', name: 'Name', type: 'string', default: '', description: 'Name containing this text' },
			{ displayName: 'SKU', name: 'Sku', type: 'string', default: '', description: 'SKU matching this text' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const filters = compact(this.getNodeParameter('filters', i, {}) as IDataObject, 'shallow');
	if (filters.ModifiedSince) filters.ModifiedSince = coreDateParam(this, i, 'Modified Since', filters.ModifiedSince);
	return await coreList.call(this, '/product', 'Products', filters, readLimit(this, i));
}
