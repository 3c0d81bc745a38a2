/**
 * Fault tolerance of the Dotdigital templates in the real n8n: the sandbox injects ~10 % faults of
 * each kind (throttles in every form, 5xx, dropped connections, bodies that are not data) and the
 * target state is compared with a fault-free run of the same templates on the same seeded data.
 *
 * For each fault group, one `execute-batch` of the templates (same order as the reference):
 *   1. no duplicates anywhere (one Dotdigital contact per email, one list per name, one data field
 *      per name, Cin7 contacts unchanged in number);
 *   2. every record that ended up different from the fault-free run is named by an error item
 *      (an item carrying `error`, e.g. "Not written") — or the template failed as a whole with a
 *      visible workflow error (a read that cannot be retried: HTTP 500, HTML instead of data);
 *   3. one more fault-free run converges: the state equals two fault-free runs, still no duplicates.
 *
 * Plus: a restart in the middle of a history backfill (polling trigger, start date, small max per
 * poll, server mode) resumes where it stopped: n8n is stopped after the first poll and started again;
 * the remaining records arrive, none twice.
 */
import { createN8n, credentialRef, loadTemplates, nodeOutput, serverApi, sleep, startSandbox, T, type Json, type N8n, type RunResult, type Sandbox } from './harness/n8n';
import { allTemplatesWanted, representatives } from './harness/representatives';
import { diff, project, type Projection } from './harness/targetState';

// The contacts round trip by default, one Cin7 side each way (Core unsubscribes, Omni contacts:
// the representatives of harness/representatives.ts); FAULTS_ALL_TEMPLATES=1 or E2E_ALL_TEMPLATES=1
// runs every Dotdigital template (~15 minutes); FAULTS_TEMPLATES=<file>,<file> runs just those.
const chosen = process.env.FAULTS_TEMPLATES?.split(',').map((f) => f.trim()).filter(Boolean);
const dotdigitalTemplates = loadTemplates().filter((t) => t.manual && /dotdigital/.test(t.file));
const templates = chosen?.length
	? dotdigitalTemplates.filter((t) => chosen.includes(t.file))
	: representatives(dotdigitalTemplates, { all: process.env.FAULTS_ALL_TEMPLATES === '1' || allTemplatesWanted() });
const ids = templates.map((t) => t.workflow.id);
const lc = (s: unknown) => String(s ?? '').trim().toLowerCase();

/** The fault groups: ~10 % of the calls of the listed systems fail with one of the kinds. */
const GROUPS: Array<{ name: string; kinds: string[]; systems?: string[] }> = [
	{ name: 'throttles (429, 503, Retry-After text, X-Retry-After)', kinds: ['throttle429', 'throttle503', 'retryAfterText', 'xRetryAfter'] },
	{ name: 'server errors and dropped connections (500, 502, timeout)', kinds: ['error500', 'error502', 'timeout'] },
	{ name: 'bodies that are not data (truncated JSON, HTML page)', kinds: ['malformed', 'html200'] },
	// Cin7 Core's own error shape (200 + ErrorCode); the other vendors never answer that way.
	{ name: 'Cin7 Core 200 + ErrorCode', kinds: ['errorCode200'], systems: ['cin7core'] },
];

/** Every string an error item carries (record ids, emails), from every node of every template. */
function errorItems(results: Record<string, RunResult>): { names: Set<string>; items: Json[] } {
	const names = new Set<string>();
	const items: Json[] = [];
	for (const r of Object.values(results)) {
		for (const [node, runs] of Object.entries(r.runData ?? {})) {
			for (let run = 0; run < (runs as Json[]).length; run++) {
				for (let out = 0; out < 4; out++) {
					for (const item of nodeOutput(r.runData, node, out, run)) {
						if (!item || item.error === undefined || item.error === null || item.error === '') continue;
						items.push({ node, ...item });
						for (const v of Object.values(item)) if (typeof v === 'string' || typeof v === 'number') names.add(lc(v));
					}
				}
			}
		}
	}
	return { names, items };
}

/** The record a fact key is about, in the forms an error item may name it. */
function namesOf(key: string, ref: Projection, got: Projection): string[] {
	const [system, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
	const out = [id];
	if (system === 'cin7core' || system === 'cin7omni') {
		for (const p of [ref, got]) {
			const v = p.facts.get(key);
			if (!v) continue;
			const parsed = JSON.parse(v);
			if (Array.isArray(parsed)) for (const k of parsed) out.push(lc(k.Email), lc(k.ID));
			else out.push(lc(parsed.email));
		}
	}
	if (system === 'dotdigital-insight') {
		out.push(lc(id.slice(id.indexOf(':') + 1)));
		for (const p of [ref, got]) {
			const v = p.facts.get(key);
			if (v) out.push(lc(JSON.parse(v).email));
		}
	}
	if (system === 'dotdigital') {
		for (const p of [ref, got]) {
			const v = p.facts.get(key);
			if (v) out.push(lc(JSON.parse(v).fields.CUSTOMER_ID));
		}
	}
	return out.filter(Boolean);
}

describe('Dotdigital templates under injected faults (real n8n, sandbox)', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	let ref1: Projection;
	let ref2: Projection;
	const report: string[] = [];

	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await createN8n('faults', sandbox);
		await n8n.importTemplates(templates);
	}, T.setup);

	afterAll(async () => {
		if (report.length) process.stderr.write(`[faults]\n${report.join('\n')}\n`);
		await n8n?.cleanup();
		await sandbox?.close();
	}, T.run);

	async function batch(): Promise<Record<string, RunResult>> {
		return n8n.batch(ids);
	}

	test('there are Dotdigital templates to run', () => {
		expect(templates.map((t) => t.file)).toEqual(expect.arrayContaining(chosen?.length ? chosen : ['cin7-core-unsubscribes-from-dotdigital.json']));
	});

	test('reference: fault-free runs until nothing changes (two runs; a third changes nothing)', async () => {
		await sandbox.reset();
		const r1 = await batch();
		expect(ids.map((id) => `${id}: ${r1[id].status} ${r1[id].error ?? ''}`.trim())).toEqual(ids.map((id) => `${id}: success`));
		ref1 = project(await sandbox.getState());
		const r2 = await batch();
		expect(ids.filter((id) => r2[id].status !== 'success')).toEqual([]);
		ref2 = project(await sandbox.getState());
		await batch();
		expect(diff(ref2, project(await sandbox.getState())).map((d) => d.line)).toEqual([]);
		expect(ref1.duplicates).toEqual([]);
		expect(ref2.duplicates).toEqual([]);
		// The reference run did write: contacts are in the Cin7 lists.
		expect([...ref1.facts.values()].filter((v) => v.includes('Cin7 customers')).length).toBeGreaterThan(100);
	}, T.run * 2);

	// A group limited to some systems runs only when a chosen template talks to one of them.
	const systemOf = (file: string) => file.replace(/^cin7-(core|omni)-.*/, 'cin7$1');
	const groups = GROUPS.filter((g) => !g.systems || templates.some((t) => g.systems!.includes(systemOf(t.file))));
	describe.each(groups)('$name', (group) => {
		let results: Record<string, RunResult>;
		let faulty: Projection;
		let injected: Json;

		test('a run with ~10 % faults: no duplicates, every difference is named by an error item', async () => {
			expect(ref1).toBeDefined();
			await sandbox.reset();
			await sandbox.setFaults({ rate: 0.1, kinds: group.kinds, systems: group.systems, seed: 11, timeoutMs: 1500 });
			const t0 = Date.now();
			results = await batch();
			await sandbox.clearFaults();
			injected = (await sandbox.getStats()).systems;
			faulty = project(await sandbox.getState());
			const faultCount = Object.values(injected).reduce((n: number, s: Json) => n + Object.values(s.faults as Json).reduce((a: number, b) => a + Number(b), 0), 0);
			expect(faultCount).toBeGreaterThan(0);

			expect(faulty.duplicates).toEqual([]);
			const failed = ids.filter((id) => results[id].status !== 'success').map((id) => `${templates.find((t) => t.workflow.id === id)!.file}: ${results[id].error}`);
			const errors = errorItems(results);
			const differences = diff(ref1, faulty);
			const unexplained = differences.filter((d) => !namesOf(d.key, ref1, faulty).some((n) => errors.names.has(n)));
			report.push(
				`${group.name}: ${faultCount} faults injected ${JSON.stringify(Object.fromEntries(Object.entries(injected).map(([k, s]) => [k, (s as Json).faults])))}, ` +
					`${Math.round((Date.now() - t0) / 1000)} s, ${differences.length} records differ from the fault-free run, ${errors.items.length} error items, ` +
					`${failed.length} templates failed as a whole${failed.length ? `:\n    ${failed.join('\n    ')}` : ''}`,
			);
			// Every error item names its record and says what went wrong.
			for (const item of errors.items) expect(String(item.error)).not.toBe('');
			if (failed.length === 0) {
				// No template failed as a whole: each lost write must be an error item naming the record.
				expect(unexplained.map((d) => d.line).slice(0, 20)).toEqual([]);
			} else {
				// A template stopped with a workflow error: visible in the execution, nothing half-done
				// silently; every failed workflow's error names the node and the call.
				for (const f of failed) expect(f).toMatch(/ on node /);
			}
		}, T.run * 2);

		test('fault-free runs afterwards converge to the fault-free state, still without duplicates', async () => {
			expect(faulty).toBeDefined();
			// Two runs: an opt-out that the failed unsubscribes template missed reaches Cin7 in the
			// first and Dotdigital's NEWSLETTER_SUB in the second, as in the reference's two runs.
			for (let k = 0; k < 2; k++) {
				const r = await batch();
				expect(ids.filter((id) => r[id].status !== 'success').map((id) => r[id].error)).toEqual([]);
			}
			const after = project(await sandbox.getState());
			expect(after.duplicates).toEqual([]);
			expect(diff(ref2, after).map((d) => d.line).slice(0, 20)).toEqual([]);
		}, T.run);
	});
});

/**
 * A history backfill interrupted by a restart: the Cin7 Core Trigger with a start date and a small
 * "max per poll" emits the oldest page at activation; n8n is stopped right after it and started
 * again; the activation poll after the restart continues from the stored cursor (workflow static
 * data), so the rest of the backlog arrives and nothing is emitted twice.
 */
describe('restart in the middle of a history backfill (server mode)', () => {
	const OWNER = { email: 'owner@faults.test', password: 'Faults-Passw0rd!' };
	const WF_ID = 'e2eBackfillRst01';
	const PER_POLL = 6;
	const BACKLOG = 10; // records modified at or after the start date
	const OVERLAP_MS = 5 * 60_000; // the trigger's "overlap (minutes)" setting, 5
	let sandbox: Sandbox;
	let n8n: N8n;
	let startDate: string;
	let expected: Json[];

	const iso = (s: string) => Date.parse(s.endsWith('Z') ? s : `${s}Z`);

	beforeAll(async () => {
		sandbox = await startSandbox();
		const products = ((await sandbox.getState('cin7core')).products as Json[]).filter((p) => p.Status !== 'Deprecated');
		const byTime = [...products].sort((a, b) => iso(a.LastModifiedOn) - iso(b.LastModifiedOn));
		// A whole second strictly after the record just before the backlog (Cin7 Core filters by
		// the second), so the backlog is exactly what is modified at or after the start date.
		// The first window also re-reads the overlap before the cursor (5 minutes here), so the start
		// date sits more than the overlap after that record: the window holds the backlog only.
		const start = Math.floor(iso(byTime[byTime.length - BACKLOG - 1].LastModifiedOn) / 1000) * 1000 + OVERLAP_MS + 1000;
		startDate = new Date(start).toISOString().replace('.000Z', 'Z');
		expected = byTime.filter((p) => iso(p.LastModifiedOn) >= start);
		expect(expected.length).toBeGreaterThan(PER_POLL);
		expect(expected.length).toBeLessThanOrEqual(2 * PER_POLL - 1);
		n8n = await createN8n('backfill-restart', sandbox, { owner: OWNER });
		await n8n.importWorkflows([
			{
				id: WF_ID,
				name: 'e2e: backfill across a restart',
				nodes: [
					{
						id: '7b2e1d9f-0001-4000-8000-000000000001',
						name: 'Product updated',
						type: 'n8n-nodes-cin7.cin7CoreTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: { pollTimes: { item: [{ mode: 'everyHour' }] }, event: 'productUpdated', maxPerPoll: PER_POLL, startDate, overlapMinutes: OVERLAP_MS / 60_000 },
						credentials: { cin7CoreApi: credentialRef('cin7CoreApi') },
					},
					{ id: '7b2e1d9f-0001-4000-8000-000000000002', name: 'Keep', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
				],
				connections: { 'Product updated': { main: [[{ node: 'Keep', type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
				pinData: {},
			},
		]);
		await n8n.publish(WF_ID);
	}, T.setup);

	afterAll(async () => {
		await n8n?.cleanup();
		await sandbox?.close();
	}, T.run);

	async function executions(count: number): Promise<Json[][]> {
		const srv = await n8n.startServer();
		const api = await serverApi.publicApi(srv, await serverApi.login(srv, OWNER));
		let list: Json[] = [];
		const t0 = Date.now();
		while (Date.now() - t0 < 90_000) {
			list = (await api('GET', `/executions?workflowId=${WF_ID}&limit=20`)).data;
			if (list.length >= count && list.every((e) => e.finished || e.status === 'success' || e.status === 'error')) break;
			await sleep(1000);
		}
		if (list.length < count) throw new Error(`expected ${count} executions, got ${list.length}\n${n8n.serverLog().slice(-3000)}`);
		const out = [];
		for (const e of [...list].sort((a, b) => Number(a.id) - Number(b.id))) {
			const ex = await api('GET', `/executions/${e.id}?includeData=true`);
			expect(ex.status).toBe('success');
			out.push(nodeOutput(ex.data.resultData.runData, 'Product updated'));
		}
		return out;
	}

	test('stop after the first poll, start again: the rest of the backlog arrives, none repeats', async () => {
		const first = await executions(1);
		await n8n.stopServer();
		expect(first).toHaveLength(1);
		expect(first[0]).toHaveLength(PER_POLL);

		// A record changes while n8n is down: it is part of what the resumed backfill must deliver.
		const changed = expected[0];
		await sandbox.mutate('cin7core', { entity: 'product', id: changed.ID, patch: { Name: `${changed.Name} (edited while down)` } });

		const all = await executions(2);
		await n8n.stopServer();
		const emitted = all.flat();
		const keys = emitted.map((p) => `${p.ID}@${p.LastModifiedOn}`);
		expect(new Set(keys).size).toBe(keys.length); // no (id, modified) pair twice
		expect(all[0].map((p) => p.ID)).toEqual(first[0].map((p) => p.ID)); // the first execution is the one we saw
		// Every backlog record arrived; the one edited while n8n was down arrived again with its new
		// modified time (a real change, not a repeat), and nothing else did.
		expect(new Set(emitted.map((p) => p.ID))).toEqual(new Set(expected.map((p) => p.ID)));
		const twice = emitted.filter((p, i) => emitted.findIndex((q) => q.ID === p.ID) !== i).map((p) => p.ID);
		expect(twice.every((id) => id === changed.ID)).toBe(true);
		expect(emitted.filter((p) => p.ID === changed.ID).some((p) => p.Name === `${changed.Name} (edited while down)`)).toBe(true);
		// The resumed poll started past the first page: its ModifiedSince is not the start date.
		const polls = (await sandbox.getRequests({ system: 'cin7core' })).filter((r) => /\/product$/i.test(r.path) && r.query?.ModifiedSince);
		const sinces = [...new Set(polls.map((r) => String(r.query.ModifiedSince)))];
		expect(sinces.length).toBeGreaterThanOrEqual(2);
	}, T.server);
});
