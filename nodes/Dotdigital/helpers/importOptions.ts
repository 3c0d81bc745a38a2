import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ImportWait } from '../transport/imports';

/** Dotdigital rejects import bodies over 50 MB; stay well below so JSON overhead never tips a batch over. */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

/** Batch and status-polling settings shared by the two import operations. */
export function importOptionsField(): INodeProperties {
	return {
		displayName: 'Import Options',
		name: 'importOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Batch size and how long to wait for each import to finish',
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 5000,
				description:
					'Most records per import call. Batches are also kept under 40 MB, below the 50 MB the API accepts.',
			},
			{
				displayName: 'Max Wait (Minutes)',
				name: 'maxWaitMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30,
				description: 'Longest time to wait for one batch to finish before the node reports a timeout',
			},
			{
				displayName: 'Status Check Interval (Seconds)',
				name: 'pollIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 5, maxValue: 30 },
				default: 5,
				description: 'Pause between import status checks; Dotdigital asks for 5 to 30 seconds',
			},
		],
	};
}

export const DEFAULT_BATCH_SIZE = 5000;

export function readImportOptions(ctx: IExecuteFunctions, defaultBatch = DEFAULT_BATCH_SIZE) {
	const o = ctx.getNodeParameter('importOptions', 0, {}) as IDataObject;
	const batchSize = Math.max(1, Math.floor(Number(o.batchSize ?? defaultBatch)) || defaultBatch);
	const wait: ImportWait = {
		intervalSeconds: Math.min(30, Math.max(5, Number(o.pollIntervalSeconds ?? 5) || 5)),
		maxWaitMinutes: Math.max(1, Number(o.maxWaitMinutes ?? 30) || 30),
	};
	return { batchSize, wait, maxBytes: MAX_IMPORT_BYTES };
}
