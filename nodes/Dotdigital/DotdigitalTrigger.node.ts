import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { clock } from '../shared/clock';
import { pollWithCursor } from '../shared/cursor';
import { parseUtc } from '../shared/dates';
import { suppressionPages, type SuppressionKind } from './helpers/suppression';
import { collect } from './transport/paging';

const SAMPLE_SIZE = 5;
/** Manual runs look back step by step so a quiet account still shows a sample. */
const SAMPLE_LOOKBACK_DAYS = [1, 7, 30, 365];

export class DotdigitalTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dotdigital Trigger',
		name: 'dotdigitalTrigger',
		icon: { light: 'file:dotdigital.svg', dark: 'file:dotdigital.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when contacts unsubscribe or are suppressed in Dotdigital',
		defaults: { name: 'Dotdigital Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dotdigitalApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'Contact Suppressed (Any Reason)',
						value: 'suppressed',
						description: 'Unsubscribes, hard bounces, complaints and every other suppression',
					},
					{
						name: 'Contact Unsubscribed',
						value: 'unsubscribed',
						description: 'Only contacts who unsubscribed',
					},
				],
				default: 'suppressed',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description:
					'Leave empty to react only to changes after activation. Set a date to also emit every suppression since then (history backfill), spread over polls.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Max Records Per Poll',
						name: 'maxPerPoll',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 500,
						description: 'Records beyond this wait for the next poll, oldest first',
					},
					{
						displayName: 'Overlap (Minutes)',
						name: 'overlapMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 10,
						description:
							'Each poll re-reads this window before the last change seen, so late or tied records are not lost; records already emitted are dropped',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const kind = this.getNodeParameter('event', 'suppressed') as SuppressionKind;
		const startText = this.getNodeParameter('startDate', '') as string;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const startDate = startText ? parseUtc(startText) : undefined;
		if (startText && !startDate) {
			throw new NodeOperationError(this.getNode(), `Start Date "${startText}" is not a date`);
		}
		const nowMs = clock.now();

		const result = await pollWithCursor<IDataObject>({
			staticData: this.getWorkflowStaticData('node'),
			manual: this.getMode() === 'manual',
			configKey: `${kind}|${startDate ? startDate.toISOString() : ''}`,
			nowMs,
			overlapMs: Math.max(0, Number(options.overlapMinutes ?? 10)) * 60_000,
			maxPerPoll: Math.max(1, Math.floor(Number(options.maxPerPoll ?? 500)) || 500),
			startDate,
			sampleSize: SAMPLE_SIZE,
			versionOf: (row) => ({ id: String(row.contactId ?? row.email), modified: parseUtc(row.dateRemoved) }),
			fetchChanged: (since) => suppressionPages(this, kind, since),
			fetchSample: async (limit) => {
				for (const days of SAMPLE_LOOKBACK_DAYS) {
					const rows = await collect(suppressionPages(this, kind, new Date(nowMs - days * 86_400_000)), 1000);
					if (rows.length) {
						const time = (r: IDataObject) => parseUtc(r.dateRemoved)?.getTime() ?? 0;
						return rows.sort((a, b) => time(b) - time(a)).slice(0, limit);
					}
				}
				return [];
			},
		});
		return result ? [this.helpers.returnJsonArray(result.records)] : null;
	}
}
