'use strict';
// Child process: runs ONE scenario variant against an already running sandbox and reports its own
// wall time, CPU time and peak RSS (process.resourceUsage().maxRSS is per process, hence the fork).
// Calls and throttles come from the sandbox's /_sandbox/stats, reset right before the measured part.

const { performance } = require('node:perf_hooks');
const { dist, createContext, sandboxCredentials } = require('./context');
const scenarios = require('./scenarios');

async function control(url, method, path, body) {
	const res = await fetch(`${url}/_sandbox/${path}`, { method, headers: body ? { 'content-type': 'application/json' } : undefined, body: body ? JSON.stringify(body) : undefined });
	if (res.status === 204) return null;
	const json = await res.json();
	if (!res.ok) throw new Error(`sandbox ${method} ${path} → ${res.status}: ${JSON.stringify(json)}`);
	return json;
}

/**
 * Dotdigital import waits (the first status check after the import's expected duration, 5–30 s,
 * then the status interval) go through their own seam, `importWaits`; scale them like the
 * sandbox's import durations, leaving request pacing alone.
 */
function scaleImportWait(timeScale) {
	const { importWaits } = dist('nodes/Dotdigital/transport/imports.js');
	const real = importWaits.sleep;
	importWaits.sleep = async (ms) => real(ms / timeScale);
}

/**
 * --pacing clock (the default): the client keeps the DOCUMENTED limits and instead runs on a clock
 * that goes timeScale× faster (as the sandbox's windows do), so its 60 s / 1 s pacing windows
 * shrink exactly like the sandbox's, and so do its backoff waits and Dotdigital's import waits
 * (importWaits sleeps through this clock), like the sandbox's import durations. Cursor times move
 * ahead of the wall clock by elapsed × (timeScale − 1): a trigger's walk start is in the sandbox's
 * future, which the cursor caps anyway; the poll scenarios seed their cursor within a second of
 * the child's start, well inside the 5-minute overlap (5 s of wall clock at scale 60).
 */
function scaleClock(timeScale) {
	const { clock } = dist('nodes/shared/clock.js');
	const t0 = Date.now();
	const real = clock.sleep;
	clock.now = () => t0 + (Date.now() - t0) * timeScale;
	clock.sleep = async (ms) => real(ms / timeScale);
}

async function run(job) {
	const scen = scenarios.find((s) => s.name === job.scenario);
	if (!scen) throw new Error(`unknown scenario ${job.scenario}`);
	const creds = sandboxCredentials(job.url, job.pacing === 'clock' ? 1 : job.timeScale);
	const env = {
		url: job.url, timeScale: job.timeScale, n: job.n, facts: job.facts, input: job.input, dist, startedAt: Date.now(),
		createContext: (opts) => createContext({ credentials: creds, ...opts }),
		control: { mutate: (system, body) => control(job.url, 'POST', `mutate?system=${system}`, body) },
	};
	if (job.pacing === 'clock') scaleClock(job.timeScale);
	else scaleImportWait(job.timeScale);
	const variant = job.variant;
	const setup = variant === 'pkg' ? scen.setupPkg : scen.setupNaive;
	if (setup) await setup(env);
	await control(job.url, 'DELETE', 'stats');
	if (global.gc) global.gc();
	const rssBefore = process.memoryUsage().rss;
	const cpu0 = process.cpuUsage();
	const t0 = performance.now();
	const result = await scen[variant](env);
	const wallMs = performance.now() - t0;
	const cpu = process.cpuUsage(cpu0);
	const stats = await control(job.url, 'GET', 'stats');
	const s = stats.systems[scen.system];
	return {
		ok: true, result, wallMs, cpuMs: (cpu.user + cpu.system) / 1000,
		calls: s.calls, accepted: s.accepted, throttled: s.throttled, byStatus: s.byStatus, peakPerMinute: s.peakPerMinute, peakAcceptedPerMinute: s.peakAcceptedPerMinute,
		otherCalls: Object.entries(stats.systems).filter(([k]) => k !== scen.system).reduce((a, [, v]) => a + v.calls, 0),
		rssBeforeMb: rssBefore / 1048576,
		peakRssMb: process.resourceUsage().maxRSS / 1024,
	};
}

process.once('message', (job) => {
	run(job)
		.then((r) => process.send(r, () => process.exit(0)))
		.catch((e) => process.send({ ok: false, error: String((e && e.stack) || e).split('\n').slice(0, 4).join(' | ') }, () => process.exit(0)));
});
