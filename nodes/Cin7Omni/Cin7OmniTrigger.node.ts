import type {
	IDataObject,
	IDisplayOptions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { clock } from '../shared/clock';
import { pollWithCursor } from '../shared/cursor';
import { parseUtc } from '../shared/dates';
import { atsProperties, readAtsSettings } from './actions/stock/getAvailableToSell.operation';
import { stageOptions } from './actions/salesOrder/fields';
import { readKey, readString } from './helpers/keys';
import { computeAts, fetchStockRows } from './helpers/stock';
import { readSubscriptionSource, subscriptionProperties, withConsent } from './helpers/subscriptionOptions';
import { inList, joinWhere, modifiedSince, splitList } from './helpers/where';
import { getBranches } from './methods/loadOptions';
import { OMNI_PAGE_SIZE, omniList, omniPages } from './transport';

type EventName = 'contactUpdated' | 'productUpdated' | 'salesOrderUpdated' | 'stockChanged';

const RESOURCE: Record<EventName, string> = {
	contactUpdated: 'Contacts',
	productUpdated: 'Products',
	salesOrderUpdated: 'SalesOrders',
	stockChanged: 'Stock',
};

const onEvent = (event: EventName) => ({ event: [event] });

const withShow = (props: INodeProperties[], show: NonNullable<IDisplayOptions['show']>): INodeProperties[] =>
	props.map((p) => ({ ...p, displayOptions: { ...(p.displayOptions ?? {}), show: { ...(p.displayOptions?.show ?? {}), ...show } } }));

function param(ctx: IPollFunctions, name: string, fallback: unknown): unknown {
	const value = ctx.getNodeParameter(name, fallback);
	return value === undefined || value === null ? fallback : value;
}

/** Stock rows have no id of their own: an option in a branch is the record. */
function idOf(event: EventName, record: IDataObject): string {
	if (event === 'stockChanged') return `${String(readKey(record, 'productOptionId'))}@${String(readKey(record, 'branchId'))}`;
	return String(readKey(record, 'id'));
}

export class Cin7OmniTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cin7 Omni Trigger',
		name: 'cin7OmniTrigger',
		icon: { light: 'file:cin7Omni.svg', dark: 'file:cin7Omni.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when Cin7 Omni contacts, products, sales orders or stock change',
		defaults: { name: 'Cin7 Omni Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cin7OmniApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contact Updated', value: 'contactUpdated', description: 'A contact was created or changed' },
					{ name: 'Product Updated', value: 'productUpdated', description: 'A product was created or changed' },
					{
						name: 'Sales Order Updated',
						value: 'salesOrderUpdated',
						description: 'A sales order was created or changed (optionally only in some stages)',
					},
					{
						name: 'Stock Changed',
						value: 'stockChanged',
						description: 'Stock moved for a SKU; emits its available to sell',
					},
				],
				default: 'salesOrderUpdated',
			},
			{
				displayName: 'Stages',
				name: 'stages',
				type: 'multiOptions',
				options: stageOptions,
				default: [],
				displayOptions: { show: onEvent('salesOrderUpdated') },
				description: 'Only orders now in one of these stages (e.g. Dispatched); none selected means every stage',
			},
			...subscriptionProperties(onEvent('contactUpdated')),
			...withShow(atsProperties, onEvent('stockChanged')),
			{
				displayName: 'Overlap (Minutes)',
				name: 'overlapMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 5,
				hint: 'Each poll re-reads this window before the last change seen; repeats are dropped',
				description: 'Covers clock skew and records saved while a poll was running',
			},
			{
				displayName: 'Max Records per Poll',
				name: 'maxPerPoll',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 250,
				hint: 'A larger backlog continues on the next poll, oldest first',
				description: 'Upper bound on records emitted by one poll',
			},
			{
				displayName: 'History Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				hint: 'Empty: start from the moment of activation (no flood of old records)',
				description: 'On first activation, also emit changes since this date (UTC) as a backfill',
			},
		],
	};

	methods = { loadOptions: { getBranches } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as EventName;
		const resource = RESOURCE[event];
		if (!resource) throw new NodeOperationError(this.getNode(), `Unknown event "${String(event)}"`);
		const stages = event === 'salesOrderUpdated' ? splitList(this.getNodeParameter('stages', [])) : [];
		const filter = stages.length ? inList('stage', stages) : undefined;
		const startRaw = this.getNodeParameter('startDate', '') as string;
		const startDate = parseUtc(startRaw);
		if (startRaw && !startDate) throw new NodeOperationError(this.getNode(), `History Start Date "${startRaw}" is not a valid date`);

		const result = await pollWithCursor<IDataObject>({
			staticData: this.getWorkflowStaticData('node'),
			manual: this.getMode() === 'manual',
			// A change of event or stage filter restarts the cursor.
			configKey: JSON.stringify({ event, stages }),
			nowMs: clock.now(),
			overlapMs: Math.max(0, Number(param(this, 'overlapMinutes', 5)) || 0) * 60_000,
			maxPerPoll: Math.max(1, Number(param(this, 'maxPerPoll', 250)) || 250),
			startDate,
			sampleSize: event === 'stockChanged' ? 5 : 3,
			ascending: true,
			pageSize: OMNI_PAGE_SIZE,
			versionOf: (r) => ({ id: idOf(event, r), modified: parseUtc(readKey(r, 'modifiedDate')) }),
			fetchChanged: (since) =>
				omniPages.call(this, resource, {
					where: joinWhere([modifiedSince(since), filter]),
					order: 'modifieddate ASC',
				}),
			fetchSample: async (n) =>
				await omniList.call(this, resource, { where: filter, order: 'modifieddate DESC' }, n),
		});
		if (!result) return null;

		let out: IDataObject[] = result.records;
		if (event === 'contactUpdated') {
			const consent = readSubscriptionSource(this);
			out = out.map((c) => withConsent(c, consent));
		} else if (event === 'stockChanged') {
			out = await availableForChangedRows.call(this, result.records);
		}
		return out.length ? [this.helpers.returnJsonArray(out)] : null;
	}
}

/** A changed stock row means its SKU changed: recompute that SKU over every branch. */
async function availableForChangedRows(this: IPollFunctions, rows: IDataObject[]): Promise<IDataObject[]> {
	const lastChange = new Map<string, string>();
	for (const row of rows) {
		const sku = (readString(row, 'code') ?? '').trim();
		if (sku) lastChange.set(sku, readString(row, 'modifiedDate') ?? '');
	}
	const skus = [...lastChange.keys()];
	if (!skus.length) return [];
	const settings = readAtsSettings((name, fallback) => param(this, name, fallback));
	const stock = await fetchStockRows(this, skus, settings.branches);
	return computeAts(stock, settings, skus).map((ats) => ({
		...(ats as unknown as IDataObject),
		modifiedDate: lastChange.get(ats.sku),
	}));
}
