import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { errorItem, inputError, withItemIndex } from '../../../shared/items';
import { inOrder, runBatchImport, type KeyedRecord, type RecordResult } from '../../helpers/batchImport';
import { importOptionsField, readImportOptions } from '../../helpers/importOptions';
import { jsonObject, requireEmail, requireText } from '../../helpers/validation';
import { ddRequest } from '../../transport';
import { insightFields } from './fields';

const properties: INodeProperties[] = [...insightFields, importOptionsField()];

export const description = updateDisplayOptions(
	{ show: { resource: ['insightData'], operation: ['import'] } },
	properties,
);

const COLLECTION_NAME = /^[-A-Za-z_][-A-Za-z0-9_]{1,255}$/;
const DONE = ['complete', 'finished'];

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

function readRecord(ctx: IExecuteFunctions, i: number, scope: string): KeyedRecord<IDataObject> {
	const key = requireText(ctx, i, 'Record Key', ctx.getNodeParameter('recordKey', i));
	const source = ctx.getNodeParameter('recordSource', i, 'item') as string;
	const json =
		source === 'json'
			? jsonObject(ctx, i, 'Record', ctx.getNodeParameter('recordJson', i, '{}'))
			: { ...ctx.getInputData()[i].json };
	if (!Object.keys(json).length) throw inputError(ctx, i, 'Record', 'is an empty object');
	const nested = nestedArrayPath(json, '');
	if (nested) throw inputError(ctx, i, 'Record', `holds an array inside an array at ${nested}, which Dotdigital rejects`);
	const record: IDataObject = { key, json };
	if (scope === 'contact') {
		const email = requireEmail(ctx, i, 'Contact Email', ctx.getNodeParameter('contactEmail', i));
		record.contactIdentity = { identifier: 'email', value: email };
	}
	return { record, itemIndex: i, key };
}

function failureText(f: IDataObject): string {
	const details = f.details ? ` (${typeof f.details === 'string' ? f.details : JSON.stringify(f.details)})` : '';
	return `${String(f.failureReason ?? 'rejected')}${details}`;
}

export function judgeInsightImport(collectionName: string) {
	return (batch: Array<KeyedRecord<IDataObject>>, report: IDataObject, importId: string): RecordResult[] => {
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
			const json = { key: r.key, collectionName, importId };
			const failure = failures.get(r.key);
			return failure ? { ok: false, json, error: failure } : { ok: true, json: { ...json, result: 'imported' } };
		});
	};
}

/**
 * PUT /insightData/v3/import for all input items together (an upsert by record key), then
 * GET /insightData/v3/import/{id} until done; rejected records fail only their own items.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
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

	const results: Array<INodeExecutionData | undefined> = new Array(items.length);
	const records: Array<KeyedRecord<IDataObject>> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			records.push(readRecord(this, i, collectionScope));
		} catch (error) {
			if (!this.continueOnFail()) throw withItemIndex(this, error, i);
			results[i] = errorItem(this, error, i);
		}
	}
	if (!records.length) return inOrder(results);

	const options = readImportOptions(this);
	await runBatchImport(
		this,
		{
			noun: 'insight record',
			records,
			maxCount: options.batchSize,
			maxBytes: options.maxBytes,
			wait: options.wait,
			submit: async (batch) => {
				const res = await ddRequest(this, 'PUT', '/insightData/v3/import', {
					body: { collectionName, collectionScope, collectionType, records: batch },
				});
				return String(res.importId ?? res.id);
			},
			statusPath: (id) => `/insightData/v3/import/${encodeURIComponent(id)}`,
			judge: judgeInsightImport(collectionName),
		},
		results,
	);
	return inOrder(results);
}
