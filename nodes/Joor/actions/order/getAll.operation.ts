import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { readDate } from '../../../shared/params';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { listOrders } from '../../helpers/orders';
import { exportStatusProperty, orderTypeProperty } from './fields';

const properties: INodeProperties[] = [
	orderTypeProperty,
	exportStatusProperty,
	...returnAllProperties('orders'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Customer Code',
				name: 'customerCode',
				type: 'string',
				default: '',
				description: 'Only orders of this JOOR customer code',
			},
			{
				displayName: 'Modified After',
				name: 'modifiedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only orders modified at or after this time (UTC)',
			},
			{
				displayName: 'Modified Before',
				name: 'modifiedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only orders modified at or before this time (UTC)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['getAll'] } }, properties);

/** GET orders with `sync=0`, every page (start_from/count); one output item per order. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const modifiedFrom = readDate(this, i, 'Modified After', filters.modifiedAfter);
	const modifiedTo = readDate(this, i, 'Modified Before', filters.modifiedBefore);
	if (modifiedFrom && modifiedTo && modifiedFrom > modifiedTo) {
		throw inputError(this, i, 'Modified After', 'is later than Modified Before');
	}
	return await listOrders.call(
		this,
		{
			orderType: Number(this.getNodeParameter('orderType', i, 6)),
			exportStatus: Number(this.getNodeParameter('exportStatus', i, 5)),
			modifiedFrom,
			modifiedTo,
			customerCode: String(filters.customerCode ?? '').trim() || undefined,
		},
		readLimit(this, i),
	);
}
