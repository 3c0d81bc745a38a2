import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { searchPage, searchText, shown } from '../../shared/resourceLocator';
import { joinWhere, quote } from '../helpers/where';
import { omniFirstPage } from '../transport';

/** Rows per search page; the editor asks for the next page while scrolling. */
const SEARCH_ROWS = 50;

/**
 * `(f1 LIKE '%t%' OR f2 LIKE …)`, plus `id=t` when a whole number is typed; undefined when nothing
 * is typed. The transport encodes the query, so `%` is written plainly here.
 */
function anyFieldLike(fields: string[], typed: string): string | undefined {
	if (!typed) return undefined;
	const clauses = fields.map((f) => `${f} LIKE ${quote(`%${typed}%`)}`);
	if (/^\d+$/.test(typed)) clauses.push(`id=${typed}`);
	return `(${clauses.join(' OR ')})`;
}

/**
 * One page of a search, walked by id (the paging docs/architecture.md prescribes for Omni: a page
 * number would repeat or miss rows that tie): the token is the last id shown.
 */
async function searchById(
	ctx: ILoadOptionsFunctions,
	resource: string,
	fields: string,
	match: string | undefined,
	paginationToken: string | undefined,
	toItem: (row: IDataObject) => INodeListSearchItems,
): Promise<INodeListSearchResult> {
	const after = Number(paginationToken);
	const where = joinWhere([match, Number.isInteger(after) && after > 0 ? `id>${after}` : undefined]);
	const rows = await omniFirstPage.call(ctx, resource, { where, order: 'id ASC', fields }, SEARCH_ROWS);
	const withId = rows.filter((r) => Number(r.id) > 0);
	const last = withId.length ? Number(withId[withId.length - 1].id) : undefined;
	return searchPage(withId.map(toItem), rows.length === SEARCH_ROWS ? last : undefined);
}

const personOf = (r: IDataObject) => [shown(r.firstName), shown(r.lastName)].filter(Boolean).join(' ');

export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const typed = searchText(filter);
	return await searchById(
		this,
		'Contacts',
		'id,type,company,firstName,lastName,email',
		anyFieldLike(['company', 'firstName', 'lastName', 'email'], typed),
		paginationToken,
		(r) => ({
			name: shown(r.company) || personOf(r) || shown(r.email) || shown(r.id),
			value: shown(r.id),
			description: [shown(r.type), shown(r.email)].filter(Boolean).join(' · ') || undefined,
		}),
	);
}

export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const typed = searchText(filter);
	return await searchById(
		this,
		'Products',
		'id,name,styleCode,status',
		anyFieldLike(['name', 'styleCode'], typed),
		paginationToken,
		(r) => ({
			name: `${shown(r.name) || shown(r.id)}${r.styleCode ? ` (${shown(r.styleCode)})` : ''}`,
			value: shown(r.id),
			description: shown(r.status) || undefined,
		}),
	);
}

export async function searchSalesOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const typed = searchText(filter);
	return await searchById(
		this,
		'SalesOrders',
		'id,reference,company,firstName,lastName,email,stage',
		anyFieldLike(['reference', 'company', 'email'], typed),
		paginationToken,
		(r) => {
			const who = shown(r.company) || personOf(r) || shown(r.email);
			const reference = shown(r.reference) || shown(r.id);
			return {
				name: who ? `${reference} · ${who}` : reference,
				value: shown(r.id),
				description: shown(r.stage) || undefined,
			};
		},
	);
}
