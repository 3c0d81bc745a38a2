import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { errorItem, withItemIndex } from '../../../shared/items';
import { inOrder, runBatchImport, type KeyedRecord, type RecordResult } from '../../helpers/batchImport';
import { importOptionsField, readImportOptions } from '../../helpers/importOptions';
import { ddRequest } from '../../transport';
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

/** Maps the v3 import report back to the records of the batch by email. */
export function judgeContactImport(
	batch: Array<KeyedRecord<IDataObject>>,
	report: IDataObject,
	importId: string,
): RecordResult[] {
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
		const base = { email: (r.record.identifiers as IDataObject).email, importId };
		const failure = failures.get(r.key);
		if (failure) return { ok: false, json: base, error: failure };
		const result = created.has(r.key) ? 'created' : updated.has(r.key) ? 'updated' : 'imported';
		return { ok: true, json: { ...base, result } };
	});
}

/**
 * PUT /contacts/v3/import for all input items together, then GET /contacts/v3/import/{id} until it
 * finishes. Every item gets one output item: its import result or its own error.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: Array<INodeExecutionData | undefined> = new Array(items.length);
	const records: Array<KeyedRecord<IDataObject>> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const contact = buildContact(this, i);
			const email = (contact.identifiers as IDataObject).email as string;
			records.push({ record: { matchIdentifier: 'email', ...contact }, itemIndex: i, key: email.toLowerCase() });
		} catch (error) {
			if (!this.continueOnFail()) throw withItemIndex(this, error, i);
			results[i] = errorItem(this, error, i);
		}
	}
	if (!records.length) return inOrder(results);

	const mergeOption = this.getNodeParameter('mergeOption', 0, 'overwrite') as string;
	const options = readImportOptions(this);
	await runBatchImport(
		this,
		{
			noun: 'contact',
			records,
			maxCount: options.batchSize,
			maxBytes: options.maxBytes,
			wait: options.wait,
			submit: async (contacts) => {
				const res = await ddRequest(this, 'PUT', '/contacts/v3/import', {
					body: { mergeOption, contacts },
				});
				return String(res.importId ?? res.id);
			},
			statusPath: (id) => `/contacts/v3/import/${encodeURIComponent(id)}`,
			judge: judgeContactImport,
		},
		results,
	);
	return inOrder(results);
}
