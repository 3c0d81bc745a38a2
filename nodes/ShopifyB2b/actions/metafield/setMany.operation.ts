import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { buildRecords, writeInBatches, type BatchRecord, type RecordVerdict } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import type { ItemOutcomes } from '../../../shared/operation';
import { requiredText } from '../../../shared/params';
import { USER_ERRORS } from '../../helpers/customer';
import { readCustomerId } from '../../helpers/locators';
import { shopifyGraphql } from '../../transport';

/** metafieldsSet takes at most 25 metafields per call. */
export const MAX_METAFIELDS = 25;

const TYPES = [
	'boolean',
	'json',
	'list.single_line_text_field',
	'multi_line_text_field',
	'number_decimal',
	'number_integer',
	'single_line_text_field',
];

const properties: INodeProperties[] = [
	{
		displayName: 'Owner ID',
		name: 'ownerId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. gid://shopify/Customer/7394928836',
		description: 'The customer the metafields belong to (gid://shopify/Customer/… or the number)',
	},
	{
		displayName: 'Namespace',
		name: 'namespace',
		type: 'string',
		default: 'sparklayer',
		description: 'SparkLayer reads customer settings from the namespace "sparklayer"',
	},
	{
		displayName: 'Metafields',
		name: 'metafields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Metafield',
		default: {},
		description: 'The metafields to set on this owner; one whose value is empty is left as it is',
		options: [
			{
				displayName: 'Metafield',
				name: 'values',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						placeholder: 'e.g. price_lists',
						description: 'The metafield key, 2–64 letters, digits, - and _',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: TYPES.map((t) => ({ name: t, value: t })),
						default: 'single_line_text_field',
						description: 'The metafield type; it must match the metafield definition when one exists',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The value as text (numbers, true/false and JSON as Shopify writes them)',
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['metafield'], operation: ['setMany'] } }, properties);

interface OwnerMetafields {
	ownerId: string;
	metafields: IDataObject[];
}

const SET = `mutation Set($metafields: [MetafieldsSetInput!]!) {
metafieldsSet(metafields: $metafields) { metafields { id namespace key type value } ${USER_ERRORS.replace('code', 'code elementIndex')} } }`;

const KEY = /^[A-Za-z0-9_-]{2,64}$/;

function build(ctx: IExecuteFunctions, i: number): OwnerMetafields {
	const ownerId = readCustomerId(ctx, i, 'Owner ID', ctx.getNodeParameter('ownerId', i));
	const namespace = requiredText(ctx, i, 'Namespace', ctx.getNodeParameter('namespace', i, 'sparklayer'));
	if (namespace.length < 3 || namespace.length > 255) throw inputError(ctx, i, 'Namespace', 'must be 3–255 characters');
	const rows = ((ctx.getNodeParameter('metafields', i, {}) as IDataObject).values ?? []) as IDataObject[];
	const metafields = rows
		.filter((r) => r.value !== undefined && r.value !== null && String(r.value) !== '')
		.map((r) => {
			const key = String(r.key ?? '').trim();
			if (!KEY.test(key)) throw inputError(ctx, i, 'Metafields → Key', `is not a metafield key ("${key}": 2–64 letters, digits, - and _)`);
			const value = typeof r.value === 'object' ? JSON.stringify(r.value) : String(r.value);
			return { ownerId, namespace, key, type: String(r.type || 'single_line_text_field'), value };
		});
	if (metafields.length > MAX_METAFIELDS) throw inputError(ctx, i, 'Metafields', `has ${metafields.length} metafields; Shopify sets at most ${MAX_METAFIELDS} per call`);
	return { ownerId, metafields };
}

/** The position in a batch of the owner a metafield userError names (its elementIndex, else field[1]). */
function indexOf(error: IDataObject): number | undefined {
	const at = error.elementIndex ?? (Array.isArray(error.field) ? (error.field as unknown[])[1] : undefined);
	const n = Number(at);
	return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * One metafieldsSet for the batch's owners. The call is atomic: when Shopify rejects some
 * metafields nothing is written, so the owners they belong to fail and the others are sent again.
 */
async function sendOwners(ctx: IExecuteFunctions, batch: Array<BatchRecord<OwnerMetafields>>): Promise<RecordVerdict[]> {
	const verdicts = new Map<number, RecordVerdict>();
	let pending = batch.map((_, n) => n);
	while (pending.length) {
		const owners = pending.map((n) => ({ n, record: batch[n].record }));
		const flat = owners.flatMap((o) => o.record.metafields.map(() => o.n));
		const data = await shopifyGraphql.call(ctx, SET, { metafields: owners.flatMap((o) => o.record.metafields) });
		const payload = (data.metafieldsSet ?? {}) as IDataObject;
		const errors = (payload.userErrors ?? []) as IDataObject[];
		if (!errors.length) {
			const saved = (payload.metafields ?? []) as IDataObject[];
			let at = 0;
			for (const o of owners) {
				const own = saved.slice(at, at + o.record.metafields.length);
				at += o.record.metafields.length;
				verdicts.set(o.n, { ok: true, json: { ownerId: o.record.ownerId, metafields: own.length ? own : o.record.metafields } });
			}
			break;
		}
		const failed = new Map<number, string[]>();
		for (const e of errors) {
			const index = indexOf(e);
			if (index === undefined || index >= flat.length) {
				throw new NodeOperationError(ctx.getNode(), `Shopify rejected the metafields without naming which: ${String(e.message)}`);
			}
			const owner = flat[index];
			const text = `${String(batch[owner].record.metafields[index - flat.indexOf(owner)]?.key ?? '')}: ${String(e.message)}`;
			failed.set(owner, [...(failed.get(owner) ?? []), text]);
		}
		for (const [owner, texts] of failed) verdicts.set(owner, { ok: false, error: texts.join('; '), json: { ownerId: batch[owner].record.ownerId } });
		pending = pending.filter((n) => !failed.has(n));
	}
	return batch.map((_, n) => verdicts.get(n) ?? { ok: false, error: 'Shopify returned no result for these metafields.' });
}

/**
 * metafieldsSet for many owners, packed together up to 25 metafields per call; every item gets its
 * owner's saved metafields, and a rejected metafield fails only its owner's item.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const outcomes: ItemOutcomes = new Map();
	const records = buildRecords(
		this,
		(i) => {
			const record = build(this, i);
			if (!record.metafields.length) {
				outcomes.set(i, { ok: true, json: { ownerId: record.ownerId, metafields: [] } });
				return null;
			}
			return { record, key: record.ownerId };
		},
		outcomes,
	);
	const widest = Math.max(1, ...records.map((r) => r.record.metafields.length));
	await writeInBatches(
		this,
		{
			vendor: 'Shopify',
			noun: 'metafields of owner',
			// Owners whole per call: as many as fit in 25 metafields when each has as many as the widest.
			maxCount: Math.max(1, Math.floor(MAX_METAFIELDS / widest)),
			duplicates: 'sendEach',
			send: async (batch) => await sendOwners(this, batch),
		},
		records,
		outcomes,
	);
	return outcomes;
}
