import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { priceListLocator, readPriceListSlug } from '../../helpers/locators';
import { seg, sparkLayerRequest } from '../../transport';

export const description = updateDisplayOptions({ show: { resource: ['priceList'], operation: ['get'] } }, [priceListLocator]);

/** GET /api/v1/price-lists/{slug}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const slug = readPriceListSlug(this, i);
	return (await sparkLayerRequest.call(this, 'GET', `/api/v1/price-lists/${seg(slug)}`)) as IDataObject;
}
