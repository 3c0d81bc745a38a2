import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import { pollWithCursor } from '../../shared/cursor';
import { splitList } from '../../shared/params';
import { readPollSettings } from '../../shared/pollSettings';
import { findFolder, readFolders, type Folder } from '../helpers/folders';
import { storeTimeZone } from '../helpers/store';
import { orderDeskPages, orderDeskRequest, rowsAt } from '../transport';
import { formatOrderDeskDate, parseOrderDeskDate } from '../transport/dates';

const SAMPLE_SIZE = 5;

/** The watched folders; a name that matches none stops the poll and lists the store's folders. */
async function watchedFolders(ctx: IPollFunctions): Promise<Folder[] | undefined> {
	const wanted = splitList(ctx.getNodeParameter('folders', ''));
	if (!wanted.length) return undefined;
	const folders = await readFolders(ctx);
	return wanted.map((value) => {
		const folder = findFolder(folders, value);
		if (!folder) {
			const names = folders.map((f) => `"${f.name}" (${f.id})`).join(', ');
			throw new NodeOperationError(ctx.getNode(), `Folders: "${value}" is not a folder of this store; folders: ${names || 'none'}`, {
				description: 'Fix the Folders field of the trigger (names or IDs, comma-separated).',
			});
		}
		return folder;
	});
}

/**
 * Orders changed since the cursor, by `date_updated` (docs/architecture.md, "Polling triggers and
 * the cursor"). Each watched folder is one query with `modified_start_date` and no end date, ordered
 * by ID so offset pages do not shift while they are read (rule 2 of nodes/shared/cursor.ts).
 */
export async function pollOrders(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event', 'orderChanged') as string;
	const { maxPerPoll, overlapMs, startDate } = readPollSettings(this);
	const nowMs = clock.now();
	const zone = await storeTimeZone(this);
	const folders = await watchedFolders(this);
	const folderIds = (folders ?? []).map((f) => f.id);
	const queries = folderIds.length ? folderIds.map((id) => ({ folder_id: id })) : [{}];

	const result = await pollWithCursor<IDataObject>({
		staticData: this.getWorkflowStaticData('node'),
		manual: this.getMode() === 'manual',
		configKey: `${event}|${[...folderIds].sort().join(',')}|${startDate?.toISOString() ?? ''}`,
		nowMs,
		overlapMs,
		maxPerPoll,
		startDate,
		sampleSize: SAMPLE_SIZE,
		versionOf: (row) => ({ id: String(row.id), modified: parseOrderDeskDate(row.date_updated, zone) }),
		fetchChanged: (since) =>
			(async function* (ctx: IPollFunctions) {
				for (const query of queries) {
					yield* orderDeskPages.call(ctx, '/orders', 'orders', {
						...query,
						modified_start_date: formatOrderDeskDate(since, zone),
						order_by: 'id',
						order: 'asc',
					});
				}
			})(this),
		fetchSample: async (limit) => {
			const rows: IDataObject[] = [];
			for (const query of queries) {
				const body = await orderDeskRequest.call(this, 'GET', '/orders', { ...query, limit, offset: 0, order_by: 'id', order: 'desc' });
				rows.push(...rowsAt(body, 'orders'));
			}
			return rows.sort((a, b) => Number(b.id) - Number(a.id)).slice(0, limit);
		},
	});
	return result ? [this.helpers.returnJsonArray(result.records)] : null;
}
