import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { clock } from '../../../shared/clock';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { readId } from '../../helpers/params';
import { batchWrite } from '../../helpers/batchWrite';
import { buildOrder } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Sales Order ID', name: 'orderId', type: 'string', required: true, default: '' },
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
			{ displayName: 'Logistics Carrier', name: 'logisticsCarrier', type: 'string', default: '' },
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['salesOrder'], operation: ['dispatch'] } },
	properties,
);

/** Omni has no dispatch route: a PUT of stage Dispatched with a dispatched date does it. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await batchWrite(this, 'PUT', 'SalesOrders', (i) => {
		const id = readId(this, i, 'orderId', 'Sales Order ID');
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const fields: IDataObject = {
			stage: 'Dispatched',
			dispatchedDate: extra.dispatchedDate || new Date(clock.now()).toISOString(),
			trackingCode: this.getNodeParameter('trackingCode', i, '') as string,
			logisticsCarrier: extra.logisticsCarrier,
		};
		return { id, ...buildOrder(this, i, fields, 'Dispatch') };
	});
}
