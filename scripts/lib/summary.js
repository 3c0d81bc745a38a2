'use strict';
// What a template run moved where, from the execution's run data and the sandbox request log:
// items per node, records read and written per system, skipped items with reasons, errors.

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

/** Items flagged as skipped ({skipped: true} / {status: 'skipped'}) and error items, by reason. */
function skippedAndErrors(runData) {
	const skipped = {};
	const errors = {};
	for (const runs of Object.values(runData)) {
		for (const run of runs) {
			for (const arr of (run.data && run.data.main) || []) {
				for (const item of arr || []) {
					const j = item.json || {};
					if (j.skipped === true || j.status === 'skipped' || j.action === 'skipped') {
						const reason = String(j.reason || j.skipReason || j.message || 'no reason given');
						skipped[reason] = (skipped[reason] || 0) + 1;
					} else if (j.error && (typeof j.error === 'string' || j.error.message)) {
						const msg = typeof j.error === 'string' ? j.error : j.error.message;
						errors[msg] = (errors[msg] || 0) + 1;
					}
				}
			}
		}
	}
	return { skipped, errors };
}

/** Sandbox traffic grouped by system, method and path (ids in paths folded to :id). */
function trafficSummary(requests) {
	const by = {};
	for (const r of requests) {
		const sys = (by[r.system] = by[r.system] || { reads: 0, writes: 0, recordsWritten: 0, throttled: 0, failed: 0, calls: {} });
		const p = r.path.replace(/^\/[^/]+/, '').replace(/\/[0-9a-f-]{8,}|\/\d+(?=\/|$)/gi, '/:id');
		const key = `${r.method} ${p}`;
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
	const nodes = nodeItemCounts(runData, workflow);
	const { skipped, errors } = skippedAndErrors(runData);
	return {
		file,
		id: workflow && workflow.id,
		name: workflow && workflow.name,
		status: result ? result.status : 'not run',
		error: result ? result.error : null,
		ms: result && result.ms,
		nodes,
		skipped,
		itemErrors: errors,
		traffic: trafficSummary(requests || []),
	};
}

function fmtCounts(o) {
	const e = Object.entries(o);
	return e.length ? e.map(([k, v]) => `${v} × ${k}`).join('; ') : 'none';
}

function formatSummary(s) {
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
	const systems = Object.entries(s.traffic);
	if (!systems.length) lines.push('   sandbox: no calls');
	for (const [sys, t] of systems) {
		lines.push(
			`   ${sys}: read ${t.reads} call(s), wrote ${t.writes} call(s)${t.writes ? ` / ${t.recordsWritten} record(s)` : ''}` +
				`${t.throttled ? `, ${t.throttled} throttled (retried)` : ''}${t.failed ? `, ${t.failed} failed` : ''}`,
		);
		lines.push(`      ${Object.entries(t.calls).map(([k, v]) => `${k} ×${v}`).join(', ')}`);
	}
	lines.push(`   skipped: ${fmtCounts(s.skipped)}`);
	lines.push(`   errors:  ${s.error ? 1 + Object.keys(s.itemErrors).length : fmtCounts(s.itemErrors)}`);
	return lines.join('\n');
}

module.exports = { summarizeRun, formatSummary, nodeItemCounts, trafficSummary, skippedAndErrors };
