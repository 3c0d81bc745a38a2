import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { requiredText } from '../../../shared/params';
import { oncePerRun } from '../../../shared/runCache';
import { emarsysList, emarsysRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'List Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Cin7 customers',
		description: 'Matched without regard to case or surrounding spaces; created when no list has it',
	},
	{
		displayName: 'Description',
		name: 'listDescription',
		type: 'string',
		default: '',
		description: 'Description of a list this operation creates; an existing list is left as it is',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contactList'], operation: ['getOrCreate'] } }, properties);

const norm = (name: string) => name.trim().toLowerCase();

/**
 * Emarsys has no find-by-name: the lists are read once per run and matched here; a list created
 * during the run joins that snapshot, so items naming the same list never create it twice.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const name = requiredText(this, i, 'List Name', this.getNodeParameter('name', i));
	const known = await oncePerRun(this, 'emarsysLists', async () =>
		new Map((await emarsysList.call(this, '/contactlist')).map((l) => [norm(String(l.name ?? '')), l] as const)),
	);
	const existing = known.get(norm(name));
	if (existing) return { ...existing, created: false };
	const listDescription = String(this.getNodeParameter('listDescription', i, '') ?? '');
	const data = await emarsysRequest.call(this, 'POST', '/contactlist', undefined, {
		key_id: '3',
		name,
		...(listDescription ? { description: listDescription } : {}),
		external_ids: [],
	});
	const list = { id: data.id, name };
	known.set(norm(name), list);
	return { ...list, created: true };
}
