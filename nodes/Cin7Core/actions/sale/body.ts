import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/items';
import { compact, readJson } from '../../../shared/params';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The order lines of a new sale: Lines (JSON) when not empty, else the Lines rows. */
export function orderLines(ctx: IExecuteFunctions, i: number): IDataObject[] {
	const fromJson = readJson<IDataObject[]>(ctx, i, 'Lines (JSON)', ctx.getNodeParameter('linesJson', i, '[]'), 'array');
	const fromUi = ((ctx.getNodeParameter('lines', i, {}) as IDataObject).line as IDataObject[] | undefined) ?? [];
	const lines = fromJson?.length ? fromJson : fromUi;
	if (!lines.length) throw inputError(ctx, i, 'Lines', 'are empty: a sale needs at least one line');
	return lines.map((line, n) => {
		const sku = String(line.SKU ?? '').trim();
		if (!sku && !line.ProductID) throw inputError(ctx, i, `Lines[${n}].SKU`, 'is empty');
		const quantity = Number(line.Quantity);
		const price = Number(line.Price ?? 0);
		const discount = Number(line.Discount ?? 0);
		if (!Number.isFinite(quantity) || quantity <= 0) throw inputError(ctx, i, `Lines[${n}].Quantity`, 'must be a number above 0');
		if (!Number.isFinite(price)) throw inputError(ctx, i, `Lines[${n}].Price`, 'must be a number');
		return compact(
			{
				...line,
				SKU: sku || undefined,
				Quantity: quantity,
				Price: price,
				Discount: discount,
				Tax: Number(line.Tax ?? 0),
				Total: round2(quantity * price * (1 - discount / 100)),
			},
			'shallow',
		);
	});
}

/** The sale header (POST /sale). The memo belongs to the order document, so it is left out here. */
export function saleHeader(ctx: IExecuteFunctions, i: number): IDataObject {
	const raw = { ...(ctx.getNodeParameter('additionalFields', i, {}) as IDataObject) };
	const extra = readJson<IDataObject>(ctx, i, 'Extra Fields (JSON)', raw.extraJson, 'object') ?? {};
	const billing = readJson<IDataObject>(ctx, i, 'Billing Address (JSON)', raw.billingJson, 'object');
	const shipping = readJson<IDataObject>(ctx, i, 'Shipping Address (JSON)', raw.shippingJson, 'object');
	delete raw.extraJson;
	delete raw.billingJson;
	delete raw.shippingJson;
	delete raw.Memo;
	const customer = String(ctx.getNodeParameter('customer', i, '') ?? '').trim();
	const body: IDataObject = {
		...compact(raw, 'shallow'),
		...(customer ? { Customer: customer } : {}),
		Location: ctx.getNodeParameter('location', i),
		SaleType: ctx.getNodeParameter('saleType', i, 'Simple'),
		SkipQuote: true,
		...(billing && Object.keys(billing).length ? { BillingAddress: billing } : {}),
		...(shipping && Object.keys(shipping).length ? { ShippingAddress: shipping } : {}),
		...extra,
	};
	if (!body.Customer && !body.CustomerID) throw inputError(ctx, i, 'Customer Name', 'is empty (and no Customer ID is set)');
	if (!String(body.Location ?? '').trim()) throw inputError(ctx, i, 'Location', 'is empty');
	return body;
}
