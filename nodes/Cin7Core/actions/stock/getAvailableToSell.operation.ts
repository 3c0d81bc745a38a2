import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { flagChangesSinceLastRun } from '../../../shared/levelFlags';
import { splitList } from '../../../shared/params';
import { safetyBufferOf, safetyBufferProperties } from '../../../shared/safetyBuffer';
import { coreAtsFor } from '../../helpers/availability';
import { coreAvailableToSell } from '../../helpers/availableToSell';

const properties: INodeProperties[] = [
	{
		displayName: 'SKUs',
		name: 'skus',
		type: 'string',
		default: '',
		placeholder: 'e.g. SHIRT-RED-M, SHIRT-RED-L',
		description: 'Comma-separated SKUs. Leave empty for every SKU that has stock rows.',
		hint: 'A SKU asked for but without stock rows is reported with 0 available',
	},
	{
		displayName: 'Sellable Location Names or IDs',
		name: 'sellableLocations',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLocations' },
		default: [],
		description:
			'Locations whose stock can be sold. Leave empty for all locations. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Excluded Location Names or IDs',
		name: 'excludedLocations',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLocations' },
		default: [],
		description:
			'Locations never sold from, such as quarantine or a wholesale reserve. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Excluded Bins',
		name: 'excludedBins',
		type: 'string',
		default: '',
		placeholder: 'e.g. Main Warehouse/Returns, Damaged',
		description: 'Comma-separated bins never sold from: Location/Bin, or a bare bin name for that bin in any location',
	},
	{
		displayName: 'Deduct Unauthorised Orders',
		name: 'deductUnauthorisedOrders',
		type: 'boolean',
		default: false,
		description:
			'Whether to subtract quantities on open sale orders that are not yet authorised (authorised orders are already allocated)',
		hint: 'Costs one extra API call per open unauthorised sale',
	},
	...safetyBufferProperties,
	{
		displayName: 'Include On Order',
		name: 'includeOnOrder',
		type: 'boolean',
		default: false,
		description: 'Whether to add stock on authorised purchase orders (counted locations only)',
	},
	{
		displayName: 'Flag Changes Since Last Run',
		name: 'flagChangesSinceLastRun',
		type: 'boolean',
		default: false,
		description:
			'Whether to compare with the previous run and add previousAvailableToSell, changed and backInStock to each SKU',
		hint: 'The previous run is kept in the workflow; manual test runs compare but do not store',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['stock'], operation: ['getAvailableToSell'] } },
	properties,
);

const SNAPSHOT_KEY = 'availableToSellBySku';

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const mode = this.getNodeParameter('safetyBufferMode', i, 'none') as string;
	const bufferValue = Number(this.getNodeParameter('safetyBufferValue', i, 0));
	if (mode !== 'none' && (!Number.isFinite(bufferValue) || bufferValue < 0)) {
		throw inputError(this, i, 'Safety Buffer Value', 'must be a number of 0 or more');
	}
	const skus = splitList(this.getNodeParameter('skus', i, ''));
	const results = await coreAtsFor.call(this, {
		skus,
		sellableLocations: splitList(this.getNodeParameter('sellableLocations', i, [])),
		excludedLocations: splitList(this.getNodeParameter('excludedLocations', i, [])),
		excludedBins: splitList(this.getNodeParameter('excludedBins', i, '')),
		deductUnauthorisedOrders: this.getNodeParameter('deductUnauthorisedOrders', i, false) as boolean,
		safetyBuffer: safetyBufferOf(mode, bufferValue),
		includeOnOrder: this.getNodeParameter('includeOnOrder', i, false) as boolean,
	});
	if (!(this.getNodeParameter('flagChangesSinceLastRun', i, false) as boolean)) {
		return results as unknown as IDataObject[];
	}
	return flagChangesSinceLastRun({
		staticData: this.getWorkflowStaticData('node'),
		key: SNAPSHOT_KEY,
		results,
		store: this.getMode() !== 'manual',
		coversAllSkus: skus.length === 0,
		zeroResults: (missing) => coreAvailableToSell([], { skus: missing }),
	}) as unknown as IDataObject[];
}
