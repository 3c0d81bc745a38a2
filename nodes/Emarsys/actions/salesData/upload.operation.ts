import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildRecords, writeInBatches, type BatchRecord, type RecordVerdict } from '../../../shared/batchWrite';
import { clock } from '../../../shared/clock';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import type { ItemOutcomes } from '../../../shared/operation';
import { readDate, readJson, requiredText } from '../../../shared/params';
import { csvNumber, toCsv } from '../../helpers/csv';
import { difference, forgetOld, orderHash, remember, type OrderMemory, type Totals } from '../../helpers/salesMemory';
import { uploadSalesData } from '../../transport/salesData';

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
			o = { order: line.order, customerField: line.customerField, customer: line.customer, lines: [], totals: new Map(), hash: '', rows: [], status: 'sent' };
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
 * are skipped, changed ones send only their difference, and everything left goes up as one CSV
 * per ≈10 MB (one per customer column). The memory is written only after Emarsys accepted the
 * file, so a failed upload is sent again on the next run and a successful one never is.
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

	for (const customerField of ['email', 'customer']) {
		const group = pending.filter((r) => r.record.customerField === customerField);
		if (!group.length) continue;
		const verdictsByOrder = new Map<string, RecordVerdict>();
		await writeInBatches<OrderRecord>(
			this,
			{
				vendor: 'Emarsys',
				noun: 'order',
				maxCount: 100_000,
				maxBytes: 9_000_000,
				duplicates: 'sendEach',
				send: async (batch) => {
					const rows = batch.flatMap((r) => r.record.rows);
					const custom = [...new Set(rows.flatMap((row) => Object.keys(row).filter((k) => CUSTOM.test(k))))].sort();
					const csv = toCsv(['order', 'timestamp', 'item', 'price', 'quantity', customerField, ...custom], rows);
					await uploadSalesData.call(this, csv);
					const now = clock.now();
					for (const r of batch) memory[r.record.order] = remember(r.record.totals, r.record.hash, now);
					return batch.map((r) => {
						const v = { ok: true };
						verdictsByOrder.set(r.record.order, v);
						return v;
					});
				},
			},
			group,
			outcomes,
		);
		// The engine records one outcome per order (on its first line); every line of it shares it.
		for (const r of group) {
			const o = outcomes.get(r.itemIndex);
			if (o && !o.ok) finish(r.record, false, o.error);
			else if (verdictsByOrder.has(r.record.order)) finish(r.record, true);
		}
	}
	return outcomes;
}
