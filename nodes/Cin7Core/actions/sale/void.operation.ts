import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { coreRequest } from '../../transport';
import { requiredText } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'Sale ID', name: 'saleId', type: 'string', required: true, default: '' },
];

export const description = updateDisplayOptions({ show: { resource: ['sale'], operation: ['void', 'undo'] } }, properties);

/** Cin7 Core has no void/undo routes: DELETE /sale with Void=true voids, Void=false undoes the last authorised stage. */
export async function execute(this: IExecuteFunctions, i: number, voidSale = true): Promise<ItemResult> {
	const id = requiredText(this, i, 'saleId', 'Sale ID');
	const body = await coreRequest.call(this, 'DELETE', '/sale', { ID: id, Void: voidSale });
	return { ...(body ?? {}), saleId: id, action: voidSale ? 'voided' : 'undone' };
}
