import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { compact, readJson } from '../../../shared/params';
import { folderProperty, pairsProperty, readPairs } from '../../helpers/fields';
import { resolveFolder } from '../../helpers/folders';
import { ORDERS_IN_FLIGHT } from '../../helpers/locators';
import { recordOf } from '../../helpers/orders';
import { orderDeskList, orderDeskRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Source ID',
		name: 'sourceId',
		type: 'string',
		default: '',
		description:
			'The external order number (source_id). When set, an order that already has it is returned (alreadyExisted: true) instead of creating a second one, so a re-run never duplicates an order.',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'The customer email of the order',
	},
	{
		displayName: 'Order Items (JSON)',
		name: 'orderItemsJson',
		type: 'json',
		default: '[\n  {\n    "code": "SKU-1",\n    "name": "Product name",\n    "price": 10,\n    "quantity": 1\n  }\n]',
		required: true,
		description: 'The order lines, Order Desk order_items: each with code (SKU), name, price and quantity',
	},
	{
		displayName: 'Shipping Address (JSON)',
		name: 'shippingJson',
		type: 'json',
		default: '{}',
		description:
			'Order Desk shipping object: first_name, last_name, company, address1, address2, city, state, postal_code, country, phone',
	},
	pairsProperty('checkoutData', 'Checkout Data', 'Checkout data fields (checkout_data), e.g. ShipMethod, Stage, CustomerOrderNo'),
	pairsProperty('orderMetadata', 'Order Metadata', 'Order metadata fields (order_metadata), e.g. cin7_ship_method'),
	folderProperty('folder', 'Folder Name or ID', 'The folder the new order goes to; empty keeps the store default', false),
	{
		displayName: 'Additional Fields (JSON)',
		name: 'additionalFieldsJson',
		type: 'json',
		default: '{}',
		description: 'Any other order fields, e.g. {"shipping_method": "Ground", "customer": {"first_name": "Ann"}}',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['create'] } }, properties);

const ITEMS_EXAMPLE = '[{"code": "SKU-1", "quantity": 1}]';

/** The order lines: a non-empty list, each with a code or name and a quantity above 0. */
export function readOrderItems(ctx: IExecuteFunctions, i: number, value: unknown): IDataObject[] {
	const items = readJson<IDataObject[]>(ctx, i, 'Order Items (JSON)', value, 'array', ITEMS_EXAMPLE);
	if (!items?.length) throw inputError(ctx, i, 'Order Items (JSON)', `is empty; give at least one line, e.g. ${ITEMS_EXAMPLE}`);
	items.forEach((line, n) => {
		if (!line || typeof line !== 'object' || Array.isArray(line)) {
			throw inputError(ctx, i, 'Order Items (JSON)', `line ${n + 1} is not an object`);
		}
		if (!String(line.code ?? '').trim() && !String(line.name ?? '').trim()) {
			throw inputError(ctx, i, 'Order Items (JSON)', `line ${n + 1} has neither a code (SKU) nor a name`);
		}
		const quantity = Number(line.quantity);
		if (!Number.isFinite(quantity) || quantity <= 0) {
			throw inputError(ctx, i, 'Order Items (JSON)', `line ${n + 1} has no quantity above 0 (got "${String(line.quantity ?? '')}")`);
		}
	});
	return items;
}

/**
 * A few items in flight (helpers/locators.ts). Items with one source ID share a lane: the second
 * runs after the first and finds its order, so a repeated row never creates a second order.
 */
export const inFlight = ORDERS_IN_FLIGHT;
export function lane(this: IExecuteFunctions, i: number): string | undefined {
	const sourceId = String(this.getNodeParameter('sourceId', i, '') ?? '').trim();
	return sourceId ? `source ${sourceId}` : undefined;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const sourceId = String(this.getNodeParameter('sourceId', i, '') ?? '').trim();
	const items = readOrderItems(this, i, this.getNodeParameter('orderItemsJson', i));
	const shipping = readJson<IDataObject>(this, i, 'Shipping Address (JSON)', this.getNodeParameter('shippingJson', i, '{}'), 'object');
	const extra = readJson<IDataObject>(this, i, 'Additional Fields (JSON)', this.getNodeParameter('additionalFieldsJson', i, '{}'), 'object');
	const checkoutData = readPairs(this, i, 'checkoutData', 'Checkout Data');
	const metadata = readPairs(this, i, 'orderMetadata', 'Order Metadata');
	const folderValue = this.getNodeParameter('folder', i, '');
	const folder = String(folderValue ?? '').trim() ? await resolveFolder(this, i, 'Folder', folderValue) : undefined;

	// Looked up by external reference before create (docs/architecture.md, "Idempotency").
	if (sourceId) {
		const [existing] = await orderDeskList.call(this, '/orders', 'orders', { source_id: sourceId }, 1);
		if (existing && String(existing.source_id ?? '') === sourceId) return { ...existing, alreadyExisted: true };
	}

	// Fields set above win over the same ones in Additional Fields; empty ones leave those alone.
	const order = {
		...(extra ?? {}),
		...compact({
		source_id: sourceId,
		email: this.getNodeParameter('email', i, '') as string,
		shipping: shipping && Object.keys(shipping).length ? shipping : undefined,
		checkout_data: Object.keys(checkoutData).length ? checkoutData : undefined,
		order_metadata: Object.keys(metadata).length ? metadata : undefined,
		folder_id: folder?.id,
		order_items: items,
		}),
	};
	const created = recordOf(await orderDeskRequest.call(this, 'POST', '/orders', undefined, order), 'order');
	return { ...created, alreadyExisted: false };
}
