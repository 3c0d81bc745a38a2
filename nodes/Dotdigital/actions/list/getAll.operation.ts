import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { runPerItem } from '../../../shared/items';
import { collect, v2Pages } from '../../transport/paging';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';

export const description = updateDisplayOptions(
	{ show: { resource: ['list'], operation: ['getAll'] } },
	returnAllProperties(),
);

/** GET /v2/address-books, paged with select/skip; one output item per list. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (i) => {
		const limit = readLimit(this, i);
		return await collect(v2Pages<IDataObject>(this, '/v2/address-books', {}, limit ?? undefined), limit);
	});
}
