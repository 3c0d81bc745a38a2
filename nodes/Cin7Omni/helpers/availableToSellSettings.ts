import type { INodeProperties } from 'n8n-workflow';

import { splitList } from '../../shared/params';
import { safetyBufferProperties } from '../../shared/safetyBuffer';

/**
 * The available-to-sell settings shared by Stock → Get Available to Sell and the trigger's Stock
 * Changed event. Parameter names are a fixed contract: workflow templates set them by name.
 */
export const atsProperties: INodeProperties[] = [
	{
		displayName: 'Branch Names or IDs',
		name: 'branches',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getBranches' },
		default: [],
		description:
			'Branches to sell from, matched to stock rows by branch ID; none selected means every branch. A name or ID that matches no branch stops the run and lists the valid ones. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Subtract Holding',
		name: 'subtractHolding',
		type: 'boolean',
		default: false,
		description: 'Whether to subtract stock on hold (transfers in transit, laybys, manual holds): "Available − Holding"',
	},
	{
		displayName: 'Add Incoming',
		name: 'addIncoming',
		type: 'boolean',
		default: false,
		description: 'Whether to add stock on open purchase orders: "Available + Incoming"',
	},
	{
		displayName: 'Include Inactive',
		name: 'includeInactive',
		type: 'boolean',
		default: false,
		description:
			'Whether to also report options whose status is Disabled or whose product is Inactive (when no SKUs are listed, and for the trigger\'s changed stock). Off, they are left out even when Omni still serves stock rows for them.',
	},
	...safetyBufferProperties,
];

export interface AtsSettings {
	branches: Array<string | number>;
	subtractHolding: boolean;
	addIncoming: boolean;
	includeInactive: boolean;
	safetyBufferMode: 'none' | 'absolute' | 'percent';
	safetyBufferValue: number;
}

/** Reads the settings through the caller's parameter getter (per item in actions, per node in polls). */
export function readAtsSettings(get: (name: string, fallback: unknown) => unknown): AtsSettings {
	const mode = get('safetyBufferMode', 'none') as AtsSettings['safetyBufferMode'];
	return {
		branches: splitList(get('branches', [])),
		subtractHolding: get('subtractHolding', false) as boolean,
		addIncoming: get('addIncoming', false) as boolean,
		includeInactive: get('includeInactive', false) === true,
		safetyBufferMode: ['absolute', 'percent'].includes(mode) ? mode : 'none',
		safetyBufferValue: Number(get('safetyBufferValue', 0)) || 0,
	};
}
