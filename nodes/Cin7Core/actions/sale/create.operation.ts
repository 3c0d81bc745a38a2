import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clock } from '../../../shared/clock';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { coreRequest } from '../../transport';
import { orderLines, saleHeader } from './body';
import { findExistingSale, getSale } from './find';

const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

const properties: INodeProperties[] = [
	{
		displayName: 'Customer Name',
		name: 'customer',
		type: 'string',
		default: '',
		description: 'An existing customer; or set Customer ID under Additional Fields',
	},
	{
		displayName: 'Location Name or ID',
		name: 'location',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLocations' },
		required: true,
		default: '',
		description:
			'Location the sale ships from. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Lines',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line',
		default: {},
		description: 'Order lines; used when Lines (JSON) is empty',
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{ displayName: 'Discount (%)', name: 'Discount', type: 'number', default: 0, description: 'Discount on the line, in percent' },
					{
						displayName: 'Price',
						name: 'Price',
						type: 'number',
						typeOptions: { numberPrecision: 4 },
						default: 0,
						description: 'Unit price',
					},
					{ displayName: 'Quantity', name: 'Quantity', type: 'number', default: 1, description: 'Quantity ordered; above 0' },
					{ displayName: 'SKU', name: 'SKU', type: 'string', default: '', description: 'SKU of the product ordered' },
					{ displayName: 'Tax', name: 'Tax', type: 'number', default: 0, description: 'Tax amount of the line' },
					{ displayName: 'Tax Rule', name: 'TaxRule', type: 'string', default: '', description: 'Tax rule name of the line' },
				],
			},
		],
	},
	{
		displayName: 'Lines (JSON)',
		name: 'linesJson',
		type: 'json',
		default: '[]',
		description: 'Order lines as a JSON array of {SKU, Quantity, Price, Discount, Tax, TaxRule}; used when not empty, instead of Lines',
	},
	{
		displayName: 'Sale Type',
		name: 'saleType',
		type: 'options',
		options: [
			{ name: 'Advanced', value: 'Advanced', description: 'Several fulfilments and invoices' },
			{ name: 'Simple', value: 'Simple', description: 'One fulfilment and one invoice' },
		],
		default: 'Simple',
		description: 'Cin7 Core\'s sale type: how many fulfilments and invoices the sale can have',
	},
	{
		displayName: 'Order Status',
		name: 'orderStatus',
		type: 'options',
		options: [
			{ name: 'Authorised', value: 'AUTHORISED', description: 'Allocates stock (backorders when short)' },
			{ name: 'Draft', value: 'DRAFT' },
		],
		default: 'DRAFT',
		description: 'Status the order lines are saved with',
	},
	{
		displayName: 'Create Invoice',
		name: 'createInvoice',
		type: 'boolean',
		default: false,
		description: 'Whether to add an authorised invoice for the order lines (needs an authorised order)',
		displayOptions: { show: { orderStatus: ['AUTHORISED'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'More sale header fields, as Cin7 Core names them',
		options: [
			{ displayName: 'Billing Address (JSON)', name: 'billingJson', type: 'json', default: '{}', description: '{Line1, Line2, City, State, Postcode, Country}' },
			{ displayName: 'Carrier', name: 'Carrier', type: 'string', default: '', description: 'Carrier the sale ships with' },
			{ displayName: 'Currency Rate', name: 'CurrencyRate', type: 'number', default: 1, description: 'Required when the customer currency differs from the base currency' },
			{ displayName: 'Customer ID', name: 'CustomerID', type: 'string', default: '', description: 'ID of an existing customer, instead of its name' },
			{ displayName: 'Customer Reference', name: 'CustomerReference', type: 'string', default: '', description: 'A sale with this reference (for the same customer) is returned instead of creating another' },
			{ displayName: 'External ID', name: 'ExternalID', type: 'string', default: '', description: 'Your system\'s order ID. A sale with this ID is returned instead of creating another.' },
			{ displayName: 'Extra Fields (JSON)', name: 'extraJson', type: 'json', default: '{}', description: 'Any other sale header fields as Cin7 Core names them' },
			{ displayName: 'Memo', name: 'Memo', type: 'string', default: '', description: 'Memo on the order' },
			{ displayName: 'Note', name: 'Note', type: 'string', default: '', description: 'Note on the sale' },
			{ displayName: 'Price Tier', name: 'PriceTier', type: 'string', default: '', description: 'Price tier name' },
			{ displayName: 'Sale Order Date', name: 'SaleOrderDate', type: 'dateTime', default: '', description: 'Date of the order' },
			{ displayName: 'Ship By', name: 'ShipBy', type: 'dateTime', default: '', description: 'Date the sale must ship by' },
			{ displayName: 'Shipping Address (JSON)', name: 'shippingJson', type: 'json', default: '{}', description: '{Line1, Line2, City, State, Postcode, Country, Company, Contact}' },
			{ displayName: 'Tax Inclusive', name: 'TaxInclusive', type: 'boolean', default: false, description: 'Whether prices include tax' },
			{ displayName: 'Tax Rule', name: 'TaxRule', type: 'string', default: '', description: 'Tax rule name of the sale' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['sale'], operation: ['create'] } }, properties);

const hasOrderLines = (sale: IDataObject) =>
	(((sale.Order as IDataObject | undefined)?.Lines as IDataObject[] | undefined) ?? []).length > 0;

/**
 * Header, then order lines, then optionally the invoice. An ExternalID or CustomerReference that
 * already exists returns that sale; if an earlier run stopped after the header, the lines are added.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const lines = orderLines(this, i);
	const head = saleHeader(this, i);
	const status = this.getNodeParameter('orderStatus', i, 'DRAFT') as string;
	const memo = (this.getNodeParameter('additionalFields', i, {}) as IDataObject).Memo;

	const found = await findExistingSale(this, {
		externalId: head.ExternalID as string | undefined,
		customerReference: head.CustomerReference as string | undefined,
		customer: head.Customer as string | undefined,
		customerId: head.CustomerID as string | undefined,
	});
	let sale: IDataObject;
	if (found) {
		sale = await getSale(this, String(found.SaleID ?? found.ID));
		if (hasOrderLines(sale)) return { ...sale, alreadyExisted: true };
	} else {
		sale = await coreRequest.call(this, 'POST', '/sale', undefined, head);
	}
	const saleId = String(sale.ID ?? '');
	if (!saleId) throw new NodeOperationError(this.getNode(), 'Cin7 Core returned no sale ID', { itemIndex: i });

	try {
		await coreRequest.call(this, 'POST', '/sale/order', undefined, {
			SaleID: saleId,
			Status: status,
			Lines: lines,
			...(memo ? { Memo: memo } : {}),
		});
		if (status === 'AUTHORISED' && (this.getNodeParameter('createInvoice', i, false) as boolean)) {
			await coreRequest.call(this, 'POST', '/sale/invoice', undefined, {
				SaleID: saleId,
				// A simple sale has one invoice task (its own ID); an advanced sale starts a new one.
				TaskID: head.SaleType === 'Advanced' ? EMPTY_GUID : saleId,
				Status: 'AUTHORISED',
				InvoiceDate: new Date(clock.now()).toISOString().slice(0, 10),
				Lines: lines,
			});
		}
	} catch (error) {
		const e = error as Error & { description?: string };
		e.description = `${e.description ? `${e.description}. ` : ''}The sale header exists as ${saleId}; running again with the same External ID or Customer Reference completes it instead of duplicating it.`;
		throw e;
	}
	return { ...(await getSale(this, saleId)), alreadyExisted: Boolean(found) };
}
