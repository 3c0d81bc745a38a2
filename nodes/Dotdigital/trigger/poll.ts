import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import { pollWithCursor } from '../../shared/cursor';
import { parseUtc } from '../../shared/dates';
import { takeRows } from '../../shared/pagination';
import { readPollSettings } from '../../shared/pollSettings';
import { suppressionPages, type SuppressionKind } from '../helpers/suppression';

const SAMPLE_SIZE = 5;
/** Manual runs look back step by step so a quiet account still shows a sample. */
const SAMPLE_LOOKBACK_DAYS = [1, 7, 30, 365];

const removedAt = (row: IDataObject) => parseUtc(row.dateRemoved);

/**
 * Suppressions since the cursor, by their `dateRemoved` (docs/architecture.md, "Triggers"). The
 * cursor key is `<event>|<start date or empty>`, as before the shared poll settings, so running
 * cursors carry on.
 */
export async function pollSuppressions(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const kind = this.getNodeParameter('event', 'suppressed') as SuppressionKind;
	const { maxPerPoll, overlapMs, startDate } = readPollSettings(this);
	const nowMs = clock.now();

	const result = await pollWithCursor<IDataObject>({
		staticData: this.getWorkflowStaticData('node'),
		manual: this.getMode() === 'manual',
		configKey: `${kind}|${startDate?.toISOString() ?? ''}`,
		nowMs,
		overlapMs,
		maxPerPoll,
		startDate,
		sampleSize: SAMPLE_SIZE,
		versionOf: (row) => ({ id: String(row.contactId ?? row.email), modified: removedAt(row) }),
		fetchChanged: (since) => suppressionPages.call(this, kind, since),
		fetchSample: async (limit) => {
			for (const days of SAMPLE_LOOKBACK_DAYS) {
				const since = new Date(nowMs - days * 86_400_000);
				const rows = await takeRows(suppressionPages.call(this, kind, since), 1000);
				if (rows.length) {
					const time = (r: IDataObject) => removedAt(r)?.getTime() ?? 0;
					return rows.sort((a, b) => time(b) - time(a)).slice(0, limit);
				}
			}
			return [];
		},
	});
	return result ? [this.helpers.returnJsonArray(result.records)] : null;
}
