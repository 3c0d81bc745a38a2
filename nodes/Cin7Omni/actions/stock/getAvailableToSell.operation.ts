import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { splitList } from '../../../shared/params';
import { atsProperties, readAtsSettings } from '../../helpers/availableToSellSettings';
import { computeAts, fetchStockRows, flagChanges } from '../../helpers/stock';

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

/** One item per SKU: Omni's available (stock on hand − open sales) with the chosen options. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
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
}
