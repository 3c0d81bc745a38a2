import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { same } from '../../shared/params';
import { shopifyGraphql } from '../transport';
import { CUSTOMER_FIELDS, toCustomer } from './customer';

const FIND = `query FindCustomer($q: String!) { customers(first: 5, query: $q) { nodes { ${CUSTOMER_FIELDS} } } }`;
const BY_ID = `query CustomerById($id: ID!) { customer(id: $id) { ${CUSTOMER_FIELDS} } }`;

/**
 * Shopify's search matches loosely, so only an exact email (ignoring case) counts. The address is
 * quoted: `+` and other characters real addresses hold mean something in the search syntax.
 */
export async function findCustomerByEmail(ctx: RequestContext, email: string): Promise<IDataObject | undefined> {
	const data = await shopifyGraphql.call(ctx, FIND, { q: `email:"${email.replace(/["\\]/g, '')}"` });
	const nodes = (((data.customers as IDataObject | undefined)?.nodes ?? []) as IDataObject[]).filter((c) => same(c.email, email));
	return nodes.length ? toCustomer(nodes[0]) : undefined;
}

export async function readCustomer(ctx: RequestContext, id: string): Promise<IDataObject | undefined> {
	const data = await shopifyGraphql.call(ctx, BY_ID, { id });
	return data.customer ? toCustomer(data.customer as IDataObject) : undefined;
}
