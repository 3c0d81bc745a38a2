import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/items';
import { locatorValue, requiredText } from '../../shared/params';
import { recordLocator } from '../../shared/resourceLocator';
import { customerGid } from './customer';

const CUSTOMER_ID = '(gid://shopify/Customer/)?[1-9][0-9]*';

/** Shopify's record field (nodes/shared/resourceLocator.ts): a customer, searched or typed by ID. */
export const customerLocator = recordLocator({
	displayName: 'Customer',
	name: 'customerId',
	description: 'The customer: search by email or name, or give its ID (gid://shopify/Customer/… or the number)',
	searchListMethod: 'searchCustomers',
	typed: [
		{
			displayName: 'By ID',
			name: 'id',
			format: { regex: CUSTOMER_ID, placeholder: 'e.g. gid://shopify/Customer/7394928836' },
			errorMessage: 'Not a Shopify customer ID (gid://shopify/Customer/123 or 123)',
		},
	],
});

/** A customer id typed, mapped or picked, as Shopify's gid. */
export function readCustomerId(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const text = requiredText(ctx, itemIndex, field, value);
	if (!new RegExp(`^${CUSTOMER_ID}$`).test(text)) {
		throw inputError(ctx, itemIndex, field, `is not a Shopify customer ID ("${text}": gid://shopify/Customer/123 or 123)`);
	}
	return customerGid(text);
}

export function readCustomerLocator(ctx: IExecuteFunctions, itemIndex: number): string {
	return readCustomerId(ctx, itemIndex, 'Customer', locatorValue(ctx, itemIndex, 'customerId'));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email address that must be one. */
export function readEmail(ctx: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const email = requiredText(ctx, itemIndex, 'Email', value).toLowerCase();
	if (!EMAIL.test(email)) throw inputError(ctx, itemIndex, 'Email', `is not a valid email address ("${email}")`);
	return email;
}
