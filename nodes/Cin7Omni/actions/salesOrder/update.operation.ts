import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { locatorValue, readId } from '../../../shared/params';
import { omniBatchJob } from '../../helpers/batchJob';
import { requireChanges } from '../../helpers/changes';
import { buildOrder, orderFieldOptions, orderIdProperty, referenceUpdateProperty } from './fields';

const properties: INodeProperties[] = [
	orderIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields set here are sent; empty values are left out so they are not cleared',
		options: [
			...orderFieldOptions,
			referenceUpdateProperty,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['salesOrder'], operation: ['update'] } },
	properties,
);

export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	return await batchWrite(this, {
		...omniBatchJob(this, { method: 'PUT', resource: 'SalesOrders' }),
		build: (i) => {
			const id = readId(this, i, 'Sales Order', locatorValue(this, i, 'orderId'));
			const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
			return { record: requireChanges(this, i, { id, ...buildOrder(this, i, fields, 'Update Fields') }) };
		},
	});
}
