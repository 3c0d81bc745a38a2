import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { runPerItem } from '../../../shared/items';
import { readId } from '../../helpers/params';
import { readSubscriptionSource, withConsent } from '../../helpers/subscriptionOptions';
import { omniGetById } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		description: 'The Cin7 Omni contact ID',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (i) => {
		const id = readId(this, i, 'contactId', 'Contact ID');
		return withConsent(await omniGetById.call(this, 'Contacts', id), readSubscriptionSource(this, i));
	});
}
