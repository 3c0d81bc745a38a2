import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { requiredText } from '../../../shared/params';
import { readSubscriptionSource, withConsent } from '../../helpers/subscriptionOptions';
import { eq } from '../../helpers/where';
import { omniList, ORDER } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Returns the contacts with this email (none when nothing matches)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['findByEmail'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const email = requiredText(this, i, 'Email', this.getNodeParameter('email', i, ''));
	const consent = readSubscriptionSource(this, i);
	const rows = await omniList.call(this, 'Contacts', { where: eq('email', email), order: ORDER.byId }, 10);
	return rows.map((c) => withConsent(c, consent));
}
