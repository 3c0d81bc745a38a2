import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { readFolders } from '../helpers/folders';

/** The store's folders for drop-downs: the name shown, the folder ID saved. */
export async function getFolders(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const folders = await readFolders(this);
	return folders.map((f) => ({ name: f.name || `Folder ${f.id}`, value: f.id, description: `ID ${f.id}` }));
}
