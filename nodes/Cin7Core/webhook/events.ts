import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/** What Fetch Full Record reads for an event, or nothing (the payload is all there is). */
export type FullRecordKind = 'sale' | 'customer' | 'product' | 'stock';

export interface WebhookEvent {
	/** Cin7 Core's webhook Type, e.g. `Sale/OrderAuthorised`. */
	type: string;
	/** Grouped by what changed: every name starts with its record (Sale, Purchase, Stock, …). */
	name: string;
	description: string;
	fullRecord?: FullRecordKind;
}

const sale = (type: string, name: string, description: string): WebhookEvent => ({
	type: `Sale/${type}`,
	name: `Sale ${name}`,
	description,
	fullRecord: 'sale',
});

/** Cin7 Core's 32 webhook types (README, "Cin7 Core Webhook Trigger"). */
export const WEBHOOK_EVENTS: WebhookEvent[] = [
	{ type: 'Customer/Updated', name: 'Customer Updated', description: 'A customer was created or changed', fullRecord: 'customer' },
	{ type: 'Lead/Converted', name: 'Lead Converted', description: 'A lead was converted to a customer' },
	{ type: 'Lead/Updated', name: 'Lead Updated', description: 'A lead was created or changed' },
	{ type: 'Opportunity/AttachmentAdded', name: 'Opportunity Attachment Added', description: 'A file was attached to an opportunity' },
	// Cin7 spells this one the US way.
	{ type: 'Opportunity/Authorized', name: 'Opportunity Authorized', description: 'An opportunity was authorised' },
	{ type: 'Opportunity/Converted', name: 'Opportunity Converted', description: 'An opportunity was converted to a sale' },
	{ type: 'Opportunity/Voided', name: 'Opportunity Voided', description: 'An opportunity was voided' },
	{ type: 'Product/Updated', name: 'Product Updated', description: 'A product was created or changed', fullRecord: 'product' },
	{ type: 'Purchase/CreditNoteAuthorised', name: 'Purchase Credit Note Authorised', description: 'A purchase credit note was authorised' },
	{ type: 'Purchase/InvoiceAuthorised', name: 'Purchase Invoice Authorised', description: 'A purchase invoice was authorised' },
	{ type: 'Purchase/OrderAuthorised', name: 'Purchase Order Authorised', description: 'A purchase order was authorised' },
	{ type: 'Purchase/StockReceivedAuthorised', name: 'Purchase Stock Received Authorised', description: 'Stock received on a purchase was authorised' },
	{ type: 'Purchase/Updated', name: 'Purchase Updated', description: 'A purchase was created or changed' },
	sale('AdditionalAttributesChanged', 'Additional Attributes Changed', 'The additional attributes of a sale changed'),
	sale('AttachmentAdded', 'Attachment Added', 'A file was attached to a sale'),
	sale('Backordered', 'Backordered', 'A sale order was backordered (not enough stock to allocate)'),
	sale('Created', 'Created', 'A sale was created'),
	sale('CreditNoteAuthorised', 'Credit Note Authorised', 'A credit note of a sale was authorised'),
	sale('FullPaymentReceived', 'Full Payment Received', 'A sale was paid in full'),
	sale('InvoiceAuthorised', 'Invoice Authorised', 'An invoice of a sale was authorised'),
	sale('OrderAuthorised', 'Order Authorised', 'A sale order was authorised'),
	sale('PackAuthorised', 'Pack Authorised', 'The packing of a sale was authorised'),
	sale('PartialPaymentReceived', 'Partial Payment Received', 'A sale was paid in part'),
	sale('PickAuthorised', 'Pick Authorised', 'The picking of a sale was authorised'),
	sale('QuoteAuthorised', 'Quote Authorised', 'A sale quote was authorised'),
	sale('ShipmentAuthorised', 'Shipment Authorised', 'A shipment of a sale was authorised'),
	sale('ShipmentTrackingNumberChanged', 'Shipment Tracking Number Changed', 'The tracking number of a shipment changed'),
	sale('Undo', 'Undo', 'A stage of a sale was undone'),
	sale('Voided', 'Voided', 'A sale was voided'),
	{
		type: 'Stock/AvailableStockLevelChanged',
		name: 'Stock Available Level Changed',
		description: 'The available quantity of products changed',
		fullRecord: 'stock',
	},
	{ type: 'Supplier/Updated', name: 'Supplier Updated', description: 'A supplier was created or changed' },
	{ type: 'Task/Overdue', name: 'Task Overdue', description: 'A task is overdue' },
];

export const EVENT_TYPES = WEBHOOK_EVENTS.map((e) => e.type);
export const STOCK_EVENT = 'Stock/AvailableStockLevelChanged';

export const eventOptions: INodePropertyOptions[] = WEBHOOK_EVENTS.map((e) => ({
	name: e.name,
	value: e.type,
	description: e.description,
}));

export function eventOf(type: string): WebhookEvent | undefined {
	return WEBHOOK_EVENTS.find((e) => e.type.toLowerCase() === String(type ?? '').toLowerCase());
}

/** The events Fetch Full Record applies to. */
export const FULL_RECORD_EVENTS = WEBHOOK_EVENTS.filter((e) => e.fullRecord).map((e) => e.type);

const isObject = (v: unknown): v is IDataObject => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * A delivery as one record per changed thing. Cin7 Core's payloads are thin and inconsistent:
 * customers arrive as `CustomerDetailsList[{Customer, Addresses, Contacts}]` (flattened here to the
 * shape `/customer` answers), products as `ProductDetailsList`, purchases (sic) as
 * `CustomerDetailsList`, stock as a bare array of availability rows, everything else as one object.
 * Every record carries the EventType.
 */
export function recordsOf(type: string, payload: unknown): IDataObject[] {
	const eventType = (isObject(payload) && typeof payload.EventType === 'string' ? payload.EventType : '') || type;
	const tag = (r: IDataObject): IDataObject => (r.EventType ? r : { ...r, EventType: eventType });
	if (Array.isArray(payload)) return payload.filter(isObject).map(tag);
	if (!isObject(payload)) return [];
	if (Array.isArray(payload.CustomerDetailsList) && eventType === 'Customer/Updated') {
		return payload.CustomerDetailsList.filter(isObject).map((entry) =>
			tag({
				...(isObject(entry.Customer) ? entry.Customer : {}),
				Addresses: Array.isArray(entry.Addresses) ? entry.Addresses : [],
				Contacts: Array.isArray(entry.Contacts) ? entry.Contacts : [],
			}),
		);
	}
	// Lists announced by a NumberOf… count: ProductDetailsList, purchases' CustomerDetailsList, …
	if (Object.keys(payload).some((k) => k.startsWith('NumberOf'))) {
		const list = Object.entries(payload).find(([k, v]) => k.endsWith('List') && Array.isArray(v));
		if (list) return (list[1] as unknown[]).filter(isObject).map(tag);
	}
	return [tag(payload)];
}

/** The fields that name what a record is about, in the order they are keyed. */
const ID_FIELDS = [
	'SaleID',
	'SaleTaskID',
	'TaskID',
	'PurchaseID',
	'ID',
	'ProductID',
	'CustomerID',
	'SKU',
	'Location',
	'Bin',
	'Batch',
	'DocumentNumber',
];

/** `Field=value` pairs of the record's id fields. */
export function idsOf(record: IDataObject): string {
	return ID_FIELDS.filter((f) => record[f] !== undefined && record[f] !== null && record[f] !== '')
		.map((f) => `${f}=${String(record[f])}`)
		.join('&');
}

/** JSON with sorted keys, so the same content always hashes the same. */
export function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (isObject(value)) {
		return `{${Object.keys(value)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}
