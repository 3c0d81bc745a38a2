import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { splitList } from '../../../shared/params';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { filtersProperty, modifiedSinceFilter } from '../../helpers/fields';
import { getManyWhere, inList } from '../../helpers/where';
import { omniList, ORDER } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllProperties(),
	filtersProperty([
		{
			displayName: 'Branch Names or IDs',
			name: 'branchIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getBranches' },
			default: [],
			description:
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		modifiedSinceFilter('Only rows with a stock transaction at or after this time (UTC)'),
		{ displayName: 'SKUs', name: 'skus', type: 'string', default: '', description: 'Comma-separated option codes' },
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['stock'], operation: ['getAll'] } }, properties);

/** Raw stock rows: one per product option × branch. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const where = getManyWhere(this, i, (f) => [
		inList('code', splitList(f.skus)),
		inList('branchId', splitList(f.branchIds).map(Number).filter(Number.isFinite)),
	]);
	return await omniList.call(this, 'Stock', { where, order: ORDER.stockByModified }, readLimit(this, i));
}
