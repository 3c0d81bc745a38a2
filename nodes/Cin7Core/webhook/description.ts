import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../shared/displayOptions';
import { safetyBufferProperties } from '../../shared/safetyBuffer';
import { excludedBinsProperty } from '../actions/stock/excludedBins';
import { excludedLocationsProperty, sellableLocationsProperty } from '../actions/stock/locationFields';
import { eventOptions, FULL_RECORD_EVENTS, STOCK_EVENT } from './events';

/** The stock event's available-to-sell settings: those of the polling trigger's stock event, plus the buffer. */
const stockSettings: INodeProperties[] = [
	{
		displayName: 'SKUs',
		name: 'skus',
		type: 'string',
		default: '',
		placeholder: 'e.g. SHIRT-RED-M, SHIRT-RED-L',
		description: 'Comma-separated SKUs to report. Leave empty for every SKU a delivery names.',
	},
	sellableLocationsProperty(),
	excludedLocationsProperty(),
	excludedBinsProperty(),
	{
		displayName: 'Deduct Unauthorised Orders',
		name: 'deductUnauthorisedOrders',
		type: 'boolean',
		default: false,
		description: 'Whether to subtract quantities on open sale orders that are not yet authorised',
		hint: 'Costs one extra API call per open unauthorised sale, on every delivery',
	},
	...safetyBufferProperties,
	{
		displayName: 'Include On Order',
		name: 'includeOnOrder',
		type: 'boolean',
		default: false,
		description: 'Whether to add stock on authorised purchase orders',
	},
];

export const webhookTriggerProperties: INodeProperties[] = [
	{
		displayName:
			"Needs Cin7 Core's <b>Automation</b> module (webhooks are part of it). On activation this node registers a webhook in Cin7 Core with a secret of its own and checks every delivery against it. Keep the polling <b>Cin7 Core Trigger</b> as the fallback and for backfills (its Start Date): Cin7 Core stops delivering after about 76 minutes of failed deliveries and deactivates the webhook without notice. Turning this workflow off and on repairs it (or schedule Cin7 Core → Webhook → Check), and the next delivery reports the gap as webhookGap.",
		name: 'automationNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: eventOptions,
		default: 'Sale/OrderAuthorised',
		description: 'The Cin7 Core webhook type that starts the workflow',
	},
	{
		displayName: 'Fetch Full Record',
		name: 'fetchFullRecord',
		type: 'boolean',
		default: true,
		description:
			"Whether to read the whole record the event names (sale; customer with its marketingContact; product; available to sell per SKU), as the polling Cin7 Core Trigger emits it, instead of Cin7 Core's thin payload",
		hint: 'One API call per record (stock: the available-to-sell reads for the SKUs delivered)',
		displayOptions: { show: { event: FULL_RECORD_EVENTS } },
	},
	...updateDisplayOptions({ show: { event: [STOCK_EVENT], fetchFullRecord: [true] } }, stockSettings),
];
