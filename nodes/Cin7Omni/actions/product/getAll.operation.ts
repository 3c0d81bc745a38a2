import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { filtersProperty, modifiedSinceFilter } from '../../helpers/fields';
import { getManyWhere, textEq } from '../../helpers/where';
import { omniList } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllProperties(),
	filtersProperty([
		modifiedSinceFilter('Only products modified at or after this time (UTC)'),
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
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const where = getManyWhere(this, i, (f) => [textEq('status', f.status), textEq('styleCode', f.styleCode)]);
	return await omniList.call(this, 'Products', { where, order: 'modifieddate ASC' }, readLimit(this, i));
}
