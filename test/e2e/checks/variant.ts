/**
 * A check that also tests another setting or entry path of its template runs that variant once, in
 * the templates suite's own n8n (ctx.n8n) so no second n8n start is paid; outside that suite (no
 * ctx.n8n) it gets an n8n of its own, labelled `label`, cleaned up afterwards.
 */
import { createN8n, type Json, type RunResult } from '../harness/n8n';
import type { CheckContext } from './types';

export async function runVariant(ctx: CheckContext, variant: Json, label: string): Promise<RunResult> {
	const n8n = ctx.n8n ?? (await createN8n(label, ctx.sandbox));
	try {
		await n8n.importWorkflows([variant]);
		return await n8n.execute(variant.id);
	} finally {
		if (n8n !== ctx.n8n) await n8n.cleanup();
	}
}
