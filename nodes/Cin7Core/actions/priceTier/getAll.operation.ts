import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { coreRequest } from '../../transport';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';

export const description = updateDisplayOptions(
	{ show: { resource: ['priceTier'], operation: ['getAll'] } },
	returnAllProperties('price tiers'),
);

/** `ref/priceTier` is not paged: `{PriceTiers: [{Code, Name}]}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const body = await coreRequest.call(this, 'GET', '/ref/priceTier');
	const tiers = (body.PriceTiers as IDataObject[] | undefined) ?? [];
	const limit = readLimit(this, i);
	return limit === undefined ? tiers : tiers.slice(0, limit);
}
