import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getDataFieldList } from '../helpers/dataFields';
import { dotdigitalList } from '../transport';

/** Lists (address books) by name, for list pickers. */
export async function getLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lists = await dotdigitalList.call(this, '/v2/address-books');
	return lists
		.map((l) => ({ name: String(l.name), value: Number(l.id), description: `ID ${String(l.id)}` }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Contact data fields by name, with their type, for the Data Fields rows of a contact. */
export async function getDataFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await getDataFieldList.call(this);
	return fields
		.map((f) => ({ name: String(f.name), value: String(f.name), description: String(f.type ?? '') }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
