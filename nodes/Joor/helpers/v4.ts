import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { joorRequest, JOOR_CREDENTIAL } from '../transport';

/**
 * v4 calls (collections = linesheets) need a bearer token and the `account` query parameter,
 * so they need the v4 credential (Client ID and Password) with an Account ID.
 */
export async function v4Account(ctx: RequestContext): Promise<string> {
	const c = await ctx.getCredentials(JOOR_CREDENTIAL);
	const account = String(c.accountId ?? '').trim();
	if (c.authType !== 'password' || !account) {
		throw new NodeOperationError(
			ctx.getNode(),
			'JOOR linesheets (v4 collections) need the credential\'s "Client ID and Password (V4)" authentication with an Account ID',
			{ description: 'Edit the JOOR credential: choose Client ID and Password (V4) and fill in the Account ID.' },
		);
	}
	return account;
}

/** A v4 answer `{ data, errors }`: its data rows, and its errors as text. */
export function v4Data(body: IDataObject): { data: IDataObject[]; errors: string[] } {
	const data = Array.isArray(body.data) ? (body.data as IDataObject[]) : body.data ? [body.data as IDataObject] : [];
	const errors = (Array.isArray(body.errors) ? (body.errors as IDataObject[]) : []).map((e) =>
		[e.message, e.details ? JSON.stringify(e.details) : ''].filter(Boolean).join(' '),
	);
	return { data, errors };
}

/** v4 list pages hold at most 100 rows (`offset` / `limit`). */
export const V4_PAGE_SIZE = 100;

/**
 * Collections of the account (`GET /v4/collections?account=`), page by page up to `limit`: a page
 * shorter than asked, or `meta.total` reached, ends the walk.
 */
export async function listCollections(ctx: RequestContext, limit?: number): Promise<IDataObject[]> {
	const account = await v4Account(ctx);
	const out: IDataObject[] = [];
	for (let offset = 0; ; ) {
		const size = limit === undefined ? V4_PAGE_SIZE : Math.min(V4_PAGE_SIZE, limit - out.length);
		const body = await joorRequest.call(ctx, 'GET', '/v4/collections', { account, offset, limit: size });
		const { data } = v4Data(body);
		out.push(...data);
		const total = Number((body.meta as IDataObject | undefined)?.total);
		offset += data.length;
		if (data.length < size || (Number.isFinite(total) && offset >= total)) return out;
		if (limit !== undefined && out.length >= limit) return out.slice(0, limit);
	}
}

/** Creates one collection; JOOR's per-record errors come back in `errors`. */
export async function createCollection(ctx: RequestContext, record: IDataObject): Promise<IDataObject> {
	const account = await v4Account(ctx);
	const { data, errors } = v4Data(await joorRequest.call(ctx, 'POST', '/v4/collections/bulk_create', { account }, [record]));
	if (!data.length) {
		throw new NodeOperationError(ctx.getNode(), `JOOR did not create the linesheet "${String(record.name)}": ${errors.join('; ') || 'no data returned'}`);
	}
	return data[0];
}
