import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { coreRequest } from '../../transport';

export async function getFulfilments(ctx: IExecuteFunctions, saleId: string): Promise<IDataObject[]> {
	const body = await coreRequest.call(ctx, 'GET', '/sale/fulfilment', { SaleID: saleId });
	return (body.Fulfilments as IDataObject[] | undefined) ?? [];
}

export const shipOf = (f: IDataObject) => (f.Ship as IDataObject | undefined) ?? {};
export const statusOf = (doc: IDataObject) => String(doc.Status ?? '').toUpperCase();
