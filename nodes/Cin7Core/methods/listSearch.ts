import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { pageOfToken, searchPage, searchText, shown } from '../../shared/resourceLocator';
import { coreRequest } from '../transport';

/** A short page: the list opens fast and scrolling asks for the next one. */
const SEARCH_PAGE = 100;

interface CorePage {
	rows: IDataObject[];
	more: boolean;
}

async function readPage(
	ctx: ILoadOptionsFunctions,
	path: string,
	listKey: string,
	page: number,
	qs: IDataObject,
): Promise<CorePage> {
	const body = await coreRequest.call(ctx, 'GET', path, { ...qs, Page: page, Limit: SEARCH_PAGE });
	const rows = Array.isArray(body[listKey]) ? (body[listKey] as IDataObject[]) : [];
	const total = Number(body.Total);
	const more = Number.isFinite(total) ? page * SEARCH_PAGE < total : rows.length === SEARCH_PAGE;
	return { rows, more };
}

/** Customers by name (Cin7 Core matches the start), or by exact contact email when an email is typed. */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const typed = searchText(filter);
	const page = pageOfToken(paginationToken);
	const qs = !typed ? {} : typed.includes('@') ? { ContactFilter: typed } : { Name: typed };
	const { rows, more } = await readPage(this, '/customer', 'CustomerList', page, qs);
	const results: INodeListSearchItems[] = rows
		.filter((r) => r.ID)
		.map((r) => ({ name: shown(r.Name) || shown(r.ID), value: shown(r.ID), description: shown(r.Status) || undefined }));
	return searchPage(results, more ? page + 1 : undefined);
}

/**
 * Products whose name or SKU contains (or starts with) the text: Cin7 Core filters one field per
 * call, so both are asked and merged, each product once.
 */
export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const typed = searchText(filter);
	const page = pageOfToken(paginationToken);
	const queries: IDataObject[] = typed ? [{ Sku: typed }, { Name: typed }] : [{}];
	const seen = new Set<string>();
	const results: INodeListSearchItems[] = [];
	let more = false;
	for (const qs of queries) {
		const got = await readPage(this, '/product', 'Products', page, qs);
		more ||= got.more;
		for (const r of got.rows) {
			const id = shown(r.ID);
			if (!id || seen.has(id)) continue;
			seen.add(id);
			results.push({ name: `${shown(r.Name) || id}${r.SKU ? ` (${shown(r.SKU)})` : ''}`, value: id, description: shown(r.Status) || undefined });
		}
	}
	return searchPage(results, more ? page + 1 : undefined);
}

/** Sales by Cin7 Core's own search: order number, customer, invoice number, customer reference. */
export async function searchSales(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const typed = searchText(filter);
	const page = pageOfToken(paginationToken);
	const { rows, more } = await readPage(this, '/saleList', 'SaleList', page, typed ? { Search: typed } : {});
	const results: INodeListSearchItems[] = rows
		.filter((r) => r.SaleID)
		.map((r) => {
			const number = shown(r.OrderNumber) || shown(r.InvoiceNumber) || shown(r.SaleID);
			const customer = shown(r.Customer);
			return {
				name: customer ? `${number} · ${customer}` : number,
				value: shown(r.SaleID),
				description: [shown(r.Status), shown(r.CustomerReference)].filter(Boolean).join(' · ') || undefined,
			};
		});
	return searchPage(results, more ? page + 1 : undefined);
}
