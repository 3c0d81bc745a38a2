import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { locatorValue, readId } from '../../../shared/params';
import { productLocator } from '../../helpers/locators';
import { omniGetById } from '../../transport';

const properties: INodeProperties[] = [productLocator];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	return await omniGetById.call(this, 'Products', readId(this, i, 'Product', locatorValue(this, i, 'productId')));
}
