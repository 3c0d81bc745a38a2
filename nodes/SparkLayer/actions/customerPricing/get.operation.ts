import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { splitList } from '../../../shared/params';
import { readSlug } from '../../helpers/locators';
import { sparkLayerRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Price List Slugs',
		name: 'priceListSlugs',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. acme-ltd, cin7-tier-2',
		description: 'The customer\'s price lists in priority order (comma-separated, or an array), as its sparklayer.price_lists metafield or group names them; for each SKU the first list with a price answers',
	},
	{
		displayName: 'SKUs',
		name: 'skus',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. TEE-S, TEE-M',
		description: 'The SKUs to price (comma-separated, or an array)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Quantity',
				name: 'quantity',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Price for this many units (picks the quantity break)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customerPricing'], operation: ['get'] } }, properties);

/** POST /api/v1/fetch-customer-pricing: the price each SKU gets from the first of these lists that prices it, one item per SKU. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const slugs = splitList(this.getNodeParameter('priceListSlugs', i)).map((s) => readSlug(this, i, 'Price List Slugs', s));
	if (!slugs.length) throw inputError(this, i, 'Price List Slugs', 'is empty');
	const skus = splitList(this.getNodeParameter('skus', i));
	if (!skus.length) throw inputError(this, i, 'SKUs', 'is empty');
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = { price_list_slugs: slugs, skus };
	if (extra.quantity !== undefined) {
		const quantity = Number(extra.quantity);
		if (!Number.isInteger(quantity) || quantity < 1) throw inputError(this, i, 'Quantity', 'must be a whole number of at least 1');
		body.quantity = quantity;
	}
	// A read sent as POST: repeating it changes nothing, so transient faults may retry it.
	const rows = await sparkLayerRequest.call(this, 'POST', '/api/v1/fetch-customer-pricing', undefined, body, { idempotent: true });
	return Array.isArray(rows) ? (rows as IDataObject[]) : [];
}
