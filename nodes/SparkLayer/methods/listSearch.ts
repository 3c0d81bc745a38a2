import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesSearch, pageOfToken, searchPage, searchText, shown } from '../../shared/resourceLocator';
import { PRICE_LIST_PAGE_SIZE, sparkLayerRequest } from '../transport';


/** Price lists whose name or slug contains the text: one v2 page of 250 per search page, filtered here. */
export async function searchPriceLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const typed = searchText(filter);
	const page = pageOfToken(paginationToken);
	const body = (await sparkLayerRequest.call(this, 'GET', '/api/v2/price-lists', { page, page_size: PRICE_LIST_PAGE_SIZE })) as IDataObject;
	const rows = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	const totalPages = Number((body.pagination as IDataObject | undefined)?.total_pages);
	const results = rows
		.filter((l) => l.slug !== undefined && matchesSearch(typed, l.name, l.slug))
		.map((l) => ({ name: shown(l.name) || shown(l.slug), value: shown(l.slug), description: [shown(l.slug), shown(l.currency_code)].filter(Boolean).join(' · ') }));
	return searchPage(results, Number.isFinite(totalPages) && page < totalPages ? page + 1 : undefined);
}
