import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runPerItem, type ItemResult } from '../../shared/items';
import * as customer from './customer';
import * as location from './location';
import * as priceTier from './priceTier';
import * as product from './product';
import * as productFamily from './productFamily';
import * as sale from './sale';
import * as stock from './stock';

type Operation = { execute: (this: IExecuteFunctions, i: number) => Promise<ItemResult> };

const resources = { customer, location, priceTier, product, productFamily, sale, stock } as unknown as Record<
	string,
	Record<string, Operation | undefined>
>;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const op = resources[resource]?.[operation];
	if (!op || typeof op.execute !== 'function') {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return await runPerItem.call(this, async (i) => await op.execute.call(this, i));
}
