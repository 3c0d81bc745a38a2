import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BatchRecord, RecordVerdict } from '../../shared/batchWrite';
import { clock } from '../../shared/clock';
import type { RequestContext } from '../../shared/http';
import { joorRequest, seg } from '../transport';

/**
 * JOOR's bulk endpoints (`bulk-style`, `bulk-connection`) queue an asynchronous job: the POST
 * answers with a job id and the job's status call lists each record's result. One POST (5
 * credits) carries many records; each status call costs 1.
 */
export interface JobWait {
	waitForCompletion: boolean;
	intervalSeconds: number;
	maxWaitMinutes: number;
}

/** The job settings every bulk write shows. */
export function jobWaitProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description:
				'Whether to wait for JOOR\'s bulk job and give each item its own result; otherwise each item gets the job ID to check later',
		},
		{
			displayName: 'Status Check Interval (Seconds)',
			name: 'statusIntervalSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 5,
			description:
				'Seconds between job status calls (1 credit each) while a job runs; the pause grows by half after each call, up to a minute, and later jobs of the same run are first checked when the earlier ones\' pace says they are done',
			displayOptions: { show: { waitForCompletion: [true] } },
		},
		{
			displayName: 'Max Wait (Minutes)',
			name: 'maxWaitMinutes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10,
			description: 'Give up waiting after this long; the job keeps running at JOOR',
			displayOptions: { show: { waitForCompletion: [true] } },
		},
	];
}

export function readJobWait(ctx: IExecuteFunctions): JobWait {
	return {
		waitForCompletion: ctx.getNodeParameter('waitForCompletion', 0, true) as boolean,
		intervalSeconds: Math.max(1, Number(ctx.getNodeParameter('statusIntervalSeconds', 0, 5)) || 5),
		maxWaitMinutes: Math.max(1, Number(ctx.getNodeParameter('maxWaitMinutes', 0, 10)) || 10),
	};
}

/** The waits between status calls; a seam so a harness that speeds up the vendor's time can scale them. */
export const jobWaits = {
	sleep: async (ms: number): Promise<void> => await clock.sleep(ms),
};

const RUNNING = ['queued', 'pending', 'processing', 'running', 'in_progress', 'inprogress', 'started'];

export const isRunning = (status: unknown) => RUNNING.includes(String(status ?? '').toLowerCase());

/** The job record of an answer: `job: {...}`, or the answer itself. */
export function jobOf(body: IDataObject): IDataObject {
	const job = body.job;
	return job && typeof job === 'object' && !Array.isArray(job) ? (job as IDataObject) : body;
}

/** The job id of a bulk POST answer (`response.job_id`, `job_id`, `job.id`). */
export function jobIdOf(body: IDataObject): string | undefined {
	const response = (body.response ?? {}) as IDataObject;
	const id = response.job_id ?? body.job_id ?? (body.job as IDataObject | undefined)?.id ?? body.id;
	return id === undefined || id === null || id === '' ? undefined : String(id);
}

/**
 * JOOR documents no job duration, so the waits adapt (docs/architecture.md, "Batch writes"):
 * - the first job of an execution is first read after the short first pause, then after pauses
 *   that grow by half each time (the configured interval, 1.5×, 2.25×, … up to a minute), so a
 *   long job is not read every few seconds;
 * - each finished job teaches the execution its pace (milliseconds per record, per endpoint), and
 *   the next job's first status call waits for its size at that pace, so in a run of many jobs
 *   most are read once: the one status call per job that returns its per-record results.
 * The pace only times the calls; a job is never taken as finished without its status saying so.
 */
export const JOB_BACKOFF = { firstPauseMs: 2_000, factor: 1.5, maxPauseMs: 60_000 };

/** Milliseconds per record each execution's jobs took, per endpoint (keyed by the node's context). */
const paces = new WeakMap<object, Map<string, number>>();

/** The learned pace of this execution's jobs on `path`, if one has finished. */
export function jobPace(ctx: object, path: string): number | undefined {
	return paces.get(ctx)?.get(path);
}

/** Asks for a job's status until it stops running or the wait runs out. */
export async function waitForJob(
	this: RequestContext,
	path: string,
	jobId: string,
	wait: JobWait,
	job: { records?: number; submittedAt?: number } = {},
): Promise<IDataObject> {
	const submittedAt = job.submittedAt ?? clock.now();
	const records = Math.max(0, job.records ?? 0);
	const deadline = submittedAt + wait.maxWaitMinutes * 60_000;
	const interval = wait.intervalSeconds * 1000;
	const firstPause = Math.min(JOB_BACKOFF.firstPauseMs, interval);
	const pace = jobPace(this, path);
	let pause = pace !== undefined && records > 0 ? Math.max(firstPause, Math.ceil(pace * records)) : firstPause;
	pause = Math.min(pause, Math.max(0, deadline - clock.now()));
	let next = interval;
	for (let call = 1; ; call++) {
		await jobWaits.sleep(pause);
		const status = jobOf(await joorRequest.call(this, 'GET', `${path}/${seg(jobId)}`));
		if (!isRunning(status.status)) {
			learnPace(this, path, records, clock.now() - submittedAt, call === 1);
			return status;
		}
		const left = deadline - clock.now();
		if (left <= 0) {
			throw new NodeOperationError(
				this.getNode(),
				`JOOR bulk job ${jobId} was still "${String(status.status)}" after ${wait.maxWaitMinutes} minute(s)`,
				{ description: 'The job keeps running at JOOR. Raise "Max Wait (Minutes)" or check the job before running again.' },
			);
		}
		pause = Math.min(next, left);
		next = Math.min(next * JOB_BACKOFF.factor, Math.max(JOB_BACKOFF.maxPauseMs, interval));
	}
}

/**
 * Records how long a finished job took per record. The time measured is an upper bound (the job
 * ended at some point before the call that saw it finished), so a pace that already let a job be
 * read once is kept, and one that proved too short is replaced by the longer measurement.
 */
function learnPace(ctx: object, path: string, records: number, elapsedMs: number, readOnce: boolean) {
	if (records <= 0 || elapsedMs <= 0) return;
	let byPath = paces.get(ctx);
	if (!byPath) paces.set(ctx, (byPath = new Map()));
	if (byPath.has(path) && readOnce) return;
	byPath.set(path, elapsedMs / records);
}

/**
 * Sends one batch as a bulk job and turns the job's report into one verdict per record: a
 * record's own result by its key field when the job lists it, the job's failure for every record
 * when the job failed as a whole.
 */
export async function runBulkJob<R extends IDataObject>(
	ctx: RequestContext,
	opts: { path: string; body: IDataObject; keyField: string; wait: JobWait },
	batch: Array<BatchRecord<R>>,
): Promise<RecordVerdict[]> {
	// Bulk styles and connections are upserts by key: sending a job twice writes the same values, so
	// a dropped connection or gateway error may resend it instead of losing the batch.
	const submitted = await joorRequest.call(ctx, 'POST', opts.path, undefined, opts.body, { idempotent: true });
	const submittedAt = clock.now();
	const jobId = jobIdOf(submitted);
	if (!opts.wait.waitForCompletion || !jobId) {
		const status = jobId ? 'queued' : 'accepted';
		return batch.map((r) => ({ ok: true, json: { [opts.keyField]: r.key, jobId: jobId ?? null, status } }));
	}
	const job = await waitForJob.call(ctx, opts.path, jobId, opts.wait, { records: batch.length, submittedAt });
	const results = Array.isArray(job.results) ? (job.results as IDataObject[]) : [];
	const byKey = new Map(results.map((row) => [String(row[opts.keyField] ?? ''), row]));
	const jobFailed = String(job.status ?? '').toLowerCase() === 'failed';
	return batch.map((r) => {
		const row = byKey.get(String(r.key));
		// A report that lists records but not this one is no proof it was written: the item fails, naming why.
		if (!row && results.length && !jobFailed) {
			return { ok: false, json: { [opts.keyField]: r.key, jobId }, error: `the report of bulk job ${jobId} does not list this record` };
		}
		const status = String(row?.status ?? (jobFailed ? 'error' : 'success')).toLowerCase();
		const json = { [opts.keyField]: r.key, jobId, status, ...(row?.message ? { message: row.message } : {}) };
		if (status === 'error' || status === 'failed') {
			return { ok: false, json, error: String(row?.message ?? job.message ?? `the bulk job ${jobId} failed`) };
		}
		return { ok: true, json };
	});
}
