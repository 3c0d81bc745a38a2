import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite, type BatchRecord, type RecordVerdict } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import type { ItemOutcomes } from '../../../shared/operation';
import { compact, readDate, requiredText } from '../../../shared/params';
import { readNumber } from '../../helpers/records';
import { joorRequest, rowsOf } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Warehouse',
		name: 'warehouse',
		type: 'string',
		default: '',
		description: 'A warehouse that exists in JOOR (Order Settings); empty: JOOR\'s default warehouse',
	},
	{
		displayName: 'Identify SKU By',
		name: 'skuKey',
		type: 'options',
		options: [
			{ name: 'UPC', value: 'upc', description: 'JOOR\'s preferred key' },
			{ name: 'Style, Color and Size', value: 'style' },
		],
		default: 'upc',
		description: 'How JOOR finds the SKU: by UPC, or by style, color and size',
	},
	{
		displayName: 'UPC',
		name: 'upc',
		type: 'string',
		required: true,
		default: '',
		description: 'The SKU\'s UPC as stored on the JOOR style',
		displayOptions: { show: { skuKey: ['upc'] } },
	},
	{
		displayName: 'Style Number',
		name: 'styleNumber',
		type: 'string',
		required: true,
		default: '',
		description: 'The JOOR style number of the SKU',
		displayOptions: { show: { skuKey: ['style'] } },
	},
	{
		displayName: 'Style Identifier',
		name: 'styleIdentifier',
		type: 'string',
		default: '',
		description: 'Empty: the style number',
		displayOptions: { show: { skuKey: ['style'] } },
	},
	{
		displayName: 'Color Code',
		name: 'variantCode',
		type: 'string',
		required: true,
		default: '',
		description: 'The color code of the SKU on the JOOR style',
		displayOptions: { show: { skuKey: ['style'] } },
	},
	{
		displayName: 'Size',
		name: 'size',
		type: 'string',
		default: '',
		description: 'The size of the SKU; empty for one-size styles',
		displayOptions: { show: { skuKey: ['style'] } },
	},
	{
		displayName: 'Inventory',
		name: 'inventory',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Units available to sell (a whole number, at least 0)',
	},
	{
		displayName: 'Replace Whole Account Inventory',
		name: 'overwrite',
		type: 'boolean',
		default: false,
		description:
			'Whether to send overwrite=1, which replaces the inventory of the whole JOOR account with what this run sends. Leave off for changed-SKU updates.',
	},
	{
		displayName:
			'JOOR sets every SKU of the account, in every warehouse, that this run does not send to 0. Send every SKU in one run, or leave this off.',
		name: 'overwriteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { overwrite: [true] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Deduct Pending Orders',
				name: 'decPending',
				type: 'boolean',
				default: false,
				description: 'Whether JOOR subtracts the quantities of pending orders from the inventory sent (dec_pending=1)',
			},
			{
				displayName: 'Inventory Date',
				name: 'inventoryDate',
				type: 'dateTime',
				default: '',
				description: 'When the stock is available (future stock); empty: now',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['set'] } }, properties);

/** SKUs per bulk-inventory call (one call is 5 credits). */
export const SKUS_PER_CALL = 1000;

const keyOf = (r: IDataObject) =>
	[r.warehouse ?? '', r.upc ?? `${String(r.style_identifier)}|${String(r.color_code)}|${String(r.size ?? '')}`].join('|').toLowerCase();

/** Per-row results when JOOR lists them: by the row's `index` in the request, else by SKU, else by position. */
function verdicts(body: IDataObject, batch: Array<BatchRecord<IDataObject>>): RecordVerdict[] {
	const rows = rowsOf(body);
	const byIndex = new Map(rows.filter((row) => row.index !== undefined).map((row) => [Number(row.index), row]));
	const byKey = new Map(rows.map((row) => [keyOf({ ...row, warehouse: row.warehouse ?? '' }), row]));
	return batch.map((r, k) => {
		const row =
			byIndex.get(k) ?? byKey.get(keyOf(r.record)) ?? (rows.length === batch.length && !byIndex.size ? rows[k] : undefined);
		const status = String(row?.status ?? 'success').toLowerCase();
		const json = { ...r.record, status };
		if (status === 'error' || status === 'failed') return { ok: false, json, error: String(row?.message ?? 'JOOR rejected the row') };
		return { ok: true, json };
	});
}

/**
 * Sets inventory for many SKUs per warehouse through `bulk-inventory`, 1000 per call. With
 * "Replace Whole Account Inventory" only the first call carries overwrite=1: later calls of the
 * same run must not wipe what the first one sent.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const decPending = options.decPending === true ? 1 : 0;
	let overwrite = this.getNodeParameter('overwrite', 0, false) === true ? 1 : 0;
	return await batchWrite<IDataObject>(this, {
		vendor: 'JOOR',
		noun: 'inventory row',
		maxCount: SKUS_PER_CALL,
		// The last value per warehouse and SKU is what one-by-one writes would leave.
		duplicates: 'lastWins',
		build: (i) => {
			const byUpc = (this.getNodeParameter('skuKey', i, 'upc') as string) === 'upc';
			const inventory = readNumber(this, i, 'Inventory', this.getNodeParameter('inventory', i, ''), { min: 0, whole: true });
			if (inventory === undefined) throw inputError(this, i, 'Inventory', 'is empty');
			const itemOptions = this.getNodeParameter('options', i, {}) as IDataObject;
			const date = readDate(this, i, 'Inventory Date', itemOptions.inventoryDate);
			const styleNumber = byUpc ? undefined : requiredText(this, i, 'Style Number', this.getNodeParameter('styleNumber', i, ''));
			const record = compact({
				warehouse: String(this.getNodeParameter('warehouse', i, '') ?? '').trim(),
				...(byUpc
					? { upc: requiredText(this, i, 'UPC', this.getNodeParameter('upc', i, '')) }
					: {
							style_number: styleNumber,
							style_identifier: String(this.getNodeParameter('styleIdentifier', i, '') ?? '').trim() || styleNumber,
							color_code: requiredText(this, i, 'Color Code', this.getNodeParameter('variantCode', i, '')),
							size: String(this.getNodeParameter('size', i, '') ?? '').trim(),
						}),
				inventory,
				inventory_date: date ? date.toISOString().slice(0, 10) : undefined,
			} as IDataObject);
			return { record, key: keyOf(record) };
		},
		send: async (batch) => {
			const qs = { overwrite, dec_pending: decPending };
			overwrite = 0;
			// Inventory is set to absolute values, so a resend after a dropped connection changes nothing.
			const body = await joorRequest.call(
				this,
				'POST',
				'/v2/bulk-inventory',
				qs,
				{ inventory_items: { inventory_item: batch.map((r) => r.record) } },
				{ idempotent: true },
			);
			return verdicts(body, batch);
		},
	});
}
