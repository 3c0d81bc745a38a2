import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { USER_ERRORS, userErrorText } from '../../helpers/customer';
import { customerLocator, readCustomerLocator } from '../../helpers/locators';
import { shopifyGraphql } from '../../transport';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['sendInvite'] } }, [customerLocator]);

export const INVITE = `mutation Invite($customerId: ID!) { customerSendAccountInviteEmail(customerId: $customerId) { customer { id } ${USER_ERRORS} } }`;

/** Sends an account invite (classic customer accounts only); the email is Shopify's invite notification. */
export async function sendInvite(ctx: IExecuteFunctions, i: number, id: string): Promise<void> {
	const data = await shopifyGraphql.call(ctx, INVITE, { customerId: id });
	const problem = userErrorText(data.customerSendAccountInviteEmail);
	if (problem) {
		throw new NodeOperationError(ctx.getNode(), `Item ${i}: Shopify did not send the account invite to ${id}: ${problem}`, {
			itemIndex: i,
			description: 'Invites work only with classic (legacy) customer accounts, and only for customers who have not activated their account.',
		});
	}
}

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const id = readCustomerLocator(this, i);
	await sendInvite(this, i, id);
	return { id, invited: true } as IDataObject;
}
