import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { requireEmail } from '../../helpers/email';
import { oneListId } from '../../helpers/lists';
import { listLocator } from '../../helpers/locators';
import { dotdigitalRequest } from '../../transport';

const properties: INodeProperties[] = [
	{ ...listLocator, description: 'The list to add the contact to: search by name, or give its ID' },
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'The contact is created when no contact has this email yet',
	},
	{
		displayName: 'Opt-In Type',
		name: 'optInType',
		type: 'options',
		options: [
			{ name: 'Double', value: 'Double' },
			{ name: 'Single', value: 'Single' },
			{ name: 'Unknown', value: 'Unknown' },
			{ name: 'Verified Double', value: 'VerifiedDouble' },
		],
		default: 'Unknown',
		description: 'How the contact gave consent, recorded when the contact is created',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['addToList'] } },
	properties,
);

/** POST /v2/address-books/{id}/contacts adds (and if needed creates) the contact in the list. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const listId = oneListId(this, i);
	const email = requireEmail(this, i, 'Email', this.getNodeParameter('email', i));
	const optInType = this.getNodeParameter('optInType', i, 'Unknown') as string;
	const contact = await dotdigitalRequest.call(this, 'POST', `/v2/address-books/${listId}/contacts`, undefined, {
		email,
		optInType,
		emailType: 'Html',
	});
	return { ...contact, listId };
}
