import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { same } from '../../../shared/params';
import { coreList, coreRequest } from '../../transport';

export async function getSale(ctx: IExecuteFunctions, id: string): Promise<IDataObject> {
	return await coreRequest.call(ctx, 'GET', '/sale', { ID: id });
}

/**
 * The sale already carrying this external reference, so a re-run returns it instead of creating a
 * duplicate. `ExternalID` is a saleList filter; `CustomerReference` is only reachable through
 * `Search`, so its rows are compared exactly (and by customer when one is given).
 */
export async function findExistingSale(
	ctx: IExecuteFunctions,
	ref: { externalId?: string; customerReference?: string; customer?: string; customerId?: string },
): Promise<IDataObject | undefined> {
	const live = (r: IDataObject) => String(r.Status ?? '').toUpperCase() !== 'VOIDED';
	if (ref.externalId) {
		const rows = await coreList.call(ctx, '/saleList', 'SaleList', { ExternalID: ref.externalId });
		const hit = rows.find((r) => same(r.ExternalID, ref.externalId) && live(r));
		if (hit) return hit;
	}
	if (ref.customerReference) {
		const rows = await coreList.call(ctx, '/saleList', 'SaleList', { Search: ref.customerReference });
		const hit = rows.find(
			(r) =>
				same(r.CustomerReference, ref.customerReference) &&
				live(r) &&
				(!ref.customerId || same(r.CustomerID, ref.customerId)) &&
				(!ref.customer || same(r.Customer, ref.customer)),
		);
		if (hit) return hit;
	}
	return undefined;
}
