import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { pollSettingsProperties } from '../../shared/pollSettings';
import { stageOptions } from '../actions/salesOrder/fields';
import { atsProperties } from '../helpers/availableToSellSettings';
import { subscriptionProperties } from '../helpers/subscriptionOptions';
import type { EventName } from './events';

const onEvent = (event: EventName) => ({ event: [event] });

const withShow = (props: INodeProperties[], show: NonNullable<IDisplayOptions['show']>): INodeProperties[] =>
	props.map((p) => ({ ...p, displayOptions: { ...(p.displayOptions ?? {}), show: { ...(p.displayOptions?.show ?? {}), ...show } } }));

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Contact Updated', value: 'contactUpdated', description: 'A contact was created or changed' },
			{ name: 'Product Updated', value: 'productUpdated', description: 'A product was created or changed' },
			{
				name: 'Sales Order Updated',
				value: 'salesOrderUpdated',
				description: 'A sales order was created or changed (optionally only in some stages)',
			},
			{
				name: 'Stock Changed',
				value: 'stockChanged',
				description: 'Stock moved for a SKU; emits its available to sell',
			},
		],
		default: 'salesOrderUpdated',
		description: 'What to watch: each poll reads the records of this kind whose modifiedDate is at or after the cursor',
	},
	{
		displayName: 'Stages',
		name: 'stages',
		type: 'multiOptions',
		options: stageOptions,
		default: [],
		displayOptions: { show: onEvent('salesOrderUpdated') },
		description: 'Only orders now in one of these stages (e.g. Dispatched); none selected means every stage',
	},
	...subscriptionProperties(onEvent('contactUpdated')),
	...withShow(atsProperties, onEvent('stockChanged')),
	...pollSettingsProperties({ noun: 'records or SKUs' }),
];
