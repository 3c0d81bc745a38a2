import type { IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { getDataFieldList } from '../../helpers/dataFields';

export const description = updateDisplayOptions(
	{ show: { resource: ['dataField'], operation: ['getAll'] } },
	returnAllProperties(),
);

/** GET /v2/data-fields answers with every field at once; the limit is applied here. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const limit = readLimit(this, i);
	const rows = await getDataFieldList.call(this);
	return limit === undefined ? rows : rows.slice(0, limit);
}
