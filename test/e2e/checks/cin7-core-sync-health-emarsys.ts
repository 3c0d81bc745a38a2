/**
 * workflows/cin7-core-sync-health-emarsys.json: the report item against an independent comparison
 * of the sandbox states: Cin7 Core customers (not deprecated, Default contact with a valid email)
 * missing in Emarsys, Emarsys contacts no such customer has (orphans: the seed's former customers
 * at least), the alert decision from the thresholds in Health settings; the catalog check is skipped
 * while feed_url is empty, and says so. Read-only: a second run reports the same.
 */
import { nodeOutput, type Json } from '../harness/n8n';
import { defaultContact, EMAIL, emarsysState, lc, text } from './emarsys-common';
import type { CheckContext, TemplateCheck } from './types';

function thresholds(workflow: Json): Record<string, string> {
	const out: Record<string, string> = {};
	for (const a of workflow.nodes.find((n: Json) => n.name === 'Health settings').parameters.assignments.assignments as Json[]) out[a.name] = a.value;
	return out;
}

async function assertRun(ctx: CheckContext, run: Json) {
	expect(run.error).toBeNull();
	const core = await ctx.sandbox.getState('cin7core');
	const em = await emarsysState(ctx.sandbox);
	const cin7 = new Map<string, string>();
	for (const c of core.customers as Json[]) {
		if (c.Status === 'Deprecated') continue;
		const email = text(defaultContact(c)?.Email);
		if (EMAIL.test(email)) cin7.set(lc(email), c.ID);
	}
	const emarsys = new Set((em.contacts as Json[]).map((c) => lc(c.email)).filter(Boolean));
	const missing = [...cin7.keys()].filter((e) => !emarsys.has(e)).sort();
	const orphans = [...emarsys].filter((e) => !cin7.has(e)).sort();
	const [report] = nodeOutput(run.runData, 'Health report');
	expect(report.customers.cin7WithEmail).toBe(cin7.size);
	expect(report.customers.emarsysContacts).toBe(emarsys.size);
	expect(report.customers.missingInEmarsysCount).toBe(missing.length);
	expect(report.customers.orphanedInEmarsysCount).toBe(orphans.length);
	expect(report.customers.missingInEmarsys.map((m: Json) => m.email).sort()).toEqual(missing.slice(0, 100));
	expect(report.customers.orphanedInEmarsys.map((o: Json) => lc(o.email)).sort()).toEqual(orphans.slice(0, 100));
	expect(orphans.filter((e) => e.endsWith('@example-emarsys.test')).length).toBeGreaterThanOrEqual(3);
	expect(report.catalog).toEqual({ checked: false, reason: 'feed_url is not set in Health settings' });
	const t = thresholds(ctx.workflow);
	const alerts = (missing.length > Number(t.max_missing_customers) ? 1 : 0) + (orphans.length > Number(t.max_orphaned_contacts) ? 1 : 0);
	expect(report.alerts).toHaveLength(alerts);
	expect(report.healthy).toBe(alerts === 0);
	expect(nodeOutput(run.runData, alerts ? 'Alert' : 'Healthy')).toHaveLength(1);
	expect(report.summary).toContain(`${missing.length} missing in Emarsys, ${orphans.length} orphaned in Emarsys`);
}

export const check: TemplateCheck = {
	async afterFirstRun(ctx, run) {
		await assertRun(ctx, run);
	},
	async afterSecondRun(ctx, run) {
		await assertRun(ctx, run);
	},
};
