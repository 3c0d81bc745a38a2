import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { compact, requiredText } from '../../../shared/params';
import { oncePerRun } from '../../../shared/runCache';
import { createCollection, listCollections } from '../../helpers/v4';

const properties: INodeProperties[] = [
	{
		displayName: 'Linesheet Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Collection_SS27',
		description: 'Matched without regard to case or surrounding spaces; created when no linesheet has it',
	},
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		description: 'Your own key for a linesheet this operation creates (e.g. the Cin7 tag); empty: the name',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['linesheet'], operation: ['getOrCreate'] } },
	properties,
);

const norm = (s: unknown) => String(s ?? '').trim().toLowerCase();

/**
 * The account's linesheets are read once per run and matched by name (or external ID); one
 * created during the run joins that snapshot, so items naming the same linesheet create it once.
 * A linesheet without delivery dates is created as an immediate delivery.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const name = requiredText(this, i, 'Linesheet Name', this.getNodeParameter('name', i, ''));
	if (name.length > 100) throw inputError(this, i, 'Linesheet Name', 'is longer than 100 characters');
	const externalId = String(this.getNodeParameter('externalId', i, '') ?? '').trim() || name;
	const known = await oncePerRun(this, 'joorCollections', async () => await listCollections(this));
	const existing = known.find((c) => norm(c.name) === norm(name) || (c.external_id && norm(c.external_id) === norm(externalId)));
	if (existing) return { ...existing, created: false };
	const created = await createCollection(this, compact({ name, external_id: externalId }));
	known.push(created);
	return { ...created, created: true };
}
