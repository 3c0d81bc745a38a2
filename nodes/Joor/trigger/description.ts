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
				name: 'Approved Order Awaiting Export',
				value: 'approvedAwaitingExport',
				description: 'Approved orders not exported yet, and approved orders modified since their export',
			},
			{
				name: 'Approved Order Modified Since Export',
				value: 'approvedModified',
				description: 'Re-exports only: approved orders changed (or set to re-export) after their export',
			},
			{
				name: 'New Approved Order',
				value: 'approvedNew',
				description: 'Approved orders never exported',
			},
		],
		default: 'approvedAwaitingExport',
		description: 'Which orders start the workflow. Reading never marks them exported: use the JOOR node\'s Mark Exported.',
	},
	{
		displayName: 'Re-Emit Waiting Orders After (Minutes)',
		name: 'reEmitAfterMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'An order this trigger emitted that is still waiting for its export this many minutes later (its import failed, e.g. for a missing SKU) is emitted again. 0: never.',
		hint: 'Each poll then also reads the export queue (1 credit per 100 orders)',
	},
	...pollSettingsProperties({ noun: 'orders' }),
];
