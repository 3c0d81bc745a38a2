import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import { pollWithCursor } from '../../shared/cursor';
import { parseUtc } from '../../shared/dates';
import { readPollSettings } from '../../shared/pollSettings';
import { EXPORT_STATUSES, listOrders, ORDER_TYPES, orderPages, type OrderQuery } from '../helpers/orders';

const SAMPLE_SIZE = 5;
const SAMPLE_LOOKBACK_DAYS = [1, 7, 30, 365];
const DAY_MS = 86_400_000;

const EVENT_EXPORT_STATUS: Record<string, number> = {
	approvedAwaitingExport: EXPORT_STATUSES.notExportedOrModified,
	approvedModified: EXPORT_STATUSES.modifiedSinceExport,
	approvedNew: EXPORT_STATUSES.notExported,
};

const modifiedAt = (o: IDataObject) => parseUtc(o.date_modified ?? o.date_approved ?? o.date_created);

/**
 * Approved orders by their modified time (docs/architecture.md, "Polling triggers and the
 * cursor"), always read with `sync=0` so the trigger never consumes JOOR's export queue. JOOR's
 * modified range needs both ends; the end is set a day ahead, so an order changed while pages
 * are read stays in the result set and no page shifts (the cursor's rule 2).
 */
export async function pollOrders(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event', 'approvedAwaitingExport') as string;
	const exportStatus = EVENT_EXPORT_STATUS[event] ?? EXPORT_STATUSES.notExportedOrModified;
	const { maxPerPoll, overlapMs, startDate } = readPollSettings(this);
	const nowMs = clock.now();
	const query = (since: Date): OrderQuery => ({
		orderType: ORDER_TYPES.approved,
		exportStatus,
		modifiedFrom: since,
		modifiedTo: new Date(nowMs + DAY_MS),
	});

	const result = await pollWithCursor<IDataObject>({
		staticData: this.getWorkflowStaticData('node'),
		manual: this.getMode() === 'manual',
		configKey: `${event}|${startDate?.toISOString() ?? ''}`,
		nowMs,
		overlapMs,
		maxPerPoll,
		startDate,
		sampleSize: SAMPLE_SIZE,
		versionOf: (o) => ({ id: String(o.id), modified: modifiedAt(o) }),
		fetchChanged: (since) => orderPages.call(this, query(since)),
		fetchSample: async (limit) => {
			for (const days of SAMPLE_LOOKBACK_DAYS) {
				const rows = await listOrders.call(this, query(new Date(nowMs - days * DAY_MS)), 1000);
				if (rows.length) {
					const time = (o: IDataObject) => modifiedAt(o)?.getTime() ?? 0;
					return rows.sort((a, b) => time(b) - time(a)).slice(0, limit);
				}
			}
			return [];
		},
	});
	const emitted = result?.records ?? [];
	const reEmitMs = Math.max(0, Number(this.getNodeParameter('reEmitAfterMinutes', 0)) || 0) * 60_000;
	if (reEmitMs > 0 && this.getMode() !== 'manual') {
		const again = await waitingAgain.call(this, query, emitted, { nowMs, reEmitMs, cap: Math.max(0, maxPerPoll - emitted.length) });
		emitted.push(...again);
	}
	return emitted.length ? [this.helpers.returnJsonArray(emitted)] : null;
}

/**
 * Orders this trigger emitted that are still in JOOR's export queue `reEmitMs` after their last
 * emission: emitted again (`reEmitted: true`), so an order whose import failed (a missing SKU, an
 * outage) is retried once fixed, without waiting for it to change in JOOR. The queue is read whole
 * (sync=0); orders that left it are forgotten. Orders waiting from before the trigger emitted them
 * (the backlog at activation) are never picked up here, so activating does not flood.
 */
async function waitingAgain(
	this: IPollFunctions,
	query: (since: Date) => OrderQuery,
	justEmitted: IDataObject[],
	o: { nowMs: number; reEmitMs: number; cap: number },
): Promise<IDataObject[]> {
	const staticData = this.getWorkflowStaticData('node');
	const emittedAt = ((staticData.emittedAt ?? {}) as Record<string, number>);
	for (const order of justEmitted) emittedAt[String(order.id)] = o.nowMs;
	// Nothing emitted is waiting to be checked: no queue read, no credit.
	if (!Object.keys(emittedAt).length) return [];
	// The same order type and export status as the cursor's query, without its modified range.
	const { orderType, exportStatus } = query(new Date(o.nowMs));
	const waiting = await listOrders.call(this, { orderType, exportStatus });
	const stillWaiting = new Set(waiting.map((order) => String(order.id)));
	for (const id of Object.keys(emittedAt)) if (!stillWaiting.has(id)) delete emittedAt[id];
	const again: IDataObject[] = [];
	for (const order of waiting) {
		const id = String(order.id);
		const last = emittedAt[id];
		if (last === undefined || o.nowMs - last < o.reEmitMs || again.length >= o.cap) continue;
		emittedAt[id] = o.nowMs;
		again.push({ ...order, reEmitted: true });
	}
	staticData.emittedAt = emittedAt;
	return again;
}
