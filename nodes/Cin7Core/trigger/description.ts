import type { INodeProperties } from 'n8n-workflow';

import { pollSettingsProperties } from '../../shared/pollSettings';
import { ORDER_STATUSES, SALE_STATUSES, SHIPPING_STATUSES } from '../actions/sale/statusOptions';
import { excludedBinsProperty } from '../actions/stock/excludedBins';
import { excludedLocationsProperty, sellableLocationsProperty } from '../actions/stock/locationFields';
import { RECORD_EVENTS } from './recordEvents';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Customer Updated', value: 'customerUpdated', description: 'A customer was created or changed (with its marketingContact: default contact, email consent)' },
			{ name: 'Product Updated', value: 'productUpdated', description: 'A product was created or changed' },
			{ name: 'Sale Updated', value: 'saleUpdated', description: 'A sale was created or changed' },
			{
				name: 'Stock Level Changed',
				value: 'stockLevelChanged',
				description: 'Available to sell of a SKU changed since the previous poll',
			},
		],
		default: 'productUpdated',
		description: 'The change that starts the workflow',
	},
	{
		displayName: 'Sale Filters',
		name: 'saleFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only sales matching every filter set',
		displayOptions: { show: { event: ['saleUpdated'] } },
		options: [
			{
				displayName: 'Include Sale Details',
				name: 'includeDetails',
				type: 'boolean',
				default: false,
				description: 'Whether to read each full sale (lines, addresses, fulfilments): one extra API call per sale',
			},
			{
				displayName: 'Order Status',
				name: 'OrderStatus',
				type: 'options',
				options: ORDER_STATUSES,
				default: 'AUTHORISED',
				description: 'Status of the order document',
			},
			{
				displayName: 'Shipping Status',
				name: 'CombinedShippingStatus',
				type: 'options',
				options: SHIPPING_STATUSES,
				default: 'SHIPPED',
				description: 'E.g. Shipped, to send shipment confirmations.',
			},
			{
				displayName: 'Status',
				name: 'Status',
				type: 'options',
				options: SALE_STATUSES,
				default: 'ORDERED',
				description: 'Overall status of the sale',
			},
		],
	},
	{
		displayName: 'SKUs',
		name: 'skus',
		type: 'string',
		default: '',
		placeholder: 'e.g. SHIRT-RED-M, SHIRT-RED-L',
		description:
			'Comma-separated SKUs to watch. Leave empty for every active stock product (a product that is deprecated leaves the watched set without an out-of-stock event).',
		displayOptions: { show: { event: ['stockLevelChanged'] } },
	},
	{
		displayName: 'Include Deprecated',
		name: 'includeDeprecated',
		type: 'boolean',
		default: false,
		description: 'Whether to watch deprecated products too when SKUs is empty',
		displayOptions: { show: { event: ['stockLevelChanged'] } },
	},
	sellableLocationsProperty({ displayOptions: { show: { event: ['stockLevelChanged'] } } }),
	excludedLocationsProperty({ displayOptions: { show: { event: ['stockLevelChanged'] } } }),
	excludedBinsProperty({ displayOptions: { show: { event: ['stockLevelChanged'] } } }),
	{
		displayName: 'Deduct Unauthorised Orders',
		name: 'deductUnauthorisedOrders',
		type: 'boolean',
		default: false,
		description: 'Whether to subtract quantities on open sale orders that are not yet authorised',
		displayOptions: { show: { event: ['stockLevelChanged'] } },
	},
	{
		displayName: 'Include On Order',
		name: 'includeOnOrder',
		type: 'boolean',
		default: false,
		description: 'Whether to add stock on authorised purchase orders',
		displayOptions: { show: { event: ['stockLevelChanged'] } },
	},
	...pollSettingsProperties({
		noun: 'records or SKUs',
		maxPerPollHint:
			'Cin7 Core lists cannot be sorted by modified time. Product and Customer Updated read a larger backlog page by page in list order, each poll continuing where the previous one stopped; Sale Updated re-reads its backlog from the cursor on each poll, so raise this for a large sales backfill',
		// Only record events walk a modified-time cursor; the stock event compares snapshots.
		cursorDisplayOptions: { show: { event: Object.keys(RECORD_EVENTS) } },
	}),
];
