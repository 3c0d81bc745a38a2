import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { filtersProperty, modifiedSinceFilter } from '../../helpers/fields';
import { getManyWhere, textEq } from '../../helpers/where';
import { omniList, ORDER } from '../../transport';
import { productStatusOptions } from './fields';

const properties: INodeProperties[] = [
	...returnAllProperties(),
	filtersProperty([
		modifiedSinceFilter('Only products modified at or after this time (UTC)'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: productStatusOptions,
			default: 'Public',
			description: 'Only products with this status (where status=…)',
		},
		{
			displayName: 'Style Code',
			name: 'styleCode',
			type: 'string',
			default: '',
			description: "Only the product with exactly this style code (where styleCode='…')",
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const where = getManyWhere(this, i, (f) => [textEq('status', f.status), textEq('styleCode', f.styleCode)]);
	return await omniList.call(this, 'Products', { where, order: ORDER.byModified }, readLimit(this, i));
}
