import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { readFolders } from '../../helpers/folders';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['store'], operation: ['getFolders'] } }, properties);

/** The store's folders as `{ id, name }`, one item each (read once per run). */
export async function execute(this: IExecuteFunctions): Promise<ItemResult> {
	return await readFolders(this);
}
