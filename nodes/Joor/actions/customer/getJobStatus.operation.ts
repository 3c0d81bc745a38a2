import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import type { ItemResult } from '../../../shared/items';
import { requiredText } from '../../../shared/params';
import { jobOf, isRunning } from '../../helpers/bulkJob';
import { joorRequest, seg } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Job ID',
		name: 'jobId',
		type: 'string',
		required: true,
		default: '',
		description: 'The job ID a Create or Update returned without waiting',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['getJobStatus'] } },
	properties,
);

/** `GET /v2/bulk-connection/{job}`: the job's status and each customer's result. */
export async function execute(this: IExecuteFunctions, i: number): Promise<ItemResult> {
	const jobId = requiredText(this, i, 'Job ID', this.getNodeParameter('jobId', i, ''));
	const job = jobOf(await joorRequest.call(this, 'GET', `/v2/bulk-connection/${seg(jobId)}`));
	return { jobId, ...job, finished: !isRunning(job.status) };
}
