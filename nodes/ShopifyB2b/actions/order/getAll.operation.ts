import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { readDate } from '../../../shared/params';
import { readLimit, returnAllProperties } from '../../../shared/returnAll';
import { ORDER_FIELDS, ORDER_PAGE_SIZE, orderSearch, withAllLines } from '../../helpers/order';
import { shopifyConnection } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllProperties('orders'),
	{
		displayName: 'Since',
		name: 'sinceField',
		type: 'options',
		options: [
			{ name: 'Created', value: 'created', description: 'Orders placed at or after the time' },
			{ name: 'Updated', value: 'updated', description: 'Orders changed at or after the time (new ones included)' },
		],
		default: 'created',
		description: 'Which time Since Time compares with; it also orders the results (oldest first)',
	},
	{
		displayName: 'Since Time',
		name: 'since',
		type: 'dateTime',
		default: '',
		description: 'Only orders created (or updated) at or after this time (UTC unless the value names a zone); empty reads every order',
	},
	{
		displayName: 'Search Query',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. tag:b2b financial_status:paid',
		description: 'More conditions in Shopify\'s order search syntax, combined with Since Time',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['getAll'] } }, properties);

const LIST = (sortKey: string) => `query Orders($first: Int!, $after: String, $q: String) {
orders(first: $first, after: $after, query: $q, sortKey: ${sortKey}) { nodes { ${ORDER_FIELDS} } pageInfo { hasNextPage endCursor } } }`;

/** orders(query: "created_at:>=…"), oldest first, 7 a page (Shopify's 1,000-point query limit), every line of each order. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const updated = this.getNodeParameter('sinceField', i, 'created') === 'updated';
	const since = readDate(this, i, 'Since Time', this.getNodeParameter('since', i, ''));
	const extra = String(this.getNodeParameter('query', i, '') ?? '').trim();
	const nodes = await shopifyConnection.call(
		this,
		LIST(updated ? 'UPDATED_AT' : 'CREATED_AT'),
		{ q: orderSearch(updated ? 'updated_at' : 'created_at', since, extra) },
		(data) => data.orders as never,
		readLimit(this, i),
		ORDER_PAGE_SIZE,
	);
	return await withAllLines(this, nodes);
}
