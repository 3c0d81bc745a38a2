import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import type { RequestContext } from '../../shared/http';
import { parseCsv } from '../helpers/csv';
import { EMAIL_FIELD, OPTIN_FIELD, optInValue, type FieldIndex } from '../helpers/fields';
import { emarsysRequest, seg } from '../transport';

/** Emarsys exports at most 20 fields per contact-changes export. */
export const MAX_EXPORT_FIELDS = 20;
const EXPORT_CHECK_MS = 2_000;
const EXPORT_MAX_WAIT_MS = 10 * 60_000;
const PENDING = ['scheduled', 'in progress', 'inprogress', 'pending', 'queued', 'processing', 'started'];

/** The waits between export status checks; a seam so a harness can scale them. */
export const exportWaits = {
	sleep: async (ms: number): Promise<void> => await clock.sleep(ms),
};

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Contacts changed in [since, until] (docs/architecture.md, "Polling triggers"): Emarsys's
 * contact-changes export, `POST /contact/getchanges`, then its status until done, then its CSV.
 * The export names columns as Emarsys shows fields (`E-Mail`, `Opt-In`) and single-choice values
 * as text (`True` / `False`); both are read back through the field index.
 */
export async function exportChanges(
	ctx: RequestContext,
	index: FieldIndex,
	fieldIds: number[],
	since: Date,
	until: Date,
): Promise<IDataObject[]> {
	const started = await emarsysRequest.call(ctx, 'POST', '/contact/getchanges', undefined, {
		distribution_method: 'local',
		origin: 'all',
		origin_id: '0',
		time_range: [isoSeconds(since), isoSeconds(until)],
		contact_fields: fieldIds,
		delimiter: ',',
		add_field_names_header: 1,
		language: 'en',
	});
	const exportId = started.id;
	if (exportId === undefined || exportId === null || exportId === '') {
		throw new NodeOperationError(ctx.getNode(), 'Emarsys started no contact-changes export (its answer held no export id)');
	}
	const deadline = clock.now() + EXPORT_MAX_WAIT_MS;
	for (;;) {
		const status = await emarsysRequest.call(ctx, 'GET', `/export/${seg(String(exportId))}`);
		const state = String(status.status ?? '').toLowerCase();
		if (state === 'done' || state === 'ready' || state === 'finished') break;
		if (!PENDING.includes(state)) {
			throw new NodeOperationError(ctx.getNode(), `Emarsys contact-changes export ${String(exportId)} ended as "${state}"`);
		}
		if (clock.now() + EXPORT_CHECK_MS > deadline) {
			throw new NodeOperationError(ctx.getNode(), `Emarsys contact-changes export ${String(exportId)} was still "${state}" after 10 minutes; the next poll asks again`);
		}
		await exportWaits.sleep(EXPORT_CHECK_MS);
	}
	const text = await emarsysRequest.call(ctx, 'GET', `/export/${seg(String(exportId))}/data`, undefined, undefined, { expectJson: false });
	return contactsOf(index, typeof text === 'string' ? text : String(text ?? ''));
}

/** The export's rows as contacts: id, email, opt-in as a boolean, fields by technical name. */
export function contactsOf(index: FieldIndex, csv: string): IDataObject[] {
	const [header, ...rows] = parseCsv(csv);
	if (!header) return [];
	const names = header.map((h) => {
		if (h.trim().toLowerCase() === 'user_id') return 'user_id';
		const id = index.id(h);
		return id === undefined ? h.trim() : index.name(id);
	});
	const emailName = index.name(EMAIL_FIELD);
	const optInName = index.name(OPTIN_FIELD);
	return rows.map((row) => {
		const fields: IDataObject = {};
		let id = '';
		names.forEach((name, k) => {
			if (name === 'user_id') id = row[k] ?? '';
			else fields[name] = row[k] ?? '';
		});
		return {
			id,
			email: String(fields[emailName] ?? '').trim().toLowerCase(),
			optIn: optInValue(fields[optInName]),
			fields,
		};
	});
}
