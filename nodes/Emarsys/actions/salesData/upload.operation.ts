import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { buildRecords, writeInBatches, type BatchRecord } from '../../../shared/batchWrite';
import { clock } from '../../../shared/clock';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import type { ItemOutcomes } from '../../../shared/operation';
import { readDate, readJson, requiredText } from '../../../shared/params';
import { csvNumber, csvRow } from '../../helpers/csv';
import { packSalesFiles, utf8Bytes } from '../../helpers/salesFiles';
import { difference, forgetOld, orderHash, remember, type OrderMemory, type Totals } from '../../helpers/salesMemory';
import { SALES_DATA_MAX_BYTES, uploadSalesData } from '../../transport/salesData';

const properties: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'order',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. SO-1001',
		description: 'The order this line belongs to; every line of an order must be in the same run',
	},
	{
		displayName: 'Timestamp',
		name: 'timestamp',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2026-11-26T10:00:00Z',
		description: 'When the order was placed (or the refund issued); sent as ISO UTC',
	},
	{
		displayName: 'Item',
		name: 'item',
		type: 'string',
		default: '',
		required: true,
		description: 'The product\'s ID as in the catalog feed (the catalog\'s item column, e.g. the SKU)',
	},
	{
		displayName: 'Price (Line Total)',
		name: 'price',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description: 'Unit price × quantity; negative for a refund line',
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		default: 1,
		description: 'Negative for a refund or return line',
	},
	{
		displayName: 'Customer Identified By',
		name: 'customerField',
		type: 'options',
		options: [
			{ name: 'Email', value: 'email' },
			{ name: 'Customer ID', value: 'customer', description: 'The external ID the contacts are keyed by' },
		],
		default: 'email',
		description: 'Which column names the buyer (Emarsys takes exactly one of them per file)',
	},
	{
		displayName: 'Customer',
		name: 'customer',
		type: 'string',
		default: '',
		required: true,
		description: 'The buyer\'s email or customer ID',
	},
	{
		displayName: 'Custom Columns (JSON)',
		name: 'customColumns',
		type: 'json',
		default: '{}',
		description: 'Extra columns agreed with Emarsys, named with their type prefix: s_ text, f_ decimal, i_ whole number, e.g. {"s_channel": "web"}',
	},
	{
		displayName: 'Remember Orders For (Days)',
		name: 'rememberDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 400,
		description: 'How long the node remembers what it sent per order; a line of an order forgotten by then would be sent again',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['salesData'], operation: ['upload'] } }, properties);

interface Line {
	order: string;
	timestamp: string;
	item: string;
	price: number;
	quantity: number;
	customerField: string;
	customer: string;
	custom: IDataObject;
}

interface OrderRecord {
	order: string;
	customerField: string;
	customer: string;
	lines: Array<{ itemIndex: number; line: Line }>;
	totals: Totals;
	hash: string;
	/** Rows to send: the whole order, the difference, or none. */
	rows: Array<Record<string, unknown>>;
	/** Those rows as CSV lines in their file's columns, set just before the files are cut. */
	text: string;
	status: 'sent' | 'changed' | 'alreadySent';
}

const CUSTOM = /^[sfi]_[A-Za-z0-9_]+$/;

function numberOf(ctx: IExecuteFunctions, i: number, field: string, value: unknown): number {
	const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
	if (!Number.isFinite(n) || String(value ?? '').trim() === '') throw inputError(ctx, i, field, `is not a number ("${String(value ?? '')}")`);
	return n;
}

function noBreaks(ctx: IExecuteFunctions, i: number, field: string, text: string): string {
	if (/[\r\n]/.test(text)) throw inputError(ctx, i, field, 'holds a line break, which Emarsys files cannot carry');
	return text;
}

function readLine(ctx: IExecuteFunctions, i: number): Line {
	const order = noBreaks(ctx, i, 'Order ID', requiredText(ctx, i, 'Order ID', ctx.getNodeParameter('order', i)));
	const when = readDate(ctx, i, 'Timestamp', ctx.getNodeParameter('timestamp', i));
	if (!when) throw inputError(ctx, i, 'Timestamp', 'is empty');
	const item = noBreaks(ctx, i, 'Item', requiredText(ctx, i, 'Item', ctx.getNodeParameter('item', i)));
	const customerField = ctx.getNodeParameter('customerField', i, 'email') as string;
	let customer = noBreaks(ctx, i, 'Customer', requiredText(ctx, i, 'Customer', ctx.getNodeParameter('customer', i)));
	if (customerField === 'email') {
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(customer)) throw inputError(ctx, i, 'Customer', `is not a valid email address ("${customer}")`);
		customer = customer.toLowerCase();
	}
	const custom = readJson<IDataObject>(ctx, i, 'Custom Columns (JSON)', ctx.getNodeParameter('customColumns', i, '{}'), 'object', '{"s_channel": "web"}') ?? {};
	for (const [name, value] of Object.entries(custom)) {
		if (!CUSTOM.test(name)) throw inputError(ctx, i, 'Custom Columns (JSON)', `has "${name}": column names start with s_, f_ or i_`);
		if (name.startsWith('i_') && !Number.isInteger(Number(value))) throw inputError(ctx, i, 'Custom Columns (JSON)', `has ${name} = "${String(value)}", not a whole number`);
		if (name.startsWith('f_') && !Number.isFinite(Number(value))) throw inputError(ctx, i, 'Custom Columns (JSON)', `has ${name} = "${String(value)}", not a number`);
		noBreaks(ctx, i, `Custom Columns (JSON) ${name}`, String(value ?? ''));
	}
	return {
		order,
		timestamp: when.toISOString().replace(/\.\d{3}Z$/, 'Z'),
		item,
		price: numberOf(ctx, i, 'Price (Line Total)', ctx.getNodeParameter('price', i)),
		quantity: numberOf(ctx, i, 'Quantity', ctx.getNodeParameter('quantity', i)),
		customerField,
		customer,
		custom,
	};
}

/** Groups the lines by order and decides what each order needs: all, the difference, or nothing. */
function planOrders(
	ctx: IExecuteFunctions,
	lines: Array<BatchRecord<Line>>,
	memory: IDataObject,
	outcomes: ItemOutcomes,
): Array<BatchRecord<OrderRecord>> {
	const orders = new Map<string, OrderRecord>();
	for (const { itemIndex, record: line } of lines) {
		let o = orders.get(line.order);
		if (!o) {
			o = { order: line.order, customerField: line.customerField, customer: line.customer, lines: [], totals: new Map(), hash: '', rows: [], text: '', status: 'sent' };
			orders.set(line.order, o);
		} else if (o.customerField !== line.customerField || o.customer !== line.customer) {
			const error = inputError(ctx, itemIndex, 'Customer', `("${line.customer}") differs from the other lines of order ${line.order} ("${o.customer}")`);
			if (!ctx.continueOnFail()) throw error;
			outcomes.set(itemIndex, { ok: false, error });
			continue;
		}
		o.lines.push({ itemIndex, line });
		const t = o.totals.get(line.item) ?? { quantity: 0, price: 0 };
		o.totals.set(line.item, { quantity: t.quantity + line.quantity, price: t.price + line.price });
	}

	const out: Array<BatchRecord<OrderRecord>> = [];
	for (const o of orders.values()) {
		o.hash = orderHash(`${o.customerField}:${o.customer}`, o.totals);
		const before = memory[o.order] as OrderMemory | undefined;
		const row = (item: string, quantity: number, price: number, at: Line) => ({
			order: o.order,
			timestamp: at.timestamp,
			item,
			price: csvNumber(price),
			quantity: csvNumber(quantity),
			[o.customerField]: o.customer,
			...at.custom,
		});
		if (before?.h === o.hash) o.status = 'alreadySent';
		else if (!before) {
			o.rows = o.lines.map(({ line }) => row(line.item, line.quantity, line.price, line));
		} else {
			o.status = 'changed';
			const latest = (item: string) =>
				o.lines.filter((l) => l.line.item === item).map((l) => l.line).sort((a, b) => (a.timestamp < b.timestamp ? 1 : -1))[0] ??
				o.lines.map((l) => l.line).sort((a, b) => (a.timestamp < b.timestamp ? 1 : -1))[0];
			for (const [item, d] of difference(o.totals, before.t)) o.rows.push(row(item, d.quantity, d.price, latest(item)));
		}
		out.push({ itemIndex: o.lines[0].itemIndex, record: o, key: o.order });
	}
	return out;
}

function lineOutput(o: OrderRecord, line: Line): IDataObject {
	return { order: o.order, item: line.item, quantity: line.quantity, price: line.price, status: o.status, ...(o.status === 'changed' ? { sentRows: o.rows.length } : {}) };
}

/**
 * One input item per order line. Lines are grouped by order, orders already sent in this version
 * are skipped, changed ones send only their difference, and everything left goes up as CSV files
 * of at most 10 MB each, measured in the file's own bytes with its header (one set of files per
 * customer column). The memory is written only after Emarsys accepted a file, so a failed upload
 * is sent again on the next run and a successful one never is.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const outcomes: ItemOutcomes = new Map();
	const staticData = this.getWorkflowStaticData('node');
	const memory = ((staticData.emarsysSalesData as IDataObject | undefined) ??= {});
	const days = Math.max(1, Number(this.getNodeParameter('rememberDays', 0, 400)) || 400);
	forgetOld(memory, clock.now(), days);

	const lines = buildRecords(this, (i) => ({ record: readLine(this, i) }), outcomes);
	const orders = planOrders(this, lines, memory, outcomes);

	const finish = (o: OrderRecord, ok: boolean, error?: unknown) => {
		for (const { itemIndex, line } of o.lines) {
			outcomes.set(itemIndex, ok ? { ok: true, json: lineOutput(o, line) } : { ok: false, error, json: { order: o.order, item: line.item } });
		}
	};
	for (const r of orders) if (!r.record.rows.length) finish(r.record, true);
	const pending = orders.filter((r) => r.record.rows.length);

	// Every file is cut before the first is sent, so an order too big for any file stops the node
	// (without "continue on fail") before anything is written.
	const uploads: Array<{ header: string; files: Array<BatchRecord<OrderRecord[]>> }> = [];
	for (const customerField of ['email', 'customer']) {
		const group = pending.filter((r) => r.record.customerField === customerField).map((r) => r.record);
		if (!group.length) continue;
		const custom = [...new Set(group.flatMap((o) => o.rows.flatMap((row) => Object.keys(row).filter((k) => CUSTOM.test(k)))))].sort();
		const columns = ['order', 'timestamp', 'item', 'price', 'quantity', customerField, ...custom];
		for (const o of group) o.text = o.rows.map((row) => `${csvRow(columns.map((c) => row[c]))}\n`).join('');
		const header = `${csvRow(columns)}\n`;
		const { files, tooBig } = packSalesFiles(header, group, SALES_DATA_MAX_BYTES);
		for (const o of tooBig) {
			const error = new NodeOperationError(
				this.getNode(),
				`Item ${o.lines[0].itemIndex}: order ${o.order} alone makes a CSV of ${utf8Bytes(header + o.text)} bytes, over Emarsys's upload limit of ${SALES_DATA_MAX_BYTES} bytes`,
				{
					itemIndex: o.lines[0].itemIndex,
					description: 'Emarsys takes at most 10 MB a file and the node never splits an order; shorten its custom columns or upload it through Predict → Data Sources (SFTP).',
				},
			);
			if (!this.continueOnFail()) throw error;
			finish(o, false, error);
		}
		uploads.push({ header, files: files.map((f) => ({ itemIndex: f[0].lines[0].itemIndex, record: f })) });
	}

	for (const { header, files } of uploads) {
		// Each file is one batch of the shared engine: Emarsys accepts or refuses a file as a whole.
		await writeInBatches<OrderRecord[]>(
			this,
			{
				vendor: 'Emarsys',
				noun: 'sales-data file',
				maxCount: 1,
				duplicates: 'sendEach',
				send: async ([file]) => {
					await uploadSalesData.call(this, header + file.record.map((o) => o.text).join(''));
					const now = clock.now();
					for (const o of file.record) memory[o.order] = remember(o.totals, o.hash, now);
					return [{ ok: true }];
				},
			},
			files,
			outcomes,
		);
		// The engine records one outcome per file (on its first line); every line of it shares it.
		for (const f of files) {
			const o = outcomes.get(f.itemIndex);
			for (const order of f.record) if (o) finish(order, o.ok, o.ok ? undefined : o.error);
		}
	}
	return outcomes;
}
