import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { runPerItem } from '../../../shared/items';
import { asNodeError } from '../../helpers/errors';
import { requireEmail } from '../../helpers/validation';
import { ddRequest, isNotFound, seg } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'Email address of the contact to read',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['get'] } },
	properties,
);

/**
 * GET /contacts/v3/email/{email}. A missing contact is an answer, not a failure: the item comes out
 * as `{email, found: false}` so a workflow can branch on it.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (i) => {
		const email = requireEmail(this, i, 'Email', this.getNodeParameter('email', i));
		try {
			const contact = await ddRequest(this, 'GET', `/contacts/v3/email/${seg(email)}`);
			return { ...contact, found: true };
		} catch (error) {
			if (isNotFound(error)) return { email, found: false };
			throw asNodeError(this, error);
		}
	});
}
