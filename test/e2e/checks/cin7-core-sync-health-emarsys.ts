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
	const [report] = nodeOutput(run.runData, 'Health report');
	// Emarsys as the report saw it: templates after this one in the batch may add contacts
	const seen = (em.contacts as Json[]).filter((c) => Date.parse(c.created) <= Date.parse(report.checkedAt));
	const emarsys = new Set(seen.map((c) => lc(c.email)).filter(Boolean));
	const missing = [...cin7.keys()].filter((e) => !emarsys.has(e)).sort();
	const orphans = [...emarsys].filter((e) => !cin7.has(e)).sort();
	expect(report.customers.cin7WithEmail).toBe(cin7.size);
	expect(report.customers.emarsysContacts).toBe(emarsys.size);
	expect(report.customers.missingInEmarsysCount).toBe(missing.length);
	expect(report.customers.orphanedInEmarsysCount).toBe(orphans.length);
	// the lists hold the first 100 of each, every one of them a real delta
	const listed = (list: Json[], all: string[]) => {
		expect(list).toHaveLength(Math.min(100, all.length));
		for (const x of list) expect(all).toContain(lc(x.email));
	};
	listed(report.customers.missingInEmarsys, missing);
	listed(report.customers.orphanedInEmarsys, orphans);
	expect(orphans.filter((e) => e.endsWith('@example-emarsys.test')).length).toBeGreaterThanOrEqual(3);
	expect(report.catalog).toEqual({ checked: false, reason: 'feed_url is not set in Health settings' });
	const t = thresholds(ctx.workflow);
	// no n8n account credential: n8n's API lists nothing, which the report names as the cause
	const reason = "n8n's API listed no active workflow: select the n8n account credential (an n8n API key) in n8n workflows and Last successful run";
	expect(t.flow_name_contains).toBe('Emarsys');
	expect(report.flows).toEqual({ checked: false, reason });
	expect(nodeOutput(run.runData, 'Last successful run')).toEqual([]);
	const alerts = (missing.length > Number(t.max_missing_customers) ? 1 : 0) + (orphans.length > Number(t.max_orphaned_contacts) ? 1 : 0) + 1;
	expect(report.alerts).toHaveLength(alerts);
	expect(report.alerts).toContain(`last successful runs unknown: ${reason}`);
	expect(report.healthy).toBe(alerts === 0);
	expect(nodeOutput(run.runData, alerts ? 'Alert' : 'Healthy')).toHaveLength(1);
	expect(report.summary).toContain(`${missing.length} missing in Emarsys, ${orphans.length} orphaned in Emarsys`);
	expect(report.summary).toContain(`; last successful runs not checked (${reason})`);
}

export const check: TemplateCheck = {
	async afterFirstRun(ctx, run) {
		await assertRun(ctx, run);
	},
	async afterSecondRun(ctx, run) {
		await assertRun(ctx, run);
	},
};
