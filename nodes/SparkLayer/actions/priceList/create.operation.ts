import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { sparkLayerRequest } from '../../transport';
import { buildPriceList, priceListFields } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['priceList'], operation: ['create'] } }, priceListFields);

/** POST /api/v1/price-lists; a slug already in use is SparkLayer's 400 `resource-already-exists`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	return (await sparkLayerRequest.call(this, 'POST', '/api/v1/price-lists', undefined, buildPriceList(this, i))) as IDataObject;
}
