import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import { pollWithCursor } from '../../shared/cursor';
import { parseUtc } from '../../shared/dates';
import { readPollSettings } from '../../shared/pollSettings';
import { EXPORT_STATUSES, listOrders, ORDER_TYPES, orderPages } from '../helpers/orders';

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
	const query = (since: Date) => ({
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
	return result ? [this.helpers.returnJsonArray(result.records)] : null;
}
