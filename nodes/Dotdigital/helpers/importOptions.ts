import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ImportWait } from '../transport/imports';

/**
 * Dotdigital rejects import bodies over 50 MB (whether MB means 10^6 or 2^20 bytes is not said);
 * batches stay under 40 MiB of record JSON, so the envelope and either reading never tip one over.
 * This, not a record count, sizes an import: each import costs a submit and a status call, so the
 * fewer the better.
 */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

/** Batch and status-polling settings shared by the two import operations. */
export function importOptionsField(): INodeProperties {
	return {
		displayName: 'Import Options',
		name: 'importOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'An optional cap on records per import, and how long to wait for each import to finish',
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 5000,
				description:
					'Most records per import call. Without it, each import holds as many records as fit in 40 MB, below the 50 MB the API accepts.',
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
				description:
					'Pause between import status checks once an import is due; Dotdigital asks for 5 to 30 seconds. The first check waits for the expected duration of the import (5 to 30 seconds, from its record count).',
			},
		],
	};
}

/** What the user set, with no record cap unless Batch Size is given. */
export function readImportOptions(ctx: IExecuteFunctions) {
	const o = ctx.getNodeParameter('importOptions', 0, {}) as IDataObject;
	const cap = Math.floor(Number(o.batchSize));
	const batchSize = cap >= 1 ? cap : Number.POSITIVE_INFINITY;
	const wait: ImportWait = {
		intervalSeconds: Math.min(30, Math.max(5, Number(o.pollIntervalSeconds ?? 5) || 5)),
		maxWaitMinutes: Math.max(1, Number(o.maxWaitMinutes ?? 30) || 30),
	};
	return { batchSize, wait, maxBytes: MAX_IMPORT_BYTES };
}
