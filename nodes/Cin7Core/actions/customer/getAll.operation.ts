import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { compact, same, splitList } from '../../../shared/params';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { withMarketingContact } from '../../helpers/marketingContact';
import { coreDateParam } from '../../helpers/params';
import { coreList, corePages } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllProperties('customers'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only customers matching every filter set',
		options: [
			{
				displayName: 'Contact Email',
				name: 'ContactFilter',
				type: 'string',
				placeholder: 'e.g. name@example.com',
				default: '',
				description: 'Customers with a contact whose email equals this (matched exactly)',
			},
			{
				displayName: 'Include Deprecated',
				name: 'IncludeDeprecated',
				type: 'boolean',
				default: false,
				description: 'Whether to include deprecated customers',
			},
			{
				displayName: 'Include Product Prices',
				name: 'IncludeProductPrices',
				type: 'boolean',
				default: false,
				description: "Whether to include each customer's customer-specific product prices (ProductPrices)",
			},
			{
				displayName: 'Modified Since',
				name: 'ModifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only customers changed at or after this time (UTC)',
			},
			{ displayName: 'Name', name: 'Name', type: 'string', default: '', description: 'Name starting with this text' },
			{
				displayName: 'Tag',
				name: 'tag',
				type: 'string',
				default: '',
				description: 'Only customers carrying this tag (comma-separate several: any matches)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const filters = compact(this.getNodeParameter('filters', i, {}) as IDataObject, 'shallow');
	const limit = readLimit(this, i);
	if (filters.ModifiedSince) filters.ModifiedSince = coreDateParam(this, i, 'Modified Since', filters.ModifiedSince);
	const tags = splitList(filters.tag);
	const email = filters.ContactFilter as string | undefined;
	delete filters.tag;
	const keep = (c: IDataObject) =>
		(!tags.length || splitList(c.Tags).some((t) => tags.some((w) => same(w, t)))) &&
		(!email || ((c.Contacts as IDataObject[] | undefined) ?? []).some((k) => same(k.Email, email)));
	if (!tags.length && !email) {
		return (await coreList.call(this, '/customer', 'CustomerList', filters, limit)).map(withMarketingContact);
	}
	// Tags and exact emails are filtered here, so pages are walked until the limit is met.
	const out: IDataObject[] = [];
	for await (const page of corePages.call(this, '/customer', 'CustomerList', filters)) {
		for (const c of page) {
			if (!keep(c)) continue;
			out.push(withMarketingContact(c));
			if (limit !== undefined && out.length >= limit) return out;
		}
	}
	return out;
}
