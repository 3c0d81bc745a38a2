import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { readId } from '../../../shared/params';
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

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const id = readId(this, i, 'Contact ID', this.getNodeParameter('contactId', i, ''));
	return withConsent(await omniGetById.call(this, 'Contacts', id), readSubscriptionSource(this, i));
}
