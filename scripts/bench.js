#!/usr/bin/env node
'use strict';
// npm run bench [-- --sizes 1000,10000] [--quick] [--json] [--only <regex>] [--scale 60]
//                 [--naive-max N] [--no-naive] [--compare] [--no-build] [--pacing clock|count] [--all-sizes]
// Compiles the package into .bench/dist (never touches dist/), then for every size × scenario ×
// variant starts a fresh sandbox (vendor rate limits on, time-scaled) in this process and runs the
// scenario in a forked child, so peak RSS is the scenario's own. See scripts/bench/README.md.

const { fork, spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');

const ROOT = path.resolve(__dirname, '..');
const report = require('./bench/report');
const scenarios = require('./bench/scenarios');
const { SYSTEMS } = require('../sandbox/systems');

function parseArgs(argv) {
	// Pacing: `clock` (default) runs the client's clock scale× faster, so its windows shrink exactly
	// like the sandbox's; `count` multiplies its limits instead and keeps 60 s / 1 s windows, which
	// lets it burst into the sandbox's scaled windows (throttles that are an artefact of the scaling).
	const o = { sizes: [1000, 10000, 50000], json: false, only: null, scale: 60, naiveMax: Infinity, naive: true, compare: false, build: true, pacing: 'clock' };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const val = () => { const v = a.includes('=') ? a.split('=').slice(1).join('=') : argv[++i]; if (v === undefined) throw new Error(`${a} needs a value`); return v; };
		if (a === '--quick') o.sizes = [1000];
		else if (a.startsWith('--sizes')) o.sizes = val().split(',').map((s) => Number(s.trim().replace(/k$/i, '000'))).filter((n) => n > 0);
		else if (a === '--json') o.json = true;
		else if (a.startsWith('--only')) o.only = new RegExp(val());
		else if (a.startsWith('--scale')) { o.scale = Number(val()); o.scaleGiven = true; }
		else if (a.startsWith('--naive-max')) o.naiveMax = Number(val());
		else if (a === '--no-naive') o.naive = false;
		else if (a === '--compare') o.compare = true;
		else if (a.startsWith('--pacing')) { o.pacing = val(); if (!['count', 'clock'].includes(o.pacing)) throw new Error('--pacing is count or clock'); }
		else if (a === '--no-build') o.build = false;
		else if (a === '--all-sizes') o.allSizes = true;
		else if (a === '--help' || a === '-h') { process.stderr.write(fs.readFileSync(__filename, 'utf8').split('\n').slice(2, 4).join('\n') + '\n'); process.exit(0); }
		else throw new Error(`unknown argument ${a}`);
	}
	if (!o.sizes.length) throw new Error('--sizes gave no size');
	// Side by side needs both variants.
	if (o.compare) o.naive = true;
	return o;
}

const log = (m) => process.stderr.write(`[bench] ${m}\n`);

function build() {
	log('compiling the package into .bench/dist (tsc) …');
	const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
	const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--outDir', '.bench/dist'], { cwd: ROOT, encoding: 'utf8' });
	if (r.status !== 0) {
		log(`tsc reported errors (files are still emitted; scenarios whose modules fail to load are skipped):\n${(r.stdout || '').split('\n').slice(0, 10).join('\n')}`);
	}
	if (!fs.existsSync(path.join(ROOT, '.bench', 'dist', 'nodes'))) throw new Error('tsc produced no .bench/dist/nodes');
}

/** Counts per system the scenarios' minimum-call formulas read (registry bench.facts), e.g. { core: {...} }. */
function facts(state, systems) {
	const f = {};
	for (const s of SYSTEMS) {
		if (s.bench && s.bench.facts && systems.includes(s.key)) f[s.bench.factsKey || s.key] = s.bench.facts(state[s.key]);
	}
	return f;
}

function runChild(job) {
	return new Promise((resolve) => {
		const child = fork(path.join(__dirname, 'bench', 'runner.js'), [], { execArgv: ['--expose-gc', '--max-old-space-size=4096'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
		let err = '';
		let got = null;
		child.stderr.on('data', (d) => { err += d; });
		child.on('message', (m) => { got = m; });
		child.on('exit', (code) => resolve(got || { ok: false, error: `child exited ${code}: ${err.split('\n').slice(-5).join(' | ')}` }));
		child.send(job);
	});
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	if (opts.build) build();
	let startSandbox;
	try {
		({ startSandbox } = require(path.join(ROOT, 'sandbox', 'server')));
	} catch (e) {
		startSandbox = null;
		log(`sandbox unavailable: ${e.message}`);
	}
	const chosen = scenarios.filter((s) => !opts.only || opts.only.test(s.name));
	const rows = [];
	const started = Date.now();
	for (const n of opts.sizes) {
		for (const scen of chosen) {
			const variants = ['pkg'];
			const naiveCap = Math.min(opts.naiveMax, scen.naiveMax ?? Infinity);
			if (opts.naive && scen.naive && n <= naiveCap) variants.push('naive');
			// A scenario may run at its own time scale (per-item ones: see scenarios/common.js) unless
			// --scale is given.
			const scale = (!opts.scaleGiven && scen.timeScale) || opts.scale;
			for (const variant of variants) {
				const row = { scenario: scen.name, variant: variant === 'pkg' ? 'package' : 'naive', size: n, limitPerMinute: scen.limitPerMinute, rateWindows: scen.rateWindows, pacingBound: Boolean(scen.pacingBound), timeScale: scale, what: scen.what };
				rows.push(row);
				if (scen.maxSize && n > scen.maxSize && !opts.allSizes) { row.skipped = `not run above ${scen.maxSize} records by default (slow by design, see README); --all-sizes runs it`; continue; }
				if (!startSandbox) { row.skipped = 'sandbox/server.js could not be loaded'; continue; }
				let sb;
				try {
					sb = await startSandbox({ port: 0, size: scen.sandboxSize(n), timeScale: scale, seed: 1, ddImportPolls: 0 });
					const f = facts(sb.state, scen.systems);
					row.minimumCalls = scen.minimum(f, n, sb.state);
					// What the child needs from the seeded data (record ids), computed here so the
					// child's peak RSS is not the sandbox snapshot's.
					const input = scen.input ? scen.input(sb.state, n) : undefined;
					const t = Date.now();
					const r = await runChild({ scenario: scen.name, variant, url: sb.url, n, timeScale: scale, facts: f, input, pacing: opts.pacing });
					if (!r.ok) {
						row.skipped = r.error;
					} else {
						Object.assign(row, { records: r.result.records, apiCalls: r.calls, accepted: r.accepted, throttled: r.throttled, wallMs: r.wallMs, cpuMs: r.cpuMs, peakRssMb: r.peakRssMb, peakPerMinute: r.peakPerMinute, byStatus: r.byStatus });
						const { records, ...extra } = r.result; // eslint-disable-line no-unused-vars
						row.extra = { ...extra, rssBeforeMb: Math.round(r.rssBeforeMb * 10) / 10, peakAcceptedPerMinute: r.peakAcceptedPerMinute };
						if (extra.wrongStockSkus !== undefined) row.note = `${extra.wrongStockSkus} SKUs on-hand ≠ available`;
						if (extra.polls > 1) row.note = `${extra.polls} polls`;
						// The node's own working set, apart from the items n8n holds anyway (inputs, returned items).
						if (extra.nodeOwnMb !== undefined) row.note = `node's own ${extra.nodeOwnMb} MB (inputs ${extra.inputMb} MB, returned ${extra.returnedMb} MB)`;
						if (r.otherCalls) row.note = [row.note, `${r.otherCalls} calls to other systems`].filter(Boolean).join('; ');
					}
					log(`${scen.name} ${row.variant} @${n}: ${row.skipped ? 'SKIPPED ' + row.skipped : `${row.records} records, ${row.apiCalls} calls (min ${row.minimumCalls}), ${row.throttled} throttled, ${Math.round(row.wallMs)} ms`} [${((Date.now() - t) / 1000).toFixed(1)} s, total ${((Date.now() - started) / 1000).toFixed(0)} s]`);
				} catch (e) {
					row.skipped = String(e.message || e);
					log(`${scen.name} ${row.variant} @${n}: SKIPPED ${row.skipped}`);
				} finally {
					if (sb) await sb.close();
				}
			}
		}
	}
	// Naive runs too slow for the big sizes: extrapolate linearly from the largest measured size.
	if (opts.naive) {
		for (const scen of chosen) {
			if (!scen.naive) continue;
			const measured = rows.filter((r) => r.scenario === scen.name && r.variant === 'naive' && !r.skipped && !r.extrapolated).sort((a, b) => b.size - a.size)[0];
			for (const n of opts.sizes) {
				if (rows.some((r) => r.scenario === scen.name && r.variant === 'naive' && r.size === n)) continue;
				const pkgRow = rows.find((r) => r.scenario === scen.name && r.variant === 'package' && r.size === n);
				const row = { scenario: scen.name, variant: 'naive', size: n, limitPerMinute: scen.limitPerMinute, timeScale: measured ? measured.timeScale : undefined, minimumCalls: pkgRow && pkgRow.minimumCalls };
				if (!measured) { row.skipped = 'naive variant not measured at any size'; rows.push(row); continue; }
				const k = n / measured.size;
				Object.assign(row, {
					extrapolated: true, extrapolatedFrom: measured.size, records: Math.round(measured.records * k), apiCalls: Math.round(measured.apiCalls * k),
					accepted: Math.round(measured.accepted * k), throttled: Math.round(measured.throttled * k), wallMs: measured.wallMs * k, cpuMs: measured.cpuMs * k, peakRssMb: measured.peakRssMb,
				});
				rows.push(row);
			}
		}
	}
	const order = new Map(chosen.map((s, i) => [s.name, i]));
	rows.sort((a, b) => order.get(a.scenario) - order.get(b.scenario) || a.size - b.size || (a.variant === 'package' ? -1 : 1) - (b.variant === 'package' ? -1 : 1));
	report.enrich(rows);
	if (opts.json) {
		process.stdout.write(JSON.stringify(report.jsonRows(rows)) + '\n');
	} else {
		const mem = os.totalmem() / 1073741824;
		const own = [...new Set(chosen.filter((sc) => sc.timeScale && !opts.scaleGiven).map((sc) => sc.timeScale))];
		process.stdout.write(`n8n-nodes-cin7 benchmark — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} CPU, ${mem.toFixed(0)} GB RAM, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end, timeScale ${opts.scale} (a documented minute = ${(60 / opts.scale).toFixed(2)} s)${own.length ? `, per-item scenarios at ${own.join(', ')}` : ''}, pacing mode ${opts.pacing}\n`);
		process.stdout.write(`sizes ${opts.sizes.join(', ')}; calls/throttled from the sandbox's /_sandbox/stats; ratio = calls ÷ theoretical minimum; rate% = time a client exactly at the documented limits needs for the accepted calls ÷ measured time (runs longer than one window)\n\n`);
		process.stdout.write(report.table(rows) + '\n\n');
		if (opts.compare) process.stdout.write(report.compareTable(rows) + '\n\n');
		process.stdout.write(report.verdicts(rows) + '\n');
		process.stdout.write(`\ntotal bench time ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
	}
}

main().catch((e) => { log(e.stack || String(e)); process.exit(1); });
