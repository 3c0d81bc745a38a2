import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { splitList } from '../../../shared/params';
import { atsProperties, readAtsSettings } from '../../helpers/availableToSellSettings';
import { atsItems, flagChanges, runAvailableToSell } from '../../helpers/stock';

const properties: INodeProperties[] = [
	{
		displayName: 'SKUs',
		name: 'skus',
		type: 'string',
		default: '',
		placeholder: 'e.g. TSHIRT-S, TSHIRT-M',
		description:
			'Comma-separated option codes (productOptionCode) to report, each once. Empty means every active option, including sold-out ones at 0 (noStockRows with a reason). A SKU without stock rows reports 0.',
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
	const run = await runAvailableToSell(this, settings, skus, i);
	if (!(this.getNodeParameter('flagChangesSinceLastRun', i, false) as boolean)) return atsItems(run);
	const flagged = flagChanges(this.getWorkflowStaticData('node'), run.results, this.getMode() !== 'manual', run.coversAllSkus);
	return atsItems(run, flagged);
}
