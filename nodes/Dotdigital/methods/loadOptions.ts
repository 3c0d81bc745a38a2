import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ddRequest } from '../transport';
import { collect, v2Pages } from '../transport/paging';

/** Lists (address books) by name, for list pickers. */
export async function getLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lists = await collect(v2Pages<IDataObject>(this, '/v2/address-books'));
	return lists
		.map((l) => ({ name: String(l.name), value: Number(l.id), description: `ID ${String(l.id)}` }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Contact data fields by name, with their type. */
export async function getDataFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await ddRequest<IDataObject[]>(this, 'GET', '/v2/data-fields');
	return (Array.isArray(fields) ? fields : [])
		.map((f) => ({ name: String(f.name), value: String(f.name), description: String(f.type ?? '') }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
