import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { readDate } from '../../../shared/params';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { joorDate } from '../../helpers/orders';
import { joorList } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllProperties('styles'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Modified After',
				name: 'modifiedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only styles modified at or after this time (UTC)',
			},
			{
				displayName: 'Modified Before',
				name: 'modifiedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only styles modified at or before this time (UTC)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['style'], operation: ['getAll'] } }, properties);

/** `GET /v2/style`, every page (`start_from` / `count`), with JOOR's modified range (both ends or neither). */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const from = readDate(this, i, 'Modified After', filters.modifiedAfter);
	const to = readDate(this, i, 'Modified Before', filters.modifiedBefore);
	if (from && to && from > to) throw inputError(this, i, 'Modified After', 'is later than Modified Before');
	const qs: IDataObject = {};
	if (from || to) {
		qs.date_start = joorDate(from ?? new Date(Date.UTC(2000, 0, 1)));
		qs.date_end = joorDate(to ?? new Date(Date.UTC(2100, 0, 1)));
	}
	return await joorList.call(this, '/v2/style', qs, readLimit(this, i));
}
