import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { requiredText, same } from '../../../shared/params';
import { oncePerRun } from '../../../shared/runCache';
import { readSlug } from '../../helpers/locators';
import { sparkLayerRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. trade',
		description: 'The group\'s key; on Shopify its members carry the tag b2b-&lt;slug&gt;',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Trade',
		description: 'Shown in the SparkLayer Dashboard. A group with this name (and another slug) counts as the same group.',
	},
	{
		displayName: 'Parent Slug',
		name: 'parentSlug',
		type: 'string',
		default: 'base',
		description: 'The group it inherits settings from; every B2B customer is also in "base"',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customerGroup'], operation: ['getOrCreate'] } }, properties);

const readGroups = (body: unknown) => (Array.isArray(body) ? (body as IDataObject[]) : []);

/**
 * Groups are read once per run and matched by slug, then by name (the seed maps Cin7 tags to
 * group names); a missing one is created. SparkLayer answers a create with the full list, which
 * becomes the run's snapshot, so items naming the same group never create it twice.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const slug = readSlug(this, i, 'Slug', this.getNodeParameter('slug', i));
	const name = requiredText(this, i, 'Name', this.getNodeParameter('name', i));
	if (name.length > 64) throw inputError(this, i, 'Name', 'is longer than 64 characters');
	const parent = String(this.getNodeParameter('parentSlug', i, 'base') ?? '').trim();
	if (parent) readSlug(this, i, 'Parent Slug', parent);
	const snapshot = await oncePerRun(this, 'sparkLayerGroups', async () => ({
		groups: readGroups(await sparkLayerRequest.call(this, 'GET', '/api/v1/customer-groups')),
	}));
	const existing = snapshot.groups.find((g) => g.slug === slug) ?? snapshot.groups.find((g) => same(g.name, name));
	if (existing) return { ...existing, created: false };
	const all = readGroups(
		await sparkLayerRequest.call(this, 'POST', '/api/v1/customer-groups', undefined, { slug, name, ...(parent ? { parent_slug: parent } : {}) }),
	);
	snapshot.groups = all.length ? all : [...snapshot.groups, { slug, name, parent_slug: parent }];
	const created = snapshot.groups.find((g) => g.slug === slug) ?? { slug, name, parent_slug: parent };
	return { ...created, created: true };
}
