import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, runPerItem } from '../../../shared/items';
import { safetyBufferProperties } from '../../../shared/safetyBuffer';
import { computeAts, fetchStockRows, flagChanges, type AtsSettings } from '../../helpers/stock';
import { splitList } from '../../helpers/where';

// Parameter names are a fixed contract: workflow templates set them by name.
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

const properties: INodeProperties[] = [
	{
		displayName: 'SKUs',
		name: 'skus',
		type: 'string',
		default: '',
		placeholder: 'e.g. TSHIRT-S, TSHIRT-M',
		description: 'Comma-separated option codes; empty means every SKU that has stock rows. A SKU without rows reports 0.',
	},
	...atsProperties,
	{
		displayName: 'Flag Changes Since Last Run',
		name: 'flagChangesSinceLastRun',
		type: 'boolean',
		default: false,
		description:
			'Whether to remember each SKU\'s figure between runs and add previousAvailableToSell, changed and backInStock (stored only by non-manual runs)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['stock'], operation: ['getAvailableToSell'] } },
	properties,
);

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

/** One item per SKU: Omni's available (stock on hand − open sales) with the chosen options. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (i) => {
		const settings = readAtsSettings((name, fallback) => this.getNodeParameter(name, i, fallback));
		if (settings.safetyBufferValue < 0) throw inputError(this, i, 'Safety Buffer Value', 'must not be negative');
		const skus = splitList(this.getNodeParameter('skus', i, ''));
		const rows = await fetchStockRows(this, skus, settings.branches);
		const results = computeAts(rows, settings, skus);
		if (!(this.getNodeParameter('flagChangesSinceLastRun', i, false) as boolean)) return results as unknown as IDataObject[];
		return flagChanges(
			this.getWorkflowStaticData('node'),
			results,
			this.getMode() !== 'manual',
			skus.length === 0,
		) as unknown as IDataObject[];
	});
}
