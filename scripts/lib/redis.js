'use strict';
// Redis for n8n's queue mode in tests and demos: Debian's redis-server, installed with apt-get when
// missing (as root), started on a free port with no persistence, stopped by its own pid.
const fs = require('fs');
const net = require('net');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { freePort } = require('./ports');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function findRedisServer() {
	for (const dir of (process.env.PATH || '').split(path.delimiter).concat(['/usr/bin', '/usr/sbin', '/usr/local/bin'])) {
		const p = path.join(dir, 'redis-server');
		if (dir && fs.existsSync(p)) return p;
	}
	return null;
}

/**
 * Path of redis-server. When it is missing and `install` is set, runs
 * `apt-get install -y redis-server` (after `apt-get update` if the first try fails); needs root.
 * Throws with the reason when Redis cannot be had.
 */
function ensureRedis({ install = true, log = () => {} } = {}) {
	const found = findRedisServer();
	if (found) return found;
	if (!install) throw new Error('redis-server is not installed (apt-get install -y redis-server)');
	if (typeof process.getuid === 'function' && process.getuid() !== 0) {
		throw new Error('redis-server is not installed and this is not root: run `sudo apt-get install -y redis-server`');
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const apt = (args) => spawnSync('apt-get', args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 600000 });
	log('Installing redis-server (apt-get install -y redis-server)...');
	let r = apt(['install', '-y', '--no-install-recommends', 'redis-server']);
	if (r.status !== 0) {
		log('apt-get install failed; running apt-get update and trying again...');
		apt(['update']);
		r = apt(['install', '-y', '--no-install-recommends', 'redis-server']);
	}
	const now = findRedisServer();
	if (r.status !== 0 || !now) throw new Error(`apt-get install -y redis-server failed (exit ${r.status})\n${`${r.stdout || ''}${r.stderr || ''}`.slice(-2000)}`);
	return now;
}

/** One RESP command over a fresh TCP connection; resolves the first reply line. */
function redisCommand(port, command, { timeoutMs = 2000 } = {}) {
	return new Promise((resolve, reject) => {
		const sock = net.connect({ host: '127.0.0.1', port });
		let data = '';
		const done = (err, v) => {
			sock.destroy();
			if (err) reject(err);
			else resolve(v);
		};
		sock.setTimeout(timeoutMs, () => done(new Error('redis: timeout')));
		sock.on('error', (e) => done(e));
		sock.on('data', (d) => {
			data += d;
			if (data.includes('\r\n')) done(null, data.split('\r\n')[0]);
		});
		sock.on('connect', () => sock.write(`${command}\r\n`));
	});
}

/**
 * Starts redis-server on a free 127.0.0.1 port (no RDB/AOF files, in `dir`); resolves
 * { port, pid, stop(), log() } once it answers PING. Without `dir` it works in a new temp dir, which
 * stop() removes.
 */
async function startRedis({ dir, port, bin, install = true, log = () => {} } = {}) {
	const exe = bin || ensureRedis({ install, log });
	const p = port || (await freePort());
	const workDir = dir || fs.mkdtempSync(path.join(require('os').tmpdir(), 'redis-'));
	const removeDir = () => {
		if (!dir && process.env.N8N_E2E_KEEP !== '1') fs.rmSync(workDir, { recursive: true, force: true });
	};
	fs.mkdirSync(workDir, { recursive: true });
	const logFile = path.join(workDir, `redis-${p}.log`);
	const out = fs.openSync(logFile, 'a');
	const child = spawn(exe, ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', workDir, '--daemonize', 'no'], {
		stdio: ['ignore', out, out],
		detached: true,
	});
	fs.closeSync(out);
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	const redis = {
		port: p,
		pid: child.pid,
		log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
		async stop() {
			if (!exited) {
				try {
					process.kill(child.pid, 'SIGTERM');
				} catch {
					/* gone */
				}
				for (let i = 0; i < 50 && !exited; i++) await sleep(100);
				if (!exited) {
					try {
						process.kill(child.pid, 'SIGKILL');
					} catch {
						/* gone */
					}
					for (let i = 0; i < 20 && !exited; i++) await sleep(100);
				}
			}
			removeDir();
		},
	};
	const t0 = Date.now();
	for (;;) {
		if (exited) throw new Error(`redis-server exited (${JSON.stringify(exited)})\n${redis.log().slice(-2000)}`);
		try {
			if ((await redisCommand(p, 'PING')) === '+PONG') return redis;
		} catch {
			/* not up yet */
		}
		if (Date.now() - t0 > 20000) {
			await redis.stop();
			throw new Error(`redis-server did not answer PING on port ${p}\n${redis.log().slice(-2000)}`);
		}
		await sleep(100);
	}
}

module.exports = { ensureRedis, startRedis, redisCommand, findRedisServer };
