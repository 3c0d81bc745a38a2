import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { sparkLayerRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['customerGroup'], operation: ['getAll'] } },
	returnAllProperties('customer groups'),
);

/** GET /api/v1/customer-groups answers every group at once (no paging). */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const body = await sparkLayerRequest.call(this, 'GET', '/api/v1/customer-groups');
	const groups = Array.isArray(body) ? (body as IDataObject[]) : [];
	const limit = readLimit(this, i);
	return limit === undefined ? groups : groups.slice(0, limit);
}
