'use strict';
// The emulated vendor APIs (sandbox/server.js), started in this process, plus a small client for
// its inspection endpoints (/_sandbox/state, /requests, /reset, /faults, /mutate, /stats).
const path = require('path');
const fs = require('fs');
const { ROOT } = require('./paths');

const SERVER = path.join(ROOT, 'sandbox', 'server.js');

function sandboxAvailable() {
	return fs.existsSync(SERVER);
}

/** startSandbox({port: 0, size, timeScale, seed}) → {url, port, close(), ...} plus the client. */
async function startSandbox(opts = {}) {
	if (!sandboxAvailable()) throw new Error('sandbox/server.js does not exist yet');
	const { startSandbox: start } = require(SERVER);
	const sb = await start({ port: 0, size: 'demo', timeScale: 60, seed: 1, ...opts });
	return Object.assign(sb, sandboxClient(sb.url));
}

function sandboxClient(url) {
	const call = async (method, p, body) => {
		const r = await fetch(`${url}/_sandbox/${p}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await r.text();
		if (!r.ok) throw new Error(`sandbox ${method} ${p}: ${r.status} ${text.slice(0, 300)}`);
		return text ? JSON.parse(text) : null;
	};
	const q = (o) => {
		const s = new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
		return s ? `?${s}` : '';
	};
	return {
		getState: (system) => call('GET', `state${q({ system })}`),
		/** Request log rows {seq, time, system, method, path, query, status, ms, note?, records?}. */
		getRequests: ({ system, since } = {}) => call('GET', `requests${q({ system, since })}`),
		clearRequests: () => call('DELETE', 'requests'),
		reset: () => call('POST', 'reset'),
		setFaults: (cfg) => call('POST', 'faults', cfg),
		clearFaults: () => call('DELETE', 'faults'),
		mutate: (system, body) => call('POST', `mutate${q({ system })}`, { system, ...body }),
		getStats: () => call('GET', 'stats'),
		/** Highest request sequence number so far (to read only what happens next). */
		lastSeq: async () => {
			const rows = await call('GET', 'requests?limit=1');
			return rows.length ? rows[rows.length - 1].seq : 0;
		},
	};
}

module.exports = { startSandbox, sandboxClient, sandboxAvailable };
