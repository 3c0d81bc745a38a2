import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/items';
import { compact, requiredText } from '../../../shared/params';
import { readSlug } from '../../helpers/locators';

/** The fields of a price list SparkLayer stores, shared by Create and Get or Create. */
export const priceListFields: INodeProperties[] = [
	{
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. cin7-tier-2',
		description: 'The price list\'s key in SparkLayer: lower-case letters, digits, - and _, at most 30 characters',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Wholesale',
		description: 'Shown in the SparkLayer Dashboard, at most 64 characters',
	},
	{
		displayName: 'Currency Code',
		name: 'currencyCode',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. AUD',
		description: 'ISO 4217 code of the prices on this list',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Adjustment Direction',
				name: 'adjustmentDirection',
				type: 'options',
				options: [
					{ name: 'Minus', value: 'minus' },
					{ name: 'Plus', value: 'plus' },
				],
				default: 'minus',
				description: 'Whether the rule takes the adjustment off the source prices or adds it',
			},
			{
				displayName: 'Adjustment Percentage',
				name: 'adjustmentPercentage',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'The rule\'s adjustment of the source prices, as SparkLayer takes it (e.g. 0.1 for 10 %)',
			},
			{
				displayName: 'Currency Exchange Rate',
				name: 'currencyExchangeRate',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 6 },
				default: 1,
				description: 'The rule multiplies the source prices by this rate (a list in another currency than its source)',
			},
			{
				displayName: 'Source',
				name: 'source',
				type: 'options',
				options: [
					{ name: 'Integration', value: 'integration', description: 'Prices pushed by an integration (this node)' },
					{ name: 'Custom', value: 'custom', description: 'Prices uploaded or edited in the Dashboard' },
				],
				default: 'integration',
				description: 'Where the list\'s prices come from',
			},
			{
				displayName: 'Source Price List Slug',
				name: 'sourcePriceListSlug',
				type: 'string',
				default: '',
				placeholder: 'e.g. base',
				description: 'Makes the list a rule over this list\'s prices (with the adjustment and exchange rate); leave empty for a list of its own prices',
			},
			{
				displayName: 'Tax Inclusive Display',
				name: 'taxInclusiveDisplay',
				type: 'boolean',
				default: false,
				description: 'Whether prices on this list are shown including tax',
			},
		],
	},
];

const CURRENCY = /^[A-Z]{3}$/;

/** The price list an item describes, checked before anything is sent. */
export function buildPriceList(ctx: IExecuteFunctions, i: number): IDataObject {
	const slug = readSlug(ctx, i, 'Slug', ctx.getNodeParameter('slug', i));
	const name = requiredText(ctx, i, 'Name', ctx.getNodeParameter('name', i));
	if (name.length > 64) throw inputError(ctx, i, 'Name', 'is longer than 64 characters');
	const currency = requiredText(ctx, i, 'Currency Code', ctx.getNodeParameter('currencyCode', i)).toUpperCase();
	if (!CURRENCY.test(currency)) throw inputError(ctx, i, 'Currency Code', `is not an ISO 4217 code ("${currency}")`);
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const list: IDataObject = {
		slug,
		name,
		currency_code: currency,
		source: (extra.source as string) || 'integration',
	};
	if (extra.taxInclusiveDisplay !== undefined) list.tax_inclusive_display = Boolean(extra.taxInclusiveDisplay);
	const sourceSlug = String(extra.sourcePriceListSlug ?? '').trim();
	if (sourceSlug) {
		readSlug(ctx, i, 'Source Price List Slug', sourceSlug);
		const rate = extra.currencyExchangeRate === undefined ? 1 : Number(extra.currencyExchangeRate);
		if (!Number.isFinite(rate) || rate <= 0) throw inputError(ctx, i, 'Currency Exchange Rate', 'must be above 0');
		list.rules = [
			compact({
				source_price_list_slug: sourceSlug,
				adjustment_percentage: Number(extra.adjustmentPercentage ?? 0),
				adjustment_direction: (extra.adjustmentDirection as string) || 'minus',
				currency_exchange_rate: rate,
			}),
		];
	}
	return list;
}
