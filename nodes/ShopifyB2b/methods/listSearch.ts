import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchPage, searchText, shown } from '../../shared/resourceLocator';
import { shopifyGraphql } from '../transport';

const SEARCH = `query Search($first: Int!, $after: String, $q: String) {
customers(first: $first, after: $after, query: $q) { nodes { id email firstName lastName } pageInfo { hasNextPage endCursor } } }`;

/** Customers matching the text (Shopify's own search over name and email), 50 per page. */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const typed = searchText(filter);
	const data = await shopifyGraphql.call(this, SEARCH, { first: 50, after: paginationToken || null, q: typed || null });
	const connection = (data.customers ?? {}) as IDataObject;
	const nodes = (connection.nodes ?? []) as IDataObject[];
	const pageInfo = (connection.pageInfo ?? {}) as IDataObject;
	const results = nodes.map((c) => ({
		name: [shown(c.firstName), shown(c.lastName)].filter(Boolean).join(' ') || shown(c.email) || shown(c.id),
		value: shown(c.id),
		description: shown(c.email),
	}));
	return searchPage(results, pageInfo.hasNextPage ? shown(pageInfo.endCursor) : undefined);
}
