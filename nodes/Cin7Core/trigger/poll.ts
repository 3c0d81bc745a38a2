import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import { pollWithCursor } from '../../shared/cursor';
import { splitList } from '../../shared/params';
import { readPollSettings, type PollSettings } from '../../shared/pollSettings';
import { resolveLocationNames } from '../helpers/locations';
import { withMarketingContact } from '../helpers/marketingContact';
import { CORE_PAGE_SIZE } from '../transport';
import { changedPages, RECORD_EVENTS, resumable, sample, versionOf, withSaleDetails } from './recordEvents';
import { pollStockLevels } from './stockLevels';

/** Rows a manual run ("Fetch Test Event") shows. */
const SAMPLE_SIZE = 5;

interface PollRun {
	staticData: IDataObject;
	manual: boolean;
	settings: PollSettings;
}

/** One poll of the Cin7 Core Trigger: the event's rows, or null when nothing changed. */
export async function pollCore(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event') as string;
	const run: PollRun = {
		staticData: this.getWorkflowStaticData('node'),
		manual: this.getMode() === 'manual',
		settings: readPollSettings(this),
	};
	const rows =
		event === 'stockLevelChanged' ? await stockLevelChanged(this, run) : await recordUpdated(this, event, run);
	return rows ? [this.helpers.returnJsonArray(rows)] : null;
}

async function stockLevelChanged(ctx: IPollFunctions, run: PollRun): Promise<IDataObject[] | null> {
	const includeDeprecated = ctx.getNodeParameter('includeDeprecated', false) as boolean;
	const typed = {
		skus: splitList(ctx.getNodeParameter('skus', '')),
		sellableLocations: splitList(ctx.getNodeParameter('sellableLocations', [])),
		excludedLocations: splitList(ctx.getNodeParameter('excludedLocations', [])),
		// A list from the drop-down, or the comma-separated text of workflows saved before it.
		excludedBins: splitList(ctx.getNodeParameter('excludedBins', [])),
		deductUnauthorisedOrders: ctx.getNodeParameter('deductUnauthorisedOrders', false) as boolean,
		includeOnOrder: ctx.getNodeParameter('includeOnOrder', false) as boolean,
		safetyBuffer: { mode: 'none' as const },
	};
	// The key of the settings as typed, in the shape earlier versions stored, so an upgrade keeps
	// the snapshot; Include Deprecated joins it only when on.
	const configKey = JSON.stringify(includeDeprecated ? { ...typed, includeDeprecated } : typed);
	// Checked once per poll: a name matching no location would exclude nothing.
	const names = await resolveLocationNames(
		ctx,
		typed,
		(field, problem) => new NodeOperationError(ctx.getNode(), `${field} ${problem}`),
	);
	return await pollStockLevels(ctx, {
		staticData: run.staticData,
		manual: run.manual,
		configKey,
		maxPerPoll: run.settings.maxPerPoll,
		sampleSize: SAMPLE_SIZE,
		settings: { ...typed, ...names, includeDeprecated },
	});
}

async function recordUpdated(ctx: IPollFunctions, event: string, run: PollRun): Promise<IDataObject[] | null> {
	const recordEvent = RECORD_EVENTS[event];
	if (!recordEvent) throw new NodeOperationError(ctx.getNode(), `Unknown event "${event}"`);
	const saleFilters = event === 'saleUpdated' ? { ...(ctx.getNodeParameter('saleFilters', {}) as IDataObject) } : {};
	const includeDetails = saleFilters.includeDetails === true;
	delete saleFilters.includeDetails;
	const { maxPerPoll, overlapMs, startDate } = run.settings;
	const nowMs = clock.now();

	const result = await pollWithCursor<IDataObject>({
		staticData: run.staticData,
		manual: run.manual,
		// A new event, filter or start date starts a new cursor.
		configKey: JSON.stringify({ event, saleFilters, start: startDate?.toISOString() ?? null }),
		nowMs,
		overlapMs,
		maxPerPoll,
		startDate,
		sampleSize: SAMPLE_SIZE,
		versionOf: (row) => versionOf(recordEvent, row),
		fetchChanged: (since, until, fromPage) => changedPages(ctx, recordEvent, saleFilters, since, until, fromPage),
		fetchSample: async (limit) => await sample(ctx, recordEvent, saleFilters, nowMs, limit),
		// A capped backlog is walked once across polls, not re-read from the cursor on each.
		resumable: resumable(recordEvent),
		pageSize: CORE_PAGE_SIZE,
	});
	if (!result) return null;
	if (includeDetails) return await withSaleDetails(ctx, result.records);
	return event === 'customerUpdated' ? result.records.map(withMarketingContact) : result.records;
}
