import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { clock } from '../shared/clock';
import { cursorOverlapMs, pollWithCursor } from '../shared/cursor';
import { parseUtc } from '../shared/dates';
import { splitList } from './actions/common';
import { withMarketingContact } from './helpers/marketingContact';
import { getLocations } from './methods/loadOptions';
import { triggerProperties } from './trigger/description';
import { changedPages, RECORD_EVENTS, sample, versionOf, withSaleDetails } from './trigger/recordEvents';
import { pollStockLevels } from './trigger/stockLevels';

const SAMPLE_SIZE = 5;

export class Cin7CoreTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cin7 Core Trigger',
		name: 'cin7CoreTrigger',
		icon: { light: 'file:cin7Core.svg', dark: 'file:cin7Core.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when products, customers, sales or stock levels change in Cin7 Core',
		defaults: { name: 'Cin7 Core Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cin7CoreApi', required: true }],
		properties: triggerProperties,
	};

	methods = { loadOptions: { getLocations } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const staticData = this.getWorkflowStaticData('node');
		const manual = this.getMode() === 'manual';
		const maxPerPoll = Math.max(1, Math.floor(Number(this.getNodeParameter('maxPerPoll', 1000)) || 1000));

		if (event === 'stockLevelChanged') {
			const settings = {
				skus: splitList(this.getNodeParameter('skus', '')),
				sellableLocations: splitList(this.getNodeParameter('sellableLocations', [])),
				excludedLocations: splitList(this.getNodeParameter('excludedLocations', [])),
				excludedBins: splitList(this.getNodeParameter('excludedBins', '')),
				deductUnauthorisedOrders: this.getNodeParameter('deductUnauthorisedOrders', false) as boolean,
				includeOnOrder: this.getNodeParameter('includeOnOrder', false) as boolean,
				safetyBuffer: { mode: 'none' as const },
			};
			const rows = await pollStockLevels(this, {
				staticData,
				manual,
				configKey: JSON.stringify(settings),
				maxPerPoll,
				sampleSize: SAMPLE_SIZE,
				settings,
			});
			return rows ? [this.helpers.returnJsonArray(rows)] : null;
		}

		const recordEvent = RECORD_EVENTS[event];
		if (!recordEvent) throw new NodeOperationError(this.getNode(), `Unknown event "${event}"`);
		const saleFilters = event === 'saleUpdated' ? { ...(this.getNodeParameter('saleFilters', {}) as IDataObject) } : {};
		const includeDetails = saleFilters.includeDetails === true;
		delete saleFilters.includeDetails;
		const startText = this.getNodeParameter('startDate', '') as string;
		const startDate = startText ? parseUtc(startText) : undefined;
		if (startText && !startDate) {
			throw new NodeOperationError(this.getNode(), `Start Date is not a valid date: "${startText}"`);
		}
		const overlapMs = cursorOverlapMs(Number(this.getNodeParameter('overlapMinutes', 5)));
		const nowMs = clock.now();

		const result = await pollWithCursor<IDataObject>({
			staticData,
			manual,
			configKey: JSON.stringify({ event, saleFilters, start: startDate?.toISOString() ?? null }),
			nowMs,
			overlapMs,
			maxPerPoll,
			startDate,
			sampleSize: SAMPLE_SIZE,
			versionOf: (row) => versionOf(recordEvent, row),
			fetchChanged: (since, until) => changedPages(this, recordEvent, saleFilters, since, until),
			fetchSample: async (limit) => await sample(this, recordEvent, saleFilters, nowMs, limit),
		});
		if (!result) return null;
		const records = includeDetails
			? await withSaleDetails(this, result.records)
			: event === 'customerUpdated'
				? result.records.map(withMarketingContact)
				: result.records;
		return [this.helpers.returnJsonArray(records)];
	}
}
