import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite } from '../../../shared/batchWrite';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { inputError } from '../../../shared/items';
import type { ItemOutcomes } from '../../../shared/operation';
import { compact, requiredText } from '../../../shared/params';
import { jobWaitProperties, readJobWait, runBulkJob } from '../../helpers/bulkJob';
import {
	LINESHEET_MODES,
	PRICES_EXAMPLE,
	readDeliveries,
	readPrices,
	readStyleKey,
	readVariants,
	styleKeyProperties,
	VARIANTS_EXAMPLE,
	type LinesheetMode,
} from './fields';

const properties: INodeProperties[] = [
	...styleKeyProperties,
	{
		displayName: 'Style Name',
		name: 'styleName',
		type: 'string',
		required: true,
		default: '',
		description: 'At most 100 characters',
	},
	{
		displayName: 'Linesheet Mode',
		name: 'linesheetMode',
		type: 'options',
		options: [
			{ name: 'Add to the Linesheets Given', value: 'add', description: 'Keeps every other linesheet of the style' },
			{ name: 'Remove From the Linesheets Given', value: 'remove' },
			{ name: 'Replace API-Created Linesheets', value: 'replaceApiCreated', description: 'Keeps linesheets built in JOOR by hand' },
			{ name: 'Replace All (Strips Other Linesheets)', value: 'replaceAll', description: 'JOOR\'s own default: removes the style from every linesheet not given' },
		],
		default: 'add',
		description: 'How the Linesheets field combines with the linesheets the style already has in JOOR',
	},
	{
		displayName: '"Replace All" removes the style from every linesheet not listed, including linesheets built by hand in JOOR',
		name: 'replaceAllNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { linesheetMode: ['replaceAll'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'The style description shown to retailers' },
			{
				displayName: 'Linesheets',
				name: 'linesheets',
				type: 'string',
				default: '',
				description: 'Linesheet names, comma- or newline-separated (or an array)',
			},
			{
				displayName: 'Prices (JSON)',
				name: 'prices',
				type: 'json',
				default: '',
				description: `Prices per currency and price label (JOOR price type), e.g. ${PRICES_EXAMPLE}`,
			},
			{
				displayName: 'Variants (JSON)',
				name: 'variants',
				type: 'json',
				default: '',
				description: `Colour and size variants with UPCs, e.g. ${VARIANTS_EXAMPLE}`,
			},
		],
	},
	...jobWaitProperties(),
];

export const description = updateDisplayOptions({ show: { resource: ['style'], operation: ['upsert'] } }, properties);

/** Styles per bulk-style job: few jobs (5 credits each), bodies well under JOOR's size limits. */
export const STYLES_PER_JOB = 500;
const MAX_JOB_BYTES = 4_000_000;

/**
 * Creates or updates styles in bulk jobs (`POST /v2/bulk-style`). `delivery_overwrite` is always
 * sent: JOOR's default (1) would strip every linesheet the request does not name.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<ItemOutcomes> {
	const wait = readJobWait(this);
	return await batchWrite<IDataObject>(this, {
		vendor: 'JOOR',
		noun: 'style',
		maxCount: STYLES_PER_JOB,
		maxBytes: MAX_JOB_BYTES,
		// One item per style wins: the last, as one-by-one updates would leave it.
		duplicates: 'lastWins',
		build: (i) => {
			const key = readStyleKey(this, i);
			const name = requiredText(this, i, 'Style Name', this.getNodeParameter('styleName', i, ''));
			if (name.length > 100) throw inputError(this, i, 'Style Name', 'is longer than 100 characters');
			const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
			const mode = this.getNodeParameter('linesheetMode', i, 'add') as LinesheetMode;
			const deliveries = readDeliveries(extra.linesheets);
			const record = compact({
				...key,
				style_name: name,
				description: extra.description as string,
				...readVariants(this, i, extra.variants),
				prices: extra.prices === undefined ? undefined : readPrices(this, i, extra.prices),
			}) as IDataObject;
			if (deliveries.length || mode === 'replaceAll' || mode === 'replaceApiCreated') record.deliveries = deliveries;
			record.delivery_overwrite = LINESHEET_MODES[mode] ?? LINESHEET_MODES.add;
			return { record, key: key.style_identifier };
		},
		send: async (batch) =>
			await runBulkJob(
				this,
				{ path: '/v2/bulk-style', body: { styles: { style: batch.map((r) => r.record) } }, keyField: 'style_identifier', wait },
				batch,
			),
	});
}
