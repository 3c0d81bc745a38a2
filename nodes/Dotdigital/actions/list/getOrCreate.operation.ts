import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { requiredText } from '../../../shared/params';
import { oncePerRun } from '../../../shared/runCache';
import { dotdigitalList, dotdigitalRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'List Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Cin7 subscribers',
		description: 'Matched without regard to case or surrounding spaces; created when no list has it',
	},
	{
		displayName: 'Visibility',
		name: 'visibility',
		type: 'options',
		options: [
			{ name: 'Private', value: 'Private' },
			{ name: 'Public', value: 'Public' },
		],
		default: 'Private',
		description: 'Visibility of a list this operation creates; an existing list is left as it is',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['list'], operation: ['getOrCreate'] } },
	properties,
);

const MAX_NAME = 128;
const norm = (name: string) => name.trim().toLowerCase();

/**
 * Dotdigital has no find-by-name, so all lists are read once per run and matched here. Lists
 * created during the run join that snapshot, so items naming the same list never create it twice.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const name = requiredText(this, i, 'List Name', this.getNodeParameter('name', i));
	if (name.length > MAX_NAME) throw inputError(this, i, 'List Name', `is longer than ${MAX_NAME} characters`);
	const known = await oncePerRun(
		this,
		'dotdigitalLists',
		async () =>
			new Map((await dotdigitalList.call(this, '/v2/address-books')).map((l) => [norm(String(l.name ?? '')), l] as const)),
	);
	const existing = known.get(norm(name));
	if (existing) return { ...existing, created: false };
	const visibility = this.getNodeParameter('visibility', i, 'Private') as string;
	const list = await dotdigitalRequest.call(this, 'POST', '/v2/address-books', undefined, { name, visibility });
	known.set(norm(name), list);
	return { ...list, created: true };
}
