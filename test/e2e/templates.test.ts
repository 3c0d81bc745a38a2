/**
 * Every shipped template with a Manual Trigger runs in the real n8n against the sandbox, twice
 * (one execute-batch per round for speed). Templates run in groups, one per target system (the Cin7
 * available-to-sell templates with Dotdigital's, SparkLayer's with Shopify B2B's), each group on a
 * freshly seeded sandbox: every check sets its own scene in the shared seeded accounts and judges
 * them field by field, so checks of different systems would otherwise judge each other's scenes. Per-template field-level assertions live in
 * test/e2e/checks/<template name>.ts; generic ones here: the run succeeds, the sandbox saw no
 * failed calls (but for those a check declares expected), and the second run duplicates nothing
 * (record counts per collection unchanged but for the additions a check declares).
 */
import * as fs from 'fs';
import * as path from 'path';

import type { CheckContext, TemplateCheck } from './checks/types';
import { targetOf } from './harness/representatives';
import { batchTimeout, createN8n, holdsRecords, loadTemplates, startSandbox, SYSTEM_KEYS, T, type Json, type N8n, type RunResult, type Sandbox } from './harness/n8n';

/** E2E_TEMPLATES=a.json,b.json runs only those (while working on one flow). */
const only = process.env.E2E_TEMPLATES?.split(',').map((f) => f.trim());
const templates = loadTemplates().filter((t) => t.manual && (!only || only.includes(t.file)));

/** The group a template runs in: its target system (harness/representatives.ts). */
const GROUP_OF: Record<string, string> = { shopify: 'sparklayer', other: 'dotdigital' };
const groupOf = (file: string): string => GROUP_OF[targetOf(file) ?? 'other'] ?? targetOf(file)!;
const GROUPS = [...new Set(templates.map((t) => groupOf(t.file)))].map((name) => ({
	name,
	members: templates.filter((t) => groupOf(t.file) === name),
}));
const checkFile = (file: string) => path.join(__dirname, 'checks', file.replace(/\.json$/, '.ts'));

function checkFor(file: string): TemplateCheck | undefined {
	if (!fs.existsSync(checkFile(file))) return undefined;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(checkFile(file)).check as TemplateCheck;
}

/** Number of records per collection per system: a second run must not add any. */
async function counts(sandbox: Sandbox): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const system of SYSTEM_KEYS) {
		let state: Json;
		try {
			state = await sandbox.getState(system);
		} catch {
			continue;
		}
		for (const [k, v] of Object.entries(state ?? {})) {
			// Logs of submissions (e.g. Dotdigital's import jobs), not records: each run adds its own.
			if (!holdsRecords(system, k)) continue;
			if (Array.isArray(v)) out[`${system}.${k}`] = v.length;
		}
	}
	return out;
}

describe('shipped templates in n8n against the sandbox', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	const ctx: Record<string, CheckContext> = {};

	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await createN8n('templates', sandbox);
		await n8n.importTemplates(templates);
	}, T.setup);

	afterAll(async () => {
		await n8n?.cleanup();
		await sandbox?.close();
	}, T.run);

	test('there are templates to run', () => {
		expect(templates.length).toBeGreaterThan(0);
	});

	test.each(templates.map((t) => t.file))('%s has field-level checks in test/e2e/checks/', (file) => {
		expect(fs.existsSync(checkFile(file))).toBe(true);
	});

	describe.each(GROUPS)('$name templates', ({ members }) => {
		let first: Record<string, RunResult> = {};
		let second: Record<string, RunResult> = {};
		let countsAfterFirst: Record<string, number> = {};
		let firstRequests: Json[] = [];

		beforeAll(async () => {
			await sandbox.reset();
			for (const t of members) ctx[t.file] = { sandbox, workflow: t.workflow, memo: {}, n8n };
			for (const t of members) await checkFor(t.file)?.prepare?.(ctx[t.file]);
		}, T.setup);

		test('first run: every template succeeds (one execute-batch)', async () => {
			const since = await sandbox.lastSeq();
			first = await n8n.batch(members.map((t) => t.workflow.id));
			firstRequests = await sandbox.getRequests({ since });
			countsAfterFirst = await counts(sandbox);
			const failures = members
				.map((t) => ({ file: t.file, ...first[t.workflow.id] }))
				.filter((r) => r.status !== 'success')
				.map((r) => `${r.file}: ${r.status} ${r.error}`);
			expect(failures).toEqual([]);
		}, batchTimeout(members.length));

		test('first run: the sandbox answered every call (throttles are retried, nothing failed)', () => {
			// A 404 on Dotdigital's contact-by-email lookup is its documented "no such contact" answer,
			// which the order templates use to skip orders of contacts not in Dotdigital.
			const lookupMiss = (r: Json) => r.status === 404 && r.method === 'GET' && /\/contacts\/v3\/email\//.test(r.path);
			const expected = (r: Json) => members.some((t) => checkFor(t.file)?.expectedFailure?.(r));
			const failed = firstRequests.filter((r) => r.status >= 400 && r.status !== 429 && r.status !== 503 && !lookupMiss(r) && !expected(r));
			expect(failed.map((r) => `${r.method} ${r.path} → ${r.status}`)).toEqual([]);
		});

		describe.each(members.map((t) => t.file))('%s', (file) => {
			test('first run: output and sandbox state, field by field', async () => {
				const check = checkFor(file);
				if (!check) throw new Error(`no checks for ${file}`);
				const t = members.find((x) => x.file === file)!;
				await check.afterFirstRun(ctx[file], first[t.workflow.id]);
			}, T.run);
		});

		test('second run: every template succeeds again', async () => {
			for (const t of members) await checkFor(t.file)?.betweenRuns?.(ctx[t.file]);
			second = await n8n.batch(members.map((t) => t.workflow.id));
			const failures = members
				.filter((t) => second[t.workflow.id].status !== 'success')
				.map((t) => `${t.file}: ${second[t.workflow.id].error}`);
			expect(failures).toEqual([]);
		}, batchTimeout(members.length));

		test('second run: nothing duplicated (record counts per collection unchanged but for what checks expect)', async () => {
			const expected = { ...countsAfterFirst };
			for (const t of members) {
				for (const [key, added] of Object.entries(checkFor(t.file)?.secondRunAdds?.(ctx[t.file]) ?? {})) {
					expected[key] = (expected[key] ?? 0) + added;
				}
			}
			expect(await counts(sandbox)).toEqual(expected);
		});

		describe.each(members.map((t) => t.file))('%s', (file) => {
			test('second run: changes detected, nothing repeated', async () => {
				const check = checkFor(file);
				if (!check) throw new Error(`no checks for ${file}`);
				const t = members.find((x) => x.file === file)!;
				await check.afterSecondRun(ctx[file], second[t.workflow.id]);
			}, T.run);
		});
	});
});
