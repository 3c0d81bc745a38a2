import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseUtc } from '../../../shared/dates';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { locatorValue, requiredText, same } from '../../../shared/params';
import { customerLocator } from '../../helpers/locators';
import { corePages } from '../../transport';
import { getCustomerById } from './find';

const properties: INodeProperties[] = [customerLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['getPurchaseSummary'] } },
	properties,
);

/** Sales that never became an order (quotes, drafts) or were voided are not purchases. */
const NOT_PURCHASES = ['VOIDED', 'DRAFT', 'ESTIMATING', 'ESTIMATED'];

const money = (n: number) => Math.round(n * 100) / 100;
const amount = (v: unknown) => (Number.isFinite(Number(v)) ? Number(v) : 0);

/** saleList has no customer filter: `Search` matches the customer name, then rows are kept by CustomerID. */
async function rowsFor(ctx: IExecuteFunctions, path: string, customer: IDataObject): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	for await (const page of corePages.call(ctx, path, 'SaleList', { Search: customer.Name })) {
		out.push(...page.filter((r) => same(r.CustomerID, customer.ID)));
	}
	return out;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const id = requiredText(this, i, 'Customer', locatorValue(this, i, 'customerId'));
	const customer = await getCustomerById(this, id);
	if (!customer) throw new NodeOperationError(this.getNode(), `No customer with ID ${id}`, { itemIndex: i });

	const sales = (await rowsFor(this, '/saleList', customer)).filter(
		(s) => !NOT_PURCHASES.includes(String(s.Status ?? '').toUpperCase()),
	);
	const credits = (await rowsFor(this, '/saleCreditNoteList', customer)).filter(
		(c) => String(c.CreditNoteStatus ?? c.Status ?? '').toUpperCase() !== 'VOIDED',
	);

	const dated = sales
		.map((s) => ({ sale: s, date: parseUtc(s.OrderDate) }))
		.filter((d): d is { sale: IDataObject; date: Date } => d.date !== undefined)
		.sort((a, b) => a.date.getTime() - b.date.getTime());
	const dates = dated.map((d) => d.date);
	// the latest purchase (marketing systems key "last order" segments on it)
	const last = dated.length ? dated[dated.length - 1].sale : undefined;
	const grossSales = money(sales.reduce((t, s) => t + amount(s.InvoiceAmount), 0));
	const refundedTotal = money(
		credits.reduce((t, c) => t + amount(c.CreditNoteAmount ?? c.InvoiceAmount ?? c.Total), 0),
	);
	const lifetimeValue = money(grossSales - refundedTotal);
	return {
		customerId: customer.ID,
		customerName: customer.Name,
		currency: customer.Currency ?? sales[0]?.CustomerCurrency ?? null,
		orderCount: sales.length,
		grossSales,
		refundedTotal,
		creditNoteCount: credits.length,
		lifetimeValue,
		averageOrderValue: sales.length ? money(grossSales / sales.length) : 0,
		firstOrderDate: dates.length ? dates[0].toISOString() : null,
		lastOrderDate: dates.length ? dates[dates.length - 1].toISOString() : null,
		lastOrderId: last?.SaleID ?? null,
		lastOrderNumber: last?.OrderNumber || null,
	};
}
