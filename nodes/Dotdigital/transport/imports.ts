import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import type { RequestContext } from '../../shared/http';
import { dotdigitalRequest, seg } from './index';

export interface ImportWait {
	/** Seconds between status calls after the first (Dotdigital asks for 5–30 s). */
	intervalSeconds: number;
	/** Give up after this many minutes; the import itself may still finish at Dotdigital. */
	maxWaitMinutes: number;
}

/** Dotdigital asks for import status checks 5 to 30 seconds apart. */
export const STATUS_CHECK_MIN_MS = 5_000;
export const STATUS_CHECK_MAX_MS = 30_000;

/**
 * Dotdigital documents no import throughput. The first status check assumes a few seconds of
 * queueing plus about 2,000 records a second (50,000 records: 30 s), so a typical import is
 * finished when first asked and costs two calls: the submit and one status call. A slower import
 * costs one more status call per interval; a faster one waits at most the 30 s cap for its report.
 */
const EXPECTED_START_MS = 5_000;
const EXPECTED_RECORDS_PER_SECOND = 2_000;

/**
 * When to ask first for the report of an import of `records` records: its expected duration in
 * whole seconds, within 5–30 s.
 */
export function firstStatusCheckMs(records: number): number {
	const expected = EXPECTED_START_MS + Math.floor(Math.max(0, records) / EXPECTED_RECORDS_PER_SECOND) * 1000;
	return Math.min(STATUS_CHECK_MAX_MS, Math.max(STATUS_CHECK_MIN_MS, expected));
}

/**
 * The waits between an import's submit and its status checks. They go through the shared clock,
 * so n8n's own sleep is used at run time and tests are instant; they have their own seam so a
 * harness that speeds up the vendor's time (scripts/bench/runner.js) can scale them without
 * scaling request pacing.
 */
export const importWaits = {
	sleep: async (ms: number): Promise<void> => await clock.sleep(ms),
};

/** Statuses that mean "still running" for contact and insight imports. */
const PENDING = ['notfinished', 'notstarted', 'processing', 'pending', 'queued', 'inprogress'];

export function isPending(status: unknown): boolean {
	return PENDING.includes(String(status ?? '').toLowerCase());
}

/**
 * Asks for an import's report after `firstCheckMs`, then every interval while it is still running,
 * and returns the first report that is not. The deadline counts from the call.
 */
export async function waitForImport(
	this: RequestContext,
	statusPath: string,
	wait: ImportWait,
	firstCheckMs = STATUS_CHECK_MIN_MS,
): Promise<IDataObject> {
	const intervalMs = Math.max(1, wait.intervalSeconds) * 1000;
	const deadline = clock.now() + Math.max(0, wait.maxWaitMinutes) * 60_000;
	let pauseMs = Math.max(0, firstCheckMs);
	for (;;) {
		await importWaits.sleep(pauseMs);
		const report = await dotdigitalRequest.call(this, 'GET', statusPath);
		if (!isPending(report?.status)) return report;
		pauseMs = intervalMs;
		if (clock.now() + pauseMs > deadline) {
			throw new NodeOperationError(
				this.getNode(),
				`Dotdigital import ${statusPath.split('/').pop()} was still "${String(report?.status)}" after ${wait.maxWaitMinutes} minute(s)`,
				{
					description:
						'The import keeps running at Dotdigital. Raise "Max Wait (Minutes)" or check the import in Dotdigital before running again.',
				},
			);
		}
	}
}

/**
 * Submits one import of `records` records (`PUT <path>`) and waits for its report at
 * `<path>/<importId>`, first asking when it should be done. One import at a time: Dotdigital caps
 * concurrent imports per account.
 */
export async function runImport(
	this: RequestContext,
	path: string,
	body: IDataObject,
	records: number,
	wait: ImportWait,
): Promise<{ importId: string; report: IDataObject }> {
	const submitted = await dotdigitalRequest.call(this, 'PUT', path, undefined, body);
	const importId = String(submitted.importId ?? submitted.id);
	const report = await waitForImport.call(this, `${path}/${seg(importId)}`, wait, firstStatusCheckMs(records));
	return { importId, report };
}
