import { createHash } from 'crypto';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import { splitList } from '../../shared/params';
import { readPollSettings } from '../../shared/pollSettings';
import { EMAIL_FIELD, FieldIndex, OPTIN_FIELD, readFieldRows } from '../helpers/fields';
import { exportChanges, MAX_EXPORT_FIELDS } from './changes';
import { DEFAULT_TRIGGER_FIELDS } from './description';

const SAMPLE_SIZE = 5;
const SAMPLE_LOOKBACK_MS = 7 * 86_400_000;

interface ChangeState extends IDataObject {
	configKey: string;
	/** The end of the last complete window (local time when that poll began). */
	cursor: string;
	/** `${id}#${hash of the exported values}` → when it was emitted (ms). */
	seen: IDataObject;
}

const versionKey = (c: IDataObject) =>
	`${String(c.id)}#${createHash('sha1').update(JSON.stringify(c.fields ?? {})).digest('hex').slice(0, 16)}`;

/**
 * Contacts changed since the cursor (docs/architecture.md, "Polling triggers"). The shared
 * `pollWithCursor` keys records by their server-side modified time, which Emarsys's
 * contact-changes export does not carry; so this poll keeps the same guarantee its own way:
 * - each poll exports [cursor − overlap, now] and the cursor moves to "now" (the walk start) only
 *   when everything read was emitted; the first activation seeds the cursor without a flood
 *   (or starts at the Start Date), manual runs return a sample and leave the cursor alone;
 * - a contact version (id + the exported values) emitted once is not emitted again while it can
 *   still be re-read in an overlap; a later change to different values is a new version;
 * - more than Max Records per Poll: the oldest ids first, the rest on the next poll (same window).
 */
export async function pollContactChanges(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event', 'optOut') as string;
	const names = splitList(this.getNodeParameter('fields', DEFAULT_TRIGGER_FIELDS));
	const { maxPerPoll, overlapMs, startDate } = readPollSettings(this);
	const nowMs = clock.now();

	const wanted = (c: IDataObject) => event !== 'optOut' || c.optIn === false;

	const readFields = async () => {
		// The export names its columns as Emarsys shows fields, so the account's field list is read.
		const index = new FieldIndex(await readFieldRows(this));
		const ids: number[] = [EMAIL_FIELD, OPTIN_FIELD];
		for (const name of names) {
			const id = index.id(name);
			if (id === undefined) {
				throw new NodeOperationError(this.getNode(), `Fields: "${name}" names no Emarsys contact field`, {
					description: 'Use a field\'s technical name (e.g. first_name), its name as shown in Emarsys, or its numeric ID.',
				});
			}
			if (!ids.includes(id)) ids.push(id);
		}
		if (ids.length > MAX_EXPORT_FIELDS) {
			throw new NodeOperationError(this.getNode(), `Fields: Emarsys exports at most ${MAX_EXPORT_FIELDS} fields, ${ids.length} were asked for`);
		}
		return { index, ids };
	};

	if (this.getMode() === 'manual') {
		const { index, ids } = await readFields();
		const rows = await exportChanges(this, index, ids, new Date(nowMs - SAMPLE_LOOKBACK_MS), new Date(nowMs));
		const sample = rows.filter(wanted).slice(-SAMPLE_SIZE);
		return sample.length ? [this.helpers.returnJsonArray(sample)] : null;
	}

	const staticData = this.getWorkflowStaticData('node');
	const configKey = `${event}|${names.join(',').toLowerCase()}|${startDate?.toISOString() ?? ''}`;
	let state = staticData.emarsysChanges as ChangeState | undefined;
	if (!state || state.configKey !== configKey || Number.isNaN(Date.parse(state.cursor))) {
		state = { configKey, cursor: new Date(startDate ? startDate.getTime() : nowMs).toISOString(), seen: {} };
		staticData.emarsysChanges = state;
		if (!startDate) return null;
	}

	const { index, ids } = await readFields();
	const sinceMs = Date.parse(state.cursor) - overlapMs;
	const rows = await exportChanges(this, index, ids, new Date(sinceMs), new Date(nowMs));
	const fresh = rows.filter(wanted).filter((c) => state.seen[versionKey(c)] === undefined);
	fresh.sort((a, b) => Number(a.id) - Number(b.id) || String(a.id).localeCompare(String(b.id)));
	const emitted = fresh.slice(0, Math.max(1, maxPerPoll));
	const backlog = fresh.length > emitted.length;
	for (const c of emitted) state.seen[versionKey(c)] = nowMs;
	if (!backlog) state.cursor = new Date(nowMs).toISOString();
	// Keep what the next window can still re-read: versions emitted at or after its start.
	const nextSince = Date.parse(state.cursor) - overlapMs;
	for (const [key, at] of Object.entries(state.seen)) if (Number(at) < nextSince) delete state.seen[key];
	return emitted.length ? [this.helpers.returnJsonArray(emitted)] : null;
}
