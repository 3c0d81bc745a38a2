import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as branch from './branch';
import * as contact from './contact';
import * as product from './product';
import * as salesOrder from './salesOrder';
import * as stock from './stock';

type Operation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

const resources: Record<string, Record<string, { execute: Operation } | unknown>> = {
	branch,
	contact,
	product,
	salesOrder,
	stock,
};

/**
 * Every operation handles all input items itself: reads run per item, batch writes send the
 * items together in arrays of 250 and map each record's result back to its item.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const op = resources[resource]?.[operation] as { execute?: Operation } | undefined;
	if (!op?.execute) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}
	return await op.execute.call(this);
}
