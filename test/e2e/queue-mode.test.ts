/**
 * Scale: the contacts templates in n8n's queue mode as production runs it — Redis (Debian's
 * redis-server) for the queue, PostgreSQL (Debian's postgresql, a throw-away cluster on a free port)
 * for the database, one main process, two workers — reach the same final state as in regular mode.
 * Both servers are installed with apt-get when missing and started by the test. Every n8n process
 * and every CLI command of the instance gets the same DB_* settings, so the credentials, workflows
 * and owner imported or set up before the start are in PostgreSQL, where the main and the workers
 * read them and the workers write the executions; the user folder is still shared for its config
 * (encryption key) and the installed package. The test checks that nothing went to SQLite.
 *
 * How the work reaches the workers, faithfully: `n8n execute` ignores queue mode (it falls back to
 * regular mode with a warning), and a Manual Trigger cannot be fired in a running server without the
 * editor. So each template is imported a second time as a webhook-triggered variant: the template's
 * Manual Trigger "Run now" is replaced by a Webhook node of the same name (so every connection and
 * every `$('…')` reference stays as shipped) and the variant is activated in the main process. A POST
 * to the main's production webhook URL makes the main enqueue the execution in Redis (Bull) and a
 * worker run it: the same path a scheduled or polling activation takes in queue mode (trigger in the
 * main, execution in a worker). Every node after the trigger is the shipped template, unchanged.
 *
 * Regular mode first (`n8n execute-batch`, two passes, same database) on the seeded sandbox; then
 * the sandbox is reseeded, the same two passes run through the queue (pass 1 one template at a
 * time, pass 2 both at once, so the two workers run side by side), and the target state is
 * compared after each pass.
 *
 * Under CI=true a failure to get Redis or PostgreSQL fails the test (never a skip); elsewhere too,
 * since the test installs both itself when it is root.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import { createN8n, serverApi, sleep, startSandbox, T, template, type Json, type N8n, type Sandbox } from './harness/n8n';
import { diff, project, type Projection } from './harness/targetState';

/* eslint-disable @typescript-eslint/no-require-imports */
const redisLib = require('../../scripts/lib/redis');
const pgLib = require('../../scripts/lib/postgres');
const queueLib = require('../../scripts/lib/queueMode');
const serverLib = require('../../scripts/lib/n8nServer');
/* eslint-enable @typescript-eslint/no-require-imports */

const OWNER = { email: 'owner@queue.test', password: 'Queue-Passw0rd!' };
const TEMPLATES = [template('cin7-core-contacts-to-dotdigital.json'), template('cin7-omni-contacts-to-dotdigital.json')];

const log = (m: string) => process.stderr.write(`[queue-mode] ${m}\n`);

/** The template with its Manual Trigger swapped for a production webhook of the same name. */
function webhookVariant(wf: Json, n: number): Json {
	const copy = JSON.parse(JSON.stringify(wf));
	const manual = copy.nodes.find((x: Json) => x.type === 'n8n-nodes-base.manualTrigger');
	if (!manual) throw new Error(`${wf.name}: no Manual Trigger to replace`);
	const path = `queue-mode-${n}`;
	Object.assign(manual, {
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: crypto.randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	});
	// Only the webhook starts it here: the template's own polling trigger stays in the workflow but
	// is disabled, so activation does not also poll.
	for (const node of copy.nodes) if (/Trigger$/.test(node.type) && node !== manual) node.disabled = true;
	copy.id = `queueMode${String(n).padStart(7, '0')}`;
	copy.name = `${wf.name} (queue mode, webhook)`;
	copy.active = false;
	return { workflow: copy, path };
}

describe('queue mode: one main, two workers, Redis, PostgreSQL (real n8n, sandbox)', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	let redis: Json;
	let pg: Json;
	let main: Json;
	const workers: Json[] = [];
	const variants = TEMPLATES.map((t, i) => webhookVariant(t.workflow, i + 1));
	const regular: Projection[] = [];
	let api: (method: string, p: string, body?: Json) => Promise<Json>;

	beforeAll(async () => {
		// Redis and PostgreSQL first: when either cannot be had, fail here with the reason (CI or not).
		redis = await redisLib.startRedis({ log });
		pg = await pgLib.startPostgres({ log });
		sandbox = await startSandbox();
		// The DB_* settings go to every process of the instance, the CLI imports below included.
		n8n = await createN8n('queue-mode', sandbox, { owner: OWNER, env: pg.n8nEnv() });
		await n8n.importTemplates(TEMPLATES);
		await n8n.importWorkflows(variants.map((v) => v.workflow));
		for (const v of variants) await n8n.publish(v.workflow.id);
	}, T.setup);

	afterAll(async () => {
		for (const w of workers) await queueLib.stopWorker(w);
		await serverLib.stopServer(main);
		await redis?.stop();
		await n8n?.cleanup();
		await pg?.stop();
		await sandbox?.close();
	}, T.run);

	test('regular mode: two passes of the templates (execute-batch)', async () => {
		for (let pass = 0; pass < 2; pass++) {
			const r = await n8n.batch(TEMPLATES.map((t) => t.workflow.id));
			expect(TEMPLATES.map((t) => `${t.file}: ${r[t.workflow.id].status}`)).toEqual(TEMPLATES.map((t) => `${t.file}: success`));
			regular.push(project(await sandbox.getState()));
		}
		expect(regular[1].duplicates).toEqual([]);
	}, T.run);

	test('queue mode: main and two workers start against Redis and PostgreSQL', async () => {
		await sandbox.reset();
		const env = queueLib.queueEnv(redis.port, { N8N_LOG_LEVEL: 'info' });
		const t0 = Date.now();
		main = serverLib.startServer(n8n.inst, { env });
		await serverLib.waitReady(main);
		const t1 = Date.now();
		for (const name of ['worker-1', 'worker-2']) workers.push(await queueLib.startWorker(n8n.inst, { redisPort: redis.port, concurrency: 1, name }));
		log(`main ready in ${t1 - t0} ms, both workers in ${Date.now() - t1} ms more`);
		api = await serverApi.publicApi(main, await serverApi.login(main, OWNER));
		expect(workers.every((w) => !w.exited)).toBe(true);
	}, T.server);

	test('the CLI imports, the main and the workers share the PostgreSQL database (no SQLite)', () => {
		const column = (sql: string): string[] => pg.query(sql).map((row: string[]) => row[0]);
		const credentialIds = [...new Set(TEMPLATES.flatMap((t) => t.workflow.nodes.flatMap((n: Json) => Object.values((n.credentials ?? {}) as Record<string, Json>).map((c) => c.id))))];
		expect(credentialIds.length).toBeGreaterThan(0);
		expect(column('SELECT id FROM credentials_entity')).toEqual(expect.arrayContaining(credentialIds));
		const workflowIds = [...TEMPLATES.map((t) => t.workflow.id), ...variants.map((v) => v.workflow.id)];
		expect(column('SELECT id FROM workflow_entity')).toEqual(expect.arrayContaining(workflowIds));
		expect(column('SELECT email FROM "user"')).toContain(OWNER.email);
		// n8n would create it on first use with the default DB_TYPE; it warns about SQLite in queue mode.
		expect(fs.existsSync(path.join(n8n.inst.userFolder, '.n8n', 'database.sqlite'))).toBe(false);
		for (const p of [main, ...workers]) expect(p.log()).not.toMatch(/not officially supported with sqlite/i);
	});

	async function fire(variant: Json) {
		const r = await fetch(`${main.url}/webhook/${variant.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(r.status).toBe(200);
	}

	/** Waits until `count` executions of the variant exist and all have finished; returns them. */
	async function finished(variant: Json, count: number): Promise<Json[]> {
		const t0 = Date.now();
		let list: Json[] = [];
		while (Date.now() - t0 < 180_000) {
			list = (await api('GET', `/executions?workflowId=${variant.workflow.id}&limit=20`)).data;
			if (list.length >= count && list.every((e) => e.status !== 'running' && e.status !== 'new' && e.status !== 'waiting' && e.finished !== false)) break;
			await sleep(1000);
		}
		expect(list.map((e) => e.status)).toEqual(Array(count).fill('success'));
		return list;
	}

	const workerRuns = () => workers.map((w) => (w.log().match(/Worker (started|finished) execution \S+/gi) ?? []).filter((l: string) => /finished/i.test(l)).length);

	test('pass 1 through the queue (one template at a time) equals regular mode', async () => {
		for (const v of variants) {
			await fire(v);
			await finished(v, 1);
		}
		const got = project(await sandbox.getState());
		expect(got.duplicates).toEqual([]);
		expect(diff(regular[0], got).map((d) => d.line).slice(0, 20)).toEqual([]);
		expect(main.log()).toMatch(/Enqueued execution/);
	}, T.server);

	test('pass 2 with both templates at once (the two workers side by side) equals regular mode', async () => {
		await Promise.all(variants.map((v) => fire(v)));
		for (const v of variants) await finished(v, 2);
		const got = project(await sandbox.getState());
		expect(got.duplicates).toEqual([]);
		expect(diff(regular[1], got).map((d) => d.line).slice(0, 20)).toEqual([]);
		// Every execution ran in a worker, none in the main; both workers took part.
		const runs = workerRuns();
		process.stderr.write(`[queue-mode] executions finished per worker: ${JSON.stringify(runs)}\n`);
		expect(runs.reduce((a, b) => a + b, 0)).toBe(2 * variants.length);
		expect(runs.every((n) => n > 0)).toBe(true);
		// The workers stored those executions in PostgreSQL.
		const ids = variants.map((v) => `'${v.workflow.id}'`).join(', ');
		expect(pg.query(`SELECT count(*) FROM execution_entity WHERE "workflowId" IN (${ids}) AND status = 'success'`)).toEqual([[String(2 * variants.length)]]);
	}, T.server);
});
