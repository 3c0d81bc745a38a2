/**
 * End-to-end harness: a real n8n 2.41.1 (from .n8n-runtime, on Node 24) with this package installed
 * the way a community install places it, talking to the sandbox served from the jest process.
 * Thin typed wrapper over scripts/lib (shared with `npm run demo`).
 */
import * as fs from 'fs';
import * as path from 'path';

/* eslint-disable @typescript-eslint/no-require-imports */
const paths = require('../../../scripts/lib/paths');
const stageLib = require('../../../scripts/lib/stage');
const envLib = require('../../../scripts/lib/n8nEnv');
const cli = require('../../../scripts/lib/n8nCli');
const server = require('../../../scripts/lib/n8nServer');
const sandboxLib = require('../../../scripts/lib/sandbox');
const credLib = require('../../../scripts/lib/credentials');
const templatesLib = require('../../../scripts/lib/templates');
const registry = require('../../../sandbox/systems');
/* eslint-enable @typescript-eslint/no-require-imports */

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface RunResult {
	status: string;
	error: string | null;
	runData: Json;
	execution: Json | null;
}

export interface Template {
	file: string;
	workflow: Json;
	manual: boolean;
	pollers: string[];
	ourTypes: string[];
}

/** Generous jest timeouts: every n8n command takes seconds. */
export const T = { setup: 600_000, run: 240_000, server: 300_000 };

/**
 * The jest timeout for one execute-batch of `count` workflows: a batch runs them one after another,
 * so its time grows with the number of templates (~5–25 s each on a 2-core machine) as systems are added.
 */
export const batchTimeout = (count: number): number => T.run + 30_000 * count;

export const ROOT: string = paths.ROOT;
export const nodeOutput: (runData: Json, node: string, output?: number, run?: number) => Json[] = cli.nodeOutput;
export const FIXED_CREDENTIALS: Record<string, { id: string; name: string }> = credLib.FIXED_CREDENTIALS;
/** The sandbox's systems in registry order (sandbox/systems.js): path prefix / state / stats / request-log keys. */
export const SYSTEM_KEYS: string[] = registry.KEYS;

/** A workflow node's reference to the fixed credential of a type: { id, name }, as templates carry it. */
export function credentialRef(type: string): { id: string; name: string } {
	const c = FIXED_CREDENTIALS[type];
	if (!c) throw new Error(`no fixed credential for type ${type} (known: ${Object.keys(FIXED_CREDENTIALS).join(', ')})`);
	return { id: c.id, name: c.name };
}

/**
 * Whether a collection of a system's sandbox state holds records. No: the registry's
 * `logCollections`, logs of submissions (Dotdigital's import jobs) to which every run adds entries.
 */
export function holdsRecords(system: string, collection: string): boolean {
	return !(registry.entry(system).logCollections ?? []).includes(collection);
}

/** A system's base URL on the sandbox (registry basePath), for checks that call the vendor API directly. */
export function systemBaseUrl(sandbox: { url: string }, system: string): string {
	return sandbox.url + registry.entry(system).basePath;
}

/** A system's sandbox login as HTTP headers (registry auth; Basic auth encoded). */
export const authHeaders: (system: string) => Record<string, string> = registry.authHeaders;
export const sleep: (ms: number) => Promise<void> = server.sleep;

/**
 * Under CI=true a missing runtime is a failure (never a skip): the runtime is installed by
 * scripts/install-runtime.sh here, and a failed install fails the suite. Set
 * N8N_E2E_NO_INSTALL=1 to fail fast with instructions instead of installing.
 */
export function ensureRuntime(): void {
	if (paths.runtimeReady()) return;
	if (process.env.N8N_E2E_NO_INSTALL === '1') paths.ensureRuntime({ install: false });
	paths.ensureRuntime({ install: true, log: (m: string) => process.stderr.write(`${m}\n`) });
}

export function loadTemplates(): Template[] {
	return templatesLib.loadTemplates();
}

export function template(file: string): Template {
	const t = loadTemplates().find((x) => x.file === file);
	if (!t) throw new Error(`workflows/${file} does not exist`);
	return t;
}

export interface Sandbox {
	url: string;
	port: number;
	close(): Promise<void>;
	getState(system?: string): Promise<Json>;
	getRequests(o?: { system?: string; since?: number }): Promise<Json[]>;
	reset(): Promise<Json>;
	mutate(system: string, body: Json): Promise<Json>;
	setFaults(cfg: Json): Promise<Json>;
	clearFaults(): Promise<void>;
	lastSeq(): Promise<number>;
	getStats(): Promise<Json>;
}

export const TIME_SCALE = 60;

export async function startSandbox(opts: Json = {}): Promise<Sandbox> {
	return sandboxLib.startSandbox({ size: 'demo', seed: 1, timeScale: TIME_SCALE, ...opts });
}

export interface N8n {
	inst: Json;
	dir: string;
	stage: Json;
	importTemplates(templates: Array<Template | Json>): Promise<void>;
	importWorkflows(workflows: Json[]): Promise<void>;
	execute(id: string): Promise<RunResult>;
	batch(ids: string[]): Promise<Record<string, RunResult>>;
	publish(id: string): Promise<void>;
	startServer(): Promise<Json>;
	stopServer(): Promise<void>;
	serverLog(): string;
	cleanup(): Promise<void>;
}

/**
 * A fresh n8n user folder under .e2e/ with the staged package linked in and the sandbox
 * credentials imported (fixed placeholder ids, see workflows/README.md). `env` goes to every n8n
 * process of the instance, CLI imports included (e.g. the DB_* settings of a PostgreSQL database).
 */
export async function createN8n(
	label: string,
	sandbox: Sandbox | null,
	{ owner, env }: { owner?: { email: string; password: string }; env?: Record<string, string> } = {},
): Promise<N8n> {
	ensureRuntime();
	const stage = stageLib.buildStage({ log: () => {} });
	if (stage.tscErrors) process.stderr.write(`[e2e] tsc reported errors (files were still emitted):\n${stage.tscErrors.slice(0, 4000)}\n`);
	if (stage.missing.length) process.stderr.write(`[e2e] package.json lists files that were not built: ${stage.missing.join(', ')}\n`);
	const dir = paths.scratchDir('.e2e', label);
	const inst = await envLib.createInstance({ dir, owner, env });
	stageLib.linkPackage(inst.userFolder, stage.dir);
	if (sandbox) await cli.importCredentials(inst, credLib.sandboxCredentials(sandbox.url, { speedUp: TIME_SCALE }));
	let srv: Json | null = null;
	const n8n: N8n = {
		inst,
		dir,
		stage,
		importTemplates: (ts) => cli.importWorkflows(inst, ts.map((t) => ('workflow' in t ? t.workflow : t))),
		importWorkflows: (wfs) => cli.importWorkflows(inst, wfs),
		execute: (id) => cli.executeWorkflow(inst, id),
		batch: async (ids) => (await cli.executeBatch(inst, ids, { timeoutMs: Math.max(600_000, batchTimeout(ids.length)) })).results,
		publish: (id) => cli.publishWorkflow(inst, id),
		async startServer() {
			srv = server.startServer(inst);
			await server.waitReady(srv);
			return srv as Json;
		},
		async stopServer() {
			await server.stopServer(srv);
			srv = null;
		},
		serverLog: () => (srv ? srv.log() : fs.existsSync(path.join(dir, 'server.log')) ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8') : ''),
		async cleanup() {
			await server.stopServer(srv);
			if (process.env.N8N_E2E_KEEP !== '1') fs.rmSync(dir, { recursive: true, force: true });
		},
	};
	return n8n;
}

export const serverApi = { login: server.login, publicApi: server.publicApi };
