'use strict';
// Free TCP ports for n8n (HTTP port and task-broker port must both be distinct per process).
const net = require('net');

const handedOut = new Set();

function probe(port) {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.unref();
		srv.once('error', () => resolve(null));
		srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
			const { port: got } = srv.address();
			srv.close(() => resolve(got));
		});
	});
}

/** One free port, never one this process already handed out. `preferred` is tried first. */
async function freePort(preferred) {
	if (preferred && !handedOut.has(preferred) && (await probe(preferred))) {
		handedOut.add(preferred);
		return preferred;
	}
	for (let i = 0; i < 50; i++) {
		const p = await probe(0);
		if (p && !handedOut.has(p)) {
			handedOut.add(p);
			return p;
		}
	}
	throw new Error('No free TCP port found');
}

async function isPortFree(port) {
	return (await probe(port)) !== null;
}

module.exports = { freePort, isPortFree };
