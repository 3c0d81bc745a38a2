import type { IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { listCollections } from '../../helpers/v4';

export const description = updateDisplayOptions(
	{ show: { resource: ['linesheet'], operation: ['getAll'] } },
	returnAllProperties('linesheets'),
);

/** The account's linesheets (v4 collections); one output item per linesheet. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	return await listCollections(this, readLimit(this, i));
}
