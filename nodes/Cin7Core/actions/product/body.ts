import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/items';
import { compact, readJson } from '../../../shared/params';

/** Defaults Cin7 Core requires on create. */
export const CREATE_DEFAULTS: IDataObject = { Type: 'Stock', CostingMethod: 'FIFO', UOM: 'Item', Status: 'Active' };

/** The product fields a user set in a collection, as Cin7 Core names them. */
export function productBody(ctx: IExecuteFunctions, i: number, collection: string): IDataObject {
	const raw = { ...(ctx.getNodeParameter(collection, i, {}) as IDataObject) };
	const extra = readJson<IDataObject>(ctx, i, 'Extra Fields (JSON)', raw.extraJson, 'object') ?? {};
	delete raw.extraJson;
	return { ...compact(raw, 'shallow'), ...extra };
}

/** The product a create or update answers with. */
export function firstProduct(ctx: IExecuteFunctions, i: number, body: IDataObject): IDataObject {
	const product = (body.Products as IDataObject[] | undefined)?.[0];
	if (!product) throw inputError(ctx, i, 'Product', 'was not returned by Cin7 Core');
	return product;
}
