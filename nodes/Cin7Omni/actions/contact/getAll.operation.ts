import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { filtersProperty, modifiedSinceFilter } from '../../helpers/fields';
import { readSubscriptionSource, withConsent } from '../../helpers/subscriptionOptions';
import { getManyWhere, textEq } from '../../helpers/where';
import { omniList, ORDER } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllProperties(),
	filtersProperty([
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: "Only contacts with exactly this email (where email='…'); empty means any",
		},
		modifiedSinceFilter('Only contacts modified at or after this time (UTC)'),
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Customer', value: 'Customer' },
				{ name: 'Supplier', value: 'Supplier' },
			],
			default: 'Customer',
			description: 'Only customers or only suppliers (where type=…)',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const where = getManyWhere(this, i, (f) => [textEq('type', f.type), textEq('email', f.email)]);
	const consent = readSubscriptionSource(this, i);
	const rows = await omniList.call(this, 'Contacts', { where, order: ORDER.byModified }, readLimit(this, i));
	return rows.map((c) => withConsent(c, consent));
}
