'use strict';
// n8n CLI commands on one instance: import credentials/workflows, publish, execute, execute-batch.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { NODE24, N8N_BIN } = require('./paths');
const { freePort } = require('./ports');

/**
 * Runs `n8n <args>` with Node 24 in its own process group; resolves {code, stdout, stderr, ms}.
 * Output goes to files, not pipes: `n8n execute` prints the whole execution (megabytes) as one log
 * line and exits, and a pipe that has not drained by then loses the end of it; file writes do not.
 */
let runSeq = 0;
function runN8n(inst, args, { env = {}, timeoutMs = 180000 } = {}) {
	return new Promise((resolve, reject) => {
		const t0 = Date.now();
		const base = path.join(inst.dir, `cli-${process.pid}-${++runSeq}`);
		const outFd = fs.openSync(`${base}.out`, 'w');
		const errFd = fs.openSync(`${base}.err`, 'w');
		const child = spawn(NODE24, [N8N_BIN, ...args], {
			cwd: inst.dir,
			env: inst.env(env),
			detached: true,
			stdio: ['ignore', outFd, errFd],
		});
		fs.closeSync(outFd);
		fs.closeSync(errFd);
		const collect = () => {
			const read = (f) => {
				try {
					const text = fs.readFileSync(f, 'utf8');
					fs.rmSync(f, { force: true });
					return text;
				} catch {
					return '';
				}
			};
			return { stdout: read(`${base}.out`), stderr: read(`${base}.err`) };
		};
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
			const { stdout, stderr } = collect();
			reject(new Error(`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${tail(stdout + stderr)}`));
		}, timeoutMs);
		child.on('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, ...collect(), ms: Date.now() - t0 });
		});
	});
}

function tail(s, n = 40) {
	return s.split('\n').slice(-n).join('\n');
}

async function mustRun(inst, args, opts) {
	const r = await runN8n(inst, args, opts);
	if (r.code !== 0) throw new Error(`n8n ${args.join(' ')} exited ${r.code}\n${tail(r.stdout + r.stderr)}`);
	return r;
}

/** Imports credentials: [{id, name, type, data: {...plain...}}]; n8n encrypts the data. */
async function importCredentials(inst, credentials) {
	const file = path.join(inst.dir, `credentials-${Date.now()}.json`);
	fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
	try {
		return await mustRun(inst, ['import:credentials', `--input=${file}`]);
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** Imports workflow objects (same id = overwrite). Each is written to its own file; one process. */
async function importWorkflows(inst, workflows) {
	const dir = path.join(inst.dir, `import-${Date.now()}`);
	fs.mkdirSync(dir, { recursive: true });
	workflows.forEach((wf, i) => fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.json`), JSON.stringify(wf)));
	try {
		return await mustRun(inst, ['import:workflow', '--separate', `--input=${dir}`]);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** Activates a workflow offline (takes effect when the server next starts). */
async function publishWorkflow(inst, id) {
	return mustRun(inst, ['publish:workflow', `--id=${id}`]);
}

/** From N8N_LOG_FORMAT=json output: the last log line whose message is a JSON object. */
function parseJsonLogResult(stdout) {
	const lines = stdout.split('\n').filter((l) => l.trim().startsWith('{'));
	for (let i = lines.length - 1; i >= 0; i--) {
		let entry;
		try {
			entry = JSON.parse(lines[i]);
		} catch {
			continue;
		}
		if (typeof entry.message === 'string' && entry.message.trim().startsWith('{')) {
			try {
				return JSON.parse(entry.message);
			} catch {
				/* keep looking */
			}
		}
	}
	return null;
}

/**
 * `n8n execute --id` (needs a Manual Trigger in the workflow). Resolves
 * { code, status, execution, error, runData, stdout, stderr, ms }; never throws on a workflow error.
 */
async function executeWorkflow(inst, id, { timeoutMs = 180000 } = {}) {
	const brokerPort = await freePort();
	const r = await runN8n(inst, ['execute', `--id=${id}`, '--rawOutput'], {
		env: { N8N_LOG_LEVEL: 'info', N8N_LOG_FORMAT: 'json', N8N_RUNNERS_BROKER_PORT: brokerPort },
		timeoutMs,
	});
	const execution = parseJsonLogResult(r.stdout);
	return { ...r, ...describeExecution(execution), execution };
}

/**
 * `n8n execute-batch` over many workflows in one process (ids must contain a digit; each workflow
 * needs a Manual Trigger). Failed workflows are not retried. Resolves
 * { code, summary, results: { [id]: {status, error, execution, runData} } }.
 */
async function executeBatch(inst, ids, { timeoutMs = 600000 } = {}) {
	const out = path.join(inst.dir, `batch-${Date.now()}`);
	const snap = path.join(out, 'snapshots');
	fs.mkdirSync(snap, { recursive: true });
	const summaryFile = path.join(out, 'summary.json');
	const brokerPort = await freePort();
	const r = await runN8n(
		inst,
		['execute-batch', `--ids=${ids.join(',')}`, `--output=${summaryFile}`, `--snapshot=${snap}`, '--retries=0'],
		{ env: { N8N_LOG_LEVEL: 'info', N8N_LOG_FORMAT: 'json', N8N_RUNNERS_BROKER_PORT: brokerPort }, timeoutMs },
	);
	let summary = null;
	try {
		summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
	} catch {
		throw new Error(`n8n execute-batch wrote no summary (exit ${r.code})\n${tail(r.stdout + r.stderr)}`);
	}
	const results = {};
	for (const ex of summary.executions || []) {
		const file = path.join(snap, `${ex.workflowId}-snapshot.json`);
		const execution = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
		results[ex.workflowId] = {
			...describeExecution(execution),
			status: ex.executionStatus,
			error: ex.error || (execution ? describeExecution(execution).error : null),
			execution,
			batch: ex,
		};
	}
	for (const id of ids) if (!results[id]) results[id] = { status: 'missing', error: 'not executed (unknown id?)', runData: {} };
	return { code: r.code, summary, results, stdout: r.stdout, stderr: r.stderr, ms: r.ms };
}

function describeExecution(execution) {
	if (!execution) return { status: 'unknown', error: 'no execution data', runData: {} };
	const rd = (execution.data && execution.data.resultData) || {};
	const err = rd.error;
	return {
		status: err ? 'error' : execution.status || 'success',
		error: err ? `${err.message || 'error'}${err.description ? ` (${err.description})` : ''}${rd.lastNodeExecuted ? ` on node "${rd.lastNodeExecuted}"` : ''}` : null,
		runData: rd.runData || {},
	};
}

/** Output items (json) of a node's first run, output index `output` (default 0). */
function nodeOutput(runData, nodeName, output = 0, run = 0) {
	const task = runData[nodeName] && runData[nodeName][run];
	const main = task && task.data && task.data.main;
	return ((main && main[output]) || []).map((i) => i.json);
}

module.exports = {
	runN8n,
	importCredentials,
	importWorkflows,
	publishWorkflow,
	executeWorkflow,
	executeBatch,
	parseJsonLogResult,
	describeExecution,
	nodeOutput,
};
