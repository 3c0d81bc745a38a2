'use strict';
// The way a user would do it without this package: raw axios loops, the vendors' default page size
// of 100, one write per record, a fixed 1 s (÷ timeScale) gap between calls as vendor docs suggest,
// and a plain "wait and try again" on a throttle. Written plainly on purpose.

const axios = require('axios');
const http = require('node:http');
const { entry } = require('../../sandbox/systems');

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function naiveClient({ baseURL, headers, auth, timeScale, spacingMs }) {
	const gap = spacingMs != null ? spacingMs : 1000 / timeScale;
	let last = 0;
	async function call(method, url, { params, data } = {}) {
		for (let attempt = 0; attempt < 20; attempt++) {
			const wait = last + gap - Date.now();
			if (wait > 0) await sleep(wait);
			last = Date.now();
			const res = await axios.request({ method, baseURL, url, params, data, headers, auth, httpAgent: agent, validateStatus: () => true, maxContentLength: Infinity, maxBodyLength: Infinity });
			if (res.status === 429 || res.status === 503) { await sleep(1000 / timeScale); continue; }
			if (res.status >= 400) throw new Error(`${method} ${url} → HTTP ${res.status}: ${JSON.stringify(res.data).slice(0, 200)}`);
			return res.data;
		}
		throw new Error(`${method} ${url}: still throttled after 20 attempts`);
	}
	return { call };
}

/** Cin7 Core: Page/Limit=100 until a short page. */
async function coreAll(client, path, listKey, params = {}, onPage) {
	const out = [];
	for (let page = 1; ; page++) {
		const body = await client.call('GET', path, { params: { ...params, Page: page, Limit: 100 } });
		const rows = body[listKey] || [];
		if (onPage) onPage(rows); else out.push(...rows);
		if (rows.length < 100) return out;
	}
}

/** Cin7 Omni: page/rows=100 until a short page. */
async function omniAll(client, path, params = {}, onPage) {
	const out = [];
	for (let page = 1; ; page++) {
		const rows = await client.call('GET', path, { params: { ...params, page, rows: 100 } });
		if (onPage) onPage(rows); else out.push(...rows);
		if (rows.length < 100) return out;
	}
}

/** A naive client for a registry system (key): its base URL and login (headers or Basic auth). */
function naiveFor(system, url, timeScale) {
	const s = entry(system);
	const { headers, basic } = s.auth;
	return naiveClient({ baseURL: url + s.basePath, headers: headers ? { ...headers } : undefined, auth: basic ? { username: basic.username, password: basic.password } : undefined, timeScale });
}

module.exports = { naiveClient, naiveFor, coreAll, omniAll, sleep };
