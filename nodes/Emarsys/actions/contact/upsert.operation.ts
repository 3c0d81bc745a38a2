import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildRecords, writeInBatches, type BatchRecord, type BatchWriteJob, type RecordVerdict } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import type { ItemOutcomes, Outcome } from '../../../shared/operation';
import { readJson } from '../../../shared/params';
import { fieldIndexFor, OPTIN_FIELD, requireFieldId, valuesOfAllItems, type FieldIndex } from '../../helpers/fields';
import { byKeyField, errorsByKey, recordName, keyFieldOf, keyFieldProperty, keyValueProperty, readKey, type ContactKey } from '../../helpers/keys';
import { emarsysRequest, MAX_BATCH, MAX_BODY_BYTES } from '../../transport';

const properties: INodeProperties[] = [
	keyFieldProperty,
	keyValueProperty('The contact is matched by this value of the key field and created when missing'),
	{
		displayName: 'Opt-In',
		name: 'optIn',
		type: 'options',
		options: [
			{ name: 'Keep as It Is', value: 'keep', description: 'Do not send the opt-in field' },
			{ name: 'True (Opted In)', value: 'true', description: 'Field 31 = 1' },
			{ name: 'False (Not Opted In)', value: 'false', description: 'Field 31 = 2' },
		],
		default: 'keep',
		description: 'The contact\'s email opt-in (field 31, where Emarsys uses 1 for true and 2 for false)',
	},
	{
		displayName: 'Fields',
		name: 'fieldsUi',
		placeholder: 'Add Field',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Contact fields to write, by name (e.g. first_name, cin7_lifetime_value) or numeric ID',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Name or ID',
						name: 'name',
						type: 'string',
						default: '',
						description: 'The field\'s technical name (string_id), its name as shown in Emarsys, or its numeric ID',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The value to store; empty clears the field',
					},
				],
			},
		],
	},
	{
		displayName: 'Fields (JSON)',
		name: 'fieldsJson',
		type: 'json',
		default: '{}',
		description:
			'More fields as one JSON object keyed by field name or ID, e.g. {"first_name": "Ann", "cin7_order_count": 3}. Entries in Fields above win over the same field here.',
	},
	{
		displayName: 'Contact List ID',
		name: 'contactListId',
		type: 'number',
		default: 0,
		description: 'Also add the contact to this list (0 for none)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['upsert'] } }, properties);

interface UpsertRecord extends ContactKey {
	contact: IDataObject;
	listId?: number;
}

/** An opt-in value in whatever form a mapping hands over, as Emarsys's 1 / 2. */
function optInCode(value: unknown): unknown {
	if (value === true || value === 'true' || value === 1 || value === '1') return 1;
	if (value === false || value === 'false' || value === 2 || value === '2') return 2;
	return value;
}

function fieldValue(value: unknown): unknown {
	if (value === null || value === undefined) return '';
	return typeof value === 'object' ? JSON.stringify(value) : value;
}

function readFieldNames(ctx: IExecuteFunctions, i: number): unknown[] {
	const json = readJson<IDataObject>(ctx, i, 'Fields (JSON)', ctx.getNodeParameter('fieldsJson', i, '{}'), 'object') ?? {};
	const ui = ctx.getNodeParameter('fieldsUi', i, {}) as { field?: IDataObject[] };
	return [...Object.keys(json), ...(ui.field ?? []).map((f) => f.name)];
}

function build(ctx: IExecuteFunctions, i: number, index: FieldIndex): UpsertRecord {
	const key = readKey(ctx, i, index);
	const contact: IDataObject = {};
	const json =
		readJson<IDataObject>(ctx, i, 'Fields (JSON)', ctx.getNodeParameter('fieldsJson', i, '{}'), 'object', '{"first_name": "Ann"}') ?? {};
	for (const [name, value] of Object.entries(json)) {
		contact[String(requireFieldId(ctx, i, `Fields (JSON) key "${name}"`, index, name))] = fieldValue(value) as IDataObject[string];
	}
	const ui = ctx.getNodeParameter('fieldsUi', i, {}) as { field?: IDataObject[] };
	for (const [n, row] of (ui.field ?? []).entries()) {
		contact[String(requireFieldId(ctx, i, `Fields row ${n + 1} Name or ID`, index, row.name))] = fieldValue(row.value) as IDataObject[string];
	}
	const optIn = ctx.getNodeParameter('optIn', i, 'keep') as string;
	if (optIn !== 'keep') contact[String(OPTIN_FIELD)] = optIn === 'true' ? 1 : 2;
	else if (contact[String(OPTIN_FIELD)] !== undefined) contact[String(OPTIN_FIELD)] = optInCode(contact[String(OPTIN_FIELD)]) as number;
	const given = contact[String(key.keyId)];
	if (given !== undefined && String(given).trim().toLowerCase() !== key.key.toLowerCase()) {
		throw inputError(ctx, i, 'Fields', `set the key field ${key.keyId} to "${String(given)}", which differs from Key Value "${key.key}"`);
	}
	contact[String(key.keyId)] = key.key;
	const listId = Number(ctx.getNodeParameter('contactListId', i, 0));
	if (!Number.isInteger(listId) || listId < 0) throw inputError(ctx, i, 'Contact List ID', 'must be a whole number (0 for none)');
	return { ...key, contact, ...(listId ? { listId } : {}) };
}

/** The outcome of an item whose key an earlier item already sent, as the batch engine marks it. */
function duplicateOutcome(first: Outcome | undefined, by: number): Outcome | undefined {
	if (!first) return undefined;
	const mark = { duplicateOfItem: by };
	if (!first.ok) return { ok: false, error: first.error, json: { ...(first.json ?? {}), ...mark } };
	const rows = Array.isArray(first.json) ? first.json : first.json ? [first.json] : [];
	return { ok: true, json: rows.map((row) => ({ ...row, ...mark })) };
}

/**
 * `PUT /contact/?create_if_not_exists=1` with up to 1,000 contacts per call (one call per key
 * field and list). Emarsys answers 200 with per-record `data.errors` keyed by the key value; each
 * becomes its item's error, the rest of the batch stands. Upserts by key, so a repeated key is
 * sent once (the first item wins) and a re-run creates nothing twice.
 *
 * The working set is one page (docs/architecture.md, "Batch writes"): a first pass checks every
 * item's input and keeps only the failures, so bad input still stops the node before anything is
 * sent; the second pass builds 1,000 contacts at a time, sends them and lets them go. What stays is
 * each item's output and, per distinct key, the item that stands for it (first wins across pages).
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const index = await fieldIndexFor(this, valuesOfAllItems(this, (i) => [...keyFieldOf(this, i), ...readFieldNames(this, i)]));
	const outcomes: ItemOutcomes = new Map();
	const named = (i: number): BatchRecord<UpsertRecord> => {
		const record = build(this, i, index);
		return { itemIndex: i, record, key: recordName(record, record.listId ? `list ${record.listId}` : '') };
	};
	buildRecords<UpsertRecord>(
		this,
		(i) => {
			named(i);
			return null;
		},
		outcomes,
	);

	const job: BatchWriteJob<UpsertRecord> = {
		vendor: 'Emarsys',
		noun: 'contact',
		maxCount: MAX_BATCH,
		maxBytes: MAX_BODY_BYTES,
		duplicates: 'firstWins',
		send: async (batch) => await sendUpserts(this, batch),
	};
	const standsFor = new Map<string, number>();
	const followers: Array<[item: number, by: number]> = [];
	const count = this.getInputData().length;
	for (let next = 0; next < count; ) {
		const page: Array<BatchRecord<UpsertRecord>> = [];
		for (; next < count && page.length < MAX_BATCH; next++) {
			if (outcomes.has(next)) continue; // its input failed the first pass
			const r = named(next);
			const first = standsFor.get(r.key as string);
			if (first !== undefined) followers.push([next, first]);
			else {
				standsFor.set(r.key as string, next);
				page.push(r);
			}
		}
		if (page.length) await writeInBatches(this, job, page, outcomes);
	}
	for (const [item, by] of followers) {
		const o = duplicateOutcome(outcomes.get(by), by);
		if (o) outcomes.set(item, o);
	}
	return outcomes;
}

/** One batch: a call per key field and list, each record's verdict from `data.errors`. */
async function sendUpserts(ctx: IExecuteFunctions, batch: Array<BatchRecord<UpsertRecord>>): Promise<RecordVerdict[]> {
	const verdicts = new Map<number, RecordVerdict>();
	for (const group of groupsOf(batch)) {
		const { keyId, listId } = group[0].record;
		const data = await emarsysRequest.call(
			ctx,
			'PUT',
			'/contact/',
			{ create_if_not_exists: 1 },
			{ key_id: String(keyId), ...(listId ? { contact_list_id: listId } : {}), contacts: group.map((r) => r.record.contact) },
			// An upsert by key: sending it twice leaves the same contacts.
			{ idempotent: true },
		);
		const errors = errorsByKey(data);
		// `ids` lists the contacts saved, in the order sent, without the rejected ones: paired
		// only when the counts agree, so an id is never given to the wrong contact.
		const saved = group.filter((r) => !errors.has(r.record.key.toLowerCase()));
		const ids = Array.isArray(data.ids) && data.ids.length === saved.length ? (data.ids as unknown[]) : [];
		const position = new Map(saved.map((r, k) => [r, k]));
		for (const r of group) {
			const error = errors.get(r.record.key.toLowerCase());
			const id = ids[position.get(r) ?? -1];
			verdicts.set(
				r.itemIndex,
				error
					? { ok: false, error, json: { key: r.record.key } }
					: {
							ok: true,
							json: { key: r.record.key, ...(id !== undefined ? { id } : {}), keyFieldId: keyId, ...(listId ? { contactListId: listId } : {}), fields: r.record.contact },
						},
			);
		}
	}
	return batch.map((r) => verdicts.get(r.itemIndex) as RecordVerdict);
}

/** One call per key field and list within a batch. */
function groupsOf<T extends { record: UpsertRecord }>(batch: T[]): T[][] {
	const out: T[][] = [];
	for (const group of byKeyField(batch).values()) {
		const byList = new Map<number, T[]>();
		for (const r of group) {
			const list = byList.get(r.record.listId ?? 0);
			if (list) list.push(r);
			else byList.set(r.record.listId ?? 0, [r]);
		}
		out.push(...byList.values());
	}
	return out;
}
