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
			'Branches to sell from; none selected means every branch. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
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
	...safetyBufferProperties,
];

export interface AtsSettings {
	branches: Array<string | number>;
	subtractHolding: boolean;
	addIncoming: boolean;
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
		safetyBufferMode: ['absolute', 'percent'].includes(mode) ? mode : 'none',
		safetyBufferValue: Number(get('safetyBufferValue', 0)) || 0,
	};
}
