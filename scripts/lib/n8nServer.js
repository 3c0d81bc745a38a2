'use strict';
// `n8n start` for one instance: spawn in its own process group, wait until ready, log in as the
// env-managed owner, talk to the public API, stop cleanly (SIGTERM to the group, then SIGKILL).
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { NODE24, N8N_BIN } = require('./paths');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function startServer(inst, { env = {}, logFile = path.join(inst.dir, 'server.log'), stdio } = {}) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(NODE24, [N8N_BIN, 'start'], {
		cwd: inst.dir,
		env: inst.env(env),
		detached: true,
		stdio: stdio || ['ignore', out, out],
	});
	fs.closeSync(out);
	const server = {
		child,
		pid: child.pid,
		logFile,
		exited: null,
		url: inst.baseUrl,
		log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
	};
	child.on('exit', (code, signal) => (server.exited = { code, signal }));
	return server;
}

/** Readiness: /healthz/readiness is ok and /rest/settings answers (routes are mounted). */
async function waitReady(server, { timeoutMs = 90000 } = {}) {
	const t0 = Date.now();
	while (Date.now() - t0 < timeoutMs) {
		if (server.exited) throw new Error(`n8n exited early (${JSON.stringify(server.exited)})\n${server.log().slice(-3000)}`);
		try {
			const r = await fetch(`${server.url}/healthz/readiness`);
			if (r.ok) {
				const s = await fetch(`${server.url}/rest/settings`);
				if (s.ok) return Date.now() - t0;
			}
		} catch {
			/* not listening yet */
		}
		await sleep(300);
	}
	throw new Error(`n8n not ready after ${timeoutMs} ms\n${server.log().slice(-3000)}`);
}

async function stopServer(server, { timeoutMs = 15000 } = {}) {
	if (!server || server.exited) return;
	const kill = (sig) => {
		try {
			process.kill(-server.pid, sig);
		} catch {
			/* already gone */
		}
	};
	kill('SIGTERM');
	const t0 = Date.now();
	while (!server.exited && Date.now() - t0 < timeoutMs) await sleep(100);
	kill('SIGKILL'); // the group: also a task runner left behind
}

/** Logs in with the owner's email + password; returns a fetch wrapper carrying the auth cookie. */
async function login(server, { email, password }) {
	const r = await fetch(`${server.url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: email, password }),
	});
	if (!r.ok) throw new Error(`login failed: ${r.status} ${await r.text()}`);
	const cookie = (r.headers.getSetCookie ? r.headers.getSetCookie() : [r.headers.get('set-cookie')])
		.filter(Boolean)
		.map((c) => c.split(';')[0])
		.join('; ');
	const rest = async (method, p, body) => {
		const res = await fetch(`${server.url}${p}`, {
			method,
			headers: { cookie, 'content-type': 'application/json', 'browser-id': 'n8n-nodes-cin7-tests' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = text;
		}
		if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text.slice(0, 500)}`);
		return json;
	};
	return { cookie, rest };
}

/** Creates a public-API key with every scope (2.x: /rest/api-keys); returns an /api/v1 client. */
async function publicApi(server, session) {
	const scopes = (await session.rest('GET', '/rest/api-keys/scopes')).data;
	const created = await session.rest('POST', '/rest/api-keys', { label: `tests-${Date.now()}`, scopes, expiresAt: null });
	const key = created.data.rawApiKey;
	return async (method, p, body) => {
		const res = await fetch(`${server.url}/api/v1${p}`, {
			method,
			headers: { 'X-N8N-API-KEY': key, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`${method} /api/v1${p}: ${res.status} ${text.slice(0, 500)}`);
		return JSON.parse(text);
	};
}

module.exports = { startServer, waitReady, stopServer, login, publicApi, sleep };
