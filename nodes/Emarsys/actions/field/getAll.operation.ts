import type { IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { readFieldRows } from '../../helpers/fields';

export const description = updateDisplayOptions({ show: { resource: ['field'], operation: ['getAll'] } }, returnAllProperties('fields'));

/** `GET /field` serves every field at once (system and custom); the limit is applied here. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const limit = readLimit(this, i);
	const rows = await readFieldRows(this);
	return limit === undefined ? rows : rows.slice(0, limit);
}
