import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import { pollWithCursor } from '../../shared/cursor';
import { parseUtc } from '../../shared/dates';
import { readPollSettings } from '../../shared/pollSettings';
import { ORDER_FIELDS, ORDER_PAGE_SIZE, orderSearch, withAllLines } from '../helpers/order';
import { shopifyGraphql } from '../transport';

const SAMPLE_SIZE = 5;

/**
 * Orders by ID (a stable order) created at or after a time: cursor pages (`after`) never shift
 * while orders are placed mid-walk, which rule 2 of nodes/shared/cursor.ts asks.
 */
const CREATED = `query Created($first: Int!, $after: String, $q: String) {
orders(first: $first, after: $after, query: $q, sortKey: ID) { nodes { ${ORDER_FIELDS} } pageInfo { hasNextPage endCursor } } }`;
const RECENT = `query RecentOrders($first: Int!, $q: String) {
orders(first: $first, query: $q, sortKey: CREATED_AT, reverse: true) { nodes { ${ORDER_FIELDS} } } }`;

async function* createdPages(ctx: IPollFunctions, since: Date, extra: string): AsyncGenerator<IDataObject[]> {
	let after: string | null = null;
	for (;;) {
		const data = await shopifyGraphql.call(ctx, CREATED, { first: ORDER_PAGE_SIZE, after, q: orderSearch('created_at', since, extra) });
		const connection = (data.orders ?? {}) as IDataObject;
		const raw = (connection.nodes ?? []) as IDataObject[];
		if (raw.length) yield await withAllLines(ctx, raw);
		const pageInfo = (connection.pageInfo ?? {}) as IDataObject;
		if (!pageInfo.hasNextPage || !pageInfo.endCursor || !raw.length) return;
		after = String(pageInfo.endCursor);
	}
}

/**
 * Orders placed since the cursor, by Shopify's `createdAt` (docs/architecture.md, "Polling
 * triggers"): an order is emitted once, when it is new; later edits of it do not emit it again.
 */
export async function pollOrders(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const extra = String(this.getNodeParameter('query', '') ?? '').trim();
	const { maxPerPoll, overlapMs, startDate } = readPollSettings(this);
	const result = await pollWithCursor<IDataObject>({
		staticData: this.getWorkflowStaticData('node'),
		manual: this.getMode() === 'manual',
		configKey: `orderCreated|${extra}|${startDate?.toISOString() ?? ''}`,
		nowMs: clock.now(),
		overlapMs,
		maxPerPoll,
		startDate,
		sampleSize: SAMPLE_SIZE,
		versionOf: (o) => ({ id: String(o.id), modified: parseUtc(o.createdAt) }),
		fetchChanged: (since) => createdPages(this, since, extra),
		fetchSample: async (limit) => {
			const data = await shopifyGraphql.call(this, RECENT, { first: limit, q: orderSearch('created_at', undefined, extra) });
			return await withAllLines(this, ((data.orders as IDataObject | undefined)?.nodes ?? []) as IDataObject[]);
		},
	});
	return result ? [this.helpers.returnJsonArray(result.records)] : null;
}
