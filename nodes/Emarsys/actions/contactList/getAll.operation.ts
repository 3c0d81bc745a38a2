import type { IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { emarsysList } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['contactList'], operation: ['getAll'] } },
	returnAllProperties('contact lists'),
);

/** `GET /contactlist` serves every list at once; the limit is applied here. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	return await emarsysList.call(this, '/contactlist', readLimit(this, i));
}
