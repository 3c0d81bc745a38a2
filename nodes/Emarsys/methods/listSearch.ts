import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesSearch, searchPage, searchText, shown } from '../../shared/resourceLocator';
import { emarsysList } from '../transport';

/** Emarsys serves lists and events whole and cannot filter them: matched here by name or ID. */
async function search(ctx: ILoadOptionsFunctions, path: string, filter?: string): Promise<INodeListSearchResult> {
	const rows = await emarsysList.call(ctx, path);
	const wanted = searchText(filter);
	const results = rows
		.filter((r) => matchesSearch(wanted, r.name, r.id))
		.map((r) => ({ name: `${shown(r.name)} (${shown(r.id)})`, value: shown(r.id) }));
	return searchPage(results);
}

export async function searchLists(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await search(this, '/contactlist', filter);
}

export async function searchEvents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await search(this, '/event', filter);
}
