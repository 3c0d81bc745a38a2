import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { matchesSearch, searchPage, searchText, shown } from '../../shared/resourceLocator';
import { EXPORT_STATUSES, orderQuery, ORDER_TYPES, onOrdersPath } from '../helpers/orders';
import { joorRequest, rowsOf, V2_PAGE_SIZE } from '../transport';

/**
 * Orders whose ID, customer or PO contains the text, one page of 100 (`start_from`) at a time,
 * read with `sync=0`: browsing the list never marks an order exported.
 */
export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const typed = searchText(filter);
	const start = Math.max(0, Number(paginationToken) || 0);
	const qs = { ...orderQuery({ orderType: ORDER_TYPES.all, exportStatus: EXPORT_STATUSES.all }), start_from: start, count: V2_PAGE_SIZE };
	const rows = rowsOf(await onOrdersPath(this, async (p) => await joorRequest.call(this, 'GET', p, qs)));
	const results: INodeListSearchItems[] = rows
		.filter((o) => o.id !== undefined && matchesSearch(typed, o.id, o.customer_name, o.customer_code, o.po_number))
		.map((o) => ({
			name: [shown(o.id), shown(o.customer_name)].filter(Boolean).join(' · '),
			value: shown(o.id),
			description: [shown(o.status), shown(o.date_modified)].filter(Boolean).join(' · ') || undefined,
		}));
	return searchPage(results, rows.length === V2_PAGE_SIZE ? start + V2_PAGE_SIZE : undefined);
}
