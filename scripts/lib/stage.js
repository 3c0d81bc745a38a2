'use strict';
// Builds a staging copy of the package exactly as a community install lays it out
// (<stage>/package.json + <stage>/dist/{nodes,credentials}/**) without touching the shared ./dist,
// and links it into an n8n user folder at .n8n/nodes/node_modules/n8n-nodes-cin7.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { spawnSync } = require('child_process');
const os = require('os');
const { ROOT, PACKAGE_NAME } = require('./paths');

// Outside the repository: a second package.json named n8n-nodes-cin7 under the project root would
// collide in jest's module map. One cache per checkout.
const DEFAULT_CACHE = path.join(
	os.tmpdir(),
	`n8n-nodes-cin7-stage-${crypto.createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}`,
);

const SOURCE_DIRS = ['nodes', 'credentials'];
const ICON_RE = /\.(svg|png)$/i;

function walk(dir, out = []) {
	if (!fs.existsSync(dir)) return out;
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) walk(p, out);
		else out.push(p);
	}
	return out;
}

/** Hash of every input of the build (paths, sizes, mtimes), so an unchanged tree reuses its stage. */
function sourceHash() {
	const h = crypto.createHash('sha1');
	const files = [...SOURCE_DIRS.flatMap((d) => walk(path.join(ROOT, d))), 'package.json', 'tsconfig.json']
		.map((f) => path.resolve(ROOT, f))
		.filter((f) => fs.existsSync(f))
		.sort();
	for (const f of files) {
		const st = fs.statSync(f);
		h.update(`${path.relative(ROOT, f)}\0${st.size}\0${st.mtimeMs}\n`);
	}
	return h.digest('hex').slice(0, 12);
}

function copyIcons(stageDist) {
	for (const d of SOURCE_DIRS) {
		for (const f of walk(path.join(ROOT, d)).filter((x) => ICON_RE.test(x))) {
			const to = path.join(stageDist, path.relative(ROOT, f));
			fs.mkdirSync(path.dirname(to), { recursive: true });
			fs.copyFileSync(f, to);
		}
	}
}

/** package.json for the stage: the real one, minus dev fields, listing only files that were built. */
function writeStagePackageJson(stageDir) {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const missing = [];
	const keep = (list) =>
		(list || []).filter((rel) => {
			const ok = fs.existsSync(path.join(stageDir, rel));
			if (!ok) missing.push(rel);
			return ok;
		});
	const n8n = { ...pkg.n8n, nodes: keep(pkg.n8n && pkg.n8n.nodes), credentials: keep(pkg.n8n && pkg.n8n.credentials) };
	const staged = { ...pkg, n8n };
	delete staged.devDependencies;
	delete staged.scripts;
	fs.writeFileSync(path.join(stageDir, 'package.json'), JSON.stringify(staged, null, 2));
	return { nodes: n8n.nodes, credentials: n8n.credentials, missing };
}

function runTsc(outDir) {
	const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
	const r = spawnSync(
		process.execPath,
		[tsc, '-p', path.join(ROOT, 'tsconfig.json'), '--outDir', outDir, '--rootDir', ROOT, '--declaration', 'false', '--sourceMap', 'false'],
		{ cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
	);
	return { status: r.status, output: `${r.stdout || ''}${r.stderr || ''}`.trim() };
}

/**
 * Builds (or reuses) the staging package under <cacheRoot>/stage-<hash>/n8n-nodes-cin7
 * (default cacheRoot: <os tmpdir>/n8n-nodes-cin7-stage-<checkout hash>; stages older than a day are pruned).
 * Returns { dir, nodes, credentials, missing, tscErrors, reused }. Type errors do not stop the
 * build (tsc still emits); they are returned so the caller can show them.
 */
function buildStage({ cacheRoot = DEFAULT_CACHE, log = () => {} } = {}) {
	const hash = sourceHash();
	const base = path.join(cacheRoot, `stage-${hash}`);
	const dir = path.join(base, PACKAGE_NAME);
	const infoFile = path.join(base, 'stage.json');
	if (fs.existsSync(infoFile)) {
		return { ...JSON.parse(fs.readFileSync(infoFile, 'utf8')), dir, reused: true };
	}
	prune(cacheRoot, base);
	const tmpBase = `${base}.tmp-${process.pid}-${Date.now()}`;
	const tmpDir = path.join(tmpBase, PACKAGE_NAME);
	fs.mkdirSync(tmpDir, { recursive: true });
	log(`Compiling the package into ${path.relative(ROOT, dir)} (tsc --outDir, icons, package.json)...`);
	const t0 = Date.now();
	const tsc = runTsc(path.join(tmpDir, 'dist'));
	copyIcons(path.join(tmpDir, 'dist'));
	const listed = writeStagePackageJson(tmpDir);
	const info = { ...listed, tscErrors: tsc.status === 0 ? '' : tsc.output, hash, ms: Date.now() - t0 };
	fs.writeFileSync(path.join(tmpBase, 'stage.json'), JSON.stringify(info, null, 2));
	try {
		fs.renameSync(tmpBase, base);
	} catch (e) {
		// Another process finished the same stage first: use theirs.
		fs.rmSync(tmpBase, { recursive: true, force: true });
		if (!fs.existsSync(infoFile)) throw e;
	}
	return { ...info, dir, reused: false };
}

function prune(cacheRoot, keep) {
	if (!fs.existsSync(cacheRoot)) return;
	for (const e of fs.readdirSync(cacheRoot)) {
		const p = path.join(cacheRoot, e);
		if (p === keep) continue;
		try {
			if (Date.now() - fs.statSync(p).mtimeMs > 24 * 3600 * 1000) fs.rmSync(p, { recursive: true, force: true });
		} catch {
			/* in use or gone */
		}
	}
}

/** Symlinks the stage (or any package folder) where a community install puts it. */
function linkPackage(userFolder, packageDir) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const link = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.mkdirSync(path.dirname(link), { recursive: true });
	if (!fs.existsSync(path.join(nodesDir, 'package.json'))) {
		fs.writeFileSync(
			path.join(nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: `file:${packageDir}` } }, null, 2),
		);
	}
	fs.rmSync(link, { recursive: true, force: true });
	fs.symlinkSync(packageDir, link, 'dir');
	return link;
}

/** Node type names the staged package provides: `n8n-nodes-cin7.<description.name>`. */
function stagedNodeTypes(stage) {
	const types = [];
	for (const rel of stage.nodes) {
		try {
			const mod = require(path.join(stage.dir, rel));
			for (const Cls of Object.values(mod)) {
				if (typeof Cls !== 'function') continue;
				const inst = new Cls();
				const d = inst.description || (inst.nodeVersions && Object.values(inst.nodeVersions)[0].description);
				if (d && d.name) types.push(`${PACKAGE_NAME}.${d.name}`);
			}
		} catch {
			/* a node that cannot load in this Node is reported by n8n itself */
		}
	}
	return types;
}

module.exports = { buildStage, linkPackage, sourceHash, stagedNodeTypes, DEFAULT_CACHE };
