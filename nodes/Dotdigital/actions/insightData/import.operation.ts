import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { batchWrite, type BatchRecord, type BuiltRecord, type RecordVerdict } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import type { ItemOutcomes } from '../../../shared/operation';
import { readJson, requiredText } from '../../../shared/params';
import { requireEmail } from '../../helpers/email';
import { importOptionsField, readImportOptions } from '../../helpers/importOptions';
import { runImport } from '../../transport/imports';
import { insightFields } from './fields';

const properties: INodeProperties[] = [...insightFields, importOptionsField()];

export const description = updateDisplayOptions(
	{ show: { resource: ['insightData'], operation: ['import'] } },
	properties,
);

const COLLECTION_NAME = /^[-A-Za-z_][-A-Za-z0-9_]{1,255}$/;
const DONE = ['complete', 'finished'];
const RECORD_EXAMPLE = '{"orderId": "SO-1001", "total": 25}';

/** Dotdigital rejects arrays directly inside arrays (`JsonContainsNestedArray`); catching it here names the item. */
function nestedArrayPath(value: unknown, path: string): string | undefined {
	if (Array.isArray(value)) {
		for (const [n, entry] of value.entries()) {
			if (Array.isArray(entry)) return `${path}[${n}]`;
			const inner = nestedArrayPath(entry, `${path}[${n}]`);
			if (inner) return inner;
		}
	} else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			const inner = nestedArrayPath(v, path ? `${path}.${k}` : k);
			if (inner) return inner;
		}
	}
	return undefined;
}

function readRecord(ctx: IExecuteFunctions, i: number, scope: string): BuiltRecord<IDataObject> {
	const key = requiredText(ctx, i, 'Record Key', ctx.getNodeParameter('recordKey', i));
	const source = ctx.getNodeParameter('recordSource', i, 'item') as string;
	const json: IDataObject =
		source === 'json'
			? { ...readJson<IDataObject>(ctx, i, 'Record', ctx.getNodeParameter('recordJson', i, '{}'), 'object', RECORD_EXAMPLE) }
			: { ...ctx.getInputData()[i].json };
	if (!Object.keys(json).length) throw inputError(ctx, i, 'Record', 'is an empty object');
	const nested = nestedArrayPath(json, '');
	if (nested) throw inputError(ctx, i, 'Record', `holds an array inside an array at ${nested}, which Dotdigital rejects`);
	const record: IDataObject = { key, json };
	if (scope === 'contact') {
		const email = requireEmail(ctx, i, 'Contact Email', ctx.getNodeParameter('contactEmail', i));
		record.contactIdentity = { identifier: 'email', value: email };
	}
	return { record, key };
}

function failureText(f: IDataObject): string {
	const details = f.details ? ` (${typeof f.details === 'string' ? f.details : JSON.stringify(f.details)})` : '';
	return `${String(f.failureReason ?? 'rejected')}${details}`;
}

export function judgeInsightImport(collectionName: string) {
	return (batch: Array<BatchRecord<IDataObject>>, report: IDataObject, importId: string): RecordVerdict[] => {
		const status = String(report.status ?? '');
		if (!DONE.includes(status.toLowerCase())) {
			return batch.map((r) => ({
				ok: false,
				json: { key: r.key, collectionName, importId, importStatus: status },
				error: `the import ended with status "${status}"`,
			}));
		}
		const failures = new Map<string, string>();
		for (const f of (report.failures as IDataObject[] | undefined) ?? []) {
			if (f?.key !== undefined) failures.set(String(f.key), failureText(f));
		}
		return batch.map((r) => {
			const key = String(r.key);
			const json = { key, collectionName, importId };
			const failure = failures.get(key);
			return failure ? { ok: false, json, error: failure } : { ok: true, json: { ...json, result: 'imported' } };
		});
	};
}

/**
 * PUT /insightData/v3/import for all input items together (an upsert by record key; as few imports
 * as the 40 MB body margin allows, or the user's Batch Size), then GET /insightData/v3/import/{id}
 * once the import should be done, and every interval after while it is not; rejected records fail
 * only their own items. A key repeated in one run is sent once, with the last item's record: that
 * is what the import keeps.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const collectionName = String(this.getNodeParameter('collectionName', 0, '')).trim();
	const collectionScope = this.getNodeParameter('collectionScope', 0, 'contact') as string;
	const collectionType = this.getNodeParameter('collectionType', 0, 'orders') as string;
	if (!COLLECTION_NAME.test(collectionName)) {
		throw new NodeOperationError(this.getNode(), `Collection Name "${collectionName}" is not valid`, {
			description: 'Use 2–256 letters, digits, _ or -, not starting with a digit, e.g. orders or catalog_cin7.',
		});
	}
	if (collectionType === 'catalog' && !collectionName.startsWith('catalog_')) {
		throw new NodeOperationError(this.getNode(), `Catalog collection "${collectionName}" must be named catalog_…`, {
			description: 'Dotdigital only uses account catalogs whose name starts with catalog_, e.g. catalog_cin7.',
		});
	}

	const options = readImportOptions(this);
	const judge = judgeInsightImport(collectionName);
	return await batchWrite<IDataObject>(this, {
		vendor: 'Dotdigital',
		noun: 'insight record',
		maxCount: options.batchSize,
		maxBytes: options.maxBytes,
		duplicates: 'lastWins',
		build: (i) => readRecord(this, i, collectionScope),
		send: async (batch) => {
			const { importId, report } = await runImport.call(
				this,
				'/insightData/v3/import',
				{ collectionName, collectionScope, collectionType, records: batch.map((r) => r.record) },
				batch.length,
				options.wait,
			);
			return judge(batch, report, importId);
		},
	});
}
