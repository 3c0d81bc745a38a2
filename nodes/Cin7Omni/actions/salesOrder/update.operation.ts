import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import { batchWrite } from '../../helpers/batchWrite';
import { hasChanges } from '../../helpers/compact';
import { readId } from '../../helpers/params';
import { buildOrder, orderFieldOptions } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Sales Order ID', name: 'orderId', type: 'string', required: true, default: '' },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields set here are sent; empty values are left out so they are not cleared',
		options: [
			...orderFieldOptions,
			{ displayName: 'Reference', name: 'reference', type: 'string', default: '' } as INodeProperties,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['salesOrder'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await batchWrite(this, 'PUT', 'SalesOrders', (i) => {
		const id = readId(this, i, 'orderId', 'Sales Order ID');
		const record = { id, ...buildOrder(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject, 'Update Fields') };
		if (!hasChanges(record)) throw inputError(this, i, 'Update Fields', 'has nothing to update');
		return record;
	});
}
