import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { runPerItem } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { readDate, whereFilter } from '../../helpers/params';
import { eq, joinWhere, modifiedSince } from '../../helpers/where';
import { omniList } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllProperties(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only products modified at or after this time (UTC)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Inactive', value: 'Inactive' },
					{ name: 'Internal', value: 'Internal' },
					{ name: 'Public', value: 'Public' },
					{ name: 'Show in B2B', value: 'ShowInB2B' },
				],
				default: 'Public',
			},
			{ displayName: 'Style Code', name: 'styleCode', type: 'string', default: '' },
			whereFilter,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const since = readDate(this, i, filters.modifiedSince, 'Filters → Modified Since');
		const where = joinWhere([
			since ? modifiedSince(since) : undefined,
			filters.status ? eq('status', filters.status as string) : undefined,
			filters.styleCode ? eq('styleCode', String(filters.styleCode).trim()) : undefined,
			filters.where as string | undefined,
		]);
		return await omniList.call(this, 'Products', { where, order: 'modifieddate ASC' }, readLimit(this, i));
	});
}
