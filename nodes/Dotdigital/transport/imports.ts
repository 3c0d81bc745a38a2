import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clock } from '../../shared/clock';
import type { RequestContext } from '../../shared/http';
import { dotdigitalRequest, seg } from './index';

export interface ImportWait {
	/** Seconds between status calls (Dotdigital asks for 5–30 s). */
	intervalSeconds: number;
	/** Give up after this many minutes; the import itself may still finish at Dotdigital. */
	maxWaitMinutes: number;
}

/** Statuses that mean "still running" for contact and insight imports. */
const PENDING = ['notfinished', 'notstarted', 'processing', 'pending', 'queued', 'inprogress'];

export function isPending(status: unknown): boolean {
	return PENDING.includes(String(status ?? '').toLowerCase());
}

/**
 * Polls an import's status path until it leaves the running states, then returns the last report.
 * Waits go through the shared clock, so n8n's own sleep is used at run time and tests are instant.
 */
export async function waitForImport(
	this: RequestContext,
	statusPath: string,
	wait: ImportWait,
): Promise<IDataObject> {
	const intervalMs = Math.max(1, wait.intervalSeconds) * 1000;
	const deadline = clock.now() + Math.max(0, wait.maxWaitMinutes) * 60_000;
	for (;;) {
		const report = await dotdigitalRequest.call(this, 'GET', statusPath);
		if (!isPending(report?.status)) return report;
		if (clock.now() + intervalMs > deadline) {
			throw new NodeOperationError(
				this.getNode(),
				`Dotdigital import ${statusPath.split('/').pop()} was still "${String(report?.status)}" after ${wait.maxWaitMinutes} minute(s)`,
				{
					description:
						'The import keeps running at Dotdigital. Raise "Max Wait (Minutes)" or check the import in Dotdigital before running again.',
				},
			);
		}
		await clock.sleep(intervalMs);
	}
}

/**
 * Submits one import (`PUT <path>`) and waits for its report at `<path>/<importId>`. One import
 * at a time: Dotdigital caps concurrent imports per account.
 */
export async function runImport(
	this: RequestContext,
	path: string,
	body: IDataObject,
	wait: ImportWait,
): Promise<{ importId: string; report: IDataObject }> {
	const submitted = await dotdigitalRequest.call(this, 'PUT', path, undefined, body);
	const importId = String(submitted.importId ?? submitted.id);
	const report = await waitForImport.call(this, `${path}/${seg(importId)}`, wait);
	return { importId, report };
}
