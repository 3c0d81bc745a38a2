import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { locatorValue, requiredText } from '../../../shared/params';
import { saleLocator } from '../../helpers/locators';
import { coreRequest } from '../../transport';
import { orderLines } from './body';
import { getSale } from './find';

const properties: INodeProperties[] = [
	saleLocator,
	{
		displayName: 'Lines (JSON)',
		name: 'linesJson',
		type: 'json',
		default: '[]',
		required: true,
		description: 'The order\'s new lines as a JSON array of {SKU, Quantity, Price, Discount, Tax, TaxRule}; they replace the current lines',
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
		description: 'Status the order is saved with',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['sale'], operation: ['updateLines'] } }, properties);

/** Order statuses whose lines Cin7 Core still lets POST /sale/order replace. */
const CHANGEABLE = ['', 'DRAFT', 'NOT AVAILABLE'];

/**
 * Replaces the order lines of a sale whose order is not authorised (POST /sale/order on the same
 * sale). An authorised, fulfilled or voided sale is refused with the reason instead, so a person
 * decides (Cin7 Core would need the order undone first, which releases its stock).
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const id = requiredText(this, i, 'Sale', locatorValue(this, i, 'saleId'));
	const lines = orderLines(this, i);
	const sale = await getSale(this, id);
	const orderStatus = String((sale.Order as IDataObject | undefined)?.Status ?? '').toUpperCase();
	if (String(sale.Status ?? '').toUpperCase() === 'VOIDED' || !CHANGEABLE.includes(orderStatus)) {
		throw new NodeOperationError(this.getNode(), `Sale ${id}'s order is ${orderStatus || String(sale.Status)}: its lines can no longer be replaced`, {
			itemIndex: i,
			description: 'Cin7 Core replaces lines only while the order is a draft. Undo the order in Cin7 Core (it releases the stock) or change it by hand.',
		});
	}
	const status = this.getNodeParameter('orderStatus', i, 'DRAFT') as string;
	await coreRequest.call(this, 'POST', '/sale/order', undefined, { SaleID: id, Status: status, Lines: lines });
	return { ...(await getSale(this, id)), linesReplaced: lines.length };
}
