import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import { pollWithCursor } from '../../shared/cursor';
import { parseUtc } from '../../shared/dates';
import { readPollSettings } from '../../shared/pollSettings';
import { customerFields, LIST_ADDRESSES, LIST_PAGE_SIZE, toCustomer } from '../helpers/customer';
import { shopifyGraphql } from '../transport';

const SAMPLE_SIZE = 5;

/**
 * Customers by ID (a stable order) with `updated_at` at or after a time: cursor pages (`after`)
 * never shift when a customer changes mid-walk, which rule 2 of nodes/shared/cursor.ts asks.
 */
const CHANGED = `query Changed($first: Int!, $after: String, $q: String) {
customers(first: $first, after: $after, query: $q, sortKey: ID) { nodes { ${customerFields(LIST_ADDRESSES)} } pageInfo { hasNextPage endCursor } } }`;
const RECENT = `query Recent($first: Int!, $q: String) {
customers(first: $first, query: $q, sortKey: UPDATED_AT, reverse: true) { nodes { ${customerFields(LIST_ADDRESSES)} } } }`;

function searchFor(since: Date | undefined, extra: string): string | null {
	const parts = [since ? `updated_at:>='${since.toISOString()}'` : '', extra].filter(Boolean);
	return parts.length ? parts.join(' AND ') : null;
}

async function* changedPages(ctx: IPollFunctions, since: Date, extra: string): AsyncGenerator<IDataObject[]> {
	let after: string | null = null;
	for (;;) {
		const data = await shopifyGraphql.call(ctx, CHANGED, { first: LIST_PAGE_SIZE, after, q: searchFor(since, extra) });
		const connection = (data.customers ?? {}) as IDataObject;
		const nodes = ((connection.nodes ?? []) as IDataObject[]).map(toCustomer);
		if (nodes.length) yield nodes;
		const pageInfo = (connection.pageInfo ?? {}) as IDataObject;
		if (!pageInfo.hasNextPage || !pageInfo.endCursor || !nodes.length) return;
		after = String(pageInfo.endCursor);
	}
}

/** Customers changed since the cursor, by Shopify's `updatedAt` (docs/architecture.md, "Polling triggers"). */
export async function pollCustomers(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event', 'customerUpdated') as string;
	const extra = String(this.getNodeParameter('query', '') ?? '').trim();
	const { maxPerPoll, overlapMs, startDate } = readPollSettings(this);
	const result = await pollWithCursor<IDataObject>({
		staticData: this.getWorkflowStaticData('node'),
		manual: this.getMode() === 'manual',
		configKey: `${event}|${extra}|${startDate?.toISOString() ?? ''}`,
		nowMs: clock.now(),
		overlapMs,
		maxPerPoll,
		startDate,
		sampleSize: SAMPLE_SIZE,
		versionOf: (c) => ({ id: String(c.id), modified: parseUtc(c.updatedAt) }),
		fetchChanged: (since) => changedPages(this, since, extra),
		fetchSample: async (limit) => {
			const data = await shopifyGraphql.call(this, RECENT, { first: limit, q: searchFor(undefined, extra) });
			return (((data.customers as IDataObject | undefined)?.nodes ?? []) as IDataObject[]).map(toCustomer);
		},
	});
	return result ? [this.helpers.returnJsonArray(result.records)] : null;
}
