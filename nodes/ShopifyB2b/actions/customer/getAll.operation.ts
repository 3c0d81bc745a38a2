import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { readDate } from '../../../shared/params';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { customerFields, LIST_ADDRESSES, LIST_PAGE_SIZE, toCustomer } from '../../helpers/customer';
import { shopifyConnection } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllProperties('customers'),
	{
		displayName: 'Updated Since',
		name: 'updatedSince',
		type: 'dateTime',
		default: '',
		description: 'Only customers updated at or after this time (UTC unless the value names a zone)',
	},
	{
		displayName: 'Search Query',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. tag:b2b',
		description: 'More conditions in Shopify\'s customer search syntax, combined with Updated Since',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getAll'] } }, properties);

const LIST = `query Customers($first: Int!, $after: String, $q: String) {
customers(first: $first, after: $after, query: $q, sortKey: UPDATED_AT) { nodes { ${customerFields(LIST_ADDRESSES)} } pageInfo { hasNextPage endCursor } } }`;

/** customers(query: "updated_at:>=…"), oldest change first, 50 a page (each with up to 10 addresses) to stay under Shopify's 1,000-point query limit. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const since = readDate(this, i, 'Updated Since', this.getNodeParameter('updatedSince', i, ''));
	const extra = String(this.getNodeParameter('query', i, '') ?? '').trim();
	const parts = [since ? `updated_at:>='${since.toISOString()}'` : '', extra].filter(Boolean);
	const rows = await shopifyConnection.call(
		this,
		LIST,
		{ q: parts.length ? parts.join(' AND ') : null },
		(data) => data.customers as never,
		readLimit(this, i),
		LIST_PAGE_SIZE,
	);
	return rows.map(toCustomer);
}
