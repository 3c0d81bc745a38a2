import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { runPerItem } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { readDate, whereFilter } from '../../helpers/params';
import { eq, inList, joinWhere, modifiedSince, splitList } from '../../helpers/where';
import { omniList } from '../../transport';
import { stageOptions } from './fields';

const properties: INodeProperties[] = [
	...returnAllProperties(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Branch ID', name: 'branchId', type: 'string', default: '' },
			{
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only orders modified at or after this time (UTC)',
			},
			{ displayName: 'Reference', name: 'reference', type: 'string', default: '' },
			{ displayName: 'Stages', name: 'stages', type: 'multiOptions', options: stageOptions, default: [] },
			whereFilter,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['salesOrder'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const since = readDate(this, i, filters.modifiedSince, 'Filters → Modified Since');
		const stages = splitList(filters.stages);
		const branch = String(filters.branchId ?? '').trim();
		const where = joinWhere([
			since ? modifiedSince(since) : undefined,
			stages.length ? inList('stage', stages) : undefined,
			filters.reference ? eq('reference', String(filters.reference).trim()) : undefined,
			branch ? eq('branchId', Number(branch)) : undefined,
			filters.where as string | undefined,
		]);
		return await omniList.call(this, 'SalesOrders', { where, order: 'modifieddate ASC' }, readLimit(this, i));
	});
}
