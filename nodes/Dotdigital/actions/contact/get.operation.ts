import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { httpStatusOf } from '../../../shared/http';
import { withItemIndex, type ItemResult } from '../../../shared/items';
import { requireEmail } from '../../helpers/email';
import { dotdigitalRequest, seg } from '../../transport';

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
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const email = requireEmail(this, i, 'Email', this.getNodeParameter('email', i));
	try {
		const contact = await dotdigitalRequest.call(this, 'GET', `/contacts/v3/email/${seg(email)}`);
		return { ...contact, found: true };
	} catch (error) {
		if (httpStatusOf(error) === 404) return { email, found: false };
		throw withItemIndex(this, error, i);
	}
}
