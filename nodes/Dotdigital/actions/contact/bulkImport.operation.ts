import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite, type BatchRecord, type RecordVerdict } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemOutcomes } from '../../../shared/operation';
import { importOptionsField, readImportOptions } from '../../helpers/importOptions';
import { runImport } from '../../transport/imports';
import { buildContact, contactFields, mergeOptionField } from './fields';

const properties: INodeProperties[] = [
	...contactFields,
	mergeOptionField,
	importOptionsField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['bulkImport'] } },
	properties,
);

const FINISHED = 'finished';

function emailOf(entry: unknown): string | undefined {
	const e = entry as IDataObject | undefined;
	const value = (e?.identifiers as IDataObject | undefined)?.email ?? e?.email;
	return typeof value === 'string' ? value.toLowerCase() : undefined;
}

function failureText(entry: IDataObject): string {
	const list = Array.isArray(entry.failures) ? (entry.failures as IDataObject[]) : [];
	const parts = list.map((f) => [f.failureCode, f.description].filter(Boolean).join(': '));
	return parts.length ? parts.join('; ') : 'rejected without a reason';
}

/** Maps the v3 import report back to the records of the batch by email (each record's key). */
export function judgeContactImport(
	batch: Array<BatchRecord<IDataObject>>,
	report: IDataObject,
	importId: string,
): RecordVerdict[] {
	const status = String(report.status ?? '');
	if (status.toLowerCase() !== FINISHED) {
		return batch.map((r) => ({
			ok: false,
			json: { email: r.key, importId, importStatus: status },
			error: `the import ended with status "${status}"`,
		}));
	}
	const failures = new Map<string, string>();
	for (const f of (report.failures as IDataObject[] | undefined) ?? []) {
		const email = emailOf(f);
		if (email) failures.set(email, failureText(f));
	}
	const created = new Set(((report.created as unknown[]) ?? []).map(emailOf));
	const updated = new Set(((report.updated as unknown[]) ?? []).map(emailOf));
	return batch.map((r) => {
		const key = String(r.key);
		const base = { email: (r.record.identifiers as IDataObject).email, importId };
		const failure = failures.get(key);
		if (failure) return { ok: false, json: base, error: failure };
		const result = created.has(key) ? 'created' : updated.has(key) ? 'updated' : 'imported';
		return { ok: true, json: { ...base, result } };
	});
}

/**
 * PUT /contacts/v3/import for all input items together (as few imports as the 40 MB body margin
 * allows, or the user's Batch Size), then GET /contacts/v3/import/{id} once the import should be
 * done, and every interval after while it is not. Every item gets one outcome: its import result
 * or its own error. A repeated email is sent once, with the last item's values: an import rejects
 * repeats, and the last value is what one-by-one upserts would have left behind.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const options = readImportOptions(this);
	const mergeOption = this.getNodeParameter('mergeOption', 0, 'overwrite') as string;
	return await batchWrite<IDataObject>(this, {
		vendor: 'Dotdigital',
		noun: 'contact',
		maxCount: options.batchSize,
		maxBytes: options.maxBytes,
		duplicates: 'lastWins',
		build: (i) => {
			const contact = buildContact(this, i);
			const email = (contact.identifiers as IDataObject).email as string;
			return { record: { matchIdentifier: 'email', ...contact }, key: email.toLowerCase() };
		},
		send: async (batch) => {
			const { importId, report } = await runImport.call(
				this,
				'/contacts/v3/import',
				{ mergeOption, contacts: batch.map((r) => r.record) },
				batch.length,
				options.wait,
			);
			return judgeContactImport(batch, report, importId);
		},
	});
}
