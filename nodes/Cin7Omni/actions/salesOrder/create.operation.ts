import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildRecords, writeInBatches, type BatchRecord } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import type { ItemOutcomes } from '../../../shared/operation';
import { omniBatchJob } from '../../helpers/batchJob';
import { lookupByKey } from '../../helpers/lookup';
import { buildLines, buildOrder, lineItemsJsonProperty, lineItemsProperty, orderFieldOptions } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		default: '',
		description:
			'Unique order reference (at most 30 characters), e.g. the web order number. When an order with this reference exists it is returned instead of creating a duplicate. Empty lets Cin7 assign one (no duplicate check).',
	},
	lineItemsProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...orderFieldOptions, lineItemsJsonProperty].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['salesOrder'], operation: ['create'] } },
	properties,
);

/**
 * Idempotent create: references are looked up first (50 per call) and an existing order is
 * returned with `alreadyExisted: true`; items repeating a reference follow the first such item
 * (`duplicateOfItem`). An order without a reference is always created.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const outcomes: ItemOutcomes = new Map();
	const records = buildRecords(
		this,
		(i) => {
			const { lineItemsJson, ...fields } = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
			const reference = String(this.getNodeParameter('reference', i, '') ?? '').trim();
			if (reference.length > 30) throw inputError(this, i, 'Reference', 'is longer than 30 characters');
			const lineItems = buildLines(this, i, this.getNodeParameter('lineItems', i, {}) as IDataObject, lineItemsJson);
			if (!lineItems.length) throw inputError(this, i, 'Line Items', 'needs at least one line');
			const record: IDataObject = { ...buildOrder(this, i, { ...fields, reference }, 'Additional Fields'), lineItems };
			return { record, key: reference ? reference.toLowerCase() : undefined };
		},
		outcomes,
	);

	const references = records.map((r) => String(r.record.reference ?? '')).filter(Boolean);
	const { found, failed } = await lookupByKey(this, 'SalesOrders', 'reference', references);
	const toCreate: Array<BatchRecord<IDataObject>> = [];
	for (const r of records) {
		const existing = r.key === undefined ? undefined : found.get(r.key);
		if (r.key !== undefined && failed.has(r.key)) outcomes.set(r.itemIndex, { ok: false, error: failed.get(r.key) });
		else if (existing) outcomes.set(r.itemIndex, { ok: true, json: { ...existing, alreadyExisted: true } });
		else toCreate.push(r);
	}

	await writeInBatches(
		this,
		omniBatchJob(this, {
			method: 'POST',
			resource: 'SalesOrders',
			duplicates: 'firstWins',
			describe: (record, result) => ({
				...record,
				id: result.id,
				...(result.code && !record.reference ? { reference: result.code } : {}),
				success: true,
				alreadyExisted: false,
			}),
		}),
		toCreate,
		outcomes,
	);
	// An item following another one with its reference gets an order that, for it, already existed.
	for (const r of toCreate) {
		const o = outcomes.get(r.itemIndex);
		if (!o?.ok || !o.json) continue;
		const rows = Array.isArray(o.json) ? o.json : [o.json];
		if (rows.some((row) => row.duplicateOfItem !== undefined)) {
			outcomes.set(r.itemIndex, { ok: true, json: rows.map((row) => ({ ...row, alreadyExisted: true })) });
		}
	}
	return outcomes;
}
