import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { shopifyGraphql } from '../transport';

const ADDRESS = 'firstName lastName company address1 address2 city provinceCode zip countryCodeV2 phone';
const LINE = 'id sku name quantity originalUnitPriceSet { shopMoney { amount currencyCode } } discountedUnitPriceSet { shopMoney { amount currencyCode } }';

/**
 * Shopify refuses a query above 1,000 points and a connection costs its page size times each node:
 * a line item with its two MoneyBags costs 4, so an order with 30 lines costs about 123 and a list
 * page holds 7 orders (about 860 points). An order with more lines reads the rest 200 at a time.
 */
export const ORDER_LINES = 30;
export const ORDER_PAGE_SIZE = 7;
const MORE_LINES = 200;

/** The order as this node outputs it (lines flattened by toOrder). */
export const ORDER_FIELDS = `id legacyResourceId name email createdAt updatedAt cancelledAt note tags currencyCode displayFinancialStatus poNumber
customer { id email firstName lastName tags } shippingAddress { ${ADDRESS} }
lineItems(first: ${ORDER_LINES}) { nodes { ${LINE} } pageInfo { hasNextPage endCursor } }`;

const MORE = `query OrderLines($id: ID!, $first: Int!, $after: String) {
order(id: $id) { lineItems(first: $first, after: $after) { nodes { ${LINE} } pageInfo { hasNextPage endCursor } } } }`;

const amount = (set: unknown): number | null => {
	const value = ((set as IDataObject | undefined)?.shopMoney as IDataObject | undefined)?.amount;
	return value === undefined || value === null || value === '' ? null : Number(value);
};

function toLine(node: IDataObject): IDataObject {
	return {
		id: node.id,
		sku: node.sku ?? null,
		name: node.name ?? null,
		quantity: Number(node.quantity ?? 0),
		// the unit price the B2B layer charged before order-level discounts, and after line discounts
		originalUnitPrice: amount(node.originalUnitPriceSet),
		discountedUnitPrice: amount(node.discountedUnitPriceSet),
	};
}

/** Shopify's order in this node's output shape: lines as a list of numbers, country as countryCode. */
export function toOrder(node: IDataObject, lines: IDataObject[]): IDataObject {
	const { lineItems, shippingAddress, ...rest } = node;
	const address = shippingAddress as IDataObject | null | undefined;
	const { countryCodeV2, ...addressRest } = address ?? {};
	return {
		...rest,
		tags: Array.isArray(node.tags) ? node.tags : [],
		shippingAddress: address ? { ...addressRest, countryCode: countryCodeV2 ?? null } : null,
		lineItems: lines.map(toLine),
	};
}

/** Every line of each order: the first 30 come with the order, the rest are read by order id. */
export async function withAllLines(ctx: RequestContext, nodes: IDataObject[]): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	for (const node of nodes) {
		const connection = (node.lineItems ?? {}) as IDataObject;
		const lines = [...((connection.nodes ?? []) as IDataObject[])];
		let pageInfo = (connection.pageInfo ?? {}) as IDataObject;
		while (pageInfo.hasNextPage && pageInfo.endCursor) {
			const data = await shopifyGraphql.call(ctx, MORE, { id: node.id, first: MORE_LINES, after: pageInfo.endCursor });
			const more = (((data.order as IDataObject | undefined)?.lineItems ?? {}) as IDataObject);
			const got = (more.nodes ?? []) as IDataObject[];
			lines.push(...got);
			pageInfo = (more.pageInfo ?? {}) as IDataObject;
			if (!got.length) break;
		}
		out.push(toOrder(node, lines));
	}
	return out;
}

/** Shopify's order search for "created (or updated) at or after", plus the user's own conditions. */
export function orderSearch(field: 'created_at' | 'updated_at', since: Date | undefined, extra: string): string | null {
	const parts = [since ? `${field}:>='${since.toISOString()}'` : '', extra].filter(Boolean);
	return parts.length ? parts.join(' AND ') : null;
}
