import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError, type ItemResult } from '../../../shared/items';
import { flagChangesSinceLastRun } from '../../../shared/levelFlags';
import { splitList } from '../../../shared/params';
import { safetyBufferOf, safetyBufferProperties } from '../../../shared/safetyBuffer';
import { coreAtsFor } from '../../helpers/availability';
import { coreAvailableToSell, presentCoreAts } from '../../helpers/availableToSell';
import { resolveLocationNames } from '../../helpers/locations';
import { excludedBinsProperty } from './excludedBins';

const properties: INodeProperties[] = [
	{
		displayName: 'SKUs',
		name: 'skus',
		type: 'string',
		default: '',
		placeholder: 'e.g. SHIRT-RED-M, SHIRT-RED-L',
		description:
			'Comma-separated SKUs, reported whatever their product status. Leave empty for every active stock product, sold-out ones included (at 0).',
		hint: 'A SKU without stock rows is reported with 0 available and noStockRows. Empty costs one extra call per 1000 products.',
	},
	{
		displayName: 'Include Deprecated',
		name: 'includeDeprecated',
		type: 'boolean',
		default: false,
		description:
			'Whether to cover deprecated products too when SKUs is empty (they are left out by default, even when they still have stock rows)',
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
	excludedBinsProperty(),
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

/** The location and bin settings of item i, checked against Cin7 Core's locations (one read per run). */
async function locationSettings(ctx: IExecuteFunctions, i: number) {
	return await resolveLocationNames(
		ctx,
		{
			sellableLocations: splitList(ctx.getNodeParameter('sellableLocations', i, [])),
			excludedLocations: splitList(ctx.getNodeParameter('excludedLocations', i, [])),
			// A list from the drop-down, or the comma-separated text of workflows saved before it.
			excludedBins: splitList(ctx.getNodeParameter('excludedBins', i, [])),
		},
		(field, problem) => inputError(ctx, i, field, problem),
	);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const mode = this.getNodeParameter('safetyBufferMode', i, 'none') as string;
	const bufferValue = Number(this.getNodeParameter('safetyBufferValue', i, 0));
	if (mode !== 'none' && (!Number.isFinite(bufferValue) || bufferValue < 0)) {
		throw inputError(this, i, 'Safety Buffer Value', 'must be a number of 0 or more');
	}
	const skus = splitList(this.getNodeParameter('skus', i, ''));
	const results = await coreAtsFor.call(this, {
		skus,
		...(await locationSettings(this, i)),
		deductUnauthorisedOrders: this.getNodeParameter('deductUnauthorisedOrders', i, false) as boolean,
		safetyBuffer: safetyBufferOf(mode, bufferValue),
		includeOnOrder: this.getNodeParameter('includeOnOrder', i, false) as boolean,
		includeDeprecated: this.getNodeParameter('includeDeprecated', i, false) as boolean,
	});
	if (!(this.getNodeParameter('flagChangesSinceLastRun', i, false) as boolean)) {
		return results as unknown as IDataObject[];
	}
	const staticData = this.getWorkflowStaticData('node');
	const store = this.getMode() !== 'manual';
	// Without a SKU list every product still watched is in the results: one that is not left the
	// watched set (deprecated, renamed) and is forgotten, never reported as sold out.
	const view: IDataObject = skus.length ? staticData : { [SNAPSHOT_KEY]: watchedOnly(staticData[SNAPSHOT_KEY], results) };
	const flagged = flagChangesSinceLastRun({
		staticData: view,
		key: SNAPSHOT_KEY,
		results,
		store,
		coversAllSkus: false,
		zeroResults: (missing) => coreAvailableToSell([], { skus: missing }),
	});
	if (store && view !== staticData) staticData[SNAPSHOT_KEY] = view[SNAPSHOT_KEY];
	return flagged.map(presentCoreAts) as unknown as IDataObject[];
}

/** The stored figures of the SKUs in this run (undefined stays undefined: nothing stored yet). */
function watchedOnly(stored: unknown, results: Array<{ sku: string }>): IDataObject | undefined {
	if (!stored || typeof stored !== 'object') return undefined;
	const previous = stored as IDataObject;
	const kept: IDataObject = {};
	for (const { sku } of results) if (Object.prototype.hasOwnProperty.call(previous, sku)) kept[sku] = previous[sku];
	return kept;
}
