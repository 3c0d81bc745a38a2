'use strict';
// What a template run moved where, from the execution's run data and the sandbox request log:
// items per node; what the run ended with, per end node of the template (done, skipped by the
// template's own branches, failed), with the reasons grouped; calls per system grouped by route
// (ids, emails, SKUs and dates in paths replaced by placeholders).

const registry = require('../../sandbox/systems');

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function nodeItemCounts(runData, workflow) {
	const order = workflow ? workflow.nodes.map((n) => n.name) : Object.keys(runData);
	const out = [];
	for (const name of order) {
		const runs = runData[name];
		if (!runs) continue;
		let items = 0;
		const perOutput = [];
		for (const run of runs) {
			const main = (run.data && run.data.main) || [];
			main.forEach((arr, i) => {
				perOutput[i] = (perOutput[i] || 0) + (arr ? arr.length : 0);
				items += arr ? arr.length : 0;
			});
		}
		const type = workflow && (workflow.nodes.find((n) => n.name === name) || {}).type;
		out.push({ name, type, items, perOutput, runs: runs.length, error: runs.find((r) => r.error) ? runs.find((r) => r.error).error.message : null });
	}
	return out;
}

const isSticky = (n) => /stickyNote$/.test(n.type || '');

/** An item's error text: n8n's error output / continue-on-fail shape, or a template's own `error` field. */
function itemError(j) {
	if (!j || !j.error) return null;
	if (typeof j.error === 'string') return j.error;
	return j.error.message || j.error.description || JSON.stringify(j.error).slice(0, 200);
}

/** Reasons grouped: per-item prefixes ("Item 15: ") dropped, so one cause is one line. */
function normaliseReason(s) {
	return String(s)
		.replace(/\bItem \d+:\s*/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

const ROUTERS = /\.(if|filter|switch)$/;

/**
 * Where the template's items end: every output nothing is connected to (a router's unconnected
 * branch, e.g. a filter's discarded items, is a deliberate drop and not counted). Item by item:
 * `failed` when the item carries an error or left through an error output (onError:
 * continueErrorOutput, output 2) or a node fed only by one; `skipped` when the item says why it was
 * left out (`skipped: true` or a `reason`), i.e. the template's own branches, expected; otherwise
 * `done`. Reasons are grouped per end node; end nodes that did not run count 0.
 */
function outcomes(runData, workflow) {
	if (!workflow) return [];
	const conns = workflow.connections || {};
	const connected = (name, i) => !!(conns[name] && conns[name].main && conns[name].main[i] && conns[name].main[i].length);
	const byName = new Map(workflow.nodes.map((n) => [n.name, n]));
	const isErrorOutput = (node, i) => node.onError === 'continueErrorOutput' && i >= 1;
	// Nodes fed only by error outputs.
	const feeds = {};
	for (const [src, c] of Object.entries(conns)) {
		(c.main || []).forEach((outs, i) => {
			for (const t of outs || []) (feeds[t.node] = feeds[t.node] || []).push(isErrorOutput(byName.get(src) || {}, i));
		});
	}
	const errorFed = new Set(Object.entries(feeds).filter(([, k]) => k.length && k.every(Boolean)).map(([n]) => n));

	const out = [];
	for (const node of workflow.nodes) {
		if (isSticky(node) || ROUTERS.test(node.type || '')) continue;
		const hasAnyOutput = conns[node.name] && (conns[node.name].main || []).some((o) => o && o.length);
		const runs = runData[node.name] || [];
		const entry = { node: node.name, done: 0, skipped: 0, failed: 0, reasons: { skipped: {}, failed: {} } };
		let isEnd = !hasAnyOutput;
		for (const run of runs) {
			((run.data && run.data.main) || []).forEach((arr, i) => {
				if (connected(node.name, i)) return;
				isEnd = true;
				for (const item of arr || []) {
					const j = item.json || {};
					const err = itemError(j);
					if (err || isErrorOutput(node, i) || errorFed.has(node.name)) {
						entry.failed++;
						const r = normaliseReason(j.reason || err || 'no reason given');
						entry.reasons.failed[r] = (entry.reasons.failed[r] || 0) + 1;
					} else if (j.skipped === true || typeof j.reason === 'string') {
						entry.skipped++;
						const r = normaliseReason(j.reason || j.skipReason || 'no reason given');
						entry.reasons.skipped[r] = (entry.reasons.skipped[r] || 0) + 1;
					} else entry.done++;
				}
			});
		}
		if (isEnd) out.push(entry);
	}
	return out;
}

// ---- calls, grouped by route -------------------------------------------------------------------

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;
const SKU_AFTER = /^(sku|skus|code|productcode|optioncode)$/i;

/** A path segment that names one record (an id, an email, a SKU, a date) rather than a route. */
function placeholder(seg, prev) {
	let s = seg;
	try {
		s = decodeURIComponent(seg);
	} catch {
		/* keep it as sent */
	}
	if (s.includes('@')) return '{email}';
	if (ISO_DATE.test(s)) return '{date}';
	if (SKU_AFTER.test(prev || '')) return '{sku}';
	if (/^\d+$/.test(s)) return '{id}';
	// uuids, hex ids, prefixed ids (i0000002-5a1d-…): long, with digits, no spaces
	if (s.length >= 8 && /\d/.test(s) && /^[\w.-]+$/.test(s) && !/^v\d+$/i.test(s)) return /^[A-Z]+-?\d+/i.test(s) && s.length < 20 && !/-[0-9a-f]{4}-/i.test(s) ? '{sku}' : '{id}';
	return seg;
}

/** `/dotdigital/r1/contacts/v3/email/a@b.c` → `/contacts/v3/email/{email}` (the system's base path dropped). */
function route(system, p) {
	let rest = p.split('?')[0];
	const entry = registry.SYSTEMS.find((s) => s.key === system);
	if (entry && rest.startsWith(entry.basePath)) rest = rest.slice(entry.basePath.length);
	else rest = rest.replace(/^\/[^/]+/, '');
	const segs = rest.split('/');
	return segs.map((seg, i) => (i === 0 || !seg ? seg : placeholder(seg, segs[i - 1]))).join('/') || '/';
}

/** Sandbox traffic grouped by system, then by method and route. */
function trafficSummary(requests) {
	const by = {};
	for (const r of requests) {
		const sys = (by[r.system] = by[r.system] || { reads: 0, writes: 0, recordsWritten: 0, throttled: 0, failed: 0, calls: {} });
		const key = `${r.method} ${route(r.system, r.path)}`;
		sys.calls[key] = (sys.calls[key] || 0) + 1;
		if (r.status === 429 || r.status === 503 || r.note === 'throttled') sys.throttled++;
		else if (r.status >= 400 || r.status === 0) sys.failed++;
		if (WRITE.has(r.method)) {
			sys.writes++;
			sys.recordsWritten += r.records || 1;
		} else sys.reads++;
	}
	return by;
}

function summarizeRun({ file, workflow, result, requests }) {
	const runData = (result && result.runData) || {};
	const ends = outcomes(runData, workflow);
	const total = (k) => ends.reduce((a, e) => a + e[k], 0);
	return {
		file,
		id: workflow && workflow.id,
		name: workflow && workflow.name,
		status: result ? result.status : 'not run',
		error: result ? result.error : null,
		ms: result && result.ms,
		nodes: nodeItemCounts(runData, workflow),
		outcomes: ends,
		done: total('done'),
		skipped: total('skipped'),
		failed: total('failed'),
		traffic: trafficSummary(requests || []),
	};
}

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "reason" when there is one, else "9 × reason; 2 × other reason" (at most `max`, then how many more). */
function fmtReasons(reasons, max = 3) {
	const e = Object.entries(reasons).sort((a, b) => b[1] - a[1]);
	const cut = (k) => (k.length > 140 ? `${k.slice(0, 137)}...` : k);
	if (e.length === 1) return cut(e[0][0]);
	const shown = e.slice(0, max).map(([k, v]) => `${v} × ${cut(k)}`);
	if (e.length > max) shown.push(`and ${plural(e.length - max, 'other reason')}`);
	return shown.join('; ');
}

function formatSummary(s, { timeScale } = {}) {
	const ok = s.status === 'success';
	const lines = [`${ok ? '✔' : '✘'} ${s.name} (${s.file})${s.ms ? ` ${(s.ms / 1000).toFixed(1)} s` : ''}`];
	if (s.error) lines.push(`   error:   ${s.error}`);
	if (s.nodes.length) {
		lines.push(
			`   items:   ${s.nodes
				.filter((n) => !/stickyNote$/.test(n.type || ''))
				.map((n) => `${n.name} → ${n.perOutput[0] || 0}${n.perOutput.slice(1).map((c, i) => ` (+${c} on output ${i + 2})`).join('')}${n.error ? ' (error)' : ''}`)
				.join(', ')}`,
		);
	}
	const ends = s.outcomes || [];
	if (ends.length) {
		const done = ends.filter((e) => e.done).map((e) => `${e.node} ×${e.done}`);
		lines.push(`   done:    ${done.length ? done.join(', ') : 'none'}`);
		const skipped = ends.filter((e) => e.skipped);
		lines.push(`   skipped: ${skipped.length ? `${s.skipped}, by the template's own branches (expected)` : 'none'}`);
		for (const e of skipped) lines.push(`      ${e.node} ×${e.skipped}: ${fmtReasons(e.reasons.skipped)}`);
		const failed = ends.filter((e) => e.failed);
		lines.push(`   failed:  ${failed.length ? s.failed : 'none'}`);
		for (const e of failed) lines.push(`      ${e.node} ×${e.failed}: ${fmtReasons(e.reasons.failed)}`);
	}
	const systems = Object.entries(s.traffic);
	if (!systems.length) lines.push('   sandbox: no calls');
	for (const [sys, t] of systems) {
		lines.push(
			`   ${sys}: read ${plural(t.reads, 'call')}, wrote ${plural(t.writes, 'call')}${t.writes ? ` / ${plural(t.recordsWritten, 'record')}` : ''}` +
				`${t.throttled ? `, ${t.throttled} throttled (retried)` : ''}${t.failed ? `, ${t.failed} failed` : ''}` +
				`${timeScale && t.throttled ? ` (rate limits ×${timeScale})` : ''}`,
		);
		const calls = Object.entries(t.calls).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
		for (let i = 0; i < calls.length; i += 3) lines.push(`      ${calls.slice(i, i + 3).map(([k, v]) => `${k} ×${v}`).join(', ')}`);
	}
	return lines.join('\n');
}

module.exports = { summarizeRun, formatSummary, nodeItemCounts, trafficSummary, outcomes, route };
