import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { formatOmniDate } from '../../../shared/dates';
import { inputError } from '../../../shared/items';
import { compact, pairsToObject, readDate, readJson } from '../../../shared/params';
import { customFieldsProperty } from '../../helpers/fields';
import { salesOrderLocator } from '../../helpers/locators';

/** A text field sent as the order field `name`; an empty one is not sent (Omni keeps the value). */
const text = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description: `${description} (sent as ${name}; left empty, it is not sent)`,
});

export const STAGES = ['Awaiting Payment', 'Declined', 'Dispatched', 'New', 'On Hold', 'Processing'];

export const stageOptions = STAGES.map((s) => ({ name: s, value: s }));

const addressValues = (which: string): INodeProperties[] => [
	text('Address 1', 'Address1', `First line of the ${which} address`),
	text('Address 2', 'Address2', `Second line of the ${which} address`),
	text('City', 'City', `City of the ${which} address`),
	text('Company', 'Company', `Company at the ${which} address`),
	text('Country', 'Country', `Country of the ${which} address`),
	text('First Name', 'FirstName', `First name at the ${which} address`),
	text('Last Name', 'LastName', `Last name at the ${which} address`),
	text('Postal Code', 'PostalCode', `Postal code of the ${which} address`),
	text('State', 'State', `State or region of the ${which} address`),
];

const address = (displayName: string, name: string): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	placeholder: `Add ${displayName}`,
	default: {},
	options: [{ displayName: 'Address', name: 'address', values: addressValues(name) }],
});

export const stageProperty: INodeProperties = {
	displayName: 'Stage',
	name: 'stage',
	type: 'options',
	options: stageOptions,
	default: 'New',
	description: 'Order stage (sent as stage); Dispatched with a dispatched date marks the order shipped',
};

/** The order field of Get, Update and Dispatch. */
export const orderIdProperty: INodeProperties = salesOrderLocator;

export const referenceUpdateProperty: INodeProperties = {
	displayName: 'Reference',
	name: 'reference',
	type: 'string',
	default: '',
	description: 'New order reference (sent as reference; at most 30 characters, unique; left empty, it is not sent)',
};

// Numbers and dates are text fields so that an empty one is left out, never sent as 0 or "".
export const orderFieldOptions: INodeProperties[] = [
	address('Billing Address', 'billing'),
	text('Branch ID', 'branchId', 'Cin7 Omni branch ID that sells the order, a whole number; defaults to the main branch and cannot change after dispatch'),
	text('Company', 'company', "Customer's company name on the order"),
	text('Currency Code', 'currencyCode', 'Three-letter currency code, e.g. NZD; defaults to the account currency'),
	customFieldsProperty,
	text('Customer Email', 'memberEmail', 'Links the order to the contact with this email'),
	text('Customer ID', 'memberId', 'Links the order to this contact ID, a whole number'),
	text('Customer Order No', 'customerOrderNo', "The customer's own order or PO number"),
	address('Delivery Address', 'delivery'),
	text('Delivery Instructions', 'deliveryInstructions', 'Instructions for the carrier'),
	text('Email', 'email', 'Email address on the order (receives order emails)'),
	text('Estimated Delivery Date', 'estimatedDeliveryDate', 'UTC date or date-time, e.g. 2026-05-01 or 2026-05-01T10:00:00Z'),
	text('First Name', 'firstName', "Customer's first name on the order"),
	text('Freight Description', 'freightDescription', 'Freight line text, e.g. the shipping method'),
	text('Freight Total', 'freightTotal', 'Freight charge, a number in the order currency'),
	text('Internal Comments', 'internalComments', 'Comments for staff, not shown to the customer'),
	{
		displayName: 'Is Approved',
		name: 'isApproved',
		type: 'boolean',
		default: true,
		description: 'Whether the order is approved (false keeps it as a draft)',
	},
	text('Last Name', 'lastName', "Customer's last name on the order"),
	text('Logistics Carrier', 'logisticsCarrier', 'Carrier name, e.g. NZ Post'),
	text('Phone', 'phone', 'Phone number on the order'),
	text('Project Name', 'projectName', 'Project the order belongs to'),
	stageProperty,
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
		description: 'Whether prices include tax, exclude it, or the order is tax exempt (sent as taxStatus)',
	},
	text('Tracking Code', 'trackingCode', 'Carrier tracking number'),
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
				text('Discount', 'discount', 'Discount amount for the line, a number in the order currency'),
				text('Line Comments', 'lineComments', 'Comment printed with the line'),
				text('Name', 'name', 'Line description; defaults to the product name'),
				{
					displayName: 'Quantity',
					name: 'qty',
					type: 'number',
					default: 1,
					description: 'Quantity ordered (sent as qty; required, not 0)',
				},
				{
					displayName: 'SKU',
					name: 'code',
					type: 'string',
					default: '',
					description: 'Product option code of the line (sent as code; required)',
				},
				text('Unit Price', 'unitPrice', "Price per unit, a number in the order currency; defaults to the option's retail price"),
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
