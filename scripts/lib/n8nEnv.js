'use strict';
// Environment for one n8n process: its own user folder, ports and a fixed encryption key, Node 24
// first on PATH (the task runner is spawned as plain `node`), quiet and offline.
const fs = require('fs');
const path = require('path');
const { NODE24_DIR, RUNTIME_MODULES } = require('./paths');
const { freePort } = require('./ports');

const ENCRYPTION_KEY = 'n8n-nodes-cin7-local-test-key-do-not-use-in-prod';

const QUIET = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	// Without it 2.x logs ENOTFOUND api.n8n.io stack traces (MCP registry refresh).
	N8N_DISABLED_MODULES: 'mcp-registry',
	N8N_LISTEN_ADDRESS: '127.0.0.1',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
	N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
	N8N_SECURE_COOKIE: 'false',
};

/** Owner managed by env vars (n8n ≥ 2.x): no setup screen, a known login. */
function ownerEnv({ email, password, firstName = 'Demo', lastName = 'Owner' }) {
	const bcrypt = require(path.join(RUNTIME_MODULES, 'bcryptjs'));
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: email,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(password, 10),
		N8N_INSTANCE_OWNER_FIRST_NAME: firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: lastName,
	};
}

/**
 * One n8n instance = one user folder (config, nodes/, and the SQLite database unless `env` names
 * another one) and its two ports. Every CLI command and the server for that instance share it; each
 * spawned process gets its own broker port via `env({ brokerPort })` when several run at once.
 * `env` is added to every process of the instance, e.g. the DB_* settings of a PostgreSQL database:
 * the CLI imports must write where the server and the workers read.
 */
async function createInstance({ dir, port, owner, env } = {}) {
	fs.mkdirSync(path.join(dir, '.n8n'), { recursive: true });
	const inst = {
		dir,
		userFolder: dir,
		port: port || (await freePort()),
		brokerPort: await freePort(),
		owner: owner || null,
		ownerVars: owner ? ownerEnv(owner) : {},
		baseEnv: { ...(env || {}) },
		get baseUrl() {
			return `http://127.0.0.1:${this.port}`;
		},
		env(extra = {}) {
			return buildEnv(this, extra);
		},
	};
	return inst;
}

function buildEnv(inst, extra) {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		// Do not leak jest's or the caller's n8n settings (DB_* is n8n's database config) into the child.
		if (k.startsWith('N8N_') || k.startsWith('JEST_') || k.startsWith('DB_') || k === 'NODE_OPTIONS') continue;
		env[k] = v;
	}
	Object.assign(env, QUIET, inst.ownerVars, {
		NODE_ENV: 'production', // jest sets NODE_ENV=test, which makes every n8n command a silent no-op
		PATH: `${path.join(NODE24_DIR, 'bin')}${path.delimiter}${process.env.PATH || ''}`,
		N8N_USER_FOLDER: inst.userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_PORT: String(inst.port),
		N8N_RUNNERS_BROKER_PORT: String(inst.brokerPort),
		N8N_LOG_LEVEL: 'warn',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
	});
	for (const [k, v] of Object.entries({ ...inst.baseEnv, ...extra })) {
		if (v === undefined || v === null) delete env[k];
		else env[k] = String(v);
	}
	return env;
}

module.exports = { createInstance, ownerEnv, ENCRYPTION_KEY, QUIET };
