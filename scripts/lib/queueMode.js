'use strict';
// n8n queue mode on one machine: the main process (`n8n start`) and `n8n worker` processes sharing
// one Redis (the queue), one database and one user folder (config with the encryption key, the
// installed package). The database is whatever the instance's env names: the e2e passes PostgreSQL's
// DB_* settings (scripts/lib/postgres.js) to createInstance, as production queue mode needs; without
// them it is the folder's SQLite file, which n8n accepts with a warning. Each process gets its own
// task-broker port and, for workers, its own health-check port.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { NODE24, N8N_BIN } = require('./paths');
const { freePort } = require('./ports');

/** Environment that puts a process into queue mode against Redis on 127.0.0.1:<redisPort>. */
function queueEnv(redisPort, extra = {}) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		...extra,
	};
}

/** Starts `n8n worker --concurrency=N` for an instance; resolves once it logs that it is ready. */
async function startWorker(inst, { redisPort, concurrency = 1, name = 'worker', env = {}, readyTimeoutMs = 90000 } = {}) {
	const logFile = path.join(inst.dir, `${name}.log`);
	const out = fs.openSync(logFile, 'a');
	const child = spawn(NODE24, [N8N_BIN, 'worker', `--concurrency=${concurrency}`], {
		cwd: inst.dir,
		env: inst.env({
			...queueEnv(redisPort),
			N8N_RUNNERS_BROKER_PORT: await freePort(),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: await freePort(),
			N8N_LOG_LEVEL: 'info',
			...env,
		}),
		detached: true,
		stdio: ['ignore', out, out],
	});
	fs.closeSync(out);
	const worker = {
		name,
		child,
		pid: child.pid,
		logFile,
		exited: null,
		log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
	};
	child.on('exit', (code, signal) => (worker.exited = { code, signal }));
	const t0 = Date.now();
	while (Date.now() - t0 < readyTimeoutMs) {
		if (worker.exited) throw new Error(`n8n worker exited early (${JSON.stringify(worker.exited)})\n${worker.log().slice(-3000)}`);
		if (/n8n worker is now ready|Worker ready|ready to receive jobs|Listening for jobs/i.test(worker.log())) return worker;
		await new Promise((r) => setTimeout(r, 300));
	}
	return worker; // no ready line recognised: the caller's own checks decide
}

async function stopWorker(worker, { timeoutMs = 15000 } = {}) {
	if (!worker || worker.exited) return;
	const kill = (sig) => {
		try {
			process.kill(-worker.pid, sig);
		} catch {
			/* gone */
		}
	};
	kill('SIGTERM');
	const t0 = Date.now();
	while (!worker.exited && Date.now() - t0 < timeoutMs) await new Promise((r) => setTimeout(r, 100));
	kill('SIGKILL');
}

module.exports = { queueEnv, startWorker, stopWorker };
