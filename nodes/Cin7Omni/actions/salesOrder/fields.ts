import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { formatOmniDate } from '../../../shared/dates';
import { inputError } from '../../../shared/items';
import { compact, pairsToObject, readDate, readJson } from '../../../shared/params';
import { customFieldsProperty } from '../../helpers/fields';

const text = (displayName: string, name: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...(description ? { description } : {}),
});

export const STAGES = ['Awaiting Payment', 'Declined', 'Dispatched', 'New', 'On Hold', 'Processing'];

export const stageOptions = STAGES.map((s) => ({ name: s, value: s }));

const addressValues: INodeProperties[] = [
	text('Address 1', 'Address1'),
	text('Address 2', 'Address2'),
	text('City', 'City'),
	text('Company', 'Company'),
	text('Country', 'Country'),
	text('First Name', 'FirstName'),
	text('Last Name', 'LastName'),
	text('Postal Code', 'PostalCode'),
	text('State', 'State'),
];

const address = (displayName: string, name: string): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	placeholder: `Add ${displayName}`,
	default: {},
	options: [{ displayName: 'Address', name: 'address', values: addressValues }],
});

// Numbers and dates are text fields so that an empty one is left out, never sent as 0 or "".
export const orderFieldOptions: INodeProperties[] = [
	address('Billing Address', 'billing'),
	text('Branch ID', 'branchId', 'Defaults to the main branch; cannot change after dispatch'),
	text('Company', 'company'),
	text('Currency Code', 'currencyCode'),
	customFieldsProperty,
	text('Customer Email', 'memberEmail', 'Links the order to the contact with this email'),
	text('Customer ID', 'memberId', 'Links the order to this contact ID'),
	text('Customer Order No', 'customerOrderNo'),
	address('Delivery Address', 'delivery'),
	text('Delivery Instructions', 'deliveryInstructions'),
	text('Email', 'email'),
	text('Estimated Delivery Date', 'estimatedDeliveryDate', 'UTC date or date-time'),
	text('First Name', 'firstName'),
	text('Freight Description', 'freightDescription'),
	text('Freight Total', 'freightTotal'),
	text('Internal Comments', 'internalComments'),
	{
		displayName: 'Is Approved',
		name: 'isApproved',
		type: 'boolean',
		default: true,
		description: 'Whether the order is approved (false keeps it as a draft)',
	},
	text('Last Name', 'lastName'),
	text('Logistics Carrier', 'logisticsCarrier'),
	text('Phone', 'phone'),
	text('Project Name', 'projectName'),
	{ displayName: 'Stage', name: 'stage', type: 'options', options: stageOptions, default: 'New' },
	{
		displayName: 'Tax Status',
		name: 'taxStatus',
		type: 'options',
		options: [
			{ name: 'Exempt', value: 'Exempt' },
			{ name: 'Excl', value: 'Excl' },
			{ name: 'Incl', value: 'Incl' },
		],
		default: 'Incl',
	},
	text('Tracking Code', 'trackingCode'),
];

export const lineItemsProperty: INodeProperties = {
	displayName: 'Line Items',
	name: 'lineItems',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Line Item',
	default: {},
	options: [
		{
			displayName: 'Line',
			name: 'line',
			values: [
				text('Discount', 'discount'),
				text('Line Comments', 'lineComments'),
				text('Name', 'name'),
				{ displayName: 'Quantity', name: 'qty', type: 'number', default: 1 },
				text('SKU', 'code', 'Product option code'),
				text('Unit Price', 'unitPrice'),
			],
		},
	],
};

export const lineItemsJsonProperty: INodeProperties = {
	displayName: 'Line Items (JSON)',
	name: 'lineItemsJson',
	type: 'json',
	default: '',
	description:
		'Lines as a JSON array, e.g. mapped from an incoming order: [{"code":"SKU-1","qty":2,"unitPrice":9.5}]. Added after the lines above.',
};

const NUMERIC = ['branchId', 'memberId', 'freightTotal'];
const LINE_NUMERIC = ['qty', 'unitPrice', 'discount', 'productOptionId'];
const DATES = ['estimatedDeliveryDate', 'dispatchedDate', 'invoiceDate'];

function toNumber(ctx: IExecuteFunctions, i: number, value: unknown, field: string): number | undefined {
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	const n = Number(typeof value === 'string' ? value.trim() : value);
	if (!Number.isFinite(n)) throw inputError(ctx, i, field, `is not a number ("${String(value)}")`);
	return n;
}

export function buildLines(ctx: IExecuteFunctions, i: number, fixed: IDataObject | undefined, json: unknown): IDataObject[] {
	const fromJson = readJson<IDataObject[]>(ctx, i, 'Line Items (JSON)', json, 'array');
	const lines = [...((fixed?.line as IDataObject[]) ?? []), ...(fromJson ?? [])];
	return lines.map((line, n) => {
		const label = `Line Items #${n + 1}`;
		const out: IDataObject = { ...line };
		for (const f of LINE_NUMERIC) if (f in out) out[f] = toNumber(ctx, i, out[f], `${label} → ${f}`);
		const record = compact(out, 'deep');
		if (!record.code && !record.productOptionId) throw inputError(ctx, i, `${label} → SKU`, 'is empty');
		if (typeof record.qty !== 'number') throw inputError(ctx, i, `${label} → Quantity`, 'is missing');
		return record;
	});
}

/** An order record from UI fields: numbers parsed, dates in Omni's UTC format, empties omitted. */
export function buildOrder(ctx: IExecuteFunctions, i: number, fields: IDataObject, label: string): IDataObject {
	const { customFields, billing, delivery, ...plain } = fields;
	const record: IDataObject = { ...plain };
	for (const f of NUMERIC) if (f in record) record[f] = toNumber(ctx, i, record[f], `${label} → ${f}`);
	for (const f of DATES) {
		if (!(f in record)) continue;
		const date = readDate(ctx, i, `${label} → ${f}`, record[f]);
		record[f] = date ? formatOmniDate(date) : undefined;
	}
	const custom = pairsToObject(customFields as IDataObject);
	if (Object.keys(custom).length) record.customFields = custom;
	const billingAddress = (billing as IDataObject | undefined)?.address;
	const deliveryAddress = (delivery as IDataObject | undefined)?.address;
	if (billingAddress) record.billing = billingAddress;
	if (deliveryAddress) record.delivery = deliveryAddress;
	return compact(record, 'deep');
}
