#!/usr/bin/env node
'use strict';
// Change-to-target latency in n8n server mode: from a change in the sandbox's Cin7 Core (a sale
// order authorised through the API) to its record in Dotdigital's `orders` collection, through
// workflows/cin7-core-orders-to-dotdigital.json — once with its polling trigger (every minute,
// n8n's minimum) and once with its webhook alternative (Cin7 Core Webhook Trigger). Median and
// worst per path, printed beside the vendors' own sync cadences. See scripts/bench/README.md.
//
//   node scripts/bench/latency.js [--changes 24] [--scale 60] [--spread 180] [--json]
//   npm run bench -- --only core.latency --sizes 1000 [--json]      (the same, as a bench scenario)
//
// Arrival = the `created` time Dotdigital's sandbox gives the insight record (key = sale ID); change
// = when the authorising call returned. Both clocks are this machine's.

const path = require('node:path');
const fs = require('node:fs');

const ROOT = path.resolve(__dirname, '..', '..');
const lib = (m) => require(path.join(ROOT, 'scripts', 'lib', m));
const registry = require(path.join(ROOT, 'sandbox', 'systems'));

const TEMPLATE = 'cin7-core-orders-to-dotdigital.json';
const OWNER = { email: 'bench@latency.test', password: 'Latency-Passw0rd!' };
const IDS = { webhook: 'benchLatHook0001', polling: 'benchLatPoll0001' };
const POLLING_TRIGGER = 'Sale updated';
const WEBHOOK_TRIGGER = 'Order authorised (webhook)';
/** The vendors' own sync cadences (minutes): a change waits up to one cadence, half on average. */
const CADENCES = [
	{ name: "Dotdigital's Cin7 sync", minutes: 3 },
	{ name: 'JOOR', minutes: 60 },
	{ name: 'Order Desk', minutes: 180 },
	{ name: 'SparkLayer', minutes: 360 },
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The template with one path on: `webhook` (its webhook trigger, the polling trigger off) or
 * `polling` (every minute from `startDate`, the webhook trigger left out).
 */
function variant(template, which, startDate) {
	const wf = JSON.parse(JSON.stringify(template));
	wf.id = IDS[which];
	wf.name = `${template.name} (latency, ${which})`;
	if (!wf.nodes.some((n) => n.name === WEBHOOK_TRIGGER)) throw new Error(`${TEMPLATE} has no node "${WEBHOOK_TRIGGER}"`);
	if (which === 'polling') {
		wf.nodes = wf.nodes.filter((n) => n.name !== WEBHOOK_TRIGGER);
		delete wf.connections[WEBHOOK_TRIGGER];
	}
	for (const n of wf.nodes) {
		if (n.name === WEBHOOK_TRIGGER) n.disabled = false;
		if (n.name === POLLING_TRIGGER) {
			n.disabled = which !== 'polling';
			// A start date just before the phase: no change can fall before the cursor's first position.
			n.parameters = { ...n.parameters, pollTimes: { item: [{ mode: 'everyMinute' }] }, ...(startDate ? { startDate } : {}) };
		}
	}
	return wf;
}

function coreClient(url) {
	const base = `${url}${registry.BY_KEY.cin7core.basePath}`;
	const headers = { ...registry.authHeaders('cin7core'), 'content-type': 'application/json' };
	return async (method, p, body) => {
		for (let attempt = 0; ; attempt++) {
			const r = await fetch(`${base}${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
			const text = await r.text();
			// The account's limit is shared with n8n: wait out a throttle like any client.
			if ((r.status === 429 || r.status === 503) && attempt < 20) {
				await sleep(1000 * (parseInt(r.headers.get('retry-after') || '1', 10) || 1));
				continue;
			}
			if (!r.ok) throw new Error(`Cin7 Core ${method} ${p}: ${r.status} ${text.slice(0, 200)}`);
			return text ? JSON.parse(text) : {};
		}
	};
}

/** Customers whose default contact is a Dotdigital contact: their orders are imported, not skipped. */
async function customersInDotdigital(sb) {
	const core = await sb.getState('cin7core');
	const dd = await sb.getState('dotdigital');
	const emails = new Set(dd.contacts.map((c) => String(c.email || '').toLowerCase()));
	const out = core.customers.filter((c) => {
		if (c.Status === 'Deprecated') return false;
		const contact = c.Contacts.find((k) => k.Default) || c.Contacts[0];
		return contact && emails.has(String(contact.Email || '').toLowerCase());
	});
	const product = core.products.find((p) => p.Status === 'Active' && p.Type === 'Stock');
	return { customers: out, product };
}

function stats(latencies) {
	const sorted = [...latencies].sort((a, b) => a - b);
	const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	return { n: sorted.length, medianMs: Math.round(median), p90Ms: Math.round(at(0.9)), worstMs: Math.round(sorted[sorted.length - 1]), bestMs: Math.round(sorted[0]) };
}

/**
 * Makes `count` changes `spacingMs` apart (a sale for a customer in Dotdigital, its order
 * authorised) and waits until each has its record in Dotdigital's `orders` collection.
 */
async function measure(sb, core, pool, count, spacingMs, log, label) {
	const changes = [];
	for (let i = 0; i < count; i++) {
		const customer = pool.customers[(pool.next++) % pool.customers.length];
		const sale = await core('POST', '/sale', { Customer: customer.Name, Location: 'Main Warehouse', SkipQuote: true, CurrencyRate: 1 });
		await core('POST', '/sale/order', { SaleID: sale.ID, Status: 'AUTHORISED', Lines: [{ SKU: pool.product.SKU, Quantity: 1, Price: 10 + i }] });
		changes.push({ saleId: sale.ID, changedAt: Date.now() });
		if (i < count - 1) await sleep(spacingMs);
	}
	log(`${label}: ${count} changes made; waiting for them in Dotdigital`);
	const deadline = Date.now() + 5 * 60_000;
	let records = new Map();
	for (;;) {
		const dd = await sb.getState('dotdigital');
		const col = dd.collections && (dd.collections.orders || Object.entries(dd.collections).find(([k]) => k.toLowerCase() === 'orders')?.[1]);
		records = new Map((col ? col.records : []).map((r) => [r.key, r]));
		const missing = changes.filter((c) => !records.has(c.saleId)).length;
		if (!missing) break;
		if (Date.now() > deadline) throw new Error(`${label}: ${missing} of ${count} changes never reached Dotdigital`);
		await sleep(500);
	}
	const latencies = changes.map((c) => Date.parse(records.get(c.saleId).created) - c.changedAt);
	return { ...stats(latencies), spacingMs, latenciesMs: latencies };
}

/**
 * Runs both paths against the sandbox at `url` (its Cin7 Core webhooks deliver to n8n) in one n8n
 * server. Returns { webhook, polling } stats in ms.
 */
async function measureLatency({ url, timeScale = 60, changes = 24, spreadMs = 180_000, log = () => {} }) {
	const paths = lib('paths');
	paths.ensureRuntime({ install: false });
	const stage = lib('stage');
	const cli = lib('n8nCli');
	const server = lib('n8nServer');
	const { sandboxClient } = lib('sandbox');
	const sb = sandboxClient(url);
	const core = coreClient(url);
	const template = lib('templates').loadTemplates().find((t) => t.file === TEMPLATE);
	if (!template) throw new Error(`workflows/${TEMPLATE} not found`);

	log('building the package stage and an n8n instance …');
	const st = stage.buildStage({ log });
	const dir = paths.scratchDir('.bench', 'latency');
	const inst = await lib('n8nEnv').createInstance({ dir, owner: OWNER });
	stage.linkPackage(inst.userFolder, st.dir);
	await cli.importCredentials(inst, lib('credentials').sandboxCredentials(url, { speedUp: timeScale }));
	await cli.importWorkflows(inst, [variant(template.workflow, 'webhook')]);
	const srv = server.startServer(inst, { env: { WEBHOOK_URL: `http://127.0.0.1:${inst.port}/` } });
	try {
		await server.waitReady(srv);
		const api = await server.publicApi(srv, await server.login(srv, OWNER));
		const pool = { ...(await customersInDotdigital(sb)), next: 0 };
		if (!pool.customers.length) throw new Error('no Cin7 Core customer has a Dotdigital contact in this sandbox');

		log('webhook path: activating (registers the Cin7 Core webhook) …');
		await api('POST', `/workflows/${IDS.webhook}/activate`);
		const t0 = Date.now();
		while (!(await sb.getState('cin7core')).webhooks.some((h) => h.IsActive)) {
			if (Date.now() - t0 > 60_000) throw new Error(`the webhook was never registered\n${srv.log().slice(-2000)}`);
			await sleep(250);
		}
		const webhook = await measure(sb, core, pool, changes, 1500, log, 'webhook path');
		await api('POST', `/workflows/${IDS.webhook}/deactivate`);

		log(`polling path: activating (polls every minute); ${changes} changes over ${Math.round(spreadMs / 1000)} s …`);
		const pollingWf = variant(template.workflow, 'polling', new Date(Date.now() - 1000).toISOString());
		const created = await api('POST', '/workflows', { name: pollingWf.name, nodes: pollingWf.nodes, connections: pollingWf.connections, settings: pollingWf.settings });
		await api('POST', `/workflows/${created.id}/activate`);
		await sleep(3000);
		const polling = await measure(sb, core, pool, changes, Math.round(spreadMs / Math.max(1, changes - 1)), log, 'polling path');
		await api('POST', `/workflows/${created.id}/deactivate`);
		return { template: TEMPLATE, timeScale, changes, webhook, polling, cadences: CADENCES };
	} finally {
		await server.stopServer(srv);
		if (process.env.BENCH_KEEP !== '1') fs.rmSync(dir, { recursive: true, force: true });
	}
}

const secs = (ms) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms < 600_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

/** The comparison table: both measured paths, then each vendor's cadence (median ≈ half of it). */
function table(r) {
	const rows = [
		['webhook path (Cin7 Core Webhook Trigger)', String(r.webhook.n), secs(r.webhook.medianMs), secs(r.webhook.p90Ms), secs(r.webhook.worstMs), 'measured'],
		['polling path (Cin7 Core Trigger, every minute)', String(r.polling.n), secs(r.polling.medianMs), secs(r.polling.p90Ms), secs(r.polling.worstMs), 'measured'],
		...r.cadences.map((c) => [`${c.name}, every ${c.minutes >= 60 ? `${c.minutes / 60} h` : `${c.minutes} min`}`, '-', `≈ ${secs((c.minutes * 60_000) / 2)}`, `≈ ${secs(c.minutes * 60_000 * 0.9)}`, `≈ ${secs(c.minutes * 60_000)}`, 'vendor cadence']),
	];
	const head = ['path', 'changes', 'median', 'p90', 'worst', ''];
	const w = head.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i].length)));
	const line = (cells) => cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ').trimEnd();
	return [line(head), line(w.map((x) => '-'.repeat(x))), ...rows.map(line)].join('\n');
}

/** As a `npm run bench` scenario (registered through the Cin7 Core entry of sandbox/systems.js). */
const scenarios = [
	{
		name: 'core.latency',
		system: 'cin7core',
		systems: ['cin7core', 'dotdigital'],
		limitPerMinute: 60,
		what: 'change-to-target latency in n8n server mode: Cin7 Core sale → Dotdigital orders, webhook path vs polling every minute',
		// One n8n server and about five minutes: run once, at the smallest size (demo data).
		maxSize: 1000,
		sandboxSize: () => 'demo',
		minimum: () => 0,
		async pkg(env) {
			const r = await measureLatency({ url: env.url, timeScale: env.timeScale, log: (m) => process.stderr.write(`[latency] ${m}\n`) });
			return {
				records: r.webhook.n + r.polling.n,
				webhookMedianMs: r.webhook.medianMs,
				webhookWorstMs: r.webhook.worstMs,
				pollingMedianMs: r.polling.medianMs,
				pollingWorstMs: r.polling.worstMs,
				cadencesMinutes: Object.fromEntries(r.cadences.map((c) => [c.name, c.minutes])),
				table: table(r),
			};
		},
	},
];

async function main() {
	const args = process.argv.slice(2);
	const opt = (name, def) => {
		const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
		if (i < 0) return def;
		return args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
	};
	const json = args.includes('--json');
	const timeScale = Number(opt('scale', 60));
	const changes = Number(opt('changes', 24));
	const spreadMs = Number(opt('spread', 180)) * 1000;
	const log = (m) => process.stderr.write(`[latency] ${m}\n`);
	const { startSandbox } = lib('sandbox');
	const sb = await startSandbox({ size: 'demo', seed: 1, timeScale });
	const t = Date.now();
	try {
		const r = await measureLatency({ url: sb.url, timeScale, changes, spreadMs, log });
		if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
		else {
			process.stdout.write(`n8n-nodes-cin7 latency — ${new Date().toISOString()} — change in Cin7 Core → record in Dotdigital (${TEMPLATE}), n8n 2.41.1 server mode, sandbox time scale ${timeScale}\n\n`);
			process.stdout.write(`${table(r)}\n\ntotal ${Math.round((Date.now() - t) / 1000)} s\n`);
		}
	} finally {
		await sb.close();
	}
}

module.exports = { measureLatency, table, scenarios, CADENCES };

if (require.main === module) {
	main().catch((e) => {
		process.stderr.write(`${e.stack || e}\n`);
		process.exit(1);
	});
}
