import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { locatorValue, requiredText } from '../../../shared/params';
import { saleLocator } from '../../helpers/locators';
import { getSale } from './find';

const properties: INodeProperties[] = [saleLocator];

export const description = updateDisplayOptions({ show: { resource: ['sale'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	return await getSale(this, requiredText(this, i, 'Sale', locatorValue(this, i, 'saleId')));
}
