'use strict';
// Turns measured rows into the printed table, the target verdicts, or the --json array.

const fmt = (v, d = 0) => (v === null || v === undefined || Number.isNaN(v) ? '-' : Number(v).toFixed(d));
const MEMORY_STREAM_SLACK_MB = 25; // ≈ a few 1000-row pages of JSON text plus their parsed objects

/**
 * When the last of `calls` calls could go at the earliest under the documented windows
 * ([{limit, windowMs}], e.g. Cin7 Omni's 3 a second and 60 a minute), all sent at once while a
 * window has room: the time a client exactly at the limit needs.
 */
function idealMs(calls, windows) {
	const t = [];
	for (let k = 0; k < calls; k++) {
		let at = k ? t[k - 1] : 0;
		for (const w of windows) if (k >= w.limit) at = Math.max(at, t[k - w.limit] + w.windowMs);
		t.push(at);
	}
	return calls ? t[calls - 1] : 0;
}

/**
 * The call rate as a share of the allowed one, for runs needing more than one minute window: the
 * time a client exactly at the documented limits needs for the accepted calls (the first window's
 * calls go at once, so short runs are not above 100 %) ÷ the measured time.
 */
function rateUtil(row) {
	if (row.variant !== 'package' || !row.limitPerMinute || row.skipped || row.extrapolated) return null;
	if (!(row.accepted > row.limitPerMinute) || !(row.wallMs > 0)) return null;
	const windows = row.rateWindows || [{ limit: row.limitPerMinute, windowMs: 60000 }];
	return idealMs(row.accepted, windows) / row.timeScale / row.wallMs;
}

function enrich(rows) {
	for (const r of rows) {
		if (r.skipped) continue;
		r.callRatio = r.minimumCalls ? r.apiCalls / r.minimumCalls : null;
		r.recordsPerSec = r.wallMs > 0 ? r.records / (r.wallMs / 1000) : null;
		r.rateUtilisation = rateUtil(r);
	}
	return rows;
}

function table(rows) {
	const head = ['scenario', 'variant', 'size', 'records', 'calls', 'min', 'ratio', 'thr', 'wall ms', 'cpu ms', 'rss MB', 'rec/s', 'rate%', 'note'];
	const body = rows.map((r) => r.skipped
		? [r.scenario, r.variant, r.size, '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', `skipped: ${r.skipped}`]
		: [r.scenario, r.variant, r.size, fmt(r.records), fmt(r.apiCalls), fmt(r.minimumCalls), fmt(r.callRatio, 2), fmt(r.throttled), fmt(r.wallMs), fmt(r.cpuMs), fmt(r.peakRssMb, 1), fmt(r.recordsPerSec), r.rateUtilisation == null ? '-' : fmt(100 * r.rateUtilisation), [r.extrapolated ? `EXTRAPOLATED from ${r.extrapolatedFrom}` : '', r.note || ''].filter(Boolean).join('; ')]);
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
	const line = (cells) => cells.map((c, i) => (i < 2 || i === 13 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ').trimEnd();
	return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** --compare: package and naive rows of one scenario and size side by side, naive ÷ package. */
function compareTable(rows) {
	const head = ['scenario', 'size', 'calls pkg', 'naive', '×', 'thr pkg', 'naive', 'wall ms pkg', 'naive', '×', 'rss MB pkg', 'naive', 'note'];
	const ratio = (n, p) => (p > 0 && n != null ? fmt(n / p, 1) : '-');
	const body = [];
	for (const p of rows.filter((r) => r.variant === 'package')) {
		const n = rows.find((r) => r.variant === 'naive' && r.scenario === p.scenario && r.size === p.size);
		if (!n) continue;
		if (p.skipped || n.skipped) {
			body.push([p.scenario, p.size, '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', `skipped: ${p.skipped || n.skipped}`]);
			continue;
		}
		body.push([p.scenario, p.size, fmt(p.apiCalls), fmt(n.apiCalls), ratio(n.apiCalls, p.apiCalls), fmt(p.throttled), fmt(n.throttled), fmt(p.wallMs), fmt(n.wallMs), ratio(n.wallMs, p.wallMs), fmt(p.peakRssMb, 1), fmt(n.peakRssMb, 1),
			[n.extrapolated ? `naive EXTRAPOLATED from ${n.extrapolatedFrom}` : '', n.note || ''].filter(Boolean).join('; ')]);
	}
	if (!body.length) return 'compare: no scenario has both variants (naive variants exist for the read, poll and per-item scenarios)';
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
	const line = (cells) => cells.map((c, i) => (i === 0 || i === 12 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ').trimEnd();
	return ['package vs naive client (× = naive ÷ package)', line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

function verdicts(rows) {
	const out = [];
	const pkg = rows.filter((r) => r.variant === 'package' && !r.skipped);
	const overCalls = pkg.filter((r) => r.callRatio > 1.1);
	out.push(`calls ≤ 1.1 × minimum: ${overCalls.length ? 'NOT MET for ' + overCalls.map((r) => `${r.scenario}@${r.size} (${fmt(r.callRatio, 2)}×)`).join(', ') : 'met'} (${pkg.length - overCalls.length}/${pkg.length} runs)`);
	const thr = pkg.filter((r) => r.throttled > 0);
	out.push(`0 throttled responses: ${thr.length ? 'NOT MET for ' + thr.map((r) => `${r.scenario}@${r.size} (${r.throttled})`).join(', ') : 'met'} (${pkg.length - thr.length}/${pkg.length} runs)`);
	// Judged where the client waits on pacing (scenarios marked pacingBound); elsewhere the rate
	// shows what else is the bottleneck (the sandbox, the client's CPU, page latency).
	const rated = pkg.filter((r) => r.rateUtilisation != null && r.pacingBound);
	const slow = rated.filter((r) => r.rateUtilisation < 0.9);
	out.push(`≥ 90 % of the allowed call rate (pacing-bound scenarios): ${rated.length ? (slow.length ? 'NOT MET for ' + slow.map((r) => `${r.scenario}@${r.size} (${fmt(100 * r.rateUtilisation)} %)`).join(', ') : 'met') + ` (${rated.length - slow.length}/${rated.length} runs)` : 'no pacing-bound run'}`);
	const other = pkg.filter((r) => r.rateUtilisation != null && !r.pacingBound);
	if (other.length) out.push(`  rate of other runs longer than one window (bound by the sandbox, CPU or page latency, not judged): ${other.map((r) => `${r.scenario}@${r.size} ${fmt(100 * r.rateUtilisation)} %`).join(', ')}`);
	// Memory: peak RSS across sizes per package scenario.
	const byScen = new Map();
	for (const r of pkg) { if (!byScen.has(r.scenario)) byScen.set(r.scenario, []); byScen.get(r.scenario).push(r); }
	const mem = [];
	for (const [name, list] of byScen) {
		if (list.length < 2) continue;
		list.sort((a, b) => a.records - b.records);
		const lo = list[0];
		const hi = list[list.length - 1];
		const growth = hi.peakRssMb - lo.peakRssMb;
		const perK = hi.records > lo.records ? (growth / (hi.records - lo.records)) * 1000 : 0;
		const streaming = /Stream$/.test(name);
		mem.push(`  ${name.padEnd(30)} ${list.map((r) => `${r.size}:${fmt(r.peakRssMb, 0)}MB`).join('  ')}  growth ${fmt(growth, 1)} MB (${fmt(perK, 2)} MB/1k records)${streaming ? (growth <= MEMORY_STREAM_SLACK_MB ? '  → page-bound: MET' : '  → grows with data: NOT MET') : ''}`);
	}
	if (mem.length) out.push('peak RSS by size (streaming target applies to *Stream rows; node operations return every item by n8n design):\n' + mem.join('\n'));
	return out.join('\n');
}

function jsonRows(rows) {
	return rows.map((r) => ({
		scenario: r.variant === 'package' ? r.scenario : `${r.scenario}:naive`,
		variant: r.variant, size: r.size, records: r.records ?? null, apiCalls: r.apiCalls ?? null, minimumCalls: r.minimumCalls ?? null,
		throttled: r.throttled ?? null, wallMs: r.wallMs == null ? null : Math.round(r.wallMs), cpuMs: r.cpuMs == null ? null : Math.round(r.cpuMs),
		peakRssMb: r.peakRssMb == null ? null : Math.round(r.peakRssMb * 10) / 10, callRatio: r.callRatio ?? null, recordsPerSec: r.recordsPerSec ?? null,
		rateUtilisation: r.rateUtilisation ?? null, accepted: r.accepted ?? null, peakPerMinute: r.peakPerMinute ?? null, limitPerMinute: r.limitPerMinute ?? null,
		timeScale: r.timeScale ?? null, extrapolated: Boolean(r.extrapolated), ...(r.extrapolatedFrom ? { extrapolatedFrom: r.extrapolatedFrom } : {}),
		...(r.skipped ? { skipped: r.skipped } : {}), ...(r.extra || {}),
	}));
}

module.exports = { enrich, table, compareTable, verdicts, jsonRows };
