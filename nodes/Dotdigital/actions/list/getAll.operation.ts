import type { IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { dotdigitalList } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['list'], operation: ['getAll'] } },
	returnAllProperties(),
);

/** GET /v2/address-books, paged with select/skip; one output item per list. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	return await dotdigitalList.call(this, '/v2/address-books', {}, readLimit(this, i));
}
