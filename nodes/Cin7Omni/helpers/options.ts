import type { IDataObject } from 'n8n-workflow';

import { chunk } from '../../shared/batching';
import type { RequestContext } from '../../shared/http';
import { same } from '../../shared/params';
import { isRecord, omniList, ORDER } from '../transport';
import { readKey, readNumber, readString } from './keys';
import { inList } from './where';

/**
 * Product options (SKUs) and whether they are on sale. Omni never deletes a product or an option:
 * it marks the product `status: Inactive` or the option `status: Disabled` (reference B3), so
 * those two are what "not active" means here.
 */
export interface OptionInfo {
	id: number;
	productId: number;
	/** The option code (SKU): `productOptionCode`, or the legacy `code`. */
	code: string;
	active: boolean;
}

/** Only what the option list needs, so a page of 250 products stays small. */
export const OPTION_FIELDS = 'id,status,productOptions(id,productOptionCode,code,status)';

/** Products per lookup by id: keeps the `where` short. */
const PRODUCT_CHUNK = 50;

export function optionsOf(product: IDataObject): OptionInfo[] {
	const productId = readNumber(product, 'id');
	const productActive = !same(readString(product, 'status'), 'Inactive');
	const options = readKey(product, 'productOptions');
	if (productId === undefined || !Array.isArray(options)) return [];
	const out: OptionInfo[] = [];
	for (const option of options) {
		if (!isRecord(option)) continue;
		const id = readNumber(option, 'id');
		const code = (readString(option, 'productOptionCode') || readString(option, 'code') || '').trim();
		if (id === undefined || !code) continue;
		out.push({ id, productId, code, active: productActive && !same(readString(option, 'status'), 'Disabled') });
	}
	return out;
}

/**
 * Every option to report when no SKU list is given: one walk of Products, 250 per call, with the
 * fields above only. Inactive products are left out by the query (and again here, should a row
 * slip through), disabled options here; `includeInactive` keeps both.
 */
export async function listOptions(ctx: RequestContext, includeInactive: boolean): Promise<OptionInfo[]> {
	const products = await omniList.call(ctx, 'Products', {
		where: includeInactive ? undefined : "status<>'Inactive'",
		fields: OPTION_FIELDS,
		order: ORDER.byId,
	});
	const options = products.flatMap(optionsOf);
	return includeInactive ? options : options.filter((o) => o.active);
}

/** The options of the given products (one call per 50 products), e.g. those whose stock changed. */
export async function optionsOfProducts(ctx: RequestContext, productIds: number[]): Promise<OptionInfo[]> {
	const out: OptionInfo[] = [];
	for (const ids of chunk([...new Set(productIds)], PRODUCT_CHUNK)) {
		const products = await omniList.call(ctx, 'Products', { where: inList('id', ids), fields: OPTION_FIELDS, order: ORDER.byId });
		out.push(...products.flatMap(optionsOf));
	}
	return out;
}
