import type { IDataObject } from 'n8n-workflow';

import { httpStatusOf, type RequestContext } from '../../shared/http';
import { same } from '../../shared/params';
import { withMarketingContact } from '../helpers/marketingContact';
import { coreList, coreRequest } from '../transport';
import type { FullRecordKind } from './events';

/** The whole record an event names, and the version that tells a redelivery from a new change. */
export interface FullRecord {
	json: IDataObject;
	/** The record's server modified time (undefined when it was not found). */
	version?: string;
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());

/**
 * The sale an event names. Most sale events carry `SaleID`; Sale/ShipmentAuthorised carries only
 * `SaleTaskID` and `OrderNumber`: the order number is looked up in the sale list, and a simple
 * sale's task ID is its sale ID.
 */
async function saleIdOf(rc: RequestContext, record: IDataObject): Promise<string | undefined> {
	if (text(record.SaleID)) return text(record.SaleID);
	const number = text(record.SaleOrderNumber) || text(record.OrderNumber);
	if (number) {
		const rows = await coreList.call(rc, '/saleList', 'SaleList', { Search: number });
		const row = rows.find((r) => same(r.OrderNumber, number));
		if (row?.SaleID) return text(row.SaleID);
	}
	return text(record.SaleTaskID) || text(record.TaskID) || undefined;
}

/** Cin7 Core answers an unknown sale ID with 404, or with 400 and "… not found". */
function isNotFound(error: unknown): boolean {
	const status = httpStatusOf(error);
	return status === 404 || (status === 400 && /not found/i.test(String((error as Error)?.message ?? '')));
}

async function fetchSale(rc: RequestContext, record: IDataObject): Promise<FullRecord | undefined> {
	const id = await saleIdOf(rc, record);
	if (!id) return undefined;
	const sale = await coreRequest.call(rc, 'GET', '/sale', { ID: id }).catch((error: unknown) => {
		if (isNotFound(error)) return {} as IDataObject;
		throw error;
	});
	if (!text(sale.ID)) return undefined;
	// As the polling trigger with Include Sale Details emits a sale: the sale, with when it changed.
	return { json: { ...sale, Updated: sale.LastModifiedOn ?? null, webhookEvent: record }, version: text(sale.LastModifiedOn) };
}

async function fetchById(
	rc: RequestContext,
	path: string,
	listKey: string,
	record: IDataObject,
): Promise<IDataObject | undefined> {
	const id = text(record.ID);
	if (!id) return undefined;
	const rows = await coreList.call(rc, path, listKey, { ID: id, IncludeDeprecated: true }, 1);
	return rows.find((r) => same(r.ID, id));
}

/**
 * The full record of a sale, customer or product event (stock is worked out per SKU elsewhere), or
 * undefined when Cin7 Core no longer has it: the payload is then emitted as it came, since a record
 * that is gone would fail every redelivery and get the webhook deactivated.
 */
export async function fetchFullRecord(
	rc: RequestContext,
	kind: FullRecordKind,
	record: IDataObject,
): Promise<FullRecord | undefined> {
	if (kind === 'sale') return await fetchSale(rc, record);
	if (kind === 'customer') {
		const customer = await fetchById(rc, '/customer', 'CustomerList', record);
		return customer ? { json: withMarketingContact(customer), version: text(customer.LastModifiedOn) } : undefined;
	}
	if (kind === 'product') {
		const product = await fetchById(rc, '/product', 'Products', record);
		return product ? { json: product, version: text(product.LastModifiedOn) } : undefined;
	}
	return undefined;
}
