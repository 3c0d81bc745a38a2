import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, runPerItem } from '../../../shared/items';
import { readSubscriptionSource, withConsent } from '../../helpers/subscriptionOptions';
import { eq } from '../../helpers/where';
import { omniList } from '../../transport';

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

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (i) => {
		const email = String(this.getNodeParameter('email', i, '') ?? '').trim();
		if (!email) throw inputError(this, i, 'Email', 'is empty');
		const consent = readSubscriptionSource(this, i);
		const rows = await omniList.call(this, 'Contacts', { where: eq('email', email), order: 'id ASC' }, 10);
		return rows.map((c) => withConsent(c, consent));
	});
}
