import type { IDisplayOptions, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { cursorOverlapMs, DEFAULT_OVERLAP_MS } from './cursor';
import { parseUtc } from './dates';

/**
 * The one set of poll settings every polling trigger shows (docs/architecture.md, "Triggers"):
 * same names, labels, defaults, placement (after the event's own fields) and error texts, read
 * by one reader that enforces the cursor's overlap floor.
 */
export const DEFAULT_MAX_PER_POLL = 1000;
/** Named, so the Overlap field's default is a plain value (n8n's lint reads defaults literally). */
const DEFAULT_OVERLAP_MINUTES = DEFAULT_OVERLAP_MS / 60_000;

export interface PollSettingsOptions {
	/** What the trigger emits, in hints ("records", "SKUs", "suppressions"). */
	noun?: string;
	/** A vendor-specific hint on the per-poll cap (e.g. what a backlog costs at this vendor). */
	maxPerPollHint?: string;
	/** Where Overlap and Start Date apply (events that walk a modified-time cursor); default: everywhere. */
	cursorDisplayOptions?: IDisplayOptions;
}

export function pollSettingsProperties(options: PollSettingsOptions = {}): INodeProperties[] {
	const noun = options.noun ?? 'records';
	const cursorShown = options.cursorDisplayOptions ? { displayOptions: options.cursorDisplayOptions } : {};
	return [
		{
			displayName: 'Max Records per Poll',
			name: 'maxPerPoll',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_MAX_PER_POLL,
			description: `At most this many ${noun} per poll, oldest first; the rest follow on the next poll`,
			...(options.maxPerPollHint ? { hint: options.maxPerPollHint } : {}),
		},
		{
			displayName: 'Overlap (Minutes)',
			name: 'overlapMinutes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_OVERLAP_MINUTES,
			description: 'Each poll re-reads this many minutes before the last change seen; repeats are dropped',
			hint: 'Covers clock differences and delayed writes; at least 1 minute',
			...cursorShown,
		},
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description:
				'Emit changes since this date (UTC) on the first poll, as a history backfill spread over polls. Leave empty to start from the moment of activation.',
			...cursorShown,
		},
	];
}

export interface PollSettings {
	maxPerPoll: number;
	overlapMs: number;
	startDate?: Date;
}

/** Reads the shared poll settings; a start date that is not a date stops the poll with its name. */
export function readPollSettings(ctx: IPollFunctions): PollSettings {
	const maxPerPoll = Math.max(
		1,
		Math.floor(Number(ctx.getNodeParameter('maxPerPoll', DEFAULT_MAX_PER_POLL))) || DEFAULT_MAX_PER_POLL,
	);
	const overlapMs = cursorOverlapMs(Number(ctx.getNodeParameter('overlapMinutes', DEFAULT_OVERLAP_MINUTES)));
	const startText = String(ctx.getNodeParameter('startDate', '') ?? '').trim();
	const startDate = startText ? parseUtc(startText) : undefined;
	if (startText && !startDate) {
		throw new NodeOperationError(ctx.getNode(), `Start Date is not a valid date: "${startText}"`, {
			description: 'Pick a date in the Start Date field, or leave it empty to start from the moment of activation.',
		});
	}
	return { maxPerPoll, overlapMs, startDate };
}
