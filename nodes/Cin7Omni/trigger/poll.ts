import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import { pollWithCursor } from '../../shared/cursor';
import { parseUtc } from '../../shared/dates';
import { splitList } from '../../shared/params';
import { readPollSettings } from '../../shared/pollSettings';
import { readKey } from '../helpers/keys';
import { readSubscriptionSource, withConsent } from '../helpers/subscriptionOptions';
import { inList, joinWhere, modifiedSince } from '../helpers/where';
import { OMNI_PAGE_SIZE, omniFirstPage, omniPages, ORDER } from '../transport';
import { availableForChangedRows } from './availableToSell';
import { EVENT_RESOURCE, recordIdOf, type EventName } from './events';

/**
 * One poll: walks the event's endpoint by modified date, oldest first, through the shared cursor
 * (docs/architecture.md, "Triggers"), then shapes what the event emits.
 */
export async function pollOmni(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event') as EventName;
	const resource = EVENT_RESOURCE[event];
	if (!resource) throw new NodeOperationError(this.getNode(), `Unknown event "${String(event)}"`);
	const stages = event === 'salesOrderUpdated' ? splitList(this.getNodeParameter('stages', [])) : [];
	const filter = inList('stage', stages);
	const { maxPerPoll, overlapMs, startDate } = readPollSettings(this);

	const result = await pollWithCursor<IDataObject>({
		staticData: this.getWorkflowStaticData('node'),
		manual: this.getMode() === 'manual',
		// A change of event, stage filter or start date restarts the cursor.
		configKey: JSON.stringify({ event, stages, startDate: startDate?.toISOString() ?? null }),
		nowMs: clock.now(),
		overlapMs,
		maxPerPoll,
		startDate,
		sampleSize: event === 'stockChanged' ? 5 : 3,
		ascending: true,
		pageSize: OMNI_PAGE_SIZE,
		versionOf: (r) => ({ id: recordIdOf(event, r), modified: parseUtc(readKey(r, 'modifiedDate')) }),
		// Oldest change first; records changed in the same second are walked by id (or option and
		// branch for stock), so a full page of one second is read completely and in a stable order.
		fetchChanged: (since) =>
			omniPages.call(this, resource, {
				where: joinWhere([modifiedSince(since), filter]),
				order: event === 'stockChanged' ? ORDER.stockByModified : ORDER.byModified,
			}),
		fetchSample: async (n) => await omniFirstPage.call(this, resource, { where: filter, order: 'modifieddate DESC' }, n),
	});
	if (!result) return null;

	let out: IDataObject[] = result.records;
	if (event === 'contactUpdated') {
		const consent = readSubscriptionSource(this);
		out = out.map((c) => withConsent(c, consent));
	} else if (event === 'stockChanged') {
		out = await availableForChangedRows.call(this, result.records);
	}
	return out.length ? [this.helpers.returnJsonArray(out)] : null;
}
