import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { runPerItem } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { ddRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['dataField'], operation: ['getAll'] } },
	returnAllProperties(),
);

/** GET /v2/data-fields answers with every field at once; the limit is applied here. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (i) => {
		const limit = readLimit(this, i);
		const fields = await ddRequest<IDataObject[]>(this, 'GET', '/v2/data-fields');
		const rows = Array.isArray(fields) ? fields : [];
		return limit === undefined ? rows : rows.slice(0, limit);
	});
}
