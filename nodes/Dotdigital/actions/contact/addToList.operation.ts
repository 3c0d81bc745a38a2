import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, runPerItem } from '../../../shared/items';
import { listIds, requireEmail } from '../../helpers/validation';
import { ddRequest } from '../../transport';
import { listField } from '../list/fields';

const properties: INodeProperties[] = [
	{ ...listField, description: `The list to add the contact to. ${listField.description}` },
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

/** Reads the one list ID of a list picker, accepting an ID typed or mapped as an expression. */
export function oneListId(ctx: IExecuteFunctions, i: number): number {
	const ids = listIds(ctx, i, 'List Name or ID', ctx.getNodeParameter('listId', i));
	if (ids.length !== 1) throw inputError(ctx, i, 'List Name or ID', 'must name exactly one list');
	return ids[0];
}

/** POST /v2/address-books/{id}/contacts adds (and if needed creates) the contact in the list. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (i) => {
		const listId = oneListId(this, i);
		const email = requireEmail(this, i, 'Email', this.getNodeParameter('email', i));
		const optInType = this.getNodeParameter('optInType', i, 'Unknown') as string;
		const contact = await ddRequest(this, 'POST', `/v2/address-books/${listId}/contacts`, {
			body: { email, optInType, emailType: 'Html' },
		});
		return { ...(contact as IDataObject), listId };
	});
}
