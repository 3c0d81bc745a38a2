import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { oncePerRun } from '../../shared/runCache';
import { orderDeskRequest, ORDER_DESK_CREDENTIAL } from '../transport';
import { isKnownZone } from '../transport/dates';

/** The store settings (`GET /store`: folders, time zone), read once per run. */
export async function readStore(ctx: RequestContext): Promise<IDataObject> {
	return await oncePerRun(ctx, 'orderDesk.store', async () => {
		const body = await orderDeskRequest.call(ctx, 'GET', '/store');
		return (body.store && typeof body.store === 'object' ? { ...body, ...(body.store as IDataObject) } : body) as IDataObject;
	});
}

/**
 * The zone Order Desk's order dates are in (transport/dates.ts): the credential's Store Time Zone,
 * or when that is empty the store's own `timezone` setting, else UTC. A name that is no zone stops
 * the run.
 */
export async function storeTimeZone(ctx: RequestContext): Promise<string> {
	const configured = String((await ctx.getCredentials(ORDER_DESK_CREDENTIAL)).timeZone ?? '').trim();
	if (configured) {
		if (isKnownZone(configured)) return configured;
		throw new NodeOperationError(ctx.getNode(), `Store Time Zone "${configured}" is not a time zone name (use e.g. UTC or America/New_York)`, {
			description: 'Fix the Store Time Zone field of the Order Desk credential, or empty it to use the store setting.',
		});
	}
	const fromStore = String((await readStore(ctx)).timezone ?? '').trim();
	return fromStore && isKnownZone(fromStore) ? fromStore : 'UTC';
}
