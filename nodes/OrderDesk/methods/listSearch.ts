import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { pageOfToken, searchPage, searchText, shown } from '../../shared/resourceLocator';
import { orderDeskRequest, rowsAt } from '../transport';

/** Rows per search page; the editor asks for the next page while scrolling. */
const SEARCH_ROWS = 50;

/**
 * Orders newest first, narrowed by Order Desk's own search when something is typed; a typed whole
 * number is also tried as an order ID.
 */
export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const typed = searchText(filter);
	const page = pageOfToken(paginationToken);
	const body = await orderDeskRequest.call(this, 'GET', '/orders', {
		limit: SEARCH_ROWS,
		offset: (page - 1) * SEARCH_ROWS,
		order_by: 'id',
		order: 'desc',
		...(typed ? { search: typed } : {}),
	});
	const rows = rowsAt(body, 'orders');
	const results = rows
		.filter((r: IDataObject) => shown(r.id))
		.map((r: IDataObject) => ({
			name: `#${shown(r.id)}${shown(r.source_id) ? ` · ${shown(r.source_id)}` : ''}`,
			value: shown(r.id),
			description: [shown(r.email), shown(r.date_added)].filter(Boolean).join(' · ') || undefined,
		}));
	return searchPage(results, rows.length === SEARCH_ROWS ? page + 1 : undefined);
}
