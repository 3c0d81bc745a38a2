import type { INodeProperties } from 'n8n-workflow';

import { pollSettingsProperties } from '../../shared/pollSettings';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Order New or Modified',
				value: 'orderChanged',
				description: 'Orders added to or changed in the chosen folders (by date_updated)',
			},
		],
		default: 'orderChanged',
		description: 'Which orders start the workflow',
	},
	{
		displayName: 'Folders',
		name: 'folders',
		type: 'string',
		default: '',
		placeholder: 'e.g. Submit to Cin7',
		description:
			'Folder names or IDs, comma-separated; only orders in these folders start the workflow. Empty watches every folder.',
	},
	...pollSettingsProperties({
		noun: 'orders',
		maxPerPollHint: 'Order Desk serves 500 orders per call; a backlog is read in such pages',
	}),
];
