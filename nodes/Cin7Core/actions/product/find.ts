import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { same } from '../../../shared/params';
import { coreList } from '../../transport';

/** The product whose SKU equals `sku` (the API's `Sku` filter may match more than one). */
export async function findProductBySku(
	ctx: IExecuteFunctions,
	sku: string,
	extraQs: IDataObject = {},
): Promise<IDataObject | undefined> {
	const rows = await coreList.call(ctx, '/product', 'Products', { Sku: sku, IncludeDeprecated: true, ...extraQs });
	return rows.find((p) => same(p.SKU, sku));
}
