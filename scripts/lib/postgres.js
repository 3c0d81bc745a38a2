'use strict';
// PostgreSQL for n8n's queue mode in tests and demos: Debian's server binaries (installed with
// apt-get when missing, as root), a private throw-away cluster in a temp dir on a free 127.0.0.1
// port, one role + database with a password for n8n, stopped and deleted by stop().
//
// The cluster is the `postgres` binary run in the foreground as our own child (not `pg_ctl start`,
// which daemonises it), so it is stopped by its pid like redis-server. PostgreSQL refuses to run as
// root: as root the cluster's files belong to the `postgres` OS user (created by the Debian package)
// and its processes run with that uid. Durability settings are off (fsync etc.): the cluster lives
// for one test, and they only cost time.
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { freePort } = require('./ports');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const PG_ROOT = '/usr/lib/postgresql';
const NEEDED = ['initdb', 'postgres', 'pg_isready', 'psql'];

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const tail = (s, n = 2000) => String(s || '').slice(-n);

/** The newest /usr/lib/postgresql/<major>/bin holding initdb, postgres, pg_isready and psql; or null. */
function findPgBin() {
	if (!fs.existsSync(PG_ROOT)) return null;
	const majors = fs
		.readdirSync(PG_ROOT)
		.filter((v) => /^\d+(\.\d+)?$/.test(v))
		.sort((a, b) => Number(b) - Number(a));
	for (const v of majors) {
		const bin = path.join(PG_ROOT, v, 'bin');
		if (NEEDED.every((b) => fs.existsSync(path.join(bin, b)))) return bin;
	}
	return null;
}

/**
 * Directory of the PostgreSQL server binaries. When they are missing and `install` is set, runs
 * `apt-get install -y postgresql` (after `apt-get update` if the first try fails, e.g. a stale
 * package list); needs root. Throws with the reason when PostgreSQL cannot be had.
 */
function ensurePostgres({ install = true, log = () => {} } = {}) {
	const found = findPgBin();
	if (found) return found;
	if (!install) throw new Error(`PostgreSQL server binaries not found under ${PG_ROOT}/*/bin (apt-get install -y postgresql)`);
	if (!isRoot()) throw new Error('PostgreSQL is not installed and this is not root: run `sudo apt-get install -y postgresql`');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const apt = (args) => spawnSync('apt-get', args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 600000 });
	const args = ['install', '-y', '--no-install-recommends', 'postgresql'];
	log('Installing PostgreSQL (apt-get install -y postgresql)...');
	let r = apt(args);
	if (r.status !== 0) {
		log('apt-get install failed; running apt-get update and trying again...');
		apt(['update']);
		r = apt(args);
	}
	const now = findPgBin();
	if (r.status !== 0 || !now) throw new Error(`apt-get install -y postgresql failed (exit ${r.status})\n${tail(`${r.stdout || ''}${r.stderr || ''}`)}`);
	return now;
}

/** uid/gid of the `postgres` OS user (the Debian package creates it); null when there is none. */
function postgresUser() {
	const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
	const u = id('-u');
	const g = id('-g');
	if (u.status !== 0 || g.status !== 0) return null;
	return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
}

function chownTree(p, { uid, gid }) {
	fs.chownSync(p, uid, gid);
	if (fs.statSync(p).isDirectory()) for (const e of fs.readdirSync(p)) chownTree(path.join(p, e), { uid, gid });
}

/**
 * Starts a throw-away cluster. Resolves { host, port, database, user, password, dir, pid, n8nEnv(),
 * query(sql), log(), stop() } once the database for n8n exists and answers over TCP.
 * `dir` (default: a new temp dir) is removed by stop(). Bounded waits throughout.
 */
async function startPostgres({ dir, port, bin, install = true, log = () => {}, readyTimeoutMs = 30000 } = {}) {
	const binDir = bin || ensurePostgres({ install, log });
	const owner = isRoot() ? postgresUser() : null;
	if (isRoot() && !owner) throw new Error('running as root but there is no `postgres` OS user to own the cluster (reinstall the postgresql package)');
	const p = port || (await freePort());
	const workDir = dir || fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-pg-'));
	const dataDir = path.join(workDir, 'data');
	const sockDir = path.join(workDir, 'sock');
	const logFile = path.join(workDir, 'postgres.log');
	fs.mkdirSync(sockDir, { recursive: true });
	fs.writeFileSync(logFile, '');
	if (owner) chownTree(workDir, owner);
	const asOwner = owner ? { uid: owner.uid, gid: owner.gid } : {};
	// HOME and cwd where the cluster's user may read (root's home and the repo may be closed to it).
	const env = { ...process.env, HOME: workDir, LC_ALL: 'C', PGTZ: 'UTC' };
	delete env.PGPASSWORD;
	const run = (exe, args, timeout = 60000) =>
		spawnSync(path.join(binDir, exe), args, { ...asOwner, cwd: workDir, env, encoding: 'utf8', timeout, maxBuffer: 16 * 1024 * 1024 });

	// Local socket connections are trusted (our own setup, below); TCP ones, n8n's, need the password.
	const init = run('initdb', ['-D', dataDir, '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--auth-local=trust', '--auth-host=scram-sha-256', '--no-sync']);
	if (init.status !== 0) {
		fs.rmSync(workDir, { recursive: true, force: true });
		throw new Error(`initdb failed (exit ${init.status}${init.error ? `, ${init.error.message}` : ''})\n${tail(init.stdout + init.stderr)}`);
	}

	const out = fs.openSync(logFile, 'a');
	const settings = {
		port: p,
		listen_addresses: '127.0.0.1',
		unix_socket_directories: sockDir,
		max_connections: 100,
		fsync: 'off',
		synchronous_commit: 'off',
		full_page_writes: 'off',
	};
	const child = spawn(path.join(binDir, 'postgres'), ['-D', dataDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])], {
		...asOwner,
		cwd: workDir,
		env,
		stdio: ['ignore', out, out],
		detached: true,
	});
	fs.closeSync(out);
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	child.on('error', (e) => (exited = { error: e.message }));
	// Should the test process end without stop(), do not leave a server behind.
	const onExit = () => {
		try {
			process.kill(child.pid, 'SIGQUIT');
		} catch {
			/* gone */
		}
	};
	process.once('exit', onExit);

	const pg = {
		host: '127.0.0.1',
		port: p,
		database: 'n8n',
		user: 'n8n',
		password: crypto.randomBytes(12).toString('hex'),
		dir: workDir,
		pid: child.pid,
		binDir,
		log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
		/** n8n's database settings for this cluster (every n8n process and CLI command needs them). */
		n8nEnv() {
			return {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: pg.host,
				DB_POSTGRESDB_PORT: String(pg.port),
				DB_POSTGRESDB_DATABASE: pg.database,
				DB_POSTGRESDB_USER: pg.user,
				DB_POSTGRESDB_PASSWORD: pg.password,
			};
		},
		/** Runs SQL as the superuser over the socket; resolves the rows as arrays of strings. */
		query(sql, { database = pg.database } = {}) {
			const r = run('psql', ['-X', '-q', '-At', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-h', sockDir, '-p', String(p), '-U', 'postgres', '-d', database, '-c', sql], 20000);
			if (r.status !== 0) throw new Error(`psql failed (exit ${r.status}): ${sql}\n${tail(r.stdout + r.stderr)}`);
			return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
		},
		async stop({ timeoutMs = 15000 } = {}) {
			process.removeListener('exit', onExit);
			// SIGINT = fast shutdown (disconnects clients); SIGQUIT = immediate; then SIGKILL.
			for (const [sig, ms] of [['SIGINT', timeoutMs], ['SIGQUIT', 5000], ['SIGKILL', 2000]]) {
				if (exited) break;
				try {
					process.kill(child.pid, sig);
				} catch {
					break;
				}
				const t0 = Date.now();
				while (!exited && Date.now() - t0 < ms) await sleep(100);
			}
			if (process.env.N8N_E2E_KEEP !== '1') fs.rmSync(workDir, { recursive: true, force: true });
		},
	};

	const fail = async (why) => {
		const logText = pg.log();
		await pg.stop();
		throw new Error(`PostgreSQL on port ${p}: ${why}\n${tail(logText)}`);
	};
	const t0 = Date.now();
	for (;;) {
		if (exited) await fail(`postgres exited (${JSON.stringify(exited)})`);
		const r = run('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(p), '-t', '2'], 5000);
		if (r.status === 0) break;
		if (Date.now() - t0 > readyTimeoutMs) await fail(`not ready after ${readyTimeoutMs} ms`);
		await sleep(150);
	}
	try {
		pg.query(`CREATE ROLE ${pg.user} LOGIN PASSWORD '${pg.password}'`, { database: 'postgres' });
		pg.query(`CREATE DATABASE ${pg.database} OWNER ${pg.user}`, { database: 'postgres' });
	} catch (e) {
		await fail(e.message);
	}
	return pg;
}

module.exports = { ensurePostgres, findPgBin, startPostgres };
