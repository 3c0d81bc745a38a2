import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite } from '../../../shared/batchWrite';
import { clock } from '../../../shared/clock';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { locatorValue, readId } from '../../../shared/params';
import { omniBatchJob } from '../../helpers/batchJob';
import { buildOrder, orderIdProperty } from './fields';

const properties: INodeProperties[] = [
	orderIdProperty,
	{
		displayName: 'Tracking Code',
		name: 'trackingCode',
		type: 'string',
		default: '',
		description: 'Carrier tracking number; left unchanged when empty',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Dispatched Date',
				name: 'dispatchedDate',
				type: 'dateTime',
				default: '',
				description: 'When the order shipped (UTC); defaults to now',
			},
			{
				displayName: 'Logistics Carrier',
				name: 'logisticsCarrier',
				type: 'string',
				default: '',
				description: 'Carrier name, e.g. NZ Post (sent as logisticsCarrier; left empty, it is not sent)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['salesOrder'], operation: ['dispatch'] } },
	properties,
);

/** Omni has no dispatch route: a PUT of stage Dispatched with a dispatched date does it. */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	return await batchWrite(this, {
		...omniBatchJob(this, { method: 'PUT', resource: 'SalesOrders' }),
		build: (i) => {
			const id = readId(this, i, 'Sales Order', locatorValue(this, i, 'orderId'));
			const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
			const fields: IDataObject = {
				stage: 'Dispatched',
				dispatchedDate: extra.dispatchedDate || new Date(clock.now()).toISOString(),
				trackingCode: this.getNodeParameter('trackingCode', i, '') as string,
				logisticsCarrier: extra.logisticsCarrier,
			};
			return { record: { id, ...buildOrder(this, i, fields, 'Dispatch') } };
		},
	});
}
