import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/items';
import { locatorValue, requiredText } from '../../shared/params';
import { recordLocator, type KeyFormat } from '../../shared/resourceLocator';

/** SparkLayer slugs: lower-case letters, digits, `-` and `_`, at most 30 characters. */
export const SLUG_FORMAT: KeyFormat = { regex: '[a-z0-9_-]{1,30}', placeholder: 'e.g. trade-gbp' };
const SLUG = new RegExp(`^${SLUG_FORMAT.regex}$`);

/** SparkLayer's record field (nodes/shared/resourceLocator.ts): a price list, searched or typed by slug. */
export const priceListLocator = recordLocator({
	displayName: 'Price List',
	name: 'priceListSlug',
	description: 'The price list: search by name, or give its slug',
	searchListMethod: 'searchPriceLists',
	typed: [
		{
			displayName: 'By Slug',
			name: 'id',
			format: SLUG_FORMAT,
			errorMessage: 'Not a SparkLayer slug (lower-case letters, digits, - and _, at most 30 characters)',
		},
	],
});

/** A slug typed or mapped: required, and in SparkLayer's format so the vendor never sees a bad one. */
export function readSlug(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const slug = requiredText(ctx, itemIndex, field, value);
	if (!SLUG.test(slug)) {
		throw inputError(ctx, itemIndex, field, `is not a SparkLayer slug ("${slug}": lower-case letters, digits, - and _, at most 30 characters)`);
	}
	return slug;
}

/** The Price List field of an item, whichever mode it was set in. */
export function readPriceListSlug(ctx: IExecuteFunctions, itemIndex: number): string {
	return readSlug(ctx, itemIndex, 'Price List', locatorValue(ctx, itemIndex, 'priceListSlug'));
}
