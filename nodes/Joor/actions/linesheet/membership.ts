import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchWrite } from '../../../shared/batchWrite';
import { inputError } from '../../../shared/items';
import type { ItemOutcomes } from '../../../shared/operation';
import { jobWaitProperties, readJobWait, runBulkJob } from '../../helpers/bulkJob';
import { LINESHEET_MODES, readDeliveries, readStyleKey, styleKeyProperties } from '../style/fields';
import { STYLES_PER_JOB } from '../style/upsert.operation';

export const membershipProperties: INodeProperties[] = [
	...styleKeyProperties,
	{
		displayName: 'Linesheets',
		name: 'linesheets',
		type: 'string',
		required: true,
		default: '',
		description: 'Linesheet names, comma- or newline-separated (or an array)',
	},
	...jobWaitProperties(),
];

/**
 * Adds styles to linesheets or removes them, touching nothing else: a bulk-style record carrying
 * only the style's key, the linesheets and `delivery_overwrite` 3 (add) or 4 (remove).
 */
export async function changeMembership(ctx: IExecuteFunctions, mode: 'add' | 'remove'): Promise<ItemOutcomes> {
	const wait = readJobWait(ctx);
	return await batchWrite<IDataObject>(ctx, {
		vendor: 'JOOR',
		noun: 'style',
		maxCount: STYLES_PER_JOB,
		// Items naming the same style and linesheets repeat nothing.
		duplicates: 'firstWins',
		build: (i) => {
			const key = readStyleKey(ctx, i);
			const deliveries = readDeliveries(ctx.getNodeParameter('linesheets', i, ''));
			if (!deliveries.length) throw inputError(ctx, i, 'Linesheets', 'is empty');
			return {
				record: { ...key, deliveries, delivery_overwrite: LINESHEET_MODES[mode] },
				key: `${key.style_identifier}|${deliveries.map((d) => String(d.linesheet).toLowerCase()).join(',')}`,
			};
		},
		send: async (batch) => {
			const verdicts = await runBulkJob(
				ctx,
				{
					path: '/v2/bulk-style',
					body: { styles: { style: batch.map((r) => r.record) } },
					keyField: 'style_identifier',
					wait,
				},
				batch.map((r) => ({ ...r, key: String(r.record.style_identifier) })),
			);
			return verdicts.map((v, k) => ({
				...v,
				json: { ...(v.json ?? {}), linesheets: (batch[k].record.deliveries as IDataObject[]).map((d) => d.linesheet), membership: mode === 'add' ? 'added' : 'removed' },
			}));
		},
	});
}
