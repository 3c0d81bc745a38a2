import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { readKey, readString } from '../helpers/keys';
import { omniList } from '../transport';

/** Branch choices: value = branch ID, name = company name (what Omni shows as the branch). */
export async function getBranches(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await omniList.call(this, 'Branches', { order: 'id ASC', fields: 'id,company,isActive' });
	return rows
		.filter((b) => readKey(b, 'isActive') !== false)
		.map((b) => {
			const id = String(readKey(b, 'id'));
			return { name: readString(b, 'company') || `Branch ${id}`, value: id };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
