import type { IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { sparkLayerPriceLists } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['priceList'], operation: ['getAll'] } },
	returnAllProperties('price lists'),
);

/** GET /api/v2/price-lists, pages of 250; one output item per price list. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	return await sparkLayerPriceLists.call(this, readLimit(this, i));
}
