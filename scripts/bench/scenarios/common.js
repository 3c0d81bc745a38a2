'use strict';
// Helpers shared by the scenario files.

const ceil = (a, b) => Math.ceil(a / b);
const pad5 = (i) => String(i).padStart(5, '0');
const BACKFILL_START = '2000-01-01T00:00:00Z';

/** Runs a polling trigger until it has emitted `expected` records (or gives up after `maxPolls`). */
async function pollUntil(node, ctx, expected, maxPolls = 200) {
	let records = 0;
	let polls = 0;
	for (; polls < maxPolls; polls++) {
		const out = await node.poll.call(ctx);
		if (!out) break;
		records += out[0].length;
		if (records >= expected) { polls++; break; }
	}
	return { records, polls };
}

/** `count` evenly spread indexes in 1..total (every 100th for 1%). */
function spread(total, count) {
	const out = [];
	if (count <= 0) return out;
	const step = total / count;
	for (let k = 0; k < count; k++) out.push(Math.min(total, Math.floor(k * step) + 1));
	return out;
}

/**
 * Items in the per-item scenarios (one call each, so pacing is the bottleneck): n ÷ 20, at least
 * 300 (five rate windows at 60 a minute) and at most 1,000 (well inside Cin7 Omni's 5,000 a day).
 */
const perItemCount = (n) => Math.max(300, Math.min(1000, Math.round(n / 20)));
/**
 * Their time scale: a documented minute lasts 3 s. A call costs this client (and the naive one)
 * about 3 ms of CPU and 10–40 ms of wall time on a busy 2-core machine; at scale 60 that is 1–2 s
 * of a documented minute, so the rate would measure the machine, not the pacer.
 */
const PER_ITEM_TIME_SCALE = 20;

module.exports = { ceil, pad5, BACKFILL_START, pollUntil, spread, perItemCount, PER_ITEM_TIME_SCALE };
