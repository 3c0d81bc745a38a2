import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as contact from './contact';
import * as dataField from './dataField';
import * as insightData from './insightData';
import * as list from './list';
import * as suppression from './suppression';

type Operation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

const resources: Record<string, Record<string, { execute: Operation }>> = {
	contact: {
		addToList: contact.addToList,
		bulkImport: contact.bulkImport,
		get: contact.get,
		removeFromList: contact.removeFromList,
		upsert: contact.upsert,
	},
	dataField: { ensure: dataField.ensure, getAll: dataField.getAll },
	insightData: { import: insightData.import },
	list: { getAll: list.getAll, getOrCreate: list.getOrCreate },
	suppression: { getAll: suppression.getAll },
};

/**
 * Resource and operation cannot vary per item (noDataExpression), so they are read once. Each
 * operation owns its item loop: per-item operations pair one input with its outputs, batch
 * operations (bulk import, insight import) send all items together and map results back.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const op = resources[resource]?.[operation];
	if (!op) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return await op.execute.call(this);
}
