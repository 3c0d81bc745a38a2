import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { readBranches } from '../helpers/branches';

/** Branch choices: value = branch ID, name = company name (what Omni shows as the branch). */
export async function getBranches(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await readBranches(this))
		.filter((b) => b.active)
		.map((b) => ({ name: b.name, value: String(b.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
