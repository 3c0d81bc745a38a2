#!/usr/bin/env node
'use strict';
// Start the vendor sandbox: `npm run sandbox -- --port 4010 --size demo --time-scale 1 --seed 1`
// Flags (or env): --port (SANDBOX_PORT, default 4010), --size demo|bench|<products> (SANDBOX_SIZE),
// --time-scale N (SANDBOX_TIME_SCALE, default 1), --seed N (SANDBOX_SEED, default 1),
// --host H (SANDBOX_HOST, default 127.0.0.1), --anchor ISO|now (SANDBOX_ANCHOR),
// --core-throttle alternate|429|503|429text, --no-rate-limits. System-specific flags (like
// --core-throttle) come from the registry (sandbox/systems.js, each entry's `options`).
const path = require('node:path');
const { startSandbox } = require(path.join(__dirname, '..', 'sandbox', 'server'));
const registry = require(path.join(__dirname, '..', 'sandbox', 'systems'));

/** Registry options that have a command-line flag: [{ name, flag, env, values }]. */
const SYSTEM_FLAGS = registry.SYSTEMS.flatMap((s) => Object.entries(s.options || {})
	.filter(([, o]) => o.flag)
	.map(([name, o]) => ({ name, flag: o.flag, env: o.env, values: o.values })));

function parseArgs(argv) {
	const out = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) continue;
		const [k, inline] = a.slice(2).split('=');
		if (k === 'no-rate-limits') { out.rateLimits = false; continue; }
		if (k === 'help' || k === 'h') { out.help = true; continue; }
		out[k] = inline !== undefined ? inline : argv[++i];
	}
	return out;
}

async function main() {
	const a = parseArgs(process.argv.slice(2));
	if (a.help) {
		const systemFlags = SYSTEM_FLAGS.map((f) => ` [--${f.flag} ${f.values || 'VALUE'}]`).join('');
		console.log(`Usage: node scripts/sandbox.js [--port 4010] [--size demo|bench|N] [--time-scale 1] [--seed 1] [--host 127.0.0.1] [--anchor ISO|now]${systemFlags} [--no-rate-limits]`);
		return;
	}
	const env = process.env;
	const opts = {
		port: Number(a.port ?? env.SANDBOX_PORT ?? 4010),
		host: a.host ?? env.SANDBOX_HOST ?? '127.0.0.1',
		size: a.size ?? env.SANDBOX_SIZE ?? 'demo',
		timeScale: Number(a['time-scale'] ?? env.SANDBOX_TIME_SCALE ?? 1),
		seed: Number(a.seed ?? env.SANDBOX_SEED ?? 1),
		anchor: a.anchor ?? env.SANDBOX_ANCHOR,
		rateLimits: a.rateLimits ?? (env.SANDBOX_RATE_LIMITS === 'false' ? false : true),
	};
	for (const f of SYSTEM_FLAGS) opts[f.name] = a[f.flag] ?? (f.env ? env[f.env] : undefined);
	if (/^\d+$/.test(String(opts.size))) opts.size = Number(opts.size);
	const sb = await startSandbox(opts);
	const b = sb.baseUrls;
	console.log(`Sandbox listening on ${sb.url} (size ${opts.size}, seed ${opts.seed}, time-scale ${opts.timeScale})`);
	for (const s of registry.SYSTEMS) console.log(`  ${s.label.padEnd(11)} ${b[s.key]}   ${registry.describeAuth(s)}`);
	console.log(`  Control     ${sb.url}/_sandbox/health | state | requests | stats | faults | mutate | reset`);
	const stop = async () => { await sb.close(); process.exit(0); };
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((e) => { console.error(e); process.exit(1); });
