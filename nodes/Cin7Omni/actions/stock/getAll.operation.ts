import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { runPerItem } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { readDate, whereFilter } from '../../helpers/params';
import { inList, joinWhere, modifiedSince, splitList } from '../../helpers/where';
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
				displayName: 'Branch Names or IDs',
				name: 'branchIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getBranches' },
				default: [],
				description:
					'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only rows with a stock transaction at or after this time (UTC)',
			},
			{ displayName: 'SKUs', name: 'skus', type: 'string', default: '', description: 'Comma-separated option codes' },
			whereFilter,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['stock'], operation: ['getAll'] } }, properties);

/** Raw stock rows: one per product option × branch. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const since = readDate(this, i, filters.modifiedSince, 'Filters → Modified Since');
		const skus = splitList(filters.skus);
		const branches = splitList(filters.branchIds).map(Number).filter(Number.isFinite);
		const where = joinWhere([
			since ? modifiedSince(since) : undefined,
			skus.length ? inList('code', skus) : undefined,
			branches.length ? inList('branchId', branches) : undefined,
			filters.where as string | undefined,
		]);
		return await omniList.call(this, 'Stock', { where, order: 'modifieddate ASC' }, readLimit(this, i));
	});
}
