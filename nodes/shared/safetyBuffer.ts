import type { INodeProperties } from 'n8n-workflow';

import type { SafetyBuffer } from './availableToSell';

/** The safety-buffer fields of every available-to-sell operation, Cin7 Core and Omni alike. */
export const safetyBufferProperties: INodeProperties[] = [
	{
		displayName: 'Safety Buffer Mode',
		name: 'safetyBufferMode',
		type: 'options',
		options: [
			{ name: 'Absolute', value: 'absolute', description: 'Hold back a fixed quantity per SKU' },
			{ name: 'None', value: 'none' },
			{ name: 'Percent', value: 'percent', description: 'Hold back a percentage of each SKU, rounded up' },
		],
		default: 'none',
		description: 'Stock held back per SKU so a sale never promises the last units: none, a fixed quantity or a percentage',
	},
	{
		displayName: 'Safety Buffer Value',
		name: 'safetyBufferValue',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Units (absolute) or percent held back per SKU',
		displayOptions: { hide: { safetyBufferMode: ['none'] } },
	},
];

export function safetyBufferOf(mode: string, value: number): SafetyBuffer {
	if (mode === 'absolute' || mode === 'percent') return { mode, value: Number(value) || 0 };
	return { mode: 'none' };
}
