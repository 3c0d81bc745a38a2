import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { compact } from '../../../shared/params';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { coreList } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllProperties('locations'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only locations matching every filter set',
		options: [
			{
				displayName: 'Include Deprecated',
				name: 'Deprecated',
				type: 'boolean',
				default: false,
				description: 'Whether to include deprecated locations',
			},
			{ displayName: 'Name', name: 'Name', type: 'string', default: '', description: 'Location name matching this text' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['location'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const filters = compact(this.getNodeParameter('filters', i, {}) as IDataObject, 'shallow');
	return await coreList.call(this, '/ref/location', 'LocationList', filters, readLimit(this, i));
}
