/**
 * Secrets never leave the credential: a full run of every template with a Manual Trigger (one
 * execute-batch), then a run in which the sandbox answers ~20 % of the calls with a 400 whose body
 * echoes the request headers (credentials included, as some vendor error pages do) mixed with other
 * faults, then one `n8n execute` (its printed result) and the executions read back through n8n's
 * public API. Every place the plaintext could end up is searched for each credential secret of every
 * system in the sandbox registry (each login field named like a key, secret, password or token: Cin7
 * Core applicationKey, Cin7 Omni apiKey, Dotdigital password, …) and for the base64 of `user:secret`
 * that Basic auth sends:
 *   - CLI stdout/stderr of every command, execute-batch snapshots (the full execution data),
 *   - n8n's execution records via the public API (includeData=true),
 *   - every file in the n8n user folder: the SQLite database (+ WAL), config, logs (n8n stores
 *     credentials encrypted, so the plaintext must not be there either),
 *   - n8n's server log, the sandbox request log.
 * Expected hits: zero. CI runs one representative template per target system
 * (harness/representatives.ts); E2E_ALL_TEMPLATES=1 runs them all.
 */
import * as fs from 'fs';
import * as path from 'path';

import { createN8n, loadTemplates, serverApi, startSandbox, T, type Json, type N8n, type Sandbox } from './harness/n8n';
import { representatives } from './harness/representatives';

/* eslint-disable @typescript-eslint/no-require-imports */
const cli = require('../../scripts/lib/n8nCli');

const OWNER = { email: 'owner@secrets.test', password: 'Secrets-Passw0rd!' };
const { SYSTEMS } = require('../../sandbox/systems');
const b64 = (s: string) => Buffer.from(s).toString('base64');
const SECRET_FIELD = /key|secret|password|token/i;

/** Every secret login field of every registered system, plus the Basic header value it makes. */
function registrySecrets(): Record<string, string> {
	const out: Record<string, string> = {};
	for (const system of SYSTEMS as Json[]) {
		for (const [field, value] of Object.entries((system.login ?? {}) as Record<string, unknown>)) {
			if (SECRET_FIELD.test(field) && typeof value === 'string' && value) out[`${system.label} ${field}`] = value;
		}
		const basic = system.auth?.basic;
		if (basic?.password) out[`${system.label} Basic (base64 user:password)`] = b64(`${basic.username}:${basic.password}`);
	}
	return out;
}
const SECRETS = registrySecrets();
/* eslint-enable @typescript-eslint/no-require-imports */

const templates = representatives(loadTemplates().filter((t) => t.manual));

function walk(dir: string, out: string[] = []): string[] {
	if (!fs.existsSync(dir)) return out;
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isSymbolicLink()) continue; // the staged package (code, no data)
		if (e.isDirectory()) walk(p, out);
		else out.push(p);
	}
	return out;
}

describe('no credential secret in any output, error, execution record, log or request log', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	/** name → text (or bytes) that was produced during the runs. */
	const haystacks: Array<{ where: string; data: Buffer }> = [];
	const add = (where: string, data: string | Buffer | undefined | null) => {
		if (data !== undefined && data !== null) haystacks.push({ where, data: Buffer.isBuffer(data) ? data : Buffer.from(String(data)) });
	};

	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await createN8n('secrets', sandbox, { owner: OWNER });
		await n8n.importTemplates(templates);
	}, T.setup);

	afterAll(async () => {
		await n8n?.cleanup();
		await sandbox?.close();
	}, T.run);

	test('the secrets are the ones the sandbox checks (a search for them is meaningful)', () => {
		for (const s of Object.values(SECRETS)) expect(s.length).toBeGreaterThanOrEqual(12);
		for (const name of ['Cin7 Core applicationKey', 'Cin7 Omni apiKey', 'Dotdigital password']) expect(Object.keys(SECRETS)).toContain(name);
		expect(templates.length).toBeGreaterThan(0);
	});

	test('a clean run of every template, then a run with faults that echo the request headers', async () => {
		const ids = templates.map((t) => t.workflow.id);
		const clean = await cli.executeBatch(n8n.inst, ids);
		add('execute-batch (clean) stdout', clean.stdout);
		add('execute-batch (clean) stderr', clean.stderr);
		add('execute-batch (clean) results', JSON.stringify(clean.results));
		expect(Object.values(clean.results as Record<string, Json>).map((r) => r.status)).toEqual(ids.map(() => 'success'));

		await sandbox.setFaults({ rate: 0.2, kinds: ['echoHeaders', 'echoHeaders', 'echoHeaders', 'error500', 'html200'], seed: 5 });
		const faulty = await cli.executeBatch(n8n.inst, ids);
		add('execute-batch (echo faults) stdout', faulty.stdout);
		add('execute-batch (echo faults) stderr', faulty.stderr);
		add('execute-batch (echo faults) results', JSON.stringify(faulty.results));
		// One headless `n8n execute` too: it prints the whole execution.
		const one = await cli.executeWorkflow(n8n.inst, ids.find((id) => /Contact/i.test(id)) ?? ids[0]);
		add('n8n execute stdout', one.stdout);
		add('n8n execute stderr', one.stderr);
		const stats = (await sandbox.getStats()).systems as Json;
		await sandbox.clearFaults();
		const echoed = Object.values(stats).reduce((n: number, s: Json) => n + Number(s.faults.echoHeaders ?? 0), 0);
		expect(echoed).toBeGreaterThan(0);
		// The echoed headers did reach n8n: some error carries the echo (redacted).
		const all = [faulty.stdout, JSON.stringify(faulty.results), one.stdout].join('\n');
		expect(all).toMatch(/Request headers/);
		expect(all).toMatch(/\*\*\*/);
	}, T.run * 2);

	test('the executions, read back through the public API of a running n8n', async () => {
		const srv = await n8n.startServer();
		const api = await serverApi.publicApi(srv, await serverApi.login(srv, OWNER));
		const list = (await api('GET', '/executions?limit=250&includeData=true')).data as Json[];
		add('public API /executions', JSON.stringify(list));
		for (const e of list.slice(0, 50)) add(`public API /executions/${e.id}`, JSON.stringify(await api('GET', `/executions/${e.id}?includeData=true`)));
		await n8n.stopServer();
		add('n8n server log', n8n.serverLog());
		expect(list.length).toBeGreaterThan(0);
	}, T.server);

	test('zero hits for every secret, in every place', async () => {
		for (const f of walk(n8n.dir)) add(`file ${path.relative(n8n.dir, f)}`, fs.readFileSync(f));
		add('sandbox request log', JSON.stringify(await sandbox.getRequests({})));
		expect(haystacks.some((h) => /database\.sqlite$/.test(h.where))).toBe(true);
		const hits: string[] = [];
		for (const [name, secret] of Object.entries(SECRETS)) {
			for (const h of haystacks) {
				for (const needle of new Set([secret, encodeURIComponent(secret)])) {
					const at = h.data.indexOf(needle);
					if (at >= 0) hits.push(`${name} in ${h.where}: …${h.data.subarray(Math.max(0, at - 80), at + needle.length + 20).toString('utf8').replace(/\s+/g, ' ')}…`);
				}
			}
		}
		expect(hits).toEqual([]);
		process.stderr.write(`[secrets] searched ${haystacks.length} places (${Math.round(haystacks.reduce((n, h) => n + h.data.length, 0) / 1024)} KiB) for ${Object.keys(SECRETS).length} secrets: 0 hits\n`);
	}, T.run);
});
