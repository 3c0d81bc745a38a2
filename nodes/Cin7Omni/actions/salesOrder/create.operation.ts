import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chunk, type Sourced } from '../../../shared/batching';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import { buildRecords, emitOutcomes, sendBatches, type Outcome } from '../../helpers/batchWrite';
import { readString } from '../../helpers/keys';
import { inList } from '../../helpers/where';
import { omniList } from '../../transport';
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

const LOOKUP_CHUNK = 50;

/**
 * Idempotent create: references are looked up first (50 per call) and an existing order is
 * returned with `alreadyExisted: true`; items repeating a reference follow the first such item.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const outcomes = new Map<number, Outcome>();
	const records = buildRecords(
		this,
		(i) => {
			const { lineItemsJson, ...fields } = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
			const reference = String(this.getNodeParameter('reference', i, '') ?? '').trim();
			if (reference.length > 30) throw inputError(this, i, 'Reference', 'is longer than 30 characters');
			const lineItems = buildLines(this, i, this.getNodeParameter('lineItems', i, {}) as IDataObject, lineItemsJson);
			if (!lineItems.length) throw inputError(this, i, 'Line Items', 'needs at least one line');
			return { ...buildOrder(this, i, { ...fields, reference }, 'Additional Fields'), lineItems };
		},
		outcomes,
	);

	const refOf = (s: Sourced<IDataObject>) => String(s.record.reference ?? '').toLowerCase();
	const references = [...new Set(records.map(refOf).filter(Boolean))];
	const existing = new Map<string, IDataObject>();
	const lookupFailed = new Map<string, unknown>();
	for (const group of chunk(references, LOOKUP_CHUNK)) {
		try {
			const originals = records.map((s) => String(s.record.reference ?? '')).filter((r) => group.includes(r.toLowerCase()));
			const found = await omniList.call(this, 'SalesOrders', { where: inList('reference', [...new Set(originals)]), order: 'id ASC' });
			for (const order of found) {
				const key = (readString(order, 'reference') ?? '').toLowerCase();
				if (key && !existing.has(key)) existing.set(key, order);
			}
		} catch (error) {
			for (const r of group) lookupFailed.set(r, error);
		}
	}

	const toCreate: Array<Sourced<IDataObject>> = [];
	const first = new Map<string, number>();
	const followers = new Map<number, number>();
	for (const s of records) {
		const ref = refOf(s);
		if (ref && lookupFailed.has(ref)) {
			outcomes.set(s.itemIndex, { ok: false, error: lookupFailed.get(ref) });
		} else if (ref && existing.has(ref)) {
			outcomes.set(s.itemIndex, { ok: true, json: { ...existing.get(ref), alreadyExisted: true } });
		} else if (ref && first.has(ref)) {
			followers.set(s.itemIndex, first.get(ref)!);
		} else {
			if (ref) first.set(ref, s.itemIndex);
			toCreate.push(s);
		}
	}

	await sendBatches(this, 'POST', 'SalesOrders', toCreate, outcomes, (record, result) => ({
		...record,
		id: result.id,
		...(result.code && !record.reference ? { reference: result.code } : {}),
		success: true,
		alreadyExisted: false,
	}));
	for (const [item, lead] of followers) {
		const o = outcomes.get(lead);
		if (o) outcomes.set(item, o.ok ? { ok: true, json: { ...o.json, alreadyExisted: true, duplicateOfItem: lead } } : o);
	}
	return emitOutcomes(this, outcomes);
}
