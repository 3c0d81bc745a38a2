#!/usr/bin/env node
'use strict';
/**
 * npm run demo [-- --once] [-- --port=5678]
 *
 * Installs the pinned n8n runtime if missing, builds a staging copy of this package (tsc into a
 * temporary folder, so the shared ./dist is untouched) and links it into a fresh n8n user folder
 * under .demo/ as a community package, starts the sandbox (demo data) and n8n (SQLite), imports
 * credentials pointed at the sandbox and every template in workflows/, runs each template once,
 * prints what moved where, then leaves the editor open with the owner login printed.
 * --once exits after the summary (non-zero if a template failed). Ctrl-C stops everything.
 */
const fs = require('fs');
const path = require('path');
const paths = require('./lib/paths');
const { buildStage, linkPackage } = require('./lib/stage');
const { createInstance } = require('./lib/n8nEnv');
const cli = require('./lib/n8nCli');
const srvLib = require('./lib/n8nServer');
const { startSandbox } = require('./lib/sandbox');
const { sandboxCredentials } = require('./lib/credentials');
const { SYSTEMS } = require('../sandbox/systems');
const { loadTemplates } = require('./lib/templates');
const { summarizeRun, formatSummary } = require('./lib/summary');
const { isPortFree, freePort } = require('./lib/ports');
const { KEYS: SYSTEM_KEYS } = require('../sandbox/systems');

const args = process.argv.slice(2);
const ONCE = args.includes('--once');
const portArg = args.find((a) => a.startsWith('--port='));
const WANT_PORT = portArg ? Number(portArg.split('=')[1]) : 5678;
// The sandbox's clock runs 60× faster (one vendor minute lasts 1 s: rate windows, Retry-After, import
// durations), so the demo credentials' rates are the documented ones × 60 (Cin7 Core: 60 → 3600 calls
// per minute). Said wherever the user sees those numbers: the banner, the credentials, the summary.
const TIME_SCALE = 60;
const SCALE_NOTE = `time scale ×${TIME_SCALE}: one vendor minute lasts ${60 / TIME_SCALE} s in the sandbox`;
const OWNER = { email: 'demo@n8n-nodes-cin7.local', password: 'Cin7-Demo-2026!', firstName: 'Demo', lastName: 'Owner' };

const log = (m = '') => process.stdout.write(`${m}\n`);
let sandbox = null;
let server = null;
let stopping = false;

async function shutdown(code) {
	if (stopping) return;
	stopping = true;
	log('\nStopping n8n and the sandbox...');
	try {
		await srvLib.stopServer(server);
	} catch {
		/* best effort */
	}
	if (sandbox) await sandbox.close().catch(() => {});
	process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

function cleanOldDemoFolders() {
	const base = path.join(paths.ROOT, '.demo');
	if (!fs.existsSync(base)) return;
	for (const e of fs.readdirSync(base)) {
		const m = /^n8n-(\d+)-/.exec(e);
		// Keep folders of demos that are still running.
		if (m) {
			let alive = false;
			try {
				process.kill(Number(m[1]), 0);
				alive = true;
			} catch {
				alive = false;
			}
			if (!alive) fs.rmSync(path.join(base, e), { recursive: true, force: true });
		}
	}
}

async function main() {
	const t0 = Date.now();
	paths.ensureRuntime({ install: true, log });

	const stage = buildStage({ log });
	if (stage.tscErrors) log(`! TypeScript reported errors (JavaScript was still emitted):\n${stage.tscErrors.slice(0, 3000)}`);
	if (stage.missing.length) log(`! Not built (left out of the staged package.json): ${stage.missing.join(', ')}`);
	log(`Package staged (${stage.reused ? 'unchanged, reused' : `built in ${(stage.ms / 1000).toFixed(1)} s`}): ${stage.nodes.length} node(s), ${stage.credentials.length} credential(s)`);

	sandbox = await startSandbox({ port: 0, size: 'demo', timeScale: TIME_SCALE, seed: 1 });
	log(`Sandbox (demo data, ${SCALE_NOTE}; rate limits and waits run ${TIME_SCALE}× faster): ${sandbox.url}`);

	cleanOldDemoFolders();
	const dir = paths.scratchDir('.demo', 'n8n');
	const port = (await isPortFree(WANT_PORT)) ? WANT_PORT : await freePort();
	if (port !== WANT_PORT) log(`! Port ${WANT_PORT} is busy; the editor will use ${port}`);
	const inst = await createInstance({ dir, port, owner: OWNER });
	linkPackage(inst.userFolder, stage.dir);

	const credentials = sandboxCredentials(sandbox.url, { speedUp: TIME_SCALE });
	await cli.importCredentials(inst, credentials);
	for (const line of describeCredentials(credentials, sandboxCredentials(sandbox.url, { speedUp: 1 }))) log(line);

	const templates = loadTemplates();
	if (!templates.length) log('! workflows/ has no templates');
	else await cli.importWorkflows(inst, templates.map((t) => t.workflow));
	log(`Templates imported: ${templates.length}`);

	const summaries = [];
	log('\nRunning each template once (n8n execute)...\n');
	for (const t of templates.filter((x) => x.manual)) {
		const since = await sandbox.lastSeq();
		const result = await cli.executeWorkflow(inst, t.workflow.id);
		const requests = await sandbox.getRequests({ since });
		const s = summarizeRun({ file: t.file, workflow: t.workflow, result, requests });
		summaries.push(s);
		log(formatSummary(s, { timeScale: TIME_SCALE }));
		log();
	}

	// Templates driven only by our polling triggers run when active: publish them before start.
	const pollers = templates.filter((x) => !x.manual && x.pollers.length);
	for (const t of pollers) await cli.publishWorkflow(inst, t.workflow.id);

	if (ONCE && !pollers.length) return finish(summaries, t0, null);

	const since = await sandbox.lastSeq();
	server = srvLib.startServer(inst);
	const readyMs = await srvLib.waitReady(server);
	log(`n8n is up (${(readyMs / 1000).toFixed(1)} s).`);
	if (pollers.length) {
		log(`\nActivated ${pollers.length} polling template(s); waiting for their first polls...\n`);
		await srvLib.sleep(8000);
		const session = await srvLib.login(server, OWNER);
		const api = await srvLib.publicApi(server, session);
		const requests = await sandbox.getRequests({ since });
		for (const t of pollers) {
			const list = (await api('GET', `/executions?workflowId=${t.workflow.id}&limit=5`)).data || [];
			let result = { status: 'success', error: null, runData: {} };
			if (list.length) {
				const ex = await api('GET', `/executions/${list[0].id}?includeData=true`);
				result = { ...cli.describeExecution(ex) };
			}
			const s = summarizeRun({ file: t.file, workflow: t.workflow, result, requests });
			s.name = `${s.name} [active: ${list.length} execution(s) so far; the first poll only sets the cursor]`;
			summaries.push(s);
			log(formatSummary(s, { timeScale: TIME_SCALE }));
			log();
		}
	}
	return finish(summaries, t0, server);
}

/** Display names of a credential's fields, read from credentials/<file> (`displayName`, then `name`). */
function fieldLabels(file) {
	try {
		const src = fs.readFileSync(path.join(paths.ROOT, 'credentials', file), 'utf8');
		return Object.fromEntries([...src.matchAll(/displayName:\s*'([^']+)',\s*name:\s*'([^']+)'/g)].map((m) => [m[2], m[1]]));
	} catch {
		return {};
	}
}

/**
 * The imported credentials as the editor shows them (no secrets): Base URL and every field the time
 * scale changed, next to the documented value its hint names.
 */
function describeCredentials(scaled, documented) {
	const lines = ['Credentials imported (open them under Overview → Credentials):'];
	let anyScaled = false;
	for (const c of scaled) {
		const labels = fieldLabels((SYSTEMS.find((s) => s.credential.type === c.type) || { credential: {} }).credential.file || '');
		const real = (documented.find((d) => d.type === c.type) || { data: {} }).data;
		const fields = [];
		if (c.data.baseUrl) fields.push(`${labels.baseUrl || 'Base URL'} ${c.data.baseUrl}`);
		for (const [k, v] of Object.entries(c.data)) {
			if (typeof v !== 'number' || real[k] === v) continue;
			anyScaled = true;
			fields.push(`${labels[k] || k} ${v} (= ${real[k]} documented × time scale ${TIME_SCALE})`);
		}
		lines.push(`  ${c.name} (${c.type}): ${fields.join(', ')}`);
	}
	if (anyScaled) {
		lines.push(
			`  Why not the documented rates the credentials' hints name (Cin7 Core: 60 calls a minute): the sandbox's clock runs`,
			`  ${TIME_SCALE}× faster (one vendor minute lasts ${60 / TIME_SCALE} s), so ${TIME_SCALE}× the calls fit in a real minute. With a real account keep the documented values.`,
		);
	}
	return lines;
}

function finish(summaries, t0, running) {
	const failed = summaries.filter((s) => s.status !== 'success');
	log('─'.repeat(72));
	log(`${summaries.length - failed.length}/${summaries.length} template(s) succeeded in ${((Date.now() - t0) / 1000).toFixed(0)} s (sandbox ${SCALE_NOTE}).`);
	const skipped = summaries.reduce((a, s) => a + (s.skipped || 0), 0);
	const itemsFailed = summaries.reduce((a, s) => a + (s.failed || 0), 0);
	log(`Items skipped by the templates' own branches (expected): ${skipped}; items failed: ${itemsFailed}.`);
	for (const f of failed) log(`  ✘ ${f.file}: ${f.error}`);
	for (const s of summaries.filter((x) => x.status === 'success' && x.failed)) log(`  ! ${s.file}: ${s.failed} item(s) failed (see its summary above)`);
	if (ONCE) return shutdown(failed.length ? 1 : 0);
	log('');
	log(`  n8n editor:  ${running.url}`);
	log(`  login:       ${OWNER.email}`);
	log(`  password:    ${OWNER.password}`);
	log(`  sandbox:     ${sandbox.url}  (inspect: ${sandbox.url}/_sandbox/state?system=${SYSTEM_KEYS[0]}, /_sandbox/requests)`);
	log(`  time scale:  ×${TIME_SCALE} (one vendor minute lasts ${60 / TIME_SCALE} s; the credentials' rates are ×${TIME_SCALE} to match)`);
	log('');
	log('Credentials point at the sandbox; open a template and press "Execute workflow". Ctrl-C stops everything.');
	running.child.on('exit', () => shutdown(stopping ? 0 : 1));
	return undefined;
}

main().catch(async (e) => {
	log(`\n✘ ${e && e.stack ? e.stack : e}`);
	await shutdown(1);
});
