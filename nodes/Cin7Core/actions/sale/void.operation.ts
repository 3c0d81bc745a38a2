import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { locatorValue, requiredText } from '../../../shared/params';
import { saleLocator } from '../../helpers/locators';
import { coreRequest } from '../../transport';

const properties: INodeProperties[] = [saleLocator];

export const description = updateDisplayOptions({ show: { resource: ['sale'], operation: ['void', 'undo'] } }, properties);

/** Cin7 Core has no void/undo routes: DELETE /sale with Void=true voids, Void=false undoes the last authorised stage. */
export async function voidOrUndo(this: IExecuteFunctions, i: number, voidSale: boolean): Promise<ItemResult> {
	const id = requiredText(this, i, 'Sale', locatorValue(this, i, 'saleId'));
	const body = await coreRequest.call(this, 'DELETE', '/sale', { ID: id, Void: voidSale });
	return { ...(body ?? {}), saleId: id, action: voidSale ? 'voided' : 'undone' };
}

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	return await voidOrUndo.call(this, i, true);
}
