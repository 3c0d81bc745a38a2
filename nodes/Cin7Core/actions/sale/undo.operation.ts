import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { voidOrUndo } from './void.operation';

// Shares the Sale ID field of void.operation.ts, whose displayOptions cover both operations.
export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	return await voidOrUndo.call(this, i, false);
}
