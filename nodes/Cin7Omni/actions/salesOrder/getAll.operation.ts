import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { splitList } from '../../../shared/params';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { filtersProperty, modifiedSinceFilter } from '../../helpers/fields';
import { eq, getManyWhere, inList, textEq } from '../../helpers/where';
import { omniList, ORDER } from '../../transport';
import { stageOptions } from './fields';

const properties: INodeProperties[] = [
	...returnAllProperties(),
	filtersProperty([
		{
			displayName: 'Branch ID',
			name: 'branchId',
			type: 'string',
			default: '',
			description: 'Only orders of this Cin7 Omni branch ID, a whole number (where branchId=…)',
		},
		modifiedSinceFilter('Only orders modified at or after this time (UTC)'),
		{
			displayName: 'Reference',
			name: 'reference',
			type: 'string',
			default: '',
			description: "Only the order with exactly this reference (where reference='…')",
		},
		{
			displayName: 'Stages',
			name: 'stages',
			type: 'multiOptions',
			options: stageOptions,
			default: [],
			description: 'Only orders now in one of these stages (where stage IN (…)); none selected means every stage',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['salesOrder'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const where = getManyWhere(this, i, (f) => {
		const branch = String(f.branchId ?? '').trim();
		return [
			inList('stage', splitList(f.stages)),
			textEq('reference', f.reference),
			branch ? eq('branchId', Number(branch)) : undefined,
		];
	});
	return await omniList.call(this, 'SalesOrders', { where, order: ORDER.byModified }, readLimit(this, i));
}
