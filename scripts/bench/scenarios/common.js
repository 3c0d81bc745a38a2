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

module.exports = { ceil, pad5, BACKFILL_START, pollUntil, spread };
